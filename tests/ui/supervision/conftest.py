"""The same clock-driven demo desk as the return-desk UI tests."""

from tests.ui.return_desk.conftest import clock, ctx, officer  # noqa: F401 (fixtures)
