"""Suite-wide settings.

- Qt runs offscreen in every test (set before any Qt import).
- The private CUPS daemon with a cups-pdf queue (tests/conftest_cups.py) is available to every
  test that asks for ``cups_queue``; it starts once, only when asked for.
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.conftest_cups"]
