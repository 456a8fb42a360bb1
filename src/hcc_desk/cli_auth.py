"""Who acts, for headless commands: an officer who proved it, with a role that may do it.

Proof is the officer's password on stdin (``--password-stdin``: one line, never an argument) or
the session ``hcc-desk login`` left in the profile. A refusal exits 3 (EXIT_REFUSED) with a
message, and is audited as ``officer.refused`` with the command and the reason.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from hcc_desk.services.errors import AuthError

EXIT_REFUSED = 3
ANY_OFFICER = ("officer", "supervisor", "admin")
SUPERVISING = ("supervisor", "admin")  # as the GUI's Giám sát tab
ADMIN = ("admin",)
_ROLE_NAMES = {"officer": "cán bộ", "supervisor": "giám sát", "admin": "quản trị"}


def now() -> datetime:
    """The CLI's clock (tests replace it to reach a session's expiry or a lockout's end)."""
    return datetime.now()


class Refused(AuthError):
    pass


def add_proof_arguments(parser: argparse.ArgumentParser, who: str = "who acts") -> None:
    parser.add_argument(
        "--officer",
        default=None,
        help=f"{who}: user name (default: the officer of the session left by 'hcc-desk login')",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read that officer's password from the first line of stdin "
        "(needed unless 'hcc-desk login' left a session)",
    )


def read_password(args: argparse.Namespace) -> str | None:
    """The password line, read before anything else reads stdin (``intake -`` reads the JSON
    after it). A terminal gets a prompt that does not echo."""
    if not getattr(args, "password_stdin", False):
        return None
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("Mật khẩu / password: ")
    return sys.stdin.readline().rstrip("\r\n")


def authorise(
    ctx,
    args: argparse.Namespace,
    password: str | None,
    command: str,
    roles: tuple[str, ...] = ANY_OFFICER,
) -> str:
    """The proven officer's user name, or Refused (audited)."""
    from hcc_desk.services.auth import AuthService, OfficerLocked, normalise_username
    from hcc_desk.services.cli_session import CliSessions

    claimed = normalise_username(args.officer) if args.officer else None
    if password is not None:
        if not claimed:
            _refuse(
                ctx,
                "?",
                command,
                "no_officer",
                "--password-stdin cần --officer USER.",
                "--password-stdin needs --officer USER.",
            )
        try:
            officer = AuthService(ctx.store, clock=lambda: now()).check(
                claimed, password, detail={"command": command}
            )
        except OfficerLocked as exc:
            _refuse(ctx, claimed, command, "locked", exc.message, exc.message_en)
        except AuthError as exc:
            _refuse(ctx, claimed, command, "password", exc.message, exc.message_en)
    else:
        who, why = CliSessions(ctx.store, ctx.profile.root, clock=lambda: now()).current()
        if who is None:
            _refuse(ctx, claimed or "?", command, f"session_{why}", *_NO_SESSION[why](command))
        if claimed and claimed != who:
            _refuse(
                ctx,
                claimed,
                command,
                "session_of_other_officer",
                f"Phiên đăng nhập là của '{who}', không phải '{claimed}': dùng "
                "--password-stdin hoặc chạy 'hcc-desk login' lại.",
                f"The login session is {who}'s, not {claimed}'s: use --password-stdin "
                "or run 'hcc-desk login' again.",
            )
        try:
            officer = ctx.auth.officer(who)
        except AuthError as exc:  # deactivated since the login
            _refuse(ctx, who, command, "inactive", exc.message, exc.message_en)
    if officer.role not in roles:
        needed = " hoặc ".join(_ROLE_NAMES[r] for r in roles)
        _refuse(
            ctx,
            officer.username,
            command,
            "role",
            f"Cán bộ '{officer.username}' ({_ROLE_NAMES.get(officer.role, officer.role)}) "
            f"không được dùng lệnh '{command}': cần vai trò {needed}.",
            f"Officer '{officer.username}' ({officer.role}) may not run '{command}': "
            f"it needs the role {' or '.join(roles)}.",
        )
    return officer.username


_NO_SESSION = {
    "none": lambda c: (
        (
            f"Lệnh '{c}' cần xác nhận cán bộ: nhập mật khẩu qua --password-stdin, hoặc chạy "
            "'hcc-desk login' trước."
        ),
        (
            f"'{c}' needs the officer's proof: the password with --password-stdin, or run "
            "'hcc-desk login' first."
        ),
    ),
    "unknown": lambda c: (
        "Phiên đăng nhập không hợp lệ với hồ sơ cấu hình này: chạy 'hcc-desk login'.",
        "The login session is not valid for this profile: run 'hcc-desk login'.",
    ),
    "expired": lambda c: (
        "Phiên đăng nhập đã hết hạn: chạy 'hcc-desk login' lại.",
        "The login session has expired: run 'hcc-desk login' again.",
    ),
}


def _refuse(ctx, actor: str, command: str, reason: str, message: str, message_en: str):
    from hcc_desk.core.store.repositories import add_audit

    with ctx.store.write() as s:
        add_audit(
            s, actor, "officer.refused", "officer", None, {"command": command, "reason": reason}
        )
    raise Refused(message, message_en)
