from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy import text

from hcc_desk.core.store import Store
from hcc_desk.core.store.models import Applicant
from hcc_desk.core.store.repositories import (
    CANDIDATE_CAP,
    classify_query,
    dossiers_received_on,
    get_dossier_detail,
    search_dossiers,
)

UNIT = "000.00.51.H57"  # the unit code of the conftest agency
MakeDossier = Callable[..., str]


@pytest.mark.parametrize(
    ("query", "kind", "value"),
    [
        ("000.00.51.H57-260105-0001", "code", "000.00.51.H57-260105-0001"),
        ("000.00.51.h57-2601", "code", "000.00.51.H57-2601"),
        ("260105-0003", "code_tail", "260105-0003"),
        ("260105", "code_tail", "260105"),
        ("046190000001", "id_number", "046190000001"),
        ("046 190 000 001", "id_number", "046190000001"),
        ("191234567", "id_number", "191234567"),
        ("0905 123 456", "phone", "0905123456"),
        ("+84 905 123 456", "phone", "0905123456"),
        ("84905123456", "phone", "0905123456"),
        ("0234.3822.111", "phone", "02343822111"),
        ("Nguyễn  Hương", "name", "nguyen huong"),
        ("Đặng", "name", "dang"),
        ("  ", "all", ""),
    ],
)
def test_classify_query(query: str, kind: str, value: str) -> None:
    sq = classify_query(query)
    assert (sq.kind, sq.value) == (kind, value)


def codes(store: Store, query: str, **kw: object) -> list[str]:
    with store.session() as s:
        return [d.code for d in search_dossiers(s, query, **kw)]  # type: ignore[arg-type]


@pytest.fixture
def people(make_dossier: MakeDossier) -> dict[str, str]:
    return {
        "huong": make_dossier("Nguyễn Thị Hương", received_at=datetime(2026, 1, 5, 8, 0)),
        "hung": make_dossier(
            "Trần Văn Hùng",
            id_number="046090000002",
            phone="0912000002",
            received_at=datetime(2026, 1, 5, 9, 0),
        ),
        "duc": make_dossier(
            "Lê Đức Anh",
            id_number=None,
            old_id_number="191234567",
            phone="0234 3822 111",
            received_at=datetime(2026, 1, 6, 10, 0),
            owner={
                "full_name": "Công ty TNHH Hương Giang",
                "kind": "organisation",
                "id_number": None,
            },
        ),
        "huong2": make_dossier(
            "Phạm Hương",
            id_number="046190000003",
            phone="0905999003",
            received_at=datetime(2026, 1, 7, 14, 0),
            owner={"full_name": "Hồ Thị Mai", "id_number": "046190000099"},
        ),
    }


def test_name_words_prefix_match_any_word(store: Store, people: dict[str, str]) -> None:
    assert codes(store, "huong") == [people["huong2"], people["duc"], people["huong"]]
    assert codes(store, "nguyen huong") == [people["huong"]]
    assert codes(store, "Nguyễn Hương") == [people["huong"]]
    assert codes(store, "ng huo") == [people["huong"]]
    assert codes(store, "đức") == [people["duc"]]
    assert codes(store, "uong") == []  # words match by prefix, not anywhere
    assert codes(store, "mai") == [people["huong2"]]  # owner names are searchable too


def test_id_number_matches_submitter_owner_and_old_cmnd(
    store: Store, people: dict[str, str]
) -> None:
    assert codes(store, "046090000002") == [people["hung"]]
    assert codes(store, "046190000099") == [people["huong2"]]
    assert codes(store, "191234567") == [people["duc"]]
    assert codes(store, "046190000777") == []


def test_phone_is_normalised_both_ways(store: Store, people: dict[str, str]) -> None:
    for q in ("0912000002", "0912 000 002", "+84912000002", "84912000002"):
        assert codes(store, q) == [people["hung"]]
    assert codes(store, "02343822111") == [people["duc"]]


def test_code_prefix_and_tail(store: Store, people: dict[str, str]) -> None:
    assert codes(store, people["hung"]) == [people["hung"]]
    assert codes(store, people["hung"].lower()) == [people["hung"]]
    assert codes(store, f"{UNIT}-260105") == [people["hung"], people["huong"]]
    assert codes(store, people["duc"][14:]) == [people["duc"]]
    assert codes(store, "260105") == [people["hung"], people["huong"]]


def test_received_on_filter(store: Store, people: dict[str, str]) -> None:
    day = date(2026, 1, 5)
    assert codes(store, "huong", received_on=day) == [people["huong"]]
    assert codes(store, "0912000002", received_on=day) == [people["hung"]]
    assert codes(store, "0912000002", received_on=date(2026, 1, 6)) == []
    assert codes(store, "", received_on=day) == [people["hung"], people["huong"]]
    assert codes(store, f"{UNIT}-2601", received_on=day) == [people["hung"], people["huong"]]


def test_limit_and_empty_query(store: Store, people: dict[str, str]) -> None:
    assert codes(store, "", limit=2) == [people["huong2"], people["duc"]]
    assert codes(store, "huong", limit=1) == [people["huong2"]]
    assert codes(store, "!!!") == []


def test_summary_fields(store: Store, people: dict[str, str]) -> None:
    with store.session() as s:
        (row,) = search_dossiers(s, "046190000003")
    assert row.procedure_name == "Cấp thẻ tư vấn viên pháp luật"
    assert (row.submitter_name, row.owner_name) == ("Phạm Hương", "Hồ Thị Mai")
    assert (row.id_number, row.phone, row.agency_name) == (
        "046190000003",
        "0905999003",
        "Sở Tư pháp",
    )
    assert row.status == 2 and row.received_at == datetime(2026, 1, 7, 14, 0)


def test_renamed_applicant_is_found_by_new_name(store: Store, people: dict[str, str]) -> None:
    with store.session() as s:
        a = s.query(Applicant).filter_by(full_name="Trần Văn Hùng").one()
        a.full_name = "Trần Văn Minh"
        a.phone = "0987 000 111"
    assert codes(store, "hung") == []
    assert codes(store, "0912000002") == []
    assert codes(store, "tran minh") == [people["hung"]]
    assert codes(store, "0987000111") == [people["hung"]]


def test_dossiers_received_on_is_in_receipt_order(store: Store, people: dict[str, str]) -> None:
    with store.session() as s:
        rows = dossiers_received_on(s, date(2026, 1, 5))
    assert [r.code for r in rows] == [people["huong"], people["hung"]]


def test_detail_by_code_or_uuid(store: Store, people: dict[str, str]) -> None:
    with store.session() as s:
        d = get_dossier_detail(s, people["duc"])
        assert d is not None
        assert get_dossier_detail(s, d.uuid.upper()) == d
        assert get_dossier_detail(s, "000.00.51.H57-990101-0001") is None
    assert d.owner is not None and d.owner.kind == "organisation"
    assert d.submitter.old_id_number == "191234567"
    assert [p.name for p in d.papers] == ["Tờ khai"]
    assert [e.status for e in d.events] == [2]
    assert d.procedure.code == "1.000426" and d.agency.unit_code == UNIT
    assert d.counter is not None and d.counter.slot == 1
    assert d.officer.username == "lan"


def test_broad_name_query_is_capped_newest_first(store: Store, make_dossier: MakeDossier) -> None:
    for i in range(3):
        make_dossier("Nguyễn Văn An", received_at=datetime(2026, 2, 1 + i, 8, 0))
    with store.session() as s:
        rows = search_dossiers(s, "an", limit=2)
    assert [r.received_at.day for r in rows] == [3, 2]
    assert CANDIDATE_CAP >= 500


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("260105-00", "ix_dossier_code_tail"),
        ("000.00.51.H57-26", "(code>? AND code<?)"),
        ("0905123456", "ix_dossier_phone_received"),
        ("nguyen", "dossier_fts"),
    ],
)
def test_queries_use_an_index(store: Store, query: str, index: str) -> None:
    from hcc_desk.core.store.repositories.search import _id_query

    stmt = _id_query(classify_query(query), 50, None)
    with store.session() as s:
        sql = str(stmt.compile(s.bind, compile_kwargs={"literal_binds": True}))
        plan = " ".join(r[-1] for r in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert index in plan
    assert "SCAN dossier " not in plan + " "
