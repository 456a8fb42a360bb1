"""Code128 and QR flowables for the printed forms."""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qrencoder import QR8bitByte, QRCode, QRErrorCorrectLevel
from reportlab.platypus import Flowable

QUIET_MODULES = 10  # Code128 needs 10 blank modules each side to be found by a scanner
QR_MAX_BYTES = 700  # up to version ~24; the symbol grows so modules stay >= min_module


def code128(value: str, *, module: float, height: float, max_width: float) -> Flowable | None:
    """A Code128 barcode of ``value``, or None when it cannot be printed readably.

    Code128 only carries ASCII; and the module width is never shrunk to fit, since a bar
    narrower than ~0.3 mm does not scan. The caller prints the code as text in any case.
    """
    if not value or not all(" " <= ch <= "~" for ch in value):
        return None
    bc = Code128(
        value,
        barWidth=module,
        barHeight=height,
        humanReadable=0,
        lquiet=QUIET_MODULES * module,
        rquiet=QUIET_MODULES * module,
    )
    if bc.width > max_width:
        return None
    bc.hAlign = "LEFT"
    return bc


@lru_cache(maxsize=16)
def _qr_modules(data: bytes) -> tuple[tuple[bool, ...], ...]:
    qr = QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(QR8bitByte(data))  # byte mode always: reportlab would guess Kanji for some input
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


class QrFlowable(Flowable):
    """A QR symbol drawn as one filled path.

    reportlab's QrCodeWidget builds a validated shape object per dark run, which made it
    most of the receipt's render time; one path per symbol is ~20x cheaper.
    """

    def __init__(self, modules: tuple[tuple[bool, ...], ...], size: float, border: int = 4):
        super().__init__()
        self.modules, self.size, self.border = modules, size, border
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.modules)
        box = self.size / (n + 2 * self.border)
        path = self.canv.beginPath()
        for r, row in enumerate(self.modules):
            y = self.size - (r + self.border + 1) * box
            c = 0
            for dark, run in groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((c + self.border) * box, y, length * box, box)
                c += length
        self.canv.drawPath(path, stroke=0, fill=1)


def qr(payload: str, *, size: float, min_module: float = 0.0) -> Flowable | None:
    """A QR code of ``payload`` (UTF-8, byte mode, level M), or None when empty or too long.

    The symbol is ``size`` wide, or wider when that would make a module narrower than
    ``min_module`` (4 modules of quiet zone each side included)."""
    data = payload.encode("utf-8", "replace")
    if not data or len(data) > QR_MAX_BYTES:
        return None
    modules = _qr_modules(data)
    return QrFlowable(modules, max(size, (len(modules) + 8) * min_module))
