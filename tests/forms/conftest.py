"""A demo desk with dossiers walked through every after-intake step (built once per module)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.forms.desk_walk import Desk, open_desk, walk


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    desk = walk(open_desk(tmp_path_factory.mktemp("desk") / "profile"))
    yield desk
    desk.ctx.close()
