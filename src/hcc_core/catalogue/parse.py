"""Turn published Vietnamese text (time limits, paper quantities, codes) into numbers.

Pure functions; used when building the seed file and when a centre imports its own list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hcc_core.domain.text import fold

HOURS_PER_DAY = 8

# ---- paper quantities -----------------------------------------------------------------------

# "bản sao" on a dossier list means a valid copy (certified, or checked against the original),
# so it counts as certified; only explicit photo/chụp wording counts as a plain photocopy.
_KINDS = (
    ("photocopies", r"ban (?:sao )?(?:photo(?:copy)?|pho to|chup)"),
    ("certified_copies", r"ban sao(?: (?:co )?chung thuc| hop le)?"),
    ("originals", r"ban chinh"),
)
_NUM_BEFORE = "(\\d+)\\s*(?:{kind})"
_NUM_AFTER = "(?:{kind})\\s*:?\\s*(\\d+)"


@dataclass(frozen=True, slots=True)
class Quantity:
    originals: int = 1
    certified_copies: int = 0
    photocopies: int = 0
    parsed: bool = False  # False: text missing or unreadable, default of one original used


def parse_quantity(text: str | None) -> Quantity:
    """ "1 bản chính", "0 bản chính, 1 bản sao", "Bản chính: 01, Bản sao: 0" → counts."""
    if not text or not text.strip():
        return Quantity()
    rest = fold(text)
    counts: dict[str, int] = {}
    for name, kind in _KINDS:
        for pattern in (_NUM_BEFORE, _NUM_AFTER):
            rx = re.compile(pattern.format(kind=kind))
            m = rx.search(rest)
            if m:
                counts[name] = counts.get(name, 0) + int(m.group(1))
                rest = rest[: m.start()] + " " + rest[m.end() :]  # don't count it twice
                break
    if not counts:
        return Quantity()
    return Quantity(
        counts.get("originals", 0),
        counts.get("certified_copies", 0),
        counts.get("photocopies", 0),
        parsed=True,
    )


# ---- time limits ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimeLimit:
    hours: float
    kind: str = "working"  # "working" | "calendar"
    unit: str = "day"  # "day" | "hour"
    cutoff: str | None = None
    day_kind_assumed: bool = False
    notes: tuple[str, ...] = ()


_TERM = re.compile(r"(\d+(?:[.,]\d+)?)\s*(ngay lam viec|gio lam viec|ngay|gio)\b")
_SPELLED_NUMBER = re.compile(r"[^\W\d]+\s*\((\d+)\)")  # "Mười (10)" → "10"
_PARENS = re.compile(r"\([^()]*\)")
_SAME_DAY = re.compile(r"\b(?:trong ngay|ngay sau khi|ngay khi)\b")
_CHANNEL = re.compile(r"\b(?:truc tiep|truc tuyen|buu chinh|buu dien|ho so dien tu|ho so giay)\b")
# "sau 15 giờ", "sau 15h", "sau 15:00": the only cut-off a text can state; none is invented.
_CUTOFF = re.compile(r"\bsau\s+(\d{1,2})\s*(?:gio|h|:\s*00)\b")


def stated_cutoff(text: str | None) -> str | None:
    """The cut-off hour a published text states ("sau 15 giờ" → "15:00"), else None."""
    m = _CUTOFF.search(fold(text or ""))
    if m is None or not 0 <= int(m.group(1)) <= 23:
        return None
    return f"{int(m.group(1)):02d}:00"


def parse_time_limit(text: str | None) -> TimeLimit | None:
    """Published processing time → hours (8 h = 1 day). None when no number can be found.

    Rules: "N ngày làm việc" → N working days; bare "N ngày" → N **calendar** days (the law
    counts a bare "ngày" as a calendar day); "N giờ làm việc" → N working hours (a bare
    "giờ" too, flagged as assumed); per-channel text → the in-person ("Trực tiếp") value;
    "A + B" stages → their total (check that every stage is the centre's); "trong ngày" /
    "ngay sau khi…" → same day. A cut-off is set only when the text states one ("sau 15 giờ").
    """
    if not text or not text.strip():
        return None
    cutoff = stated_cutoff(text)
    folded = _SPELLED_NUMBER.sub(r"\1", fold(text))
    while _PARENS.search(folded):
        folded = _PARENS.sub(" ", folded)  # explanations repeat the numbers; drop them
    segments = [s for s in folded.split(";") if s.strip()]
    notes: list[str] = []
    segment = segments[0] if segments else folded
    in_person = [s for s in segments if "truc tiep" in s]
    if len(segments) > 1 and any(_CHANNEL.search(s) for s in segments):
        segment = in_person[0] if in_person else segment
        notes.append("Time limit differs by channel; the in-person value is used.")
    terms = [(n, w) for n, w in _TERM.findall(segment) if not _is_cutoff(segment, n, w)]
    if not terms:
        if _SAME_DAY.search(folded):
            notes.append(f"Published without a number ({text.strip()!r}): same day.")
            return TimeLimit(0, cutoff=cutoff, notes=tuple(notes))
        return None
    if "+" not in segment:
        terms = terms[:1]
    elif len(terms) > 1:
        stages = " + ".join(n for n, _ in terms)
        notes.append(
            f"Multi-stage time limit: the in-person stages are added up ({stages}); "
            "check that every stage is the centre's."
        )
    hours = 0.0
    for number, word in terms:
        n = float(number.replace(",", "."))
        hours += n if word.startswith("gio") else n * HOURS_PER_DAY
    words = {word for _, word in terms}
    if words == {"ngay"} and hours % HOURS_PER_DAY == 0:
        notes.append("Published as bare 'ngày': calendar days.")
        return TimeLimit(hours, kind="calendar", cutoff=cutoff, notes=tuple(notes))
    assumed = bool(words & {"ngay", "gio"})
    if assumed:
        notes.append("Bare 'giờ' or mixed units: treated as working time (assumed).")
    unit = "hour" if all(word.startswith("gio") for word in words) else "day"
    return TimeLimit(hours, unit=unit, cutoff=cutoff, day_kind_assumed=assumed, notes=tuple(notes))


def _is_cutoff(segment: str, number: str, word: str) -> bool:
    """ "sau 15 giờ" is a cut-off hour, not a duration."""
    return word == "gio" and re.search(rf"\bsau\s+{re.escape(number)}\s*gio\b", segment) is not None


# ---- codes ----------------------------------------------------------------------------------

_UNIT_SUFFIX = re.compile(r"(?:\.\d{3}\.\d{2}\.\d{2})?\.[A-Z]\d{2}(?:\.\d{1,2})?$")
_NATIONAL = re.compile(r"\d\.\d{6}")


def national_code(code: str | None) -> str | None:
    """ "2.000648.000.00.00.H50" / "1.000603.H21" → the national TTHC code "2.000648"."""
    if code is None or not code.strip():
        return None
    code = code.strip()
    stripped = _UNIT_SUFFIX.sub("", code)
    return stripped if _NATIONAL.fullmatch(stripped) else code
