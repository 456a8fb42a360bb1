"""Fixtures for the printing tests."""

from __future__ import annotations

import pytest

# `cups_queue` comes from tests/conftest_cups.py, registered suite-wide by tests/conftest.py
# (importing it here too would define a second session fixture and start a second cupsd).
from hcc_desk.core.printing.receipt_data import ReceiptData
from hcc_desk.core.printing.sample import sample_receipt


@pytest.fixture
def receipt() -> ReceiptData:
    return sample_receipt()
