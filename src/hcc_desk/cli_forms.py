"""``hcc-desk print {supplement,refusal,stop,apology,control,result}`` and ``hcc-desk ledger``.

Form numbers differ between the two legal bases (docs/forms.md): each dossier's forms follow
the basis in force on the day it was received.

Exit status as in cli.py: 0 done, 1 the printer or the disk failed, 2 bad input or the form's
facts are not recorded yet (e.g. ``result`` before the hand-back), 3 refused (no proof of the
officer, or the ledger asked by an officer who does not supervise) — always with a message.
"""

from __future__ import annotations

import argparse
import logging
import re
from datetime import date
from pathlib import Path

from hcc_desk.cli_auth import ANY_OFFICER, SUPERVISING, add_proof_arguments

FORMS = {
    "supplement": "Mẫu 02 — phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (request to supplement)",
    "refusal": "Mẫu 03 — phiếu từ chối tiếp nhận giải quyết hồ sơ (refusal to receive; a "
    "dossier stopped during processing gets the stop notice instead)",
    "stop": "thông báo dừng giải quyết hồ sơ (stop notice; 2025 set: Mẫu 05)",
    "apology": "Mẫu 04 — xin lỗi, hẹn lại / đề nghị gia hạn (apology, new appointment)",
    "control": "phiếu kiểm soát quá trình giải quyết hồ sơ (control slip; Mẫu 05, 2025: 06)",
    "result": "phiếu trả kết quả (result hand-back record)",
}
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_VN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_day(text: str) -> date:
    """YYYY-MM-DD or DD/MM/YYYY (as Vietnamese offices write dates)."""
    text = text.strip()
    try:
        if _ISO.fullmatch(text):
            return date.fromisoformat(text)
        if m := _VN.fullmatch(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        f"ngày không hợp lệ {text!r}: dùng YYYY-MM-DD hoặc DD/MM/YYYY "
        f"(invalid date: use YYYY-MM-DD or DD/MM/YYYY)"
    )


def add_arguments(print_subparsers, sub, common_parent) -> None:
    """Add the forms under ``print`` and the ``ledger`` command to the main parser."""
    for kind, help_text in FORMS.items():
        p = print_subparsers.add_parser(kind, parents=[common_parent], help=help_text)
        p.add_argument("code", help="dossier code (or the receipt's lookup URL)")
        p.add_argument("--pdf", type=Path, help="write the PDF here instead of printing")
        p.add_argument("--printer", help="print queue (default: the desk's printer setting)")
        p.add_argument("--paper", choices=("A4", "A5"), help="paper size")
        add_proof_arguments(p)
    ledger = sub.add_parser(
        "ledger",
        parents=[common_parent],
        help="sổ theo dõi hồ sơ (dossier ledger; Mẫu 06, 2025: 07) for a period",
    )
    ledger.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        type=parse_day,
        required=True,
        help="first day received (YYYY-MM-DD or DD/MM/YYYY)",
    )
    ledger.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        type=parse_day,
        required=True,
        help="last day received, included",
    )
    out = ledger.add_mutually_exclusive_group(required=True)
    out.add_argument("--xlsx", type=Path, help="write an Excel workbook")
    out.add_argument("--pdf", type=Path, help="write a landscape A4 PDF")
    add_proof_arguments(
        ledger, "who asks (a supervisor or admin: the ledger lists every applicant of the period)"
    )


def run_print(args) -> int:
    def work(ctx) -> None:
        if args.pdf:
            print(ctx.forms.render(args.form, args.code, args.pdf, args.officer, paper=args.paper))
        else:
            done = ctx.forms.print_form(
                args.form, args.code, args.officer, printer=args.printer, paper=args.paper
            )
            print(done.job)

    return _run(args, work, f"print {args.form}", ANY_OFFICER)


def run_ledger(args) -> int:
    def work(ctx) -> None:
        done = ctx.forms.ledger(
            args.date_from,
            args.date_to,
            xlsx=args.xlsx,
            pdf=args.pdf,
            officer_username=args.officer,
        )
        print(f"{done.xlsx or done.pdf}\t{done.rows} hồ sơ / dossiers")

    return _run(args, work, "ledger", SUPERVISING)


def _run(args, work, command: str, roles: tuple[str, ...]) -> int:
    from hcc_desk.cli import EXIT_FAILED, EXIT_OK, _err, exit_status
    from hcc_desk.cli_auth import authorised
    from hcc_desk.core.printing.errors import PrinterError
    from hcc_desk.profile import Profile, default_profile_dir
    from hcc_desk.services.errors import UserError

    try:
        profile = Profile(args.profile or default_profile_dir())
        with authorised(profile, args, command, roles) as (ctx, officer):
            args.officer = officer
            work(ctx)
    except PrinterError as exc:
        _err(exc)
        return EXIT_FAILED
    except UserError as exc:
        _err(exc)
        return exit_status(exc)
    except OSError as exc:  # the output folder is missing or read-only, the disk is full
        logging.getLogger("hcc_desk").exception("file system error")
        _err("cli_forms.file_system_error", exc=exc)
        return EXIT_FAILED
    return EXIT_OK
