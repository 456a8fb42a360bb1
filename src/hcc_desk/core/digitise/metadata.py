"""What a digitised paper is, read from its OCR text (issue 14, item 3): its kind, number,
issuer, dates and owner's ID number, each with an honest confidence. Pure and Qt-free.

These are only *suggestions*: the officer checks them (services/paper_records.py), and a
value reaches central only once checked. OCR of Vietnamese papers is noisy: marks are lost or
wrong, O/0 and l/1 swap, lines break; so every match works on accent-free folded text and
confidence stays below ``PREFILL`` unless the pattern is unambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FIELDS = ("kind", "number", "issuer", "issued_on", "valid_until", "owner_id_number")
PREFILL = 0.8  # a suggestion at least this sure is pre-filled; below it is only shown


@dataclass(frozen=True)
class PaperFields:
    """A paper's metadata as the officer typed or checked it."""

    kind: str
    number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    owner_id_number: str | None = None


@dataclass(frozen=True)
class Suggestion:
    value: str  # dates as ISO yyyy-mm-dd
    confidence: float  # 0..1; >= PREFILL is pre-filled, lower only shown


def suggest(
    text: str, paper_kinds: list[str], known_ids: list[str], today: date
) -> dict[str, Suggestion]:
    """Suggestions for the :data:`FIELDS` found in ``text``; a field not found is absent."""
    return {}
