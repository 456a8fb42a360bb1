"""Signing tests use the session's SoftHSM2 token store (tokens.py)."""

from tests.digitise.tokens import tokens

__all__ = ["tokens"]
