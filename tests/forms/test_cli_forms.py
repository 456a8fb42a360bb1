"""``hcc-desk print {supplement,…}`` and ``hcc-desk ledger``: outputs and exit codes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hcc_desk.cli import main
from hcc_desk.core.printing.forms.ledger_xlsx import FIRST_DATA_ROW
from hcc_desk.services import forms as forms_service
from hcc_desk.services.cli_session import CliSessions
from tests.conftest_cups import CupsQueue
from tests.forms.desk_walk import (
    APOLOGY_REASON,
    APPLICANT,
    IMMIGRATION,
    MISSING_PAPERS,
    POLICE,
    PROXY,
    REFUSAL_REASON,
    RESULT_SUMMARY,
    SUPPLEMENT_REASON,
    Desk,
)
from tests.support.printed import (
    SentCopies,
    assert_printed_as_sent,
    barcodes,
    pdf_text,
    queue_text,
    skeleton,
)

# What each form must show of the facts the walk recorded, besides the code and the applicant.
FACTS = {
    "supplement": [
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        *MISSING_PAPERS,
        f"Lý do: {SUPPLEMENT_REASON}",
    ],
    "refusal": ["PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", REFUSAL_REASON],
    "apology": [
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",  # the 2025 set
        f"Lý do: {APOLOGY_REASON}",
    ],
    "control": [
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        f"2. Nhận: {IMMIGRATION}",
        f"4. Nhận: {POLICE}",
    ],
    "result": [
        "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
        f"Họ và tên: {PROXY.name}",
        f"Kết quả giải quyết: {RESULT_SUMMARY}",
    ],
}


def facts(kind: str, code: str) -> list[str]:
    return [f"Mã hồ sơ: {code}", APPLICANT, *FACTS[kind]]


@pytest.fixture
def profile(walked: Desk) -> str:
    """The walked desk, where its admin 'demo' has logged in for headless commands."""
    CliSessions(walked.ctx.store, walked.ctx.profile.root).open("demo")
    return str(walked.ctx.profile.root)


@pytest.mark.parametrize("kind", sorted(FACTS))
def test_print_to_pdf_exits_0_and_prints_the_path(
    walked: Desk, profile: str, kind: str, tmp_path: Path, capsys
) -> None:
    code = walked.codes["refused" if kind == "refusal" else "full"]
    out = tmp_path / f"{kind}.pdf"
    assert main(["print", kind, code, "--profile", profile, "--pdf", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    text = pdf_text(out)
    assert not [f for f in facts(kind, code) if f not in text]
    assert barcodes(out)["code128"] == [code]


@pytest.mark.cups
def test_print_to_the_queue_exits_0_and_prints_the_job(
    walked: Desk, profile: str, cups_queue: CupsQueue, capsys, monkeypatch, tmp_path: Path
) -> None:
    code = walked.codes["full"]
    copies = SentCopies.record(monkeypatch, forms_service, tmp_path / "sent")
    assert main(["print", "result", code, "--profile", profile, "--printer", cups_queue.name]) == 0
    job = capsys.readouterr().out.strip()
    printed = cups_queue.wait_for_pdf(job)
    [sent] = copies.files
    assert list((walked.ctx.profile.root / "forms").iterdir()) == []  # no copy kept
    assert not [f for f in facts("result", code) if f not in pdf_text(sent)]
    assert not [f for f in facts("result", code) if skeleton(f) not in queue_text(printed)]
    assert barcodes(printed)["code128"] == [code]
    assert_printed_as_sent(sent, printed)


def test_missing_facts_exit_2_with_a_clear_message(
    walked: Desk, profile: str, tmp_path: Path, capsys
) -> None:
    code = walked.codes["waiting"]
    assert (
        main(["print", "result", code, "--profile", profile, "--pdf", str(tmp_path / "r.pdf")]) == 2
    )
    err = capsys.readouterr().err
    assert err.startswith("hcc-desk: ") and "chưa trả kết quả" in err and code in err
    assert "Traceback" not in err and not (tmp_path / "r.pdf").exists()


def test_unknown_code_and_unset_profile_exit_2(profile: str, tmp_path: Path, capsys) -> None:
    assert (
        main(
            [
                "print",
                "control",
                "000.00.61.H57-991231-0001",
                "--profile",
                profile,
                "--pdf",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 2
    )
    assert "Không tìm thấy hồ sơ" in capsys.readouterr().err
    assert (
        main(
            [
                "print",
                "control",
                "X",
                "--profile",
                str(tmp_path / "empty"),
                "--pdf",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 2
    )
    assert "Không có dữ liệu của quầy" in capsys.readouterr().err


def test_printer_failure_exits_1(
    walked: Desk, profile: str, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))
    assert (
        main(
            [
                "print",
                "control",
                walked.codes["full"],
                "--profile",
                profile,
                "--printer",
                "HCC_NOWHERE",
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("hcc-desk: ") and "Traceback" not in err


@pytest.mark.expect_log_warnings  # the failed write is logged as an ERROR
def test_disk_failure_exits_1(walked: Desk, profile: str, tmp_path: Path, capsys) -> None:
    occupied = tmp_path / "c.pdf"
    occupied.mkdir()  # the folder exists; the file cannot be written where a folder is
    (occupied / "keep").write_text("x")
    assert (
        main(
            ["print", "control", walked.codes["full"], "--profile", profile, "--pdf", str(occupied)]
        )
        == 1
    )
    assert "Lỗi hệ thống tệp" in capsys.readouterr().err


def test_ledger_to_xlsx_and_pdf(walked: Desk, profile: str, tmp_path: Path, capsys) -> None:
    xlsx, pdf = tmp_path / "so.xlsx", tmp_path / "so.pdf"
    assert (
        main(
            [
                "ledger",
                "--profile",
                profile,
                "--from",
                "2026-11-25",
                "--to",
                "30/11/2026",
                "--xlsx",
                str(xlsx),
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == f"{xlsx}\t4 hồ sơ / dossiers"
    ws = load_workbook(xlsx).active
    assert ws.cell(FIRST_DATA_ROW, 2).value == walked.codes["full"]
    assert (
        main(
            [
                "ledger",
                "--profile",
                profile,
                "--from",
                "25/11/2026",
                "--to",
                "2026-11-25",
                "--pdf",
                str(pdf),
            ]
        )
        == 0
    )
    assert walked.codes["refused"] in pdf_text(pdf)
    assert walked.codes["early"] not in pdf_text(pdf)


def test_ledger_bad_input_exits_2(profile: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "so.xlsx"
    assert (
        main(
            [
                "ledger",
                "--profile",
                profile,
                "--from",
                "2026-12-01",
                "--to",
                "2026-11-01",
                "--xlsx",
                str(out),
            ]
        )
        == 2
    )
    assert "sau ngày kết thúc" in capsys.readouterr().err
    for argv in (
        ["--from", "31/02/2026", "--to", "2026-03-01", "--xlsx", str(out)],
        ["--from", "2026-11-01", "--to", "2026-11-30"],
        ["--from", "2026-11-01", "--to", "2026-11-30", "--xlsx", str(out), "--pdf", str(out)],
    ):
        with pytest.raises(SystemExit) as e:
            main(["ledger", "--profile", profile, *argv])
        assert e.value.code == 2
    assert "ngày không hợp lệ" in capsys.readouterr().err
    assert not out.exists() and os.listdir(tmp_path) == []
