"""Suite-wide: the private CUPS daemon with a cups-pdf queue (tests/conftest_cups.py) is available
to every test that asks for ``cups_queue``; it starts once, only when asked for."""
pytest_plugins = ["tests.conftest_cups"]
