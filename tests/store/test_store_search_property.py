"""The FTS path must agree with the plain definition of the name search."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hcc_core.domain.text import fold
from hcc_desk.core.store import Store
from hcc_desk.core.store.repositories import search_dossiers

NAMES = [
    "Nguyễn Thị Hương",
    "Nguyễn Văn Hùng",
    "Trần Thị Thu Hà",
    "Lê Đức Anh",
    "Phạm Minh Đức",
    "Hoàng Thị Ánh Tuyết",
    "Đặng Văn Nam",
    "Võ Thị Hồng Nhung",
    "Ngô Quang Huy",
    "Bùi Anh Thư",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(
        st.sampled_from(sorted({w for n in NAMES for w in fold(n).split()})).flatmap(
            lambda w: st.integers(1, len(w)).map(lambda k: w[:k])
        ),
        min_size=1,
        max_size=3,
    )
)
def test_fts_matches_definition(
    store: Store, make_dossier: Callable[..., str], words: list[str]
) -> None:
    with store.session() as s:
        existing = search_dossiers(s, "", limit=100)
    if not existing:
        start = datetime(2026, 1, 5, 8, 0)
        for i, name in enumerate(NAMES):
            make_dossier(name, received_at=start + timedelta(hours=i))
    expected = [
        n
        for n in reversed(NAMES)
        if all(any(nw.startswith(w) for nw in fold(n).split()) for w in words)
    ]
    with store.session() as s:
        got = [d.submitter_name for d in search_dossiers(s, " ".join(words), limit=100)]
    assert got == expected
