"""Text hygiene for officer-typed and scanned input, and an accent-free search key."""

from __future__ import annotations

import re
import unicodedata

from .errors import ValidationError

_WHITESPACE = re.compile(r"\s+")
# C0/C1 controls (whitespace controls are turned into spaces first), format characters that
# scanners and copy/paste smuggle in (zero-width, bidi marks, BOM, soft hyphen) and lone
# surrogates, which cannot be stored as UTF-8.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
# đ/Đ has no Unicode decomposition, so accent stripping alone would keep it.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
# Raw input beyond this multiple of the limit is rejected before any per-character work,
# so a pasted 10 MB blob fails immediately with the same clear message.
_RAW_SLACK = 4


def squash(text: str) -> str:
    """Remove invisible characters, collapse whitespace runs to one space, strip, NFC.

    Never raises; used where input must be tolerated (QR scans).
    """
    text = _WHITESPACE.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    # Removing an invisible char can leave two adjacent spaces.
    text = _WHITESPACE.sub(" ", text).strip()
    return unicodedata.normalize("NFC", text)


def clean_text(
    text: str | None, max_len: int, field: str = "text", *, required: bool = False
) -> str:
    """Return ``text`` stripped, free of control/invisible characters, NFC, single-spaced.

    Raises ValidationError ``text.too_long`` when the cleaned text exceeds ``max_len``
    characters, and ``text.required`` when ``required`` and the result is empty.
    """
    if text is None:
        text = ""
    if len(text) > max_len * _RAW_SLACK + 1024:
        raise ValidationError("text.too_long", field, max_len=max_len, length=len(text))
    cleaned = squash(text)
    if len(cleaned) > max_len:
        raise ValidationError("text.too_long", field, max_len=max_len, length=len(cleaned))
    if required and not cleaned:
        raise ValidationError("text.required", field)
    return cleaned


def fold(text: str) -> str:
    """Accent-free, lower-case, single-spaced key for searching Vietnamese text.

    "Đăng ký  Kinh doanh" -> "dang ky kinh doanh".
    """
    # Lower-case before decomposing: some capitals lower into a base letter plus a mark.
    text = unicodedata.normalize("NFD", squash(text).lower().translate(_D_STROKE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # Dropping a lone combining mark can leave doubled spaces.
    return _WHITESPACE.sub(" ", text).strip()
