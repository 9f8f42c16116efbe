# Models arrive with the pledges issue; the app exists so that the layout is stable.
