"""Fixtures for the printing tests."""

from __future__ import annotations

import pytest

from hcc_desk.core.printing.receipt_data import ReceiptData
from hcc_desk.core.printing.sample import sample_receipt


@pytest.fixture
def receipt() -> ReceiptData:
    return sample_receipt()
