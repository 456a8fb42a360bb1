"""Signing tests use the session's SoftHSM2 token store (tokens.py); OCR tests need Tesseract
with its Vietnamese data (``ocr_ready``)."""

import pytest

from hcc_desk.core.digitise import ocr
from tests.digitise.tokens import tokens
from tests.support.realparts import unavailable

__all__ = ["tokens"]


@pytest.fixture(scope="module")
def ocr_ready() -> None:
    try:
        ocr.check_available()
    except ocr.OcrUnavailable as exc:
        unavailable(f"{exc.text('en')} (scripts/install-system-deps.sh, requirements/desk.in)")
