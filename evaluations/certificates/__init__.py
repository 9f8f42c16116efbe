"""Certificates (bằng khen, giấy khen) printed onto pre-printed blanks from recorded awards."""
