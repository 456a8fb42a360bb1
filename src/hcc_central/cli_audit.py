"""``hcc-central audit verify``: walk the hash-chained audit log (audit_chain.py).

Exit status: 0 intact (prints the row count and the head SEQ:HASH — note it elsewhere and pass it
back as ``--anchor`` to detect a log rewritten or cut short since), 1 the first broken link,
2 bad usage or an unreachable database.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from hcc_core.audit_chain import Anchor

from .admin import AdminError
from .db import Database


def add_audit_commands(
    parser: argparse.ArgumentParser,
    common: argparse.ArgumentParser,
    open_db: Callable[[argparse.Namespace], Database],
) -> None:
    sub = parser.add_subparsers(required=True, metavar="ACTION")
    verify = sub.add_parser(
        "verify", parents=[common], help="check the audit log's hash chain; name the first break"
    )
    verify.add_argument(
        "--anchor",
        type=_anchor,
        metavar="SEQ:HASH",
        help="a head printed by an earlier verify: it must still be there",
    )
    verify.set_defaults(run=lambda args: _verify(open_db, args))


def _anchor(text: str) -> Anchor:
    try:
        return Anchor.parse(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _verify(open_db: Callable[[argparse.Namespace], Database], args: argparse.Namespace) -> int:
    from .audit_chain import verify_audit_chain

    try:
        db = open_db(args)
        try:
            with db.read() as s:
                verdict = verify_audit_chain(s, args.anchor)
        finally:
            db.dispose()
    except SQLAlchemyError as err:
        reason = getattr(err, "orig", None) or err  # the driver's words, without the SQL
        raise AdminError(f"cannot read the database: {reason}") from None
    if verdict.broken is not None:
        print(f"audit log tampered with — {verdict.broken.describe()}", file=sys.stderr)
        return 1
    head = f"; head {verdict.head}" if verdict.head else ""
    print(f"audit log intact: {verdict.rows} rows{head}")
    return 0
