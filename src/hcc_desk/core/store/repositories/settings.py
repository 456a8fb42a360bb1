"""Queries of the settings table (services/settings.py): every stored key with its JSON value,
read once so the GUI then asks the settings service without touching the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Setting


def stored_settings(session: Session) -> dict[str, Any]:
    """Every row of the settings table: {key: value} (runtime state included; the caller keeps
    the keys it declares)."""
    return {row.key: row.value for row in session.scalars(select(Setting))}
