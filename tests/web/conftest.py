"""Fixtures of the real-browser tests: a headless Chromium (``chrome``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.realparts import unavailable
from tests.web.chrome import chromium, missing_parts


@pytest.fixture
def chrome() -> Iterator[Any]:
    why = missing_parts()
    if why is not None:
        unavailable(why)
    with chromium() as driver:
        yield driver
