"""Suite-wide settings.

- Qt runs offscreen in every test (set before any Qt import).
- The private CUPS daemon with a cups-pdf queue (tests/conftest_cups.py) is available to every
  test that asks for ``cups_queue``; it starts once, only when asked for.
- SANE's test scanner (tests/support/sane.py) for every test that asks for ``sane_test_device``.
- ``demo_ctx``: a desk profile set up as the demo centre, for service-level tests.
- Profile keys (hcc_desk.core.keystore) go to a temporary folder, never the user's config dir.
- In CI (``CI=true``) nothing may be skipped: a skip, at collection or in a test, is reported as a
  failure with its reason, so a missing PostgreSQL, CUPS or SANE (or anything else) fails loudly.
"""

import atexit
import os
import shutil
import tempfile

import pytest

from tests.support.realparts import in_ci

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if "HCC_DESK_KEY_DIR" not in os.environ:
    _keys = tempfile.mkdtemp(prefix="hcc-desk-test-keys-")
    os.environ["HCC_DESK_KEY_DIR"] = _keys
    atexit.register(shutil.rmtree, _keys, True)
# Window geometry the desk remembers (QSettings) goes to a folder of this run, not the user's.
_config = tempfile.mkdtemp(prefix="hcc-desk-test-config-")
os.environ["XDG_CONFIG_HOME"] = _config
atexit.register(shutil.rmtree, _config, True)

pytest_plugins = ["tests.conftest_cups", "tests.support.sane"]


@pytest.fixture
def demo_ctx(tmp_path):
    from hcc_desk.app import open_context

    ctx = open_context(tmp_path / "desk")
    ctx.setup.create_demo()
    yield ctx
    ctx.close()


def _fail_skip(report) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (CI=true), which must run everything: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if in_ci():
        _fail_skip(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    if in_ci():
        _fail_skip(outcome.get_result())


def pytest_report_header(config):
    return "CI=true: a skip is a failure" if in_ci() else None
