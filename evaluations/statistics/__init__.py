"""Yearly statistics in the Ministry of Home Affairs forms, defined as data and counted in SQL."""
