"""Scan-panel tests run on the real services and SANE's ``test`` device (``sane_test_device``,
tests/support/sane.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def ctx(demo_ctx):
    return demo_ctx


@pytest.fixture
def officer(ctx):
    return ctx.auth.login("demo", "demo")
