"""Real parts the suite needs (PostgreSQL, CUPS, SANE): skipped on a developer's machine that lacks
one, a failure in CI.

CI (``CI=true``) must prove every end-to-end claim, so there a missing part is an error with the reason,
never a silent skip; ``tests/conftest.py`` also turns any other skip into a failure there.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def unavailable(reason: str) -> NoReturn:
    """Skip (developer machine) or fail (CI) the test that needs a part this machine lacks."""
    if in_ci():
        pytest.fail(
            f"{reason} — CI=true requires it (.ci/run installs and starts it)", pytrace=False
        )
    pytest.skip(reason)
