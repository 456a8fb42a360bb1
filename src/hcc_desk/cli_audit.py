"""``hcc-desk audit verify``: walk the hash-chained audit log (core/store/audit_chain.py).

Exit status: 0 intact (prints the row count and the head, SEQ:HASH — note it elsewhere and pass
it back as ``--anchor`` to detect a log rewritten or cut short since), 1 the first broken link,
2 bad usage or no database.
"""

from __future__ import annotations

import argparse

EXIT_OK, EXIT_BROKEN, EXIT_INVALID = 0, 1, 2


def add_arguments(subparsers, common_parent: argparse.ArgumentParser) -> None:
    audit = subparsers.add_parser("audit", parents=[common_parent], help="the audit log")
    action = audit.add_subparsers(dest="action", required=True)
    verify = action.add_parser(
        "verify",
        parents=[common_parent],
        help="check the audit log's hash chain; name the first broken link",
    )
    verify.add_argument(
        "--anchor",
        metavar="SEQ:HASH",
        help="a head printed by an earlier verify: it must still be there",
    )


def run(args, profile) -> int:
    from hcc_core.audit_chain import Anchor
    from hcc_desk.services.errors import NotFound

    try:
        anchor = Anchor.parse(args.anchor) if args.anchor else None
    except ValueError as exc:
        _say("cli_audit.invalid_anchor", exc=exc)
        return EXIT_INVALID
    if not profile.db_path.exists():  # don't create an empty database and call it intact
        raise NotFound("cli_audit.database", root=profile.root)
    from hcc_desk.app import open_context
    from hcc_desk.core.store.audit_chain import verify_audit_chain

    ctx = open_context(profile.root)
    try:
        with ctx.store.session() as s:
            verdict = verify_audit_chain(s, anchor)
    finally:
        ctx.close()
    if verdict.broken is not None:
        where = verdict.broken.describe()
        _say("cli_audit.audit_log_tampered_with", where=where)
        return EXIT_BROKEN
    head = f"; head {verdict.head}" if verdict.head else ""
    print(f"audit log intact: {verdict.rows} rows{head}")
    return EXIT_OK


def _say(msg_id: str, /, **params: object) -> None:
    from hcc_desk.cli import _err

    _err(msg_id, **params)
