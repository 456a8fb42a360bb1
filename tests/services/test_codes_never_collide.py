"""Codes that never collide (issue 10, item 7): the demo and an unenrolled desk against an
enrolled desk of the same unit, and the ledger's "Quyển số / Số thứ tự" per counter."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from hcc_core.domain.dossier_code import DEMO_FIRST, DEMO_SLOT, parse_code
from hcc_desk.app import open_context
from hcc_desk.core.store.models import Counter, Dossier
from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput
from hcc_desk.services.setup import demo_input
from tests.support.threads import run_together

AT = datetime(2026, 11, 25, 9, 0)


def _request(i: int = 0) -> IntakeRequest:
    return IntakeRequest(
        procedure_code="1.001456",
        received_at=AT,
        papers=[PaperInput("Tờ khai", 1, 0, 0)],
        submitter=PersonInput(full_name=f"Người nộp {i}", id_number="046185012345"),
    )


def _desk(path, slot: int | None):
    """A desk of the demo centre's units: the demo itself (None) or a counter on ``slot``."""
    ctx = open_context(path)
    if slot is None:
        ctx.setup.create_demo()
    else:
        data = demo_input()
        data.counter_slot, data.counter_name = slot, f"Quầy {slot:02d}"
        ctx.setup._create(data)
    return ctx


def _codes(ctx, n: int) -> list[str]:
    return [ctx.intake.submit(_request(i), "demo").code for i in range(n)]


def test_the_demo_never_prints_a_code_any_counter_of_its_units_can_print(tmp_path):
    desks = {"demo": _desk(tmp_path / "demo", None)}
    for slot in (1, 2, 20):  # an enrolled counter holds one of the unit's real slots
        desks[slot] = _desk(tmp_path / f"q{slot}", slot)
    try:
        issued = {name: _codes(ctx, 30) for name, ctx in desks.items()}
        demo = issued.pop("demo")
        assert all(parse_code(c).seq >= DEMO_FIRST for c in demo)
        for codes in issued.values():
            assert not set(codes) & set(demo)
            assert all(parse_code(c).seq < DEMO_FIRST for c in codes)
    finally:
        for ctx in desks.values():
            ctx.close()


def test_setup_asks_for_a_real_slot_and_refuses_the_demo_slot(tmp_path):
    ctx = open_context(tmp_path / "desk")
    try:
        data = demo_input()
        data.admin_password = data.admin_password_confirm = "Mật-khẩu-dài-2026!"
        for bad in (0, 21, DEMO_SLOT):
            data.counter_slot = bad
            fields = {e.field for e in ctx.setup.validate(data)}
            assert "counter_slot" in fields, bad
        data.counter_slot = 3
        assert "counter_slot" not in {e.field for e in ctx.setup.validate(data)}
    finally:
        ctx.close()


def test_ledger_book_names_the_counter_and_numbers_run_per_counter(tmp_path):
    a, b = _desk(tmp_path / "a", 3), _desk(tmp_path / "b", 4)
    try:
        for ctx, book in ((a, "Q03/2026"), (b, "Q04/2026")):
            codes = _codes(ctx, 3)
            lines = [
                (
                    ctx.dossiers.detail(c, "demo").ledger_book,
                    ctx.dossiers.detail(c, "demo").ledger_number,
                )
                for c in codes
            ]
            assert lines == [(book, 1), (book, 2), (book, 3)]
    finally:
        a.close(), b.close()


def test_ledger_numbers_stay_unique_under_concurrent_saves(tmp_path):
    ctx = _desk(tmp_path / "desk", 5)
    got: list[str] = []
    lock = threading.Lock()

    def work(gate: threading.Barrier) -> None:
        gate.wait()
        for i in range(8):
            code = ctx.intake.submit(_request(i), "demo").code
            with lock:
                got.append(code)

    try:
        run_together([work] * 5, timeout=120)
        with ctx.store.session() as s:
            lines = s.execute(select(Dossier.ledger_book, Dossier.ledger_number)).all()
        assert len(got) == len(set(got)) == 40
        assert sorted(n for _, n in lines) == list(range(1, 41))
        assert {book for book, _ in lines} == {"Q05/2026"}
    finally:
        ctx.close()


def test_the_database_refuses_a_second_line_with_the_same_number(tmp_path):
    ctx = _desk(tmp_path / "desk", 6)
    try:
        _first, second = _codes(ctx, 2)
        with pytest.raises(IntegrityError), ctx.store.write() as s:
            s.execute(update(Dossier).where(Dossier.code == second).values(ledger_number=1))
        with ctx.store.session() as s:  # another counter's book may hold the same number
            other = Counter(name="Quầy 07", slot=7)
            s.add(other)
            s.flush()
            s.execute(
                update(Dossier)
                .where(Dossier.code == second)
                .values(ledger_number=1, counter_id=other.id)
            )
            s.rollback()
    finally:
        ctx.close()
