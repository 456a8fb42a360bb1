"""Capture tests run against SANE's real ``test`` backend (``sane_test_device``, from
tests/support/sane.py) and a demo desk (``demo_ctx``, tests/conftest.py)."""

import pytest

from tests.support.demo_dossier import save_demo_dossier


@pytest.fixture
def saved_dossier(demo_ctx):
    """A dossier saved through the intake service (procedure 1.001456, with its checklist)."""
    return save_demo_dossier(demo_ctx)
