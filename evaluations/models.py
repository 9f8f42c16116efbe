# Models arrive with the evaluations issue; the app exists so that the layout is stable.
