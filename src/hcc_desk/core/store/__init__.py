"""Local SQLite store: models, engine (WAL), Alembic migrations, repositories → records."""

from typing import Any

from .records import (
    AgencyInfo,
    ApplicantInfo,
    AuditEntry,
    CounterInfo,
    DossierDetail,
    DossierSummary,
    DraftInfo,
    OfficerInfo,
    PaperInfo,
    ProcedureInfo,
    StatusEventInfo,
)
from .schema_version import StoreError
from .store import Store, open_store

__all__ = [
    "AgencyInfo",
    "ApplicantInfo",
    "AuditEntry",
    "CounterInfo",
    "DossierDetail",
    "DossierSummary",
    "DraftInfo",
    "OfficerInfo",
    "PaperInfo",
    "ProcedureInfo",
    "StatusEventInfo",
    "Store",
    "StoreError",
    "head_revision",
    "open_store",
]


def __getattr__(name: str) -> Any:
    # head_revision lives with Alembic, which is only imported when an upgrade is needed.
    if name == "head_revision":
        from .migrate import head_revision

        return head_revision
    if name == "migrate":
        import importlib

        return importlib.import_module(".migrate", __name__)
    raise AttributeError(name)
