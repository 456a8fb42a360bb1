"""Plain-Python core of HCC Desk. Never imports Qt (tests/test_core_is_qt_free.py enforces it)."""
