"""The procedure catalogue as the intake screen sees it: search, pick, import a published list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hcc_core.catalogue.fees import expired_on, fee_amounts_vi
from hcc_desk.core.store.catalogue_import import ImportReport, import_audited
from hcc_desk.core.store.records import PaperInfo, ProcedureInfo
from hcc_desk.core.store.repositories import list_procedures, search_procedures
from hcc_desk.core.store.repositories.lookups import find_procedure, the_centre
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.errors import InvalidInput
from hcc_desk.services.lookups import procedure_ref


@dataclass(frozen=True)
class ProcedureChoice:
    code: str  # the reference an intake request names (national code, or "#id")
    national_code: str | None
    name: str
    agency_name: str
    duration_text: str
    fees_text: str  # the fees in force, one line ("" = not known)
    papers: tuple[PaperInfo, ...]
    legal_basis: tuple[str, ...]


def choice_of(p: ProcedureInfo, today: date | None = None) -> ProcedureChoice:
    # The structured fees in force, as the receipt prints them; never the raw published text
    # (cut mid-sentence, citing rules that have expired).
    entries = [dict(f) for f in p.fees]
    in_force = [f for f in entries if expired_on(f, today or date.today()) is None]
    return ProcedureChoice(
        code=procedure_ref(p),
        national_code=p.code,
        name=p.name,
        agency_name=p.agency.name,
        duration_text=p.duration().text("vi"),
        fees_text=fee_amounts_vi(in_force),
        papers=p.papers,
        legal_basis=p.legal_basis,
    )


class CatalogueService:
    def __init__(self, store: Sessions):
        self._store = store

    def search(self, query: str, limit: int = 50) -> list[ProcedureChoice]:
        with self._store.session() as s:
            centre = the_centre(s)
            level = centre.level if centre is not None else None  # provincial or commune-level
            found = (
                search_procedures(s, query, limit=limit, level=level)
                if query.strip()
                else list_procedures(s, level=level)
            )
        return [choice_of(p) for p in found]

    def get(self, ref: str) -> ProcedureChoice | None:
        with self._store.session() as s:
            info = find_procedure(s, ref)
        return None if info is None else choice_of(info)

    def import_file(self, path: Path, actor: str = "cli") -> ImportReport:
        with self._store.write() as s:
            report = import_audited(s, Path(path), actor)
        if not report.ok:
            listing = "\n  ".join(report.errors[:50])
            raise InvalidInput("catalogue.catalogue_imported_nothing_written", listing=listing)
        return report
