"""Suite-wide settings.

- Qt runs offscreen in every test (set before any Qt import).
- The private CUPS daemon with a cups-pdf queue (tests/conftest_cups.py) is available to every
  test that asks for ``cups_queue``; it starts once, only when asked for.
- SANE's test scanner (tests/support/sane.py) for every test that asks for ``sane_test_device``.
- ``demo_ctx``: a desk profile set up as the demo centre, for service-level tests.
- Profile keys (hcc_desk.core.keystore) go to a temporary folder, never the user's config dir.
- A WARNING (or worse) logged by our loggers fails the test unless the test expects it: it
  uses ``caplog`` (and asserts on the records) or carries ``@pytest.mark.expect_log_warnings``.
  A Qt warning fails it too (pytest-qt, ``qt_log_level_fail`` in pyproject.toml).
- In CI (``CI=true``) nothing may be skipped: a skip, at collection or in a test, is reported as a
  failure with its reason, so a missing PostgreSQL, CUPS or SANE (or anything else) fails loudly.
"""

import atexit
import logging
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


# The desk, its shared core, central, and Qt's messages as the desk routes them (ui/qt_log.py).
OUR_LOGGERS = ("hcc_desk", "hcc_core", "hcc_central", "qt")
# Warnings no single test can own: (logger, start of the message), each with its reason.
SUITE_WIDE_WARNINGS = (
    # The shipped official calendar ends with 2026 and the tests run near its end, so due dates
    # reach 2027; the fallback says so once per process (lru_cache), in whichever test is first.
    ("hcc_core.calendar", "official calendar has no year"),
    # Qt's offscreen plugin, when a test runs the real GUI start-up (ui/qt_log.py routes Qt's
    # messages): pyproject.toml's qt_log_ignore says why.
    ("qt", "This plugin does not support "),
)


class _OurWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".", 1)[0] not in OUR_LOGGERS:
            return
        message = record.getMessage()
        if not any(record.name == n and message.startswith(m) for n, m in SUITE_WIDE_WARNINGS):
            self.records.append(record)


@pytest.fixture(autouse=True)
def _fail_on_unexpected_log_warnings(request):
    """A warning nobody expected is a problem support would read in the log: the test that
    provoked it says so, or fails (in its call, see below, or at teardown for what the
    fixtures' clean-up logged)."""
    handler = _OurWarnings()
    root = logging.getLogger()
    root.addHandler(handler)
    request.node._our_warnings = handler
    try:
        yield
    finally:
        root.removeHandler(handler)
    _check_log_warnings(request.node)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    _check_log_warnings(item)  # a failure of the test itself, not an error beside a pass
    return result


def _check_log_warnings(item) -> None:
    handler = getattr(item, "_our_warnings", None)
    if handler is None or not handler.records:
        return
    records, handler.records = handler.records, []
    fixtures = getattr(item, "fixturenames", ())
    if "caplog" in fixtures or item.get_closest_marker("expect_log_warnings") is not None:
        return
    lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in records[:10])
    pytest.fail(
        "unexpected log warnings (use caplog and assert on them, or mark the test "
        f"@pytest.mark.expect_log_warnings):\n{lines}",
        pytrace=False,
    )


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
