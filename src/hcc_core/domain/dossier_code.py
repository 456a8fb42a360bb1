"""Dossier codes ``<unit code>-YYMMDD-NNNN`` (TT 01/2018/TT-VPCP Art. 19; docs/domain.md).

Uniqueness without a server: strided sequence numbers
-------------------------------------------------------
NNNN must be unique per unit and day, yet every counter of a unit may be offline. Each counter
of the unit is given a distinct slot ``s`` in 1..S (S = slots per unit, default 10) and numbers
its k-th dossier of the day ``s + (k - 1) * S``. Slot 1 uses 1, 11, 21, ...; slot 2 uses 2, 12,
22, ... Two slots can never produce the same number (they differ modulo S), so no coordination
is needed, and ``slot_of`` tells which counter issued a code.

Why strides rather than fixed blocks (counter 1 = 0001-0999, counter 2 = 1000-1999, ...):

* no block size has to be guessed in advance; every counter can issue about 9999 / S numbers a
  day, the same for all, and the numbers stay small and roughly chronological across counters;
* adding a counter only needs a free slot, not a re-partition of the number space;
* the codes look like the per-unit daily counter of the regulation (0001, 0002, 0003, ...
  interleaved), instead of jumping to 3000 at the third counter.

The cost: gaps appear when counters are unevenly busy. The regulation asks for a sequence, not
for gap-free numbering, and real systems already skip numbers on cancelled drafts.

The demo desk: a reserved slot no real counter can hold
--------------------------------------------------------
A training/demo desk prints codes with the same unit codes as a real centre, yet it is never
enrolled. It takes ``DEMO_SLOT`` (a slot number above any real ``slots``) and numbers its
dossiers from the reserved block ``DEMO_FIRST..MAX_SEQUENCE`` (9900–9999); real counters stop
below it. Whatever the real centre's slot count, the two can never print the same code.
"""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import DomainError, ValidationError
from .text import squash

MAX_SEQUENCE = 9999
DEFAULT_SLOTS = 10
# Sequence numbers DEMO_FIRST..MAX_SEQUENCE belong to the demo slot only (see above).
DEMO_FIRST = 9900
DEMO_SLOT = MAX_SEQUENCE
UNIT_CODE_PATTERN = r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}"
UNIT_CODE_RE = re.compile(UNIT_CODE_PATTERN)
_CODE = re.compile(rf"({UNIT_CODE_PATTERN})-([0-9]{{2}})([0-9]{{2}})([0-9]{{2}})-([0-9]{{4}})")
# Read aloud or typed from paper: no 0/O, 1/I look-alikes.
PIN_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PIN_LENGTH = 6


class SequenceExhausted(DomainError):
    """A counter has used every sequence number its slot allows for the day."""


@dataclass(frozen=True, slots=True)
class DossierCode:
    unit_code: str
    day: date
    seq: int

    def __str__(self) -> str:
        return format_code(self.unit_code, self.day, self.seq)


def validate_unit_code(text: str) -> str:
    """Normalise (strip, upper-case the level-1 letter) and check a QCVN 102:2016 unit code."""
    value = squash(text[:64]).upper()
    if not UNIT_CODE_RE.fullmatch(value):
        raise ValidationError("code.unit_invalid", "unit_code", value=text[:64])
    return value


def format_code(unit_code: str, day: date, seq: int) -> str:
    unit = validate_unit_code(unit_code)
    if not 1 <= seq <= MAX_SEQUENCE:
        raise ValidationError("code.sequence_range", "dossier_code", seq=seq)
    if not 2000 <= day.year <= 2099:  # YY cannot say which century otherwise
        raise ValidationError("code.date_invalid", "dossier_code", value=day.isoformat())
    return f"{unit}-{day:%y%m%d}-{seq:04d}"


def parse_code(code: str) -> DossierCode:
    value = squash(code[:64]).upper()
    match = _CODE.fullmatch(value)
    if match is None:
        raise ValidationError("code.format", "dossier_code", value=code[:64])
    unit, yy, mm, dd, seq = match.groups()
    try:
        day = date(2000 + int(yy), int(mm), int(dd))
    except ValueError:
        raise ValidationError("code.date_invalid", "dossier_code", value=value) from None
    if int(seq) == 0:
        raise ValidationError("code.sequence_range", "dossier_code", seq=0)
    return DossierCode(unit, day, int(seq))


def slot_of(seq: int, slots: int = DEFAULT_SLOTS) -> int:
    """Which counter slot issued sequence number ``seq``."""
    return (seq - 1) % slots + 1


@dataclass(frozen=True, slots=True)
class CodeScheme:
    """Strided numbering for one counter: slot ``slot`` of ``slots`` in unit ``unit_code``."""

    unit_code: str
    slot: int
    slots: int = DEFAULT_SLOTS

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit_code", validate_unit_code(self.unit_code))
        if not 1 <= self.slots < DEMO_FIRST or not (
            1 <= self.slot <= self.slots or self.slot == DEMO_SLOT
        ):
            raise ValidationError("code.slot_invalid", "slot", slot=self.slot, slots=self.slots)

    @property
    def is_demo(self) -> bool:
        return self.slot == DEMO_SLOT

    @property
    def capacity_per_day(self) -> int:
        if self.is_demo:
            return MAX_SEQUENCE - DEMO_FIRST + 1
        return (DEMO_FIRST - 1 - self.slot) // self.slots + 1

    def sequence(self, k: int) -> int:
        """Sequence number of this counter's k-th dossier of the day (k = 1, 2, ...)."""
        if k < 1:
            raise ValueError("k starts at 1")
        if self.is_demo:
            seq = DEMO_FIRST + k - 1
        else:
            seq = self.slot + (k - 1) * self.slots
        if seq > (MAX_SEQUENCE if self.is_demo else DEMO_FIRST - 1):
            raise SequenceExhausted(
                "code.sequence_exhausted", "dossier_code", capacity=self.capacity_per_day
            )
        return seq

    def code(self, day: date, k: int) -> str:
        return format_code(self.unit_code, day, self.sequence(k))


def is_demo_sequence(seq: int) -> bool:
    """A number only the demo slot issues: central refuses such a code from a real counter."""
    return DEMO_FIRST <= seq <= MAX_SEQUENCE


def ledger_book(slot: int, year: int) -> str:
    """The counter's dossier ledger (Sổ theo dõi hồ sơ, Mẫu 06) for a year: "Q03/2026".

    The book names the counter, so "Quyển số Q03/2026, Số thứ tự 17" on a receipt points at
    one line of one counter's book across the whole centre (numbers restart in each book)."""
    return f"Q{slot:02d}/{year}" if slot != DEMO_SLOT else f"DEMO/{year}"


def make_lookup_pin(rng: Any = secrets) -> str:
    """Short secret printed on the receipt so the citizen can look the dossier up.

    ``rng`` is anything with ``choice`` (the ``secrets`` module, or ``random.Random`` in tests).
    """
    return "".join(rng.choice(PIN_ALPHABET) for _ in range(PIN_LENGTH))


def new_uuid() -> str:
    """Client-made identifier, so offline counters never collide on primary keys."""
    return str(uuid.uuid4())
