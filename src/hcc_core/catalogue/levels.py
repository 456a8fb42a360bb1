"""Which government level receives a procedure: "province" or "commune".

Since 1 July 2025 Vietnam has two levels of local government; a centre is provincial or
commune-level and offers the procedures of its level. Published lists say "Cấp tỉnh" /
"Cấp xã"; the catalogue stores the two English words so filters never depend on wording.
"""

from __future__ import annotations

from hcc_core.domain.text import fold

PROVINCE, COMMUNE = "province", "commune"
LEVELS = (PROVINCE, COMMUNE)
_WORDS = {
    PROVINCE: PROVINCE,
    "cap tinh": PROVINCE,
    "tinh": PROVINCE,
    COMMUNE: COMMUNE,
    "cap xa": COMMUNE,
    "xa": COMMUNE,
}


def normalise_level(value: str | None) -> str | None:
    """ "Cấp tỉnh" → "province", "Cấp xã" → "commune"; None stays None (level not stated)."""
    if value is None or not value.strip():
        return None
    level = _WORDS.get(fold(value).strip())
    if level is None:
        raise ValueError(f"'level' must be province or commune (cấp tỉnh / cấp xã), got {value!r}")
    return level
