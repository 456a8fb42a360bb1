"""Repository functions: typed queries that take a Session and return records."""

from . import after_intake
from .dossiers import get_dossier_detail
from .procedures import get_procedure, list_agencies, list_procedures, search_procedures
from .search import CANDIDATE_CAP, SearchQuery, classify_query, search_dossiers
from .summaries import dossiers_received_on
from .system import (
    add_audit,
    allocate_day_sequence,
    delete_draft,
    get_setting,
    list_audit,
    load_drafts,
    save_draft,
    set_setting,
)

__all__ = [
    "CANDIDATE_CAP",
    "SearchQuery",
    "add_audit",
    "after_intake",
    "allocate_day_sequence",
    "classify_query",
    "delete_draft",
    "dossiers_received_on",
    "get_dossier_detail",
    "get_procedure",
    "get_setting",
    "list_agencies",
    "list_audit",
    "list_procedures",
    "load_drafts",
    "save_draft",
    "search_dossiers",
    "search_procedures",
    "set_setting",
]
