"""Fixtures for the printing tests."""

from __future__ import annotations

import pytest

# Makes `pytest tests/printing` work without registering the plugin; when tests/conftest.py
# registers tests.conftest_cups as well, this is the same session fixture, started once.
from tests.conftest_cups import cups_queue  # noqa: F401

from hcc_desk.core.printing.receipt_data import ReceiptData
from hcc_desk.core.printing.sample import sample_receipt


@pytest.fixture
def receipt() -> ReceiptData:
    return sample_receipt()
