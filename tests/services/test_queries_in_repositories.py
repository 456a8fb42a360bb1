"""Services whose queries moved to core/store/repositories keep none of their own: they import
nothing from SQLAlchemy but the Session type. Add a service here once its queries moved."""

from __future__ import annotations

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "src" / "hcc_desk" / "services"
WITHOUT_QUERIES = ("agency_steps", "dossier_steps", "dossier_writer", "lookups", "return_desk")
WITHOUT_QUERIES += (
    "capture",
    "enrolment",
    "forms",
    "intake",
    "intake_validation",
    "paper_facts",
    "receipts",
    "supervision",
    "supervision_export",
    "supervision_feed",
    "sync",
)
WITHOUT_QUERIES += (
    "admin_imports",
    "admin_officers",
    "admin_settings",
    "auth",
    "calendars",
    "catalogue",
    "cli_session",
    "drafts",
    "settings",
    "setup",
)


def sqlalchemy_imports(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            found += [
                f"{node.module}.{a.name}"
                for a in node.names
                if (node.module, a.name) != ("sqlalchemy.orm", "Session")
            ]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("sqlalchemy")]
    return found


def test_the_check_sees_a_query():
    assert sqlalchemy_imports("from sqlalchemy import func, select\n") == [
        "sqlalchemy.func",
        "sqlalchemy.select",
    ]
    assert sqlalchemy_imports("from sqlalchemy.orm import Session\n") == []


def test_services_without_queries_stay_so():
    found = {
        name: sqlalchemy_imports((SERVICES / f"{name}.py").read_text(encoding="utf-8"))
        for name in WITHOUT_QUERIES
    }
    assert {name: names for name, names in found.items() if names} == {}
