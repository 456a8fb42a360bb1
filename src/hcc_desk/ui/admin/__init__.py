"""Quản trị (admins only): officers, the desk's settings, calendar and catalogue imports."""
