"""Hash chain of an audit log, shared by the desk and central (no database code here).

Each row carries ``seq`` (1, 2, … with no gaps), ``prev_hash`` (the previous row's ``row_hash``,
:data:`GENESIS` for row 1) and ``row_hash`` = SHA-256 of a canonical JSON array of the row's
fields followed by ``prev_hash``. Changing, deleting, inserting or reordering a row therefore
breaks the chain at that row, even for someone who can bypass the database's append-only triggers.

Someone who recomputes every hash after the row they changed, or cuts rows off the end, leaves an
intact chain: only a head recorded earlier elsewhere (an :class:`Anchor`) reveals that.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

GENESIS = "0" * 64


def _encode(value: Any) -> str:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return f"<{type(value).__name__}>{value!r}"  # e.g. a blob put in by hand: hashes, differs


def parse_stored(at: Any, detail: Any) -> tuple[Any, Any]:
    """``at`` and ``detail`` read as text (so one row edited into nonsense can be named, not
    crash the reading of all rows), parsed back; unparseable text stays as is and fails its hash."""
    try:
        at = datetime.fromisoformat(at) if isinstance(at, str) else at
    except ValueError:
        pass
    try:
        detail = json.loads(detail) if isinstance(detail, str) else detail
    except ValueError:
        pass
    return at, detail


def json_value(detail: Any) -> Any:
    """``detail`` as the database will give it back (JSON round trip: tuples become lists…), so
    the hash computed before the INSERT matches the one recomputed from the stored row."""
    return None if detail is None else json.loads(json.dumps(detail))


def chain_hash(fields: Sequence[Any], prev_hash: str) -> str:
    """SHA-256 (hex) of the row's fields and the previous row's hash, canonically serialised."""
    text = json.dumps(
        [*fields, prev_hash],
        default=_encode,
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainRow:
    """One stored row as the verifier sees it; ``fields`` as given to :func:`chain_hash`."""

    id: int
    seq: int | None
    at: datetime | None
    prev_hash: str | None
    row_hash: str | None
    fields: Sequence[Any]


@dataclass(frozen=True)
class Anchor:
    """A head noted earlier (``SEQ:HASH`` as ``audit verify`` prints it)."""

    seq: int
    row_hash: str

    @classmethod
    def parse(cls, text: str) -> Anchor:
        seq, sep, digest = text.strip().partition(":")
        if not (sep and seq.isdigit() and int(seq) >= 1 and len(digest) == 64):
            raise ValueError(f"not SEQ:HASH (e.g. 120:{'ab' * 32}): {text!r}")
        return cls(int(seq), digest.lower())

    def __str__(self) -> str:
        return f"{self.seq}:{self.row_hash}"


@dataclass(frozen=True)
class Break:
    """The first broken link: which row, and what is wrong with it."""

    row_id: int | None
    seq: int | None
    at: datetime | None
    problem: str

    def describe(self) -> str:
        where = "end of log" if self.row_id is None else f"row id {self.row_id}"
        if self.seq is not None:
            where += f", seq {self.seq}"
        if isinstance(self.at, datetime):
            where += f", at {self.at.isoformat(sep=' ')}"
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class Verdict:
    rows: int  # rows checked (up to and including the broken one)
    head: Anchor | None  # last row of an intact chain
    broken: Break | None

    @property
    def intact(self) -> bool:
        return self.broken is None


def verify(rows: Iterable[ChainRow], anchor: Anchor | None = None) -> Verdict:
    """Walk rows in ``seq`` order (rows without a seq first); stop at the first broken link."""
    expected_seq, prev, count, head = 1, GENESIS, 0, None
    for row in rows:
        count += 1
        problem = _problem(row, expected_seq, prev)
        if (
            problem is None
            and anchor is not None
            and row.seq == anchor.seq
            and row.row_hash != anchor.row_hash
        ):
            problem = f"differs from the head noted earlier ({anchor}): log rewritten"
        if problem is not None:
            return Verdict(count, None, Break(row.id, row.seq, row.at, problem))
        assert row.seq is not None and row.row_hash is not None  # checked by _problem
        expected_seq, prev = row.seq + 1, row.row_hash
        head = Anchor(row.seq, row.row_hash)
    if anchor is not None and (head is None or head.seq < anchor.seq):
        problem = (
            f"ends at seq {head.seq if head else 0}, before the head noted earlier "
            f"({anchor}): rows deleted from the end"
        )
        return Verdict(count, None, Break(None, None, None, problem))
    return Verdict(count, head, None)


def _problem(row: ChainRow, expected_seq: int, prev: str) -> str | None:
    if not isinstance(row.seq, int) or row.prev_hash is None or row.row_hash is None:
        return "has no chain fields: written behind the audit functions' back"
    if row.seq < expected_seq:
        return f"repeats seq {row.seq}: row inserted or reordered"
    if row.seq > expected_seq:
        missing = (
            f"seq {expected_seq}"
            if row.seq == expected_seq + 1
            else f"seq {expected_seq}–{row.seq - 1}"
        )
        return f"{missing} missing before it: row(s) deleted"
    if row.prev_hash != prev:
        return "does not follow the row before it: row inserted, deleted or reordered"
    if chain_hash(row.fields, row.prev_hash) != row.row_hash:
        return "content changed after it was written"
    return None
