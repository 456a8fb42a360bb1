"""Mẫu 01 receipts: built from the saved dossier, rendered to PDF, sent to a print queue."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from hcc_core.files import write_through_temp
from hcc_desk.core.printing.dispatch import list_printers, print_pdf
from hcc_desk.core.printing.receipt import render_receipt_pdf
from hcc_desk.core.printing.receipt_data import ReceiptData
from hcc_desk.core.store.repositories import add_audit, get_dossier_detail
from hcc_desk.core.store.repositories.lookups import the_centre
from hcc_desk.core.store.repositories.reuse import reused_by_position
from hcc_desk.core.store.store import Sessions
from hcc_desk.services import print_files
from hcc_desk.services.errors import InvalidInput, NotFound
from hcc_desk.services.paper_facts import receipt_data
from hcc_desk.services.settings import PAPER, PRINTER, SettingsService

PAPERS = ("A4", "A5")


def chosen_paper(settings: SettingsService, paper: str | None) -> str:
    """The paper asked for, else the desk's setting; refused unless A4 or A5."""
    paper = paper or settings.get(PAPER)
    if paper not in PAPERS:
        raise InvalidInput("receipts.paper_must", paper=repr(paper))
    return paper


class ReceiptService:
    def __init__(self, store: Sessions, settings: SettingsService, receipts_dir: Path):
        self._store = store
        self._settings = settings
        self._dir = receipts_dir

    def render_pdf(
        self, code: str, out_path: Path, paper: str | None = None, officer_username: str = "system"
    ) -> Path:
        paper = self._paper(paper)
        with self._store.write() as s:
            uuid, data = self._data(s, code)
            add_audit(
                s,
                officer_username,
                "receipt.render",
                "dossier",
                uuid,
                {"code": data.dossier_code, "paper": paper},
            )
        out = Path(out_path)
        write_through_temp(out, lambda tmp: render_receipt_pdf(data, tmp, paper=paper))
        return out

    def print(
        self, code: str, officer_username: str, printer: str | None = None, paper: str | None = None
    ) -> str:
        paper = self._paper(paper)
        # The PDF carries the applicant's ID number in clear text: gone once spooled.
        _pdf, _rendered, job = print_files.print_transient(
            self._dir,
            lambda out: self.render_pdf(code, out, paper, officer_username),
            lambda out, _r: print_pdf(
                out,
                printer or self._settings.get(PRINTER),
                paper=paper,
                title=f"Giấy tiếp nhận {code}",
            ),
        )
        with self._store.write() as s:
            add_audit(
                s,
                officer_username,
                "receipt.print",
                "dossier",
                None,
                {"code": code, "printer": printer, "job": job},
            )
        return job

    def printers(self) -> list[str]:
        return list_printers()

    def _data(self, session: Session, code: str) -> tuple[str, ReceiptData]:
        """(dossier uuid for the audit trail, receipt data)."""
        detail = get_dossier_detail(session, code.strip())
        if detail is None:
            raise NotFound("receipts.dossier", code=repr(code))
        centre = the_centre(session)
        if centre is None:  # enrolment writes the centre; a receipt without it names no one
            raise NotFound("forms.centre_set_up")
        reused = reused_by_position(session, detail.uuid)  # lines of reused signed copies
        return detail.uuid, receipt_data(detail, centre, self._settings, reused)

    def _paper(self, paper: str | None) -> str:
        return chosen_paper(self._settings, paper)
