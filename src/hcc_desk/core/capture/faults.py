"""What a scanner's error means for the officer: SANE status (code, name or message) → ScanFault.

SANE reports a status code; python-sane and scanimage hand us its text (sane_strstatus), which
is why both the names and the English texts are matched. The worker runs with LC_ALL=C so the
texts are the untranslated ones.
"""

from __future__ import annotations

from .model import ScanFault


class BackendFault(Exception):
    """Raised inside a backend: the batch stops with ``fault``; pages already out are kept."""

    def __init__(self, fault: ScanFault, detail: str = ""):
        super().__init__(detail or fault.value)
        self.fault = fault
        self.detail = detail


# SANE_Status codes (sane.h).
STATUS_CODES = {
    1: ScanFault.UNKNOWN,  # UNSUPPORTED
    2: ScanFault.CANCELLED,  # CANCELLED
    3: ScanFault.DEVICE_BUSY,  # DEVICE_BUSY
    4: ScanFault.UNKNOWN,  # INVAL
    5: ScanFault.NO_DOCS,  # EOF (never an error in practice: treated as end of feeder)
    6: ScanFault.JAMMED,
    7: ScanFault.NO_DOCS,
    8: ScanFault.COVER_OPEN,
    9: ScanFault.IO_ERROR,
    10: ScanFault.UNKNOWN,  # NO_MEM
    11: ScanFault.DEVICE_BUSY,  # ACCESS_DENIED: someone else holds it, or no permission
}

# Lower-case fragments of sane_strstatus() texts and status names.
_TEXTS: list[tuple[str, ScanFault]] = [
    ("jammed", ScanFault.JAMMED),
    ("status_jammed", ScanFault.JAMMED),
    ("out of documents", ScanFault.NO_DOCS),
    ("no_docs", ScanFault.NO_DOCS),
    ("cover is open", ScanFault.COVER_OPEN),
    ("cover_open", ScanFault.COVER_OPEN),
    ("device busy", ScanFault.DEVICE_BUSY),
    ("device_busy", ScanFault.DEVICE_BUSY),
    ("access to resource has been denied", ScanFault.DEVICE_BUSY),
    ("access_denied", ScanFault.DEVICE_BUSY),
    ("error during device i/o", ScanFault.IO_ERROR),
    ("io_error", ScanFault.IO_ERROR),
    ("operation was cancel", ScanFault.CANCELLED),
    ("status_cancelled", ScanFault.CANCELLED),
    ("no such device", ScanFault.DISCONNECTED),
    ("not found", ScanFault.DISCONNECTED),
    ("disconnected", ScanFault.DISCONNECTED),
]


def fault_from_sane(error: object) -> ScanFault:
    """Map a SANE status code, status name (SANE_STATUS_JAMMED) or message to a ScanFault."""
    if isinstance(error, int) and not isinstance(error, bool):
        return STATUS_CODES.get(error, ScanFault.UNKNOWN)
    text = str(error.args[0] if isinstance(error, BaseException) and error.args else error)
    low = text.strip().lower()
    for fragment, fault in _TEXTS:
        if fragment in low:
            return fault
    return ScanFault.UNKNOWN


def open_fault(error: object) -> ScanFault:
    """Opening a device: "Invalid argument" there means the device name no longer exists."""
    fault = fault_from_sane(error)
    if fault == ScanFault.UNKNOWN and "invalid argument" in str(error).lower():
        return ScanFault.DISCONNECTED
    return fault if fault != ScanFault.IO_ERROR else ScanFault.DISCONNECTED
