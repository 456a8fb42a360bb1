"""``hcc-central``: serve, admin, export (docs/central.md)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .admin import AdminError
from .settings import Settings

if TYPE_CHECKING:
    from .db import Database


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code: int = args.run(args)  # each sub-command's function
        return code
    except AdminError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.resolve(
        getattr(args, "db", None), getattr(args, "store", None), getattr(args, "data", None)
    )


def _database(args: argparse.Namespace) -> Database:
    """The database named by the arguments, migrated to head."""
    from .db import Database
    from .migrate import upgrade

    db = Database(_settings(args).db_url, pool_size=2)
    upgrade(db.engine)
    return db


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app

    tls = _tls_options(args.cert, args.key)  # a bad file is said before anything starts
    settings = _settings(args)
    _database(args).dispose()  # migrate before the first request
    options = {"host": args.host, "port": args.port, "log_level": args.log_level,
               "proxy_headers": True, "log_config": _log_config(args.log_level), **tls}  # fmt: skip
    if args.workers > 1:
        # Worker processes build their own app from the environment (uvicorn needs a factory).
        os.environ["HCC_CENTRAL_DB"] = settings.db_url
        os.environ["HCC_CENTRAL_STORE"] = str(settings.store_dir)
        uvicorn.run("hcc_central.app:app_from_env", factory=True, workers=args.workers, **options)
    else:
        uvicorn.run(create_app(settings), **options)
    return 0


def _log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging, plus our own loggers (hcc_central.*) on stderr with their names:
    without a handler only their warnings would show, and without the area they came from."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["named"] = {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    config["handlers"]["named"] = {
        "formatter": "named",
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stderr",
    }
    config["loggers"]["hcc_central"] = {
        "handlers": ["named"],
        "level": "DEBUG" if level == "trace" else level.upper(),  # uvicorn's extra level
        "propagate": False,
    }
    return config


def _tls_options(cert: str | None, key: str | None) -> dict[str, str]:
    """uvicorn's TLS options, after checking the files load (a clear error, not a traceback
    from inside the server)."""
    if cert is None and key is None:
        return {}
    if cert is None or key is None:
        raise AdminError("--cert and --key go together (the certificate and its private key)")
    import ssl

    for kind, name in (("certificate", cert), ("key", key)):
        try:
            Path(name).read_bytes()
        except OSError as exc:
            raise AdminError(f"cannot read the {kind} file {name}: {exc.strerror}") from None
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key)
    except (ssl.SSLError, ValueError) as exc:
        raise AdminError(f"{cert} and {key} are not a PEM certificate and its key: {exc}") from None
    return {"ssl_certfile": cert, "ssl_keyfile": key}


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_jsonl
    from .store import FileStore

    db = _database(args)
    store = FileStore(_settings(args).store_dir)
    try:
        if args.jsonl == "-":
            n = export_jsonl(db, sys.stdout, store)
        else:
            tmp = Path(args.jsonl + ".tmp")
            with tmp.open("w", encoding="utf-8", newline="\n") as out:
                n = export_jsonl(db, out, store)
            tmp.replace(args.jsonl)  # never leave a half-written export under the real name
    finally:
        db.dispose()
    print(f"exported {n} dossiers", file=sys.stderr)
    return 0


def _common(default: object = None) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", default=default, help="database URL (default: SQLite in --data)")
    p.add_argument("--data", default=default, help="data directory (central.db, store/)")
    p.add_argument("--store", default=default, help="attachment store directory")
    return p


def _parser() -> argparse.ArgumentParser:
    from .cli_admin import add_admin_commands
    from .cli_audit import add_audit_commands
    from .cli_notify import add_notify_commands

    parser = argparse.ArgumentParser(prog="hcc-central", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    serve = sub.add_parser("serve", parents=[_common()], help="run the API (migrates first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8600)
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--workers", type=int, default=1, help="API processes (PostgreSQL)")
    serve.add_argument("--cert", metavar="FILE", help="serve HTTPS: PEM certificate (chain)")
    serve.add_argument("--key", metavar="FILE", help="the certificate's PEM private key")
    serve.set_defaults(run=cmd_serve)
    export = sub.add_parser("export", parents=[_common()], help="all dossiers as JSON Lines")
    export.add_argument("--jsonl", required=True, help="output file, or - for stdout")
    export.set_defaults(run=cmd_export)
    # --db etc. may come before or after the admin subcommand.
    admin = sub.add_parser("admin", parents=[_common()], help="administration")
    add_admin_commands(admin, _common(argparse.SUPPRESS), _database)
    audit = sub.add_parser("audit", parents=[_common()], help="the audit log")
    add_audit_commands(audit, _common(argparse.SUPPRESS), _database)
    notify = sub.add_parser("notify", parents=[_common()], help="messages to applicants")
    add_notify_commands(notify, _common(argparse.SUPPRESS), _database, _settings)
    return parser


def read_password(given: str | None) -> str:
    if given:
        return given
    if sys.stdin.isatty():
        first, second = getpass.getpass("Password: "), getpass.getpass("Again: ")
        if first != second:
            raise AdminError("the passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def iso_datetime(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date-time: {text!r}") from None
