"""Reusing a signed digitised copy another desk of the centre made (issue 14, item 4;
docs/digitising.md, "Reuse at another desk").

At intake, once the chip card's QR is read, the desk asks central which signed copies it holds
for that person (ID number, name and date of birth together). The officer ticks one for a paper
of the checklist; the copy is downloaded, its size and SHA-256 checked against the listing and
its signature verified here, then kept encrypted in the profile (``reuse-spool``) so a crash
mid-intake loses nothing. When the dossier is saved, each chosen copy becomes that paper's
attachment and a checked paper record naming where it came from, in the dossier's own write
transaction.

Central is a help, never a wait: every failure of the lookup is a message for the panel
(``ReuseLookup.problem``) and intake goes on as usual.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.orm import Session

from hcc_core.i18n import Msg, msg
from hcc_core.wire.papers import ReusablePaper, ReusableQuery
from hcc_desk.core import sealed_files
from hcc_desk.core.store.models import Attachment, Dossier, Officer
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.store import Sessions
from hcc_desk.core.sync.credentials import CredentialStore
from hcc_desk.core.sync.officer_session import SESSIONS, SessionKeeper
from hcc_desk.services.errors import FieldError, IntakeRejected, UserError
from hcc_desk.services.intake_request import PaperInput, ReusedPaperInput

if TYPE_CHECKING:
    from hcc_desk.core.sync.client import CentralClient

log = logging.getLogger(__name__)

SPOOL = "reuse-spool"  # in the profile: fetched copies waiting for their dossier's save
TRUST_FOLDER = "trusted-ca"  # as hcc-desk verify reads it (cli_digitise.py)
MAX_COPY_BYTES = 64 * 1024 * 1024  # a signed paper is a few MB; a listing saying more is wrong
CONTENT_TYPE = "application/pdf"
SPOOL_DAYS = 7  # a fetched copy waits this long for its dossier's save (a draft kept a while)
# With no trusted CAs configured the desk, like central without its CA folder, checks that
# the signature is intact, matches and was made by a certificate valid now; only the chain
# to a trusted CA is left unproven.
_CHAIN_ONLY = ("digitise.no_trust_roots",)


class ReuseRefused(UserError):
    """A listed copy that cannot be reused: not fetched, not the listed bytes, not signed
    validly. Nothing was kept or attached."""


class PaperRecords(Protocol):
    """The part of services/paper_records.PaperRecordService this module calls."""

    def record_reuse(
        self,
        session: Session,
        dossier: Dossier,
        position: int,
        attachment: Attachment,
        paper: ReusablePaper,
        officer_id: int,
    ) -> None: ...


@dataclass(frozen=True)
class ReuseLookup:
    papers: list[ReusablePaper] = field(default_factory=list)
    problem: Msg | None = None  # why nothing could be asked (offline, not enrolled, …)
    offline: bool = False  # the problem is only that central did not answer


def reusable(paper: ReusablePaper | ReusedPaperInput) -> ReusablePaper:
    """Central's listing, from a checklist choice (a restored draft) or as it came."""
    if isinstance(paper, ReusablePaper):
        return paper
    return ReusablePaper.model_validate(asdict(paper))


def choice(paper: ReusablePaper) -> ReusedPaperInput:
    """What the intake request keeps of a listed paper (and a draft restores)."""
    return ReusedPaperInput(**paper.model_dump())


class ReuseService:
    def __init__(
        self,
        store: Sessions,
        profile_root: Path,
        credentials: CredentialStore | None,
        paper_records: Callable[[], PaperRecords],
        *,
        key: Callable[[], bytes] | None = None,
        sessions: SessionKeeper = SESSIONS,
        client_factory: Callable[..., CentralClient] | None = None,
        trust_dirs: list[Path] | None = None,
    ):
        self._store = store
        self._root = Path(profile_root)
        self._credentials = credentials
        self._records = paper_records
        self._key = key
        self._sessions = sessions
        self._client_factory = client_factory
        self._trust_dirs = trust_dirs
        self.spool = self._root / SPOOL
        self.attachments_dir = self._root / "attachments"
        self._registered = False

    # --- central --------------------------------------------------------------------------
    def lookup(
        self, id_number: str, full_name: str, date_of_birth: date | None, *, officer: str
    ) -> ReuseLookup:
        """The signed copies central holds for this person; never raises for a problem with
        central, the network or the officer's session (``problem`` says it)."""
        from hcc_desk.core.sync.client import AuthFailed, Refused, SyncError, Transient

        try:
            query = ReusableQuery(
                id_number=id_number.strip(),
                full_name=" ".join(full_name.split()),
                date_of_birth=date_of_birth,  # type: ignore[arg-type]  # None: refused below
            )
        except ValueError:
            return ReuseLookup(problem=msg("reuse.need_identity"))
        connected = self._connect(officer)
        if isinstance(connected, Msg):
            return ReuseLookup(problem=connected)
        client, session, token = connected
        try:
            listing = client.reusable_papers(session, query)
        except Transient as exc:
            if exc.status == 429:  # this desk asked too often: central says when to ask again
                return ReuseLookup(problem=msg("reuse.busy"))
            log.info("reusable papers: central did not answer (%s)", exc.message)
            return ReuseLookup(problem=msg("reuse.offline"), offline=True)
        except AuthFailed:
            return ReuseLookup(problem=msg("reuse.device_refused"))
        except Refused as exc:
            if exc.status == 401:  # the officer's session ended on central
                self._sessions.drop(token, officer)
                return ReuseLookup(problem=msg("reuse.no_session"))
            return ReuseLookup(problem=msg("reuse.refused", reason=exc.message[:300]))
        except SyncError as exc:
            return ReuseLookup(problem=msg("reuse.refused", reason=exc.message[:300]))
        finally:
            client.close()
        papers = [p for p in listing.papers if 0 < p.size <= MAX_COPY_BYTES]
        with self._store.write() as s:
            add_audit(s, officer, "paper.reuse_lookup", None, None, {"listed": len(papers)})
        return ReuseLookup(papers)

    def fetch(self, paper: ReusablePaper | ReusedPaperInput, *, officer: str) -> Path:
        """Download the copy, check it is exactly what was listed and validly signed, and keep
        it encrypted in the profile until the dossier is saved; returns where. ReuseRefused
        (with the reason) when it cannot be reused: nothing is kept."""
        from hcc_desk.core.sync.client import Refused, SyncError, TooLarge, Transient

        listed = reusable(paper)
        if listed.size > MAX_COPY_BYTES:
            raise ReuseRefused("reuse.too_large", size=listed.size)
        self._sealed()
        if self._spooled_bytes(listed) is not None:  # kept from before (a restored draft)
            return self.spool / _spooled(listed.paper_uuid)
        connected = self._connect(officer)
        if isinstance(connected, Msg):
            raise ReuseRefused(connected.msg_id, **connected.params)
        client, session, token = connected
        try:
            data = client.paper_file(session, listed.paper_uuid, listed.size)
        except TooLarge:
            data = b""  # more than listed: refused below, like any other difference
        except Transient as exc:
            log.info("reused copy: central did not answer (%s)", exc.message)
            raise ReuseRefused("reuse.offline") from None
        except Refused as exc:
            if exc.status == 401:
                self._sessions.drop(token, officer)
                raise ReuseRefused("reuse.no_session") from None
            raise ReuseRefused("reuse.refused", reason=exc.message[:300]) from None
        except SyncError as exc:
            raise ReuseRefused("reuse.refused", reason=exc.message[:300]) from None
        finally:
            client.close()
        problem = self._problem(listed, data)
        with self._store.write() as s:
            detail: dict[str, Any] = {"paper": listed.paper_uuid, "from": listed.dossier_code}
            if problem is not None:
                detail["refused"] = problem.msg_id
            add_audit(s, officer, "paper.reuse_fetch", None, None, detail)
        if problem is not None:
            raise ReuseRefused("reuse.copy_refused", reason=problem)
        self._sealed()
        self._sweep()
        sealed_files.write(self.spool, _spooled(listed.paper_uuid), data)
        return self.spool / _spooled(listed.paper_uuid)

    def is_fetched(self, paper_uuid: str) -> bool:
        return (self.spool / _spooled(paper_uuid)).is_file()

    def _problem(self, listed: ReusablePaper, data: bytes) -> Msg | None:
        if len(data) != listed.size or hashlib.sha256(data).hexdigest() != listed.sha256:
            return msg("reuse.not_as_listed")
        from hcc_desk.core.digitise.trust import load_trust_roots
        from hcc_desk.core.digitise.verify import verify_bytes

        roots = load_trust_roots(self._trust_dirs or [self._root / TRUST_FOLDER])
        verdict = verify_bytes(data, roots)
        if verdict.problem is not None:
            return verdict.problem
        for signature in verdict.signatures:
            problem = signature.problem
            if problem is None:
                continue
            if not roots.certificates and signature.intact and problem.msg_id in _CHAIN_ONLY:
                continue
            return problem
        # The receipt prints central's name for the signer: it must be the one in the bytes.
        last = verdict.signatures[-1].signer if verdict.signatures else ""
        if last != listed.signer:
            return msg("reuse.signer_not_as_listed", signer=last)
        return None

    def _connect(self, officer: str) -> tuple[CentralClient, str, str] | Msg:
        cred = None if self._credentials is None else self._credentials.load()
        if cred is None:
            return msg("reuse.not_enrolled")
        session = self._sessions.get(cred.device_token, officer)
        if session is None:
            return msg("reuse.no_session")
        from hcc_desk.core.sync.client import CentralClient

        factory = self._client_factory or CentralClient
        return (
            factory(cred.central_url, cred.device_token, ca_pem=cred.ca_pem),
            session,
            cred.device_token,
        )

    def _sweep(self) -> None:
        """Copies fetched for an intake given up long ago: not kept for ever."""
        if not self.spool.is_dir():
            return
        oldest = time.time() - SPOOL_DAYS * 86400
        for path in self.spool.iterdir():
            try:
                if path.is_file() and path.stat().st_mtime < oldest:
                    path.unlink()
            except OSError:
                continue  # another process took it: nothing to do

    def _sealed(self) -> None:
        """The spool is encrypted with the profile's key, like the attachments."""
        if not self._registered and self._key is not None:
            sealed_files.register(self.spool, self._key())
            self._registered = True

    # --- the dossier's save ---------------------------------------------------------------
    def attach(
        self, session: Session, dossier: Dossier, papers: list[PaperInput], officer: Officer
    ) -> None:
        """Inside the intake's write transaction: each reused copy becomes its paper's
        attachment and a checked record of where it came from. IntakeRejected (the whole save
        rolls back) for a copy not fetched into this profile or no longer the listed bytes."""
        self._sealed()
        chosen = [(i, p.reused) for i, p in enumerate(papers) if p.reused is not None]
        copies: list[tuple[int, ReusablePaper, bytes]] = []
        problems: list[FieldError] = []
        for i, reused in chosen:
            listed = reusable(reused)
            data = self._spooled_bytes(listed)
            if data is None:
                problems.append(FieldError(f"papers[{i}]", "reuse.fetch_again", paper=reused.kind))
            else:
                copies.append((i, listed, data))
        if problems:
            raise IntakeRejected(problems)
        session.flush()  # the dossier's id, for its attachments
        records = self._records()
        for i, listed, data in copies:
            attachment = _attachment(session, dossier, self.attachments_dir, listed, data, i + 1)
            session.flush()
            records.record_reuse(session, dossier, i + 1, attachment, listed, officer.id)
            add_audit(
                session,
                officer.username,
                "paper.reuse",
                "dossier",
                dossier.uuid,
                {
                    "position": i + 1,
                    "paper": listed.paper_uuid,
                    "from": listed.dossier_code,
                    "sha256": listed.sha256,
                },
            )

    def saved(self, papers: list[PaperInput]) -> None:
        """After the save committed: the spooled copies are attachments now."""
        for p in papers:
            if p.reused is not None:
                (self.spool / _spooled(p.reused.paper_uuid)).unlink(missing_ok=True)

    def _spooled_bytes(self, listed: ReusablePaper) -> bytes | None:
        rel = _spooled(listed.paper_uuid)
        try:
            data = sealed_files.read(self.spool, rel)
        except (OSError, sealed_files.SealedFileError) as exc:
            log.info("reused copy %s not in the spool: %s", listed.paper_uuid, exc)
            return None
        if hashlib.sha256(data).hexdigest() != listed.sha256:
            return None
        return data


def _spooled(paper_uuid: str) -> str:
    return f"{paper_uuid}.pdf"


def _attachment(
    session: Session,
    dossier: Dossier,
    folder: Path,
    listed: ReusablePaper,
    data: bytes,
    position: int,
) -> Attachment:
    from hcc_desk.core.sync.attachments import add_attachment

    name = Path(listed.filename).name or f"{listed.paper_uuid}.pdf"
    return add_attachment(
        session,
        dossier,
        folder,
        data,
        filename=name,
        content_type=CONTENT_TYPE,
        paper_position=position,
    )
