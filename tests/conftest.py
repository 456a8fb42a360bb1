"""Suite-wide settings.

- Qt runs offscreen in every test (set before any Qt import).
- The private CUPS daemon with a cups-pdf queue (tests/conftest_cups.py) is available to every
  test that asks for ``cups_queue``; it starts once, only when asked for.
- SANE's test scanner (tests/support/sane.py) for every test that asks for ``sane_test_device``.
- ``demo_ctx``: a desk profile set up as the demo centre, for service-level tests.
"""
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.conftest_cups", "tests.support.sane"]


@pytest.fixture
def demo_ctx(tmp_path):
    from hcc_desk.app import open_context

    ctx = open_context(tmp_path / "desk")
    ctx.setup.create_demo()
    yield ctx
    ctx.close()
