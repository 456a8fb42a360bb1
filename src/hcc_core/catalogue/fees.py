"""Structured fees of a procedure: who pays what, under which rule in force.

One entry: ``{"case": str|None, "amount_vnd": int|None, "text": str, "basis": str|None}``
- case: the applicants or cases it applies to (None = everyone);
- amount_vnd: đồng (0 = free, None = not a fixed amount: a rate, a scale, set by the province);
- text: the short published wording ("100.000 đồng/hồ sơ");
- basis: the legal document in force that sets it (None when the source names none).
An empty list means the fee is not known. Printed papers use exactly this shape.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

FEE_KEYS = ("case", "amount_vnd", "text", "basis")
MAX_AMOUNT = 10**12  # far above any fee; guards typing mistakes


def fees_from_raw(value: Any) -> tuple[dict[str, Any], ...]:
    """Validate a ``fees`` list (missing = empty = unknown); ValueError says what is wrong."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("'fees' must be a list of {case, amount_vnd, text, basis}")
    return tuple(_entry(i, raw) for i, raw in enumerate(value))


def _entry(i: int, raw: Any) -> dict[str, Any]:
    where = f"fees[{i}]"
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be an object")
    unknown = sorted(set(raw) - set(FEE_KEYS))
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(unknown)}")
    amount = raw.get("amount_vnd")
    if amount is not None and (
        isinstance(amount, bool) or not isinstance(amount, int) or not 0 <= amount <= MAX_AMOUNT
    ):
        raise ValueError(f"{where}: 'amount_vnd' must be a whole number of đồng ≥ 0 or null")
    out: dict[str, Any] = {"case": None, "amount_vnd": amount, "text": None, "basis": None}
    for key in ("case", "text", "basis"):
        v = raw.get(key)
        if v is not None and not isinstance(v, str):
            raise ValueError(f"{where}: '{key}' must be text or null")
        out[key] = v.strip() if v and v.strip() else None
    if out["text"] is None:
        raise ValueError(f"{where}: 'text' (the published wording) is required")
    return out


# "đến hết ngày 31/12/2023", "đến ngày 31/12/2026", "01/7/2025-31/12/2026": the last day of a
# temporary rate. A rate whose last day has passed is no longer in force.
_UNTIL = re.compile(
    r"(?:đến(?: hết)?(?: ngày)?\s*|[-–]\s*)(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE
)


def expired_on(entry: dict[str, Any], today: date) -> date | None:
    """The end date an entry's wording states, if it is before ``today``; else None."""
    for m in _UNTIL.finditer(" ".join(str(entry.get(k) or "") for k in ("text", "basis"))):
        try:
            last = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        if last < today:
            return last
    return None


def fee_amounts_vi(fees: tuple[dict[str, Any], ...] | list[dict[str, Any]]) -> str:
    """One line for lists and pickers: "Miễn phí", "100.000 đồng", or the wording."""
    if not fees:
        return ""
    parts = []
    for f in fees:
        if f.get("amount_vnd") == 0 and not f.get("case"):
            parts.append("Miễn phí")
        else:
            parts.append(f"{f['case']}: {f['text']}" if f.get("case") else f["text"])
    return "; ".join(parts)
