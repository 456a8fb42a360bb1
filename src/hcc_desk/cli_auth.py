"""Who acts, for headless commands: an officer who proved it, with a role that may do it.

Proof is the officer's password on stdin (``--password-stdin``: one line, never an argument) or
the session ``hcc-desk login`` left in the profile. A refusal exits 3 (EXIT_REFUSED) with a
message, and is audited as ``officer.refused`` with the command and the reason.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, NoReturn

from hcc_core.i18n import Joined, msg
from hcc_desk.services.errors import AuthError

EXIT_REFUSED = 3
ANY_OFFICER = ("officer", "supervisor", "admin")
SUPERVISING = ("supervisor", "admin")  # as the GUI's Giám sát tab
ADMIN = ("admin",)


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


@contextmanager
def authorised(
    profile: Any, args: argparse.Namespace, command: str, roles: tuple[str, ...] = ANY_OFFICER
) -> Iterator[tuple[Any, str]]:
    """The profile's context and the proven officer's user name, for one headless command: the
    password is read first, then the profile opened (set up, or NotFound); closed in any case."""
    from hcc_desk.cli import _open

    password = read_password(args)
    ctx = _open(profile)
    try:
        yield ctx, authorise(ctx, args, password, command, roles)
    finally:
        ctx.close()


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
                "cli_auth.password_stdin_needs_officer",
            )
        try:
            officer = AuthService(ctx.store, clock=lambda: now()).check(
                claimed, password, detail={"command": command}
            )
        except OfficerLocked as exc:
            _refuse(ctx, claimed, command, "locked", exc)
        except AuthError as exc:
            _refuse(ctx, claimed, command, "password", exc)
    else:
        who, why = CliSessions(ctx.store, ctx.profile.root, clock=lambda: now()).current()
        if who is None:
            _refuse(
                ctx,
                claimed or "?",
                command,
                f"session_{why}",
                msg(f"cli_auth.no_session.{why}", command=command),
            )
        if claimed and claimed != who:
            _refuse(
                ctx,
                claimed,
                command,
                "session_of_other_officer",
                "cli_auth.login_session_s_s",
                who=who,
                claimed=claimed,
            )
        try:
            officer = ctx.auth.officer(who)
        except AuthError as exc:  # deactivated since the login
            _refuse(ctx, who, command, "inactive", exc)
    if officer.role not in roles:
        needed = Joined(tuple(msg(f"role.{r}") for r in roles), msg("role.or"))
        _refuse(
            ctx,
            officer.username,
            command,
            "role",
            msg(
                "cli_auth.role_refused",
                username=officer.username,
                role=msg(f"role.{officer.role}"),
                command=command,
                needed=needed,
            ),
        )
    return officer.username


def _refuse(ctx, actor: str, command: str, reason: str, why: Any, /, **params: Any) -> NoReturn:
    """Audit the refusal and raise it; ``why`` is a message (or its id with ``params``)."""
    from hcc_desk.core.store.repositories import add_audit

    with ctx.store.write() as s:
        add_audit(
            s, actor, "officer.refused", "officer", None, {"command": command, "reason": reason}
        )
    raise Refused(why, **params) if isinstance(why, str) else Refused.like(why)
