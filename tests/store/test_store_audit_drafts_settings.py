from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from hcc_desk.core.store import Store
from hcc_desk.core.store.repositories import (
    add_audit,
    delete_draft,
    get_setting,
    list_audit,
    load_drafts,
    save_draft,
    set_setting,
)


def test_audit_rows_are_appended(store: Store) -> None:
    with store.session() as s:
        first = add_audit(s, "lan", "dossier.create", "dossier", "d-1", {"code": "X-1"})
        add_audit(s, "lan", "dossier.view", "dossier", "d-1")
        add_audit(s, "minh", "dossier.search", detail={"query": "huong", "hits": 3})
    with store.session() as s:
        rows = list_audit(s)
        assert [r.action for r in rows] == ["dossier.search", "dossier.view", "dossier.create"]
        assert rows[-1].uuid == first and rows[-1].detail == {"code": "X-1"}
        assert [r.action for r in list_audit(s, entity_uuid="d-1")] == [
            "dossier.view",
            "dossier.create",
        ]


@pytest.mark.parametrize("sql", ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"])
def test_audit_log_is_append_only(store: Store, sql: str) -> None:
    with store.session() as s:
        add_audit(s, "lan", "receipt.print", "dossier", "d-1")
    with pytest.raises(IntegrityError, match="append-only"), store.session() as s:
        s.execute(text(sql))
    with store.session() as s:
        assert len(list_audit(s)) == 1


def test_settings_round_trip_json(store: Store) -> None:
    with store.session() as s:
        assert get_setting(s, "office_hours", default=[]) == []
        set_setting(s, "office_hours", [["07:00", "11:30"], ["13:30", "17:00"]])
        set_setting(s, "printer", {"name": "HCC_PDF", "copies": 2})
    with store.session() as s:
        set_setting(s, "printer", None)
    with store.session() as s:
        assert get_setting(s, "office_hours") == [["07:00", "11:30"], ["13:30", "17:00"]]
        assert get_setting(s, "printer", default="unset") is None


def test_drafts_save_overwrite_load_delete(store: Store) -> None:
    with store.session() as s:
        a = save_draft(s, "lan", {"name": "Nguyễn"})
        b = save_draft(s, "lan", {"name": "Trần"})
        save_draft(s, "minh", {"name": "Lê"})
    with store.session() as s:
        assert save_draft(s, "lan", {"name": "Nguyễn Thị Hương"}, uuid=a) == a
    with store.session() as s:
        drafts = load_drafts(s, "lan")
        assert [d.uuid for d in drafts] == [a, b]
        assert {d.uuid: d.payload["name"] for d in drafts}[a] == "Nguyễn Thị Hương"
        assert delete_draft(s, b) is True and delete_draft(s, b) is False
        assert [d.uuid for d in load_drafts(s, "lan")] == [a]
        assert len(load_drafts(s, "minh")) == 1
