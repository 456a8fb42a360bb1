"""``hcc-desk`` command line: the GUI by default, and headless commands over the same services.

Exit status: 0 success, 1 an operational failure (printer, disk), 2 invalid input or usage,
3 refused: the officer's proof is missing or wrong, or the role may not do it (cli_auth.py).
Nothing is written when the input is invalid or the command is refused (but the audit row).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from hcc_desk.cli_auth import ADMIN, add_proof_arguments
from hcc_desk.cli_errors import EXIT_FAILED, EXIT_INVALID, EXIT_OK, EXIT_REFUSED

__all__ = ["EXIT_FAILED", "EXIT_INVALID", "EXIT_OK", "EXIT_REFUSED", "main"]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--profile",
        type=Path,
        default=None,
        help="folder holding the database, settings and files "
        "(default: the platform's user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="hcc-desk",
        parents=[common],
        description="HCC Desk — phần mềm tiếp nhận hồ sơ một cửa / one-stop counter software",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="exit 0 as soon as the first window is shown (smoke tests)",
    )
    sub = parser.add_subparsers(dest="command")

    sub.add_parser("demo", parents=[common], help="set up a demo centre without questions")

    intake = sub.add_parser("intake", parents=[common], help="take one dossier from a JSON file")
    add_proof_arguments(intake, "the receiving officer")
    intake.add_argument("file", type=Path, help="intake JSON (docs/intake-json.md); - for stdin")

    printing = sub.add_parser("print", parents=[common], help="print an official form")
    what = printing.add_subparsers(dest="form", required=True)
    receipt = what.add_parser("receipt", parents=[common], help="Mẫu 01 receipt of a dossier")
    receipt.add_argument("code", help="dossier code")
    receipt.add_argument("--pdf", type=Path, help="write the PDF here instead of printing")
    receipt.add_argument("--printer", help="print queue (default: the desk's printer setting)")
    receipt.add_argument("--paper", choices=("A4", "A5"), help="paper size")
    add_proof_arguments(receipt)
    from hcc_desk.cli_forms import add_arguments as add_form_arguments

    add_form_arguments(what, sub, common)  # the other forms, and the "ledger" command

    from hcc_desk.cli_capture import add_arguments as add_capture_arguments

    add_capture_arguments(sub, common)  # "scan" and "doctor"

    from hcc_desk.cli_audit import add_arguments as add_audit_arguments

    add_audit_arguments(sub, common)  # "audit verify"

    from hcc_desk.cli_backup import add_arguments as add_backup_arguments

    add_backup_arguments(sub, common)  # "backup" and "restore"

    from hcc_desk.cli_digitise import add_arguments as add_digitise_arguments

    add_digitise_arguments(sub, common)  # "digitise" and "verify" (signed digitised copies)

    search = sub.add_parser("search", parents=[common], help="find dossiers")
    search.add_argument("query", help="dossier code, ID number, phone or name")
    add_proof_arguments(search)

    enrol = sub.add_parser("enrol", parents=[common], help="enrol this desk with hcc-central")
    enrol.add_argument("--central", required=True, help="central's URL, e.g. https://hcc.example")
    enrol.add_argument("--code", required=True, help="one-time enrolment code from the admin")
    enrol.add_argument("--name", default=None, help="device name shown on central")
    enrol.add_argument(
        "--ca-file",
        default=None,
        metavar="PEM",
        help="the centre's own CA certificate: trusted for central from now on",
    )

    login = sub.add_parser(
        "login",
        parents=[common],
        help="check an officer's password (against central when online) "
        "(kept for offline login) and leave a session for headless "
        "commands",
    )
    login.add_argument("--officer", required=True, help="user name")
    login.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin (no prompt)",
    )
    sub.add_parser("logout", parents=[common], help="end the session 'hcc-desk login' left")
    officer = sub.add_parser("officer", parents=[common], help="officer accounts (admin)")
    officer_sub = officer.add_subparsers(dest="action", required=True)
    unlock = officer_sub.add_parser(
        "unlock", parents=[common], help="lift an officer's lockout after wrong passwords"
    )
    unlock.add_argument("username", help="the locked officer")
    add_proof_arguments(unlock, "the admin who unlocks")

    sync = sub.add_parser("sync", parents=[common], help="sync with central now (headless)")
    sync.add_argument(
        "--until-idle",
        action="store_true",
        help="repeat until nothing is waiting; non-zero on timeout",
    )
    sync.add_argument("--timeout", type=float, default=300.0, help="seconds (default 300)")

    from hcc_desk.sim import add_arguments as add_sim_arguments

    add_sim_arguments(
        sub.add_parser(
            "sim", help="simulate N counter PCs taking dossiers and syncing with central"
        )
    )

    catalogue = sub.add_parser("catalogue", parents=[common], help="procedure catalogue")
    cat_sub = catalogue.add_subparsers(dest="action", required=True)
    imp = cat_sub.add_parser("import", parents=[common], help="load a published list (.json/.xlsx)")
    imp.add_argument("file", type=Path)
    add_proof_arguments(imp, "the admin who imports")
    lint = cat_sub.add_parser("lint", help="check that every time limit and cut-off is sourced")
    lint.add_argument(
        "file",
        type=Path,
        nargs="?",
        default=None,
        help="catalogue .json/.xlsx (default: the bundled seed)",
    )
    lint.add_argument(
        "--today",
        type=_iso_date,
        default=None,
        help="date fee periods are checked against (YYYY-MM-DD)",
    )

    calendar = sub.add_parser("calendar", parents=[common], help="official working calendar")
    cal_sub = calendar.add_subparsers(dest="action", required=True)
    cal_imp = cal_sub.add_parser(
        "import", parents=[common], help="load a year's holiday decision (calendar JSON file)"
    )
    cal_imp.add_argument("file", type=Path)
    add_proof_arguments(cal_imp, "the admin who imports")
    return parser


def _raise(message: str) -> None:
    raise argparse.ArgumentError(None, message)


def _gui_only_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they only open the GUI, else None. Building the full parser (every
    subcommand and its help) costs ~10 ms, which the officer would wait for at every start."""
    gui = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    gui.error = _raise  # type: ignore[method-assign]  # quiet: the full parser reports it
    gui.add_argument("--profile", type=Path, default=None)
    gui.add_argument("--exit-when-ready", action="store_true")
    try:
        args, rest = gui.parse_known_args(argv)
    except argparse.ArgumentError:  # a malformed option: the full parser says what is wrong
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _gui_only_args(argv) or build_parser().parse_args(argv)
    if args.command == "sim":  # its desks have their own profiles: none of ours is touched
        from hcc_desk.sim import main as run_sim

        return run_sim(args)
    from hcc_desk.profile import Profile, default_profile_dir

    profile = Profile(args.profile or default_profile_dir())
    from hcc_desk import cli_errors
    from hcc_desk.log_setup import configure_logging, enable_crash_log

    creates = _creates_profile(args)
    if (
        not creates
        and _needs_profile(args)
        and not profile.db_path.exists()
        and not _recovery_pending(profile)
    ):
        # A mistyped --profile must not leave a new, empty profile behind.
        _err(cli_errors.no_profile(profile.root))
        return EXIT_INVALID
    missing = _missing_output_folder(args)
    if missing is not None:  # an output path with a typo must not create folders
        _err("cli.folder_does_exist_create", missing=missing)
        return EXIT_INVALID
    log = configure_logging(profile.logs) if creates or profile.root.exists() else None
    if log is not None:  # a segfault in a driver or in Qt leaves its stacks where doctor looks
        enable_crash_log(profile.logs)
    handler = {
        None: _run_gui,
        "demo": _demo,
        "intake": _intake,
        "print": _print,
        "search": _search,
        "catalogue": _catalogue,
        "enrol": _enrol,
        "sync": _sync,
        "login": _login,
        "logout": _logout,
        "officer": _officer,
        "ledger": _ledger,
        "scan": _capture,
        "doctor": _capture,
        "audit": _audit,
        "calendar": _calendar,
        "backup": _backup,
        "restore": _restore,
        "digitise": _digitise,
        "verify": _verify,
    }[args.command]
    from hcc_core.errors import ExpectedError

    try:
        return handler(args, profile)
    except Exception as exc:  # never a traceback in front of the officer
        if not isinstance(exc, ExpectedError):  # full disk, unreadable profile, a bug: logged
            logging.getLogger("hcc_desk").exception("command failed")
        message, status = cli_errors.describe(exc, log)
        _fail(args, message)
        return status


def _fail(args, message) -> None:
    """Say it on stderr; for the GUI also in a window, since a desk started from the Start menu
    or a desktop icon has no terminal to read."""
    _err(message)
    if args.command is not None:
        return
    try:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox

        _app = QApplication.instance() or QApplication(sys.argv[:1])  # kept alive for exec()
        text = f"{message.text('vi')}\n\n{message.text('en')}"
        box = QMessageBox(QMessageBox.Icon.Critical, "HCC Desk", text)
        if getattr(args, "exit_when_ready", False):  # smoke tests: shown, then gone
            QTimer.singleShot(0, box.accept)
        box.exec()
        logging.getLogger("hcc_desk").info("start-up failure shown in a window")
    except Exception:  # no display, no Qt: stderr and the log must do
        logging.getLogger("hcc_desk").exception("could not show the start-up failure")


def _missing_output_folder(args) -> Path | None:
    for name in ("pdf", "xlsx", "out"):
        target = getattr(args, name, None)
        if isinstance(target, Path) and not target.parent.is_dir():
            return target.parent
    return None


def _creates_profile(args) -> bool:
    """Only these set a new desk up: the GUI's setup screen, demo, enrolment from central."""
    return args.command in (None, "demo", "enrol")


def _recovery_pending(profile) -> bool:
    """A damaged database was set aside: the command says so and names the backup."""
    from hcc_desk.services.backups import recovery_pending

    return recovery_pending(profile)


def _needs_profile(args) -> bool:
    """Scanning to a file, the doctor and the catalogue lint also run where no desk is set up;
    restore checks the profile itself (its database may be gone: that is why it runs)."""
    if args.command in ("scan", "doctor", "restore", "digitise", "verify"):
        return False
    return not (args.command == "catalogue" and getattr(args, "action", None) == "lint")


def exit_status(exc: Exception) -> int:
    """The exit status of an expected error: refused (3), invalid input (2), else failed (1)."""
    from hcc_desk.cli_errors import exit_status as status

    return status(exc)


def _err(message, /, **params) -> None:
    """One message on stderr in both languages: an expected error, a ``Msg``, or a message id."""
    from hcc_core.i18n import msg
    from hcc_desk.cli_errors import line

    # A plain str is a message id; a StrEnum (a scan fault) is a str too but says its own words.
    text = msg(message, **params) if type(message) is str else message
    print(line(text), file=sys.stderr)


def _open(profile, *, must_be_set_up: bool = True):
    from hcc_desk.app import open_context
    from hcc_desk.services.errors import NotFound

    ctx = open_context(profile.root)
    if must_be_set_up and not ctx.setup.is_set_up():
        ctx.close()
        raise NotFound("cli.profile_set_up_run", root=profile.root)
    return ctx


def _run_gui(args, profile) -> int:
    import os

    if sys.platform.startswith("linux") and not any(
        os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        # Qt would abort with a message about plugins, which sends people the wrong way.
        _err(
            "cli.there_display_display_wayland",
        )
        return EXIT_FAILED
    from hcc_desk.app import open_context
    from hcc_desk.ui import run_gui

    ctx = open_context(profile.root)
    try:
        return run_gui(ctx, exit_when_ready=args.exit_when_ready)
    finally:
        ctx.close(backup=True)  # the at-close backup (docs/backups.md)


def _demo(args, profile) -> int:
    ctx = _open(profile, must_be_set_up=False)
    try:
        created = ctx.setup.create_demo()
    finally:
        ctx.close()
    state = "created" if created else "already set up"
    print(f"Demo centre {state} in {profile.root} — officer 'demo', password 'demo'.")
    return EXIT_OK


def _intake(args, profile) -> int:
    from hcc_desk.cli_auth import authorise, read_password
    from hcc_desk.services.intake_request import RequestFormatError, request_from_json_text

    password = read_password(args)  # its line comes first on stdin, before a '-' file
    try:
        text = (
            sys.stdin.read() if str(args.file) == "-" else args.file.read_text(encoding="utf-8-sig")
        )
        request = request_from_json_text(text)
    except (OSError, UnicodeDecodeError) as exc:
        _err("cli.read", file=args.file, exc=exc)
        return EXIT_INVALID
    except RequestFormatError as exc:
        _err(exc)
        return EXIT_INVALID
    ctx = _open(profile)
    try:
        officer = authorise(ctx, args, password, "intake")
        submitted = ctx.intake.submit(request, officer)
    finally:
        ctx.close()
    print(submitted.code)
    return EXIT_OK


def _print(args, profile) -> int:
    if args.form != "receipt":
        from hcc_desk.cli_forms import run_print

        return run_print(args)
    from hcc_desk.cli_auth import authorised

    with authorised(profile, args, "print receipt") as (ctx, officer):
        args.officer = officer
        if args.pdf:
            path = ctx.receipts.render_pdf(
                args.code, args.pdf, paper=args.paper, officer_username=args.officer
            )
            print(path)
        else:
            job = ctx.receipts.print(
                args.code, args.officer, printer=args.printer, paper=args.paper
            )
            print(job)
    return EXIT_OK


def _digitise(args, profile) -> int:
    from hcc_desk.cli_digitise import run_digitise

    return run_digitise(args, profile)


def _verify(args, profile) -> int:
    from hcc_desk.cli_digitise import run_verify

    return run_verify(args, profile)


def _ledger(args, profile) -> int:
    from hcc_desk.cli_forms import run_ledger

    return run_ledger(args)


def _capture(args, profile) -> int:
    from hcc_desk.cli_capture import run

    return run(args)


def _audit(args, profile) -> int:
    from hcc_desk.cli_audit import run

    return run(args, profile)


def _backup(args, profile) -> int:
    from hcc_desk.cli_backup import run_backup

    return run_backup(args, profile)


def _restore(args, profile) -> int:
    from hcc_desk.cli_backup import run_restore

    return run_restore(args, profile)


def _search(args, profile) -> int:
    from hcc_desk.cli_auth import authorised

    with authorised(profile, args, "search") as (ctx, officer):
        rows = ctx.dossiers.search(args.query, officer)
        for row in rows:
            print(
                "\t".join(
                    [
                        row.code,
                        row.received_at.strftime("%Y-%m-%d %H:%M"),
                        row.submitter_name,
                        row.procedure_name,
                    ]
                )
            )
        if not rows:  # said on stderr: stdout stays one dossier per line for scripts
            _err("cli.dossier_matches", query=repr(args.query))
    return EXIT_OK


def _iso_date(text: str):
    from datetime import date

    return date.fromisoformat(text)


def _catalogue(args, profile) -> int:
    if args.action == "lint":  # reads a file only: no database, no officer
        from hcc_core.catalogue import default_catalogue_path
        from hcc_core.catalogue.lint import run

        return run(args.file or default_catalogue_path(), args.today)
    from hcc_desk.cli_auth import authorised

    with authorised(profile, args, "catalogue import", ADMIN) as (ctx, _admin):
        report = ctx.catalogue.import_file(args.file)
    print(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}")
    for warning in report.warnings:  # lint findings: imported, but the list needs fixing
        print(f"Cảnh báo / warning: {warning}")
    return EXIT_OK


def _calendar(args, profile) -> int:
    from hcc_desk.cli_auth import authorised

    with authorised(profile, args, "calendar import", ADMIN) as (ctx, who):
        report = ctx.calendars.import_file(args.file, who)
        warning = ctx.calendars.admin_warning()
    years = ", ".join(str(y) for y in report.years)
    print(f"Đã nạp lịch năm {years}: {report.days} ngày. / Loaded {years}: {report.days} days.")
    if warning is not None:
        _err(warning)
    return EXIT_OK


def _login(args, profile) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass(f"Mật khẩu / password for {args.officer}: ")
    from hcc_desk.services.cli_session import CliSessions

    ctx = _open(profile)
    try:
        officer = ctx.auth.login(args.officer, password)
        expires = CliSessions(ctx.store, profile.root, clock=_now).open(officer.username)
    finally:
        ctx.close()
    print(f"{officer.username}\t{officer.full_name}\t{officer.role}")
    print(
        f"Phiên đăng nhập đến / session until {expires:%Y-%m-%d %H:%M} "
        "('hcc-desk logout' to end it)",
        file=sys.stderr,
    )
    return EXIT_OK


def _now():
    from hcc_desk import cli_auth

    return cli_auth.now()


def _logout(args, profile) -> int:
    from hcc_desk.services.cli_session import CliSessions

    ctx = _open(profile)
    try:
        officer = CliSessions(ctx.store, profile.root, clock=_now).close()
    finally:
        ctx.close()
    print(f"logged out {officer}" if officer else "no session", file=sys.stderr)
    return EXIT_OK


def _officer(args, profile) -> int:
    from hcc_desk.cli_auth import authorised
    from hcc_desk.services.auth import AuthService

    with authorised(profile, args, "officer unlock", ADMIN) as (ctx, admin):
        AuthService(ctx.store).unlock(args.username, by=admin)
    print(f"unlocked {args.username}")
    return EXIT_OK


def _enrol(args, profile) -> int:
    import platform

    ctx = _open(profile, must_be_set_up=False)
    try:
        ca_pem = Path(args.ca_file).read_text("utf-8", "replace") if args.ca_file else None
        ctx.enrolment.retry.on_retry = lambda n, wait, why: print(  # not frozen: say so
            f"lần thử {n} không thành công ({why}); thử lại sau {wait:.0f} s / try {n} failed, "
            f"retrying in {wait:.0f} s",
            file=sys.stderr,
            flush=True,
        )
        r = ctx.enrolment.enrol(args.central, args.code, args.name or platform.node(), ca_pem)
    finally:
        ctx.close()
    print(
        f"enrolled as device {r.device_id}: {r.centre_name} — {r.counter_name} "
        f"(slot {r.counter_slot}){'; desk set up from central' if r.set_up_now else ''}"
        f"; {r.queued} earlier dossier(s) queued"
    )
    return EXIT_OK


def _sync(args, profile) -> int:
    ctx = _open(profile)

    def show(r) -> None:
        print(
            f"pushed {r.pushed}, duplicates {r.duplicates}, parked {r.parked}, "
            f"pulled {r.pulled}, uploaded {r.uploaded_bytes} B"
            + (f"; {'; '.join(r.errors)}" if r.errors else ""),
            file=sys.stderr,
        )

    try:
        if args.until_idle:
            idle, report = ctx.sync.run_until_idle(args.timeout, on_pass=show)
        else:
            report = ctx.sync.sync_now(args.timeout)
            show(report)
            idle = report.completed
        status = ctx.sync.status()
    finally:
        ctx.close()
    print(f"pending {status.pending}, parked {status.parked}")
    for item in status.parked_items:
        print(f"parked {item.kind} {item.id}: {item.reason}")
    if not idle:
        _err(
            "cli.sync_unfinished_within" if args.until_idle else "cli.sync_unfinished",
            seconds=f"{args.timeout:g}",
            detail=f": {report.errors[-1]}" if report.errors else "",
        )
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
