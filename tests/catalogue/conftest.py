from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hcc_desk.core.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "desk.db")
    yield s
    s.close()
