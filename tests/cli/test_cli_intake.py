"""The headless CLI against a demo centre: the documented examples, and bad input."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hcc_core.files import safe_filename
from hcc_desk.app import open_context
from hcc_desk.cli import EXIT_REFUSED, main
from hcc_desk.core.store.models import Applicant, Dossier, Procedure
from hcc_desk.services.cli_session import CliSessions
from hcc_desk.services.setup import demo_input
from tests.support.printed import (
    assert_receipt_printed,
    barcodes,
    page_size_mm,
    receipt_copies,
    receipt_lines,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
CODE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$")


@pytest.fixture
def profile(tmp_path):
    """A demo desk where officer 'demo' has logged in (the session headless commands use)."""
    assert main(["demo", "--profile", str(tmp_path / "desk")]) == 0
    ctx = open_context(tmp_path / "desk")
    try:
        CliSessions(ctx.store, ctx.profile.root).open("demo")
    finally:
        ctx.close()
    return tmp_path / "desk"


def _rows(profile) -> tuple[int, int]:
    ctx = open_context(profile)
    try:
        with ctx.store.session() as s:
            return (
                s.scalar(select(func.count()).select_from(Dossier)),
                s.scalar(select(func.count()).select_from(Applicant)),
            )
    finally:
        ctx.close()


@pytest.mark.parametrize("example", ["intake-individual.json", "intake-organisation.json"])
def test_documented_examples_take_a_dossier_and_print_its_receipt(
    profile, example, capsys, tmp_path
):
    capsys.readouterr()
    assert (
        main(["intake", "--profile", str(profile), "--officer", "demo", str(EXAMPLES / example)])
        == 0
    )
    code = capsys.readouterr().out.strip()
    assert CODE.match(code)
    pdf = tmp_path / "receipt.pdf"
    assert main(["print", "receipt", code, "--profile", str(profile), "--pdf", str(pdf)]) == 0
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert code in text
    assert text.count("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") == 2  # two copies
    expected_name = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    name = (expected_name.get("owner_organisation") or {}).get("name") or "Nguyễn Thị Hương"
    assert name in text.replace("\n", " ")
    assert [barcodes(pdf, pages[0])["code128"] for pages in receipt_copies(pdf)] == [[code]] * 2


BAD_INPUTS = {
    "broken JSON": '{"procedure_code": "1.001456",',
    "not an object": "[1, 2, 3]",
    "unknown key": '{"procedure_code": "1.001456", "submiter": {}}',
    "wrong type": '{"procedure_code": "1.001456", "sets": "two"}',
    "invalid ID": '{"procedure_code": "1.001456", "submitter": '
    '{"full_name": "Lê An", "id_number": "003185012345"}}',
    "QR garbage": '{"procedure_code": "1.001456", "citizen_qr": "||||\\u0000garbage"}',
    "huge name": json.dumps(
        {
            "procedure_code": "1.001456",
            "submitter": {"full_name": "Â" * 10_000_000, "id_number": "046185012345"},
        }
    ),
    "bad date": '{"procedure_code": "1.001456", "submitter": {"date_of_birth": "12/03/1985"}}',
    "unknown procedure": '{"procedure_code": "0.000000", "submitter": '
    '{"full_name": "Lê An", "id_number": "046085012345"}}',
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_exits_2_with_a_message_and_writes_nothing(profile, case, tmp_path, capsys):
    before = _rows(profile)
    path = tmp_path / "bad.json"
    path.write_text(BAD_INPUTS[case], encoding="utf-8")
    capsys.readouterr()
    assert main(["intake", "--profile", str(profile), "--officer", "demo", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("hcc-desk: ") and len(err) < 5000  # clear, not a traceback or a dump
    assert "Traceback" not in err
    assert _rows(profile) == before


def test_missing_file_and_unknown_officer(profile, tmp_path, capsys):
    assert (
        main(
            ["intake", "--profile", str(profile), "--officer", "demo", str(tmp_path / "nope.json")]
        )
        == 2
    )
    assert (
        main(
            [
                "intake",
                "--profile",
                str(profile),
                "--officer",
                "ghost",
                str(EXAMPLES / "intake-individual.json"),
            ]
        )
        == EXIT_REFUSED
    )
    assert "ghost" in capsys.readouterr().err


def test_unset_profile_is_refused(tmp_path, capsys):
    assert (
        main(
            [
                "intake",
                "--profile",
                str(tmp_path / "empty"),
                "--officer",
                "demo",
                str(EXAMPLES / "intake-individual.json"),
            ]
        )
        == 2
    )
    assert "hcc-desk demo" in capsys.readouterr().err


def test_console_entry_point_runs_as_a_process(profile):
    # The password's line first on stdin, then the JSON; search then uses the login session.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "hcc_desk",
            "intake",
            "--profile",
            str(profile),
            "--officer",
            "demo",
            "--password-stdin",
            "-",
        ],
        input="demo\n" + (EXAMPLES / "intake-individual.json").read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert CODE.match(done.stdout.strip())
    found = subprocess.run(
        [sys.executable, "-m", "hcc_desk", "search", "nguyen thi huong", "--profile", str(profile)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() in found.stdout


def test_print_receipt_on_a_real_cups_queue(profile, cups_queue, capsys):
    example = EXAMPLES / "intake-individual.json"
    assert main(["intake", "--profile", str(profile), "--officer", "demo", str(example)]) == 0
    code = capsys.readouterr().out.strip()
    assert (
        main(
            [
                "print",
                "receipt",
                code,
                "--profile",
                str(profile),
                "--printer",
                cups_queue.name,
                "--paper",
                "A5",
            ]
        )
        == 0
    )
    job = capsys.readouterr().out.strip()
    printed = cups_queue.wait_for_pdf(job)
    width, height = page_size_mm(printed)
    assert abs(width - 148) < 1 and abs(height - 210) < 1
    # What the receipt must show: the example's person, the procedure it names, the
    # appointment and PIN the store recorded.
    id_number, _old_id, name = json.loads(example.read_text(encoding="utf-8"))["citizen_qr"].split(
        "|"
    )[:3]
    ctx = open_context(profile)
    try:
        with ctx.store.session() as s:
            due, pin, procedure = s.execute(
                select(Dossier.due_at, Dossier.lookup_pin, Procedure.name)
                .join(Procedure, Procedure.id == Dossier.procedure_id)
                .where(Dossier.code == code)
            ).one()
    finally:
        ctx.close()
    facts = receipt_lines(
        code=code,
        pin=pin,
        applicant=name,
        id_number=id_number,
        procedure=procedure,
        appointment=due,
        officer=demo_input().admin_full_name,
    )
    # The copy made for the queue is gone (it carries the ID number in clear text); the same
    # receipt rendered again is the reference for what the queue received.
    assert list((profile / "receipts").iterdir()) == []
    sent = profile.parent / f"{safe_filename(code)}-reference.pdf"
    assert (
        main(
            [
                "print",
                "receipt",
                code,
                "--profile",
                str(profile),
                "--paper",
                "A5",
                "--pdf",
                str(sent),
            ]
        )
        == 0
    )
    assert_receipt_printed(sent, printed, facts, code, f"?ma={code}&pin={pin}")


def test_printer_problem_is_a_clear_message(profile, cups_queue, capsys):
    assert (
        main(
            [
                "intake",
                "--profile",
                str(profile),
                "--officer",
                "demo",
                str(EXAMPLES / "intake-individual.json"),
            ]
        )
        == 0
    )
    code = capsys.readouterr().out.strip()
    assert (
        main(
            ["print", "receipt", code, "--profile", str(profile), "--printer", "NO_SUCH_QUEUE_HCC"]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "NO_SUCH_QUEUE_HCC" in err and "Traceback" not in err
    assert list((profile / "receipts").iterdir()) == []  # nothing printed, nothing kept
