"""``hcc-desk sim``: N headless counter PCs taking dossiers and syncing with a real central.

Only argparse here: ``hcc-desk`` builds its parser on every start, the GUI included.
"""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--central", required=True, help="central's URL, e.g. http://127.0.0.1:8600")
    p.add_argument("--counters", type=int, default=2, help="desks to run (default 2)")
    p.add_argument("--dossiers", type=int, default=10, help="dossiers per desk (default 10)")
    p.add_argument("--pages", type=int, default=0, help="attachments per dossier (default 0)")
    p.add_argument("--attachment-kb", type=int, default=100, help="KB per attachment")
    p.add_argument("--seed", type=int, default=1, help="seed of the applicants' data")
    p.add_argument(
        "--profiles",
        default=None,
        help="folder for the desks' profiles (default: a new temporary folder)",
    )
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--admin-db",
        help="central's database URL: enrol the desks with "
        "'hcc-central admin' (creates a centre unless --centre)",
    )
    how.add_argument("--codes", help="file of one-time enrolment codes, one per line")
    p.add_argument("--centre", type=int, help="with --admin-db: enrol in this centre")
    p.add_argument("--first-slot", type=int, default=1, help="with --centre: first counter slot")
    p.add_argument(
        "--officer",
        help="officer account on central (default: created with the "
        "centre); password from HCC_SIM_PASSWORD or --password",
    )
    p.add_argument("--password", help="the officer's password")
    p.add_argument(
        "--sync",
        choices=("background", "idle"),
        default="background",
        help="background thread while taking dossiers (default), or run_until_idle after",
    )
    p.add_argument("--pace", type=float, default=0.0, help="seconds between two dossiers")
    p.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        help="seconds for the queues to drain after intake (default 600)",
    )
    p.add_argument(
        "--threads",
        action="store_true",
        help="desks as threads of this process instead of subprocesses",
    )


def main(args: argparse.Namespace) -> int:
    from .run import run_sim

    return run_sim(args)
