"""SQLAlchemy models of the desk database (schema at Alembic head)."""

from .base import Base, new_uuid, now
from .catalogue import Procedure, ProcedurePaper
from .digitise import OcrJob, PaperRecord, PaperText
from .dossier import Applicant, Dossier, DossierPaper, StatusEvent
from .org import ROLES, Agency, Centre, Counter, Officer, OfficerSession
from .steps import (
    NOTICE_KINDS,
    RELATIONS,
    TIMINGS,
    CentreDossier,
    DossierNotice,
    HandBack,
    Handover,
)
from .sync import Attachment, DeferredChange, OutboxOp, SyncState
from .system import AuditLog, CalendarDay, CalendarYear, DaySequence, Draft, Setting

__all__ = [
    "NOTICE_KINDS",
    "RELATIONS",
    "ROLES",
    "TIMINGS",
    "Agency",
    "Applicant",
    "Attachment",
    "AuditLog",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "Centre",
    "CentreDossier",
    "Counter",
    "DaySequence",
    "DeferredChange",
    "Dossier",
    "DossierNotice",
    "DossierPaper",
    "Draft",
    "HandBack",
    "Handover",
    "OcrJob",
    "Officer",
    "OfficerSession",
    "OutboxOp",
    "PaperRecord",
    "PaperText",
    "Procedure",
    "ProcedurePaper",
    "Setting",
    "StatusEvent",
    "SyncState",
    "new_uuid",
    "now",
]
