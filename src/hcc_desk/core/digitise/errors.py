"""The errors of signing and verifying: message ids from the catalogue (``digitise.*``)."""

from __future__ import annotations

from hcc_core.errors import ExpectedError


class DigitiseError(ExpectedError):
    """Signing could not be done: the token, its PIN, the certificate or the input file."""


class WrongPin(DigitiseError):
    """The token refused the PIN (the officer types it again; tokens lock after a few tries)."""
