"""Local SQLite store: models, engine (WAL), Alembic migrations, repositories → records."""

from .migrate import StoreError, head_revision
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
