"""Thông tin giấy tờ on the real PaperRecordService of a demo desk: a sure OCR suggestion is
pre-filled and marked, a less sure one is only offered; "Xác nhận" (Ctrl+Enter) saves it as
checked by the officer; a bad ID number and an unreadable date are marked on their fields; a
reused copy says where it came from."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from hcc_desk.core.store.models import Dossier, PaperRecord
from hcc_desk.ui.paper_record_panel import PaperRecordPanel
from tests.support.demo_dossier import save_demo_dossier
from tests.ui.conftest import type_text

ISSUER = "UBND phường Thuận Hóa"


@pytest.fixture
def dossier(demo_ctx):
    return save_demo_dossier(demo_ctx)


def suggest(ctx, dossier, position: int, **found: tuple[str, float]) -> None:
    """What the OCR text of the paper's copy suggested (services/paper_records.store_suggestions
    writes it there after the text layer)."""
    with ctx.store.write() as s:
        row = s.scalar(select(Dossier).where(Dossier.uuid == dossier.uuid))
        s.add(
            PaperRecord(
                dossier_id=row.id,
                paper_position=position,
                kind="",
                suggested={k: {"value": v, "confidence": c} for k, (v, c) in found.items()},
            )
        )


def open_panel(qtbot, ctx, runner, dossier, position: int = 1) -> PaperRecordPanel:
    panel = PaperRecordPanel(ctx.paper_records, runner, "demo")
    qtbot.addWidget(panel)
    panel.resize(760, 600)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.load(dossier.code, position)
    return panel


def test_a_sure_suggestion_is_prefilled_marked_and_saved_as_checked(
    qtbot, demo_ctx, runner, dossier
):
    suggest(
        demo_ctx,
        dossier,
        1,
        issuer=(ISSUER, 0.93),
        issued_on=("2021-08-15", 0.85),
        number=("123/2021", 0.55),
    )
    panel = open_panel(qtbot, demo_ctx, runner, dossier)
    ui = panel.ui

    assert ui.heading.text() == dossier.papers[0].name
    assert ui.kind.currentText() == dossier.papers[0].name  # the paper's own kind by default
    assert ui.issuer.text() == ISSUER and ui.issuer_note.isVisible()
    assert ui.issued_on.text() == "15/08/2021" and ui.issued_on_note.isVisible()
    assert "gợi ý từ OCR — hãy kiểm tra" in ui.issuer_note.text()
    # Less sure: not typed in, only offered beside the field; Ctrl+G in the field takes it.
    assert ui.number.text() == "" and ui.number_hint.isVisible()
    assert "123/2021" in ui.number_hint.text() and "55%" in ui.number_hint.text()
    ui.number.setFocus()
    QTest.keyClick(ui.number, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert ui.number.text() == "123/2021" and not ui.number_hint.isVisible()

    with qtbot.waitSignal(panel.saved, timeout=10_000) as saved:
        QTest.keyClick(ui.number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    view = saved.args[0]
    assert view.checked and view.fields.issuer == ISSUER and view.fields.number == "123/2021"
    assert view.fields.issued_on.isoformat() == "2021-08-15"
    assert "Đã xác nhận bởi" in ui.state_label.text()
    assert not ui.issuer_note.isVisible()  # checked values are the officer's now
    [record] = demo_ctx.paper_records.records(dossier.code)[:1]
    assert record.checked and record.checked_by_name == view.checked_by_name


def test_a_bad_id_number_is_marked_on_its_field(qtbot, demo_ctx, runner, dossier):
    panel = open_panel(qtbot, demo_ctx, runner, dossier)
    ui = panel.ui
    type_text(ui.owner_id_number, "12345")
    type_text(ui.valid_until, "31/02/2030")  # no such day: the form says so itself
    ui.owner_id_number.setFocus()
    QTest.keyClick(ui.owner_id_number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "valid_until" in panel.visible_errors()

    ui.valid_until.clear()
    QTest.keyClick(ui.owner_id_number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "owner_id_number" in panel.visible_errors(), timeout=10_000)
    assert panel.visible_errors()["owner_id_number"]
    assert ui.confirm_button.isEnabled()
    assert not demo_ctx.paper_records.records(dossier.code)[0].checked  # nothing saved


def test_a_reused_copy_says_where_it_came_from(qtbot, demo_ctx, runner, dossier):
    with demo_ctx.store.write() as s:
        row = s.scalar(select(Dossier).where(Dossier.uuid == dossier.uuid))
        s.add(
            PaperRecord(
                dossier_id=row.id,
                paper_position=2,
                kind=dossier.papers[1].name,
                suggested={},
                reused_dossier_code="000.00.61.H57-251001-0007",
                reused_signer="Trần Văn Bình",
            )
        )
    panel = open_panel(qtbot, demo_ctx, runner, dossier, position=2)
    said = panel.ui.state_label.text()
    assert said.startswith("Tái sử dụng từ hồ sơ 000.00.61.H57-251001-0007, ký bởi")
    assert "Trần Văn Bình" in said
