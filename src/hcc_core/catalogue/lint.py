"""Lint a catalogue: every time limit and cut-off must come from a cited published text.

    python -m hcc_core.catalogue.lint [catalogue.json|.xlsx] [--today YYYY-MM-DD]
    (default: the bundled seed, today's date)

Exit status 1 when anything is found. Checks, per procedure:
- ``unit``: no ``time_source``/``time_quote``, or the quote does not state the unit the record
  uses ("ngày làm việc" for working days, a bare "ngày" for calendar days, "giờ" for hours,
  "trong ngày"/"ngay sau khi" for same day), or the unit was assumed (``day_kind_assumed``);
- ``number``: the quote does not contain the number of days/hours (nor stages adding up to it);
- ``cutoff``: a cut-off hour without ``cutoff_source``, or a source that does not state that hour;
- ``fee``: a fee entry whose own wording says its rate ended before today;
- ``level``: no level (province/commune).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hcc_core.domain.text import fold

from .fees import expired_on
from .parse import HOURS_PER_DAY, stated_cutoff
from .schema import ProcedureRecord


@dataclass(frozen=True, slots=True)
class Finding:
    procedure: str  # code, or name when uncoded
    check: str  # "unit" | "number" | "cutoff" | "fee" | "level"
    message: str

    def __str__(self) -> str:
        return f"{self.procedure}: [{self.check}] {self.message}"


_SAME_DAY = re.compile(r"\b(?:trong ngay|ngay sau khi|ngay khi)\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def lint_records(records: Iterable[ProcedureRecord], today: date | None = None) -> list[Finding]:
    today = today or date.today()
    out: list[Finding] = []
    for rec in records:
        out.extend(lint_record(rec, today))
    return out


def lint_record(rec: ProcedureRecord, today: date) -> list[Finding]:
    who = rec.code or rec.name
    found: list[Finding] = []

    def add(check: str, message: str) -> None:
        found.append(Finding(who, check, message))

    quote = fold(rec.time_quote or "")
    if not rec.time_source or not rec.time_quote:
        add("unit", "time limit without its source (time_source and time_quote)")
    elif not _states_unit(rec, quote):
        add("unit", f"the quoted text does not state {_unit_name(rec)}: {rec.time_quote!r}")
    elif rec.duration_hours and not _states_number(rec, quote):
        add("number", f"the quoted text does not give {_amount(rec)}: {rec.time_quote!r}")
    if rec.day_kind_assumed:
        add("unit", "unit assumed, not published: check the source and set the kind")
    if rec.cutoff is not None:
        if not rec.cutoff_source:
            add("cutoff", f"cut-off {rec.cutoff} without a source (cutoff_source)")
        elif stated_cutoff(rec.cutoff_source) != rec.cutoff:
            add("cutoff", f"cutoff_source does not state {rec.cutoff}: {rec.cutoff_source!r}")
    for fee in rec.fees:
        ended = expired_on(fee, today)
        if ended is not None:
            add("fee", f"rate ended on {ended:%d/%m/%Y}: {fee['text']!r}")
    if rec.level is None:
        add("level", "no level (province or commune)")
    return found


def _states_unit(rec: ProcedureRecord, quote: str) -> bool:
    if rec.duration_hours == 0:
        return bool(_SAME_DAY.search(quote))
    if rec.duration_unit == "hour":
        return "gio" in quote
    if rec.duration_kind == "working":
        return "ngay lam viec" in quote
    # Calendar days: a bare "ngày" after a number, never "ngày làm việc".
    bare_day = re.search(r"\d\s*ngay\b(?! lam viec)", quote) is not None
    return bare_day and "ngay lam viec" not in quote


def _states_number(rec: ProcedureRecord, quote: str) -> bool:
    hours = rec.duration_hours
    wanted = hours if rec.duration_unit == "hour" else hours / HOURS_PER_DAY
    numbers = [float(n.replace(",", ".")) for n in _NUMBER.findall(quote)]
    return wanted in numbers or (len(numbers) > 1 and sum(numbers) == wanted)


def _unit_name(rec: ProcedureRecord) -> str:
    if rec.duration_hours == 0:
        return "a same-day limit"
    if rec.duration_unit == "hour":
        return "working hours"
    return "working days" if rec.duration_kind == "working" else "calendar days"


def _amount(rec: ProcedureRecord) -> str:
    if rec.duration_unit == "hour":
        return f"{rec.duration_hours:g} hours"
    return f"{rec.duration_hours / HOURS_PER_DAY:g} days"


def lint_file(path: Path, today: date | None = None) -> tuple[list[Finding], list[str]]:
    """Findings, and the file's own errors (a file that does not read is not linted)."""
    from .reading import read_catalogue

    parsed = read_catalogue(path)
    if parsed.errors:
        return [], list(parsed.errors)
    return lint_records(parsed.procedures, today), []


def main(argv: list[str] | None = None) -> int:
    import argparse

    from .reading import default_catalogue_path

    parser = argparse.ArgumentParser(
        prog="hcc-desk catalogue lint", description="check where time limits come from"
    )
    parser.add_argument("file", type=Path, nargs="?", default=None)
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="date fee periods are checked against (default: today)",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run(args.file or default_catalogue_path(), args.today)


def run(path: Path, today: date | None = None) -> int:
    """Print the findings; 0 when there are none."""
    findings, errors = lint_file(path, today)
    for line in errors:
        print(f"Lỗi / error: {line}")
    for f in findings:
        print(f)
    if errors or findings:
        print(f"{path.name}: {len(errors)} lỗi / errors, {len(findings)} cảnh báo / findings")
        return 1
    print(f"{path.name}: không có cảnh báo / no findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
