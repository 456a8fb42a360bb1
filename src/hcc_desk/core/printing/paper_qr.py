"""The QR every issued paper carries (Thông tư 01/2023/TT-VPCP, the chapter on QR codes).

The circular asks for a QR (TCVN 7322:2009 / ISO/IEC 18004) in the upper left corner of each
paper produced from the dossier system, holding at least: the dossier code, the procedure
code, the identifier of the person or organisation, the paper's name, the system that issued
it and when; a receipt adds its appointment (docs/legal-basis.md, "Printed papers").

One symbol does both jobs: its text is the lookup link (``<base>?ma=<code>&pin=<pin>``), so a
phone opens the dossier's status page, followed by the facts in the URL *fragment*
(``#hs=…;tthc=…;dd=…;giay=…;ht=…;tg=…;hen=…``). A browser never sends a fragment to the server,
so the identifier printed for the circular does not travel to central when a citizen scans.
Without a configured base the link is relative (``?ma=…``): still what the return desk's
scanner reads (services/dossier_steps.scanned_code).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from reportlab.platypus import Flowable

from hcc_desk.core.printing import codes
from hcc_desk.core.printing.text import clean

DEFAULT_SYSTEM = "HCC Desk"
# Caps in encoded bytes, so the symbol stays readable (codes.QR_MAX_BYTES) whatever a
# catalogue or a setting holds: a longer value is cut; a longer link gives way to the short
# relative one.
_CAPS = {"hs": 40, "tthc": 60, "dd": 20, "giay": 120, "ht": 60, "hl": 60}
LINK_CAP = 250
_RESERVED = set(';#%&=?+"<>\\^`{|}')


@dataclass(frozen=True)
class QrFacts:
    """What a paper's QR says beyond the paper itself (filled by the services)."""

    procedure_code: str = ""
    holder_id: str = ""  # số định danh cá nhân / mã số doanh nghiệp (mã số thuế)
    link: str = ""  # lookup_link(...): the status page of this dossier; "" = "?ma=<code>"
    system_name: str = DEFAULT_SYSTEM


def lookup_link(base: str | None, code: str, pin: str) -> str:
    """``<base>?ma=<code>&pin=<pin>`` (relative when there is no base)."""
    query = f"ma={quote(code, safe='')}" + (f"&pin={quote(pin, safe='')}" if pin else "")
    root = (base or "").strip().rstrip("?").rstrip("/")
    joiner = "&" if "?" in root else "?"
    return f"{root}{joiner}{query}"


def _value(text: str, cap: int) -> str:
    """``text`` on one line, reserved characters %-escaped, cut to ``cap`` UTF-8 bytes."""
    out, size = [], 0
    for ch in " ".join(clean(text or "").split()):
        piece = quote(ch, safe="") if ch in _RESERVED or ch.isspace() else ch
        size += len(piece.encode("utf-8", "replace"))
        if size > cap:
            break
        out.append(piece)
    return "".join(out)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def payload(
    facts: QrFacts | None,
    *,
    code: str,
    paper_name: str,
    issued_at: datetime,
    appointment_at: datetime | None = None,
    validity: str | None = None,
) -> str:
    """The QR text of one paper (see the module docstring)."""
    f = facts or QrFacts()
    fields = [
        ("hs", code),
        ("tthc", f.procedure_code),
        ("dd", f.holder_id),
        ("giay", paper_name),
        ("ht", f.system_name or DEFAULT_SYSTEM),
    ]
    parts = [f"{k}={_value(v, _CAPS[k])}" for k, v in fields]
    parts.append(f"tg={_stamp(issued_at)}")
    if appointment_at is not None:
        parts.append(f"hen={_stamp(appointment_at)}")
    if validity:
        parts.append(f"hl={_value(validity, _CAPS['hl'])}")
    link = (f.link or "").partition("#")[0]
    if not link or len(link.encode("utf-8", "replace")) > LINK_CAP:
        link = f"?ma={_value(code, _CAPS['hs'])}"
    return f"{link}#{';'.join(parts)}"


def parse_fragment(text: str) -> dict[str, str]:
    """The facts of a payload, decoded (for tests and the return desk)."""
    from urllib.parse import unquote

    _, _, frag = text.partition("#")
    return {k: unquote(v) for k, _, v in (p.partition("=") for p in frag.split(";") if p)}


def qr_symbol(text: str, *, min_size: float, min_module: float) -> Flowable:
    """The symbol of ``text``: at least ``min_size`` wide, and wide enough that each module is
    ``min_module`` (a long payload gets a larger symbol, never finer modules)."""
    symbol = codes.qr(text, size=min_size, min_module=min_module)
    if symbol is None:  # cannot happen with the caps above; say so rather than print nothing
        raise ValueError(f"QR payload too long ({len(text.encode())} bytes)")
    return symbol
