# Models arrive with the campaigns issue; the app exists so that the layout is stable.
