"""Declarative base and column helpers shared by every model.

Datetimes are naive local wall-clock time of the centre (Asia/Ho_Chi_Minh): office hours, cut-offs
and "received on day X" are all local notions, and SQLite has no time-zone type anyway.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Float, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from hcc_core.schema_naming import NAMING


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[Any]: JSON,
        Any: JSON,
        float: Float,
    }


def now() -> datetime:
    """Local wall-clock time, second precision (what a receipt prints)."""
    return datetime.now().replace(microsecond=0)


def new_uuid() -> str:
    return str(uuid.uuid4())


def uuid_column() -> Mapped[str]:
    """Client-made identity that central deduplicates on (docs/sync-protocol.md, "Push")."""
    return mapped_column(String(36), unique=True, default=new_uuid)
