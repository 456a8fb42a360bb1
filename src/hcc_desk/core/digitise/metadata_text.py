"""OCR text as lines for reading a paper's metadata (metadata.py): each line printed and folded
(accent-free, lower case, same length, so a match in the folded text cuts the printed value),
with the digits OCR confuses repaired inside number-like runs; and matching a title against
the procedure's paper names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise

from hcc_core.domain.text import fold, squash

_LINE_BREAKS = re.compile(r"[\n\r\f\v\u2028\u2029]+")
# A run that is mostly a number: O/o and l/I/| in it are misread 0 and 1 ("2O21", "O5/O3").
_NUMBERISH = re.compile(r"(?<![a-z])[0-9oil|]+(?:[/.\-][0-9oil|]+)*(?![a-z])")
_TO_DIGITS = str.maketrans("oil|", "0111")
# The national header and motto, which OCR often puts on the issuer's lines (two columns).
_NATIONAL = re.compile(
    r"cong\W*hoa\W*xa|chu\W*nghia\W*viet|doc\W*lap|tu\W*do\W*hanh\W*phuc|hanh\W*phuc|"
    r"socialist|independence"
)
# Letters OCR swaps in titles: compare "GIAY KHAl SINH" and "Giấy khai sinh" alike.
_SKELETON = str.maketrans("l01|", "ioii")
_WORD = re.compile(r"[a-z0-9]+")
# Words of administrative headers as printed. OCR often slips a mark ("NHÂN ĐÂN", "KÍNH
# DOANH"): a word that folds like one of these but is printed otherwise is corrected, and the
# line is known to be shaky.
_ADMIN_WORDS = (
    "ủy uỷ ban nhân dân phường xã thị trấn quận huyện tỉnh thành phố sở công an cục chi tổng "
    "phòng văn bộ cảnh sát quản lý hành chính trật tự hội đăng ký kinh doanh kế hoạch và "
    "đầu tư tài nguyên môi trường pháp đất đai tòa toà án viện kiểm"
)
_MARKED: dict[str, set[str]] = {}
for _w in _ADMIN_WORDS.split():
    _MARKED.setdefault(fold(_w), set()).add(_w)


@dataclass(frozen=True)
class Line:
    index: int  # the line's number in the text (blank lines counted)
    text: str  # as printed (spaces squashed, NFC)
    folded: str  # same length: accent-free, lower case, digits repaired


def lines_of(text: str) -> list[Line]:
    out = []
    for index, raw in enumerate(_LINE_BREAKS.split(text)):
        printed = squash(raw)
        if printed:
            out.append(Line(index, printed, _repair_digits(_fold_aligned(printed))))
    return out


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch.isspace():
        return " "
    folded = fold(ch)
    return folded if len(folded) == 1 else ch.lower()[:1] or " "


def _fold_aligned(text: str) -> str:
    return "".join(_fold_char(ch) for ch in text)


def _repair_digits(folded: str) -> str:
    def repair(match: re.Match[str]) -> str:
        run = match.group(0)
        digits = sum(c.isdigit() for c in run)
        letters = sum(c in "oil|" for c in run)
        return run.translate(_TO_DIGITS) if digits and letters <= digits else run

    return _NUMBERISH.sub(repair, folded)


def cut_national(line: Line) -> tuple[str, str]:
    """The line (printed, folded) without the national header or motto beside it."""
    printed, folded = line.text, line.folded
    match = _NATIONAL.search(folded)
    if match is not None:
        printed, folded = printed[: match.start()], folded[: match.start()]
    # Rules, dashes and stray marks around the text.
    start = len(folded) - len(folded.lstrip(" -–—_=*.~•·"))
    end = len(folded.rstrip(" -–—_=*.~•·,"))
    return printed[start:end], folded[start:end]


def looks_upper(printed: str) -> bool:
    letters = [c for c in printed if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.75 * len(letters)


def admin_marks(printed: str) -> tuple[str, bool]:
    """``printed`` with the administrative words' marks put right, and whether any was wrong."""
    slipped = False

    def fix(match: re.Match[str]) -> str:
        nonlocal slipped
        word = match.group(0)
        forms = _MARKED.get(fold(word))
        if not forms or word.lower() in forms:
            return word
        if len(forms) != 1:  # "tư" or "tự": not ours to choose
            slipped = True
            return word
        slipped = True
        (right,) = forms
        return right.upper() if word.isupper() else right

    return re.sub(r"[^\W\d_]+", fix, printed), slipped


def sentence_case(printed: str) -> str:
    text = " ".join(printed.split()).lower()
    return text[:1].upper() + text[1:]


def _tokens(folded: str) -> list[str]:
    return _WORD.findall(folded.translate(_SKELETON))


@dataclass(frozen=True)
class Kind:
    """A paper name prepared once for matching titles against it."""

    words: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    folded: str


def prepare_kinds(kinds: list[str]) -> list[Kind]:
    out = []
    for kind in kinds:
        folded = fold(kind)
        words = _tokens(folded)
        out.append(Kind(frozenset(words), frozenset(pairwise(words)), folded))
    return out


@lru_cache(maxsize=65536)
def _near(word: str, other: str) -> bool:
    """One OCR slip apart ("khal"/"khai" is caught by the skeleton; "saan"/"san" here)."""
    return abs(len(word) - len(other)) <= 2 and SequenceMatcher(None, word, other).ratio() >= 0.8


def kind_match(title: str, kinds: list[Kind]) -> tuple[float, int, int, bool] | None:
    """How well the folded ``title`` fits the best of ``kinds``: (score 0..1, title words
    matched, its position in ``kinds``, whether a later name fits exactly as well).

    The score weighs the title's words found in the name (a word one slip off counts 0.8)
    and its word pairs found in order, so "giấy khai sinh" fits "Bản sao Giấy khai sinh"
    better than "Tờ khai đăng ký khai sinh"."""
    words = _tokens(title)
    if not words:
        return None
    pairs = set(pairwise(words))
    scored: list[tuple[float, int, int]] = []
    for position, kind in enumerate(kinds):
        credit, matched = 0.0, 0
        for w in words:
            if w in kind.words:
                credit, matched = credit + 1, matched + 1
            elif len(w) >= 4 and any(len(v) >= 3 and _near(w, v) for v in kind.words):
                credit, matched = credit + 0.8, matched + 1
        recall = credit / len(words)
        if pairs:
            score = 0.6 * recall + 0.4 * len(pairs & kind.pairs) / len(pairs)
        else:
            score = recall
        scored.append((round(score, 4), matched, position))
    if not scored:
        return None
    best = max(scored, key=lambda s: (s[0], s[1], -s[2]))
    tied = best[2] != 0 and any(
        s[:2] == best[:2] and s[2] != best[2] and kinds[s[2]].folded != kinds[best[2]].folded
        for s in scored
    )
    return best[0], best[1], best[2], tied
