"""Helpers that several test modules share (form data, short service calls).

Test modules import from here, never from one another.
"""
