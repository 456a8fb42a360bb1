"""Signing a saved dossier's papers from the desk's screens with the officer's PKCS#11 token
(issue 14; docs/digitising.md, "Signing from the desk's screens").

The same core as ``hcc-desk digitise --sign`` (core/digitise: token, certificate checks, PAdES
stamp): the token and timestamp server come from the settings (``signing.*``), the trusted CAs
from ``<profile>/trusted-ca``. A paper's newest copy is signed in memory (a plain copy of a
citizen's paper never touches the disk) and the signed copy becomes a new version of the same
paper, queued for central like any attachment (central verifies the signature at upload); the
copy before it stays, as OCR's versions do (services/ocr.py says why).

The PIN is an argument held only for the call: handed to the token's library at login, then
dropped (a bytearray is zeroed); never logged, stored, audited or put in a message.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any, TypeVar

from hcc_core.errors import ExpectedError
from hcc_desk.core import sealed_files
from hcc_desk.core.digitise.errors import DigitiseError, WrongPin
from hcc_desk.core.store.models import Attachment, Dossier
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories import capture as capture_queries
from hcc_desk.core.store.repositories import signing as queries
from hcc_desk.core.store.repositories.lookups import the_centre
from hcc_desk.core.store.store import Sessions
from hcc_desk.core.sync.attachments import add_attachment
from hcc_desk.services.errors import InvalidInput, NotFound
from hcc_desk.services.settings import (
    SIGNING_KEY_LABEL,
    SIGNING_PKCS11_LIB,
    SIGNING_SLOT_LABEL,
    SIGNING_TIMESTAMP_URL,
    SettingsService,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
_TOKEN_LOCK = threading.Lock()

Pin = str | bytearray
SIGNED_SUFFIX = "-ky-so"  # the signed version's file name: <copy>-ky-so.pdf
# Refusals that concern one paper's copy: the others are still signed. Any other (the token,
# the PIN, the certificate, the timestamp server) stops the whole signing.
PAPER_PROBLEMS = frozenset({"digitise.not_a_pdf", "digitise.pdf_unreadable"})
SETTINGS_WORDING = {
    "digitise.library_missing": "signing.library_missing",
    "digitise.several_tokens": "signing.several_tokens",
    "digitise.timestamp_failed": "signing.timestamp_failed",
}


class SigningError(DigitiseError):
    """Signing from the screens cannot start (no token configured, nothing to sign)."""


@dataclass(frozen=True)
class SigningConfig:
    library: str | None
    slot_label: str | None
    key_label: str | None
    timestamp_url: str | None

    def token(self) -> Any:
        from hcc_desk.core.digitise.token import TokenSpec

        if not self.library:
            raise SigningError("signing.no_library")
        return TokenSpec(Path(self.library), self.slot_label, self.key_label)


@dataclass(frozen=True)
class SignablePaper:
    """A paper's newest copy (or a file not tied to a paper, such as a result document)."""

    position: int | None
    name: str
    attachment_uuid: str
    filename: str


@dataclass(frozen=True)
class SignedPaper:
    position: int | None
    name: str
    attachment_uuid: str  # the new, signed version
    signed_from: str  # the copy it was made from
    signer: str
    signed_at: datetime


@dataclass(frozen=True)
class SignReport:
    signed: list[SignedPaper] = field(default_factory=list)
    failed: list[tuple[str, ExpectedError]] = field(default_factory=list)  # paper name, why
    skipped: list[str] = field(default_factory=list)  # already signed (sign all)

    @property
    def signer(self) -> str | None:
        return self.signed[0].signer if self.signed else None


@dataclass(frozen=True)
class _Copy:
    paper: SignablePaper
    data: bytes


SizeCheck = Callable[[int, int], None]  # (size, bytes already attached): raises when too big


class SigningService:
    def __init__(
        self,
        store: Sessions,
        settings: SettingsService,
        profile_root: Path,
        *,
        size_check: SizeCheck | None = None,
        nudge: Callable[[], None] | None = None,
        text_layer_available: Callable[[], bool] | None = None,
    ):
        self._store, self._settings = store, settings
        self._root = Path(profile_root)
        self.attachments_dir = self._root / "attachments"
        self._size_check, self._nudge = size_check, nudge
        self._text_layer_available = text_layer_available or _ocr_installed

    # --- what the screens show --------------------------------------------------------------
    def config(self) -> SigningConfig:
        s = self._settings
        return SigningConfig(
            s.get(SIGNING_PKCS11_LIB),
            s.get(SIGNING_SLOT_LABEL),
            s.get(SIGNING_KEY_LABEL),
            s.get(SIGNING_TIMESTAMP_URL),
        )

    def signer_name(self) -> str | None:
        """The certificate holder's name, when the token shows it without the PIN."""
        from hcc_desk.core.digitise.token import read_signer

        config = self.config()
        return _one_call_at_a_time(lambda: read_signer(config.token())) if config.library else None

    def papers(self, dossier_code: str) -> list[SignablePaper]:
        """Each paper's newest copy, in checklist order, then files not tied to a paper."""
        with self._store.session() as s:
            dossier = self._dossier(s, dossier_code)
            return [p for p, _att in _newest_copies(s, dossier)]

    # --- signing ----------------------------------------------------------------------------
    def sign_paper(self, dossier_code: str, position: int, pin: Pin, officer: str) -> SignReport:
        """Sign the paper's newest copy (a copy already signed is countersigned)."""
        return self._sign(dossier_code, pin, officer, lambda p: p.position == position, False)

    def sign_attachment(
        self, dossier_code: str, attachment_uuid: str, pin: Pin, officer: str
    ) -> SignReport:
        """Sign one of the dossier's files (a result document), as a paper's copy is."""
        return self._sign(
            dossier_code, pin, officer, lambda p: p.attachment_uuid == attachment_uuid, False
        )

    def sign_all(self, dossier_code: str, pin: Pin, officer: str) -> SignReport:
        """Sign every digitised paper's newest copy with one PIN; copies already signed are
        left as they are (listed as skipped)."""
        return self._sign(dossier_code, pin, officer, lambda p: p.position is not None, True)

    def _sign(
        self,
        dossier_code: str,
        pin: Pin,
        officer: str,
        wanted: Callable[[SignablePaper], bool],
        skip_signed: bool,
    ) -> SignReport:
        try:
            return self._signing(dossier_code, pin, officer, wanted, skip_signed)
        finally:
            _forget(pin)  # whatever happened, refused before the token too

    def _signing(
        self,
        dossier_code: str,
        pin: Pin,
        officer: str,
        wanted: Callable[[SignablePaper], bool],
        skip_signed: bool,
    ) -> SignReport:
        from hcc_desk.core.digitise.sign import read_pdf, sign_data
        from hcc_desk.core.digitise.token import open_key
        from hcc_desk.core.digitise.trust import profile_trust

        try:
            config = self.config()
            token = config.token()
            copies, centre, skipped, failed = self._copies(dossier_code, wanted, skip_signed)
            if not copies:
                if len(failed) == 1 and not skipped:
                    raise failed[0][1]  # the one paper asked for: its reason is the answer
                if skipped or failed:
                    return SignReport(skipped=skipped, failed=failed)
                raise SigningError("signing.nothing_to_sign", code=dossier_code)
            trust = profile_trust(self._root)
            signed: list[tuple[_Copy, Any]] = []
            text = _pin_text(pin)

            def work() -> None:
                with open_key(token, text) as key:
                    _forget(pin)  # logged in: the token has no further use for it
                    for copy in copies:
                        try:
                            result = sign_data(
                                read_pdf(copy.data, copy.paper.filename),
                                key,
                                centre=centre,
                                trust=trust,
                                timestamp_url=config.timestamp_url,
                            )
                        except DigitiseError as exc:
                            if exc.msg_id not in PAPER_PROBLEMS:
                                raise  # the token, certificate or timestamp: stop here
                            failed.append((copy.paper.name, exc))
                            continue
                        signed.append((copy, result))

            _one_call_at_a_time(work)
        except ExpectedError as exc:
            self._audit_refusal(dossier_code, officer, exc)
            if isinstance(exc, DigitiseError) and exc.msg_id in SETTINGS_WORDING:
                # The CLI's words name its options; at the desk the settings say it.
                raise SigningError(SETTINGS_WORDING[exc.msg_id], **exc.params) from None
            raise
        report = SignReport(self._store_versions(dossier_code, signed, officer), failed, skipped)
        if report.signed and self._nudge is not None:
            try:
                self._nudge()
            except Exception as exc:  # noqa: BLE001 - best effort: the outbox has the work
                log.warning("could not nudge sync: %s", type(exc).__name__)
        return report

    def _copies(
        self, dossier_code: str, wanted: Callable[[SignablePaper], bool], skip_signed: bool
    ) -> tuple[list[_Copy], str, list[str], list[tuple[str, ExpectedError]]]:
        """The copies to sign (their bytes decrypted in memory), the centre's name for the
        stamp, the papers skipped as already signed and those that cannot be signed now."""
        copies: list[_Copy] = []
        skipped: list[str] = []
        failed: list[tuple[str, ExpectedError]] = []
        with self._store.session() as s:
            dossier = self._dossier(s, dossier_code)
            centre = the_centre(s)
            found = [
                (p, att, queries.text_layer_pending(s, att.id))
                for p, att in _newest_copies(s, dossier)
                if wanted(p)
            ]
            texts: dict[str, bytes | None] = {}
            for paper, att, _pending in found:
                try:
                    texts[paper.attachment_uuid] = sealed_files.read(self.attachments_dir, att.path)
                except (OSError, sealed_files.SealedFileError):
                    texts[paper.attachment_uuid] = None
        if not centre or not centre.name:
            raise SigningError("digitise.needs_centre")
        # Asked once, and only when a copy waits: it runs Tesseract.
        ocr_here = any(pending for _p, _a, pending in found) and self._text_layer_available()
        for paper, _att, pending in found:
            data = texts[paper.attachment_uuid]
            if pending and ocr_here:
                # Signed first, the text layer would come as a newer, unsigned version.
                failed.append((paper.name, SigningError("signing.text_layer_pending")))
            elif data is None:
                failed.append((paper.name, InvalidInput("signing.copy_unreadable")))
            elif skip_signed and _signature_count(data) > 0:
                skipped.append(paper.name)
            else:
                copies.append(_Copy(paper, data))
        return copies, centre.name, skipped, failed

    def _store_versions(
        self, dossier_code: str, signed: list[tuple[_Copy, Any]], officer: str
    ) -> list[SignedPaper]:
        """Every signed copy as a new version of its paper, in one transaction, audited."""
        if not signed:
            return []
        out: list[SignedPaper] = []
        with self._store.write() as s:
            dossier = self._dossier(s, dossier_code)
            before = capture_queries.attached_bytes(s, dossier.id)
            for copy, result in signed:
                if self._size_check is not None:
                    self._size_check(len(result.data), before)
                before += len(result.data)
                name = PurePath(copy.paper.filename)
                version = add_attachment(
                    s,
                    dossier,
                    self.attachments_dir,
                    result.data,
                    filename=f"{name.stem}{SIGNED_SUFFIX}.pdf",
                    content_type="application/pdf",
                    paper_position=copy.paper.position,
                )
                s.flush()
                add_audit(
                    s,
                    officer,
                    "signing.signed",
                    "dossier",
                    dossier.uuid,
                    {
                        "code": dossier.code,
                        "paper_position": copy.paper.position,
                        "attachment": copy.paper.attachment_uuid,
                        "version": version.uuid,
                        "sha256": version.sha256,
                        "size": version.size,
                    },
                )
                out.append(
                    SignedPaper(
                        copy.paper.position,
                        copy.paper.name,
                        version.uuid,
                        copy.paper.attachment_uuid,
                        result.signer,
                        result.signed_at,
                    )
                )
        return out

    def _audit_refusal(self, dossier_code: str, officer: str, exc: ExpectedError) -> None:
        """A refusal is audited too: who, which dossier, the reason's id (never the PIN)."""
        try:
            with self._store.write() as s:
                dossier = capture_queries.dossier_by_code_or_uuid(s, dossier_code)
                add_audit(
                    s,
                    officer,
                    "signing.refused",
                    "dossier",
                    dossier.uuid if dossier else None,
                    {"code": dossier_code, "reason": exc.msg_id},
                )
        except ExpectedError:
            log.warning("could not audit a refused signing (%s)", exc.msg_id)

    @staticmethod
    def _dossier(s: Any, dossier_code: str) -> Dossier:
        dossier = capture_queries.dossier_by_code_or_uuid(s, dossier_code)
        if dossier is None:
            raise NotFound("capture.dossier", dossier_code=dossier_code)
        return dossier


def _newest_copies(s: Any, dossier: Dossier) -> list[tuple[SignablePaper, Attachment]]:
    """Per checklist paper, its newest PDF copy (a text-layer or signed version when there is
    one); then each PDF not tied to a paper (a result document), by itself."""
    names = {p.position: p.name for p in dossier.papers}
    newest: dict[int, Attachment] = {}
    loose: list[Attachment] = []
    for att in capture_queries.attachments_of(s, dossier.id):  # by position, then age
        if att.content_type != "application/pdf":
            continue
        if att.paper_position is None:
            loose.append(att)
        else:
            newest[att.paper_position] = att
    out = [
        (
            SignablePaper(
                pos,
                names.get(pos, att.filename),
                att.uuid,
                att.filename,
            ),
            att,
        )
        for pos, att in sorted(newest.items())
    ]
    out += [(SignablePaper(None, att.filename, att.uuid, att.filename), att) for att in loose]
    return out


def _one_call_at_a_time(work: Callable[[], T]) -> T:
    """One call at a time into the token's library: python-pkcs11 initialises it without
    locking arguments (the library may then assume a single thread) and lets go of the GIL in
    its calls, so two screens signing at once would enter it together."""
    with _TOKEN_LOCK:
        return work()


def _pin_text(pin: Pin) -> str:
    """The PIN as the token's library takes it (text)."""
    if not isinstance(pin, bytearray):
        return pin
    try:
        return pin.decode("utf-8")
    except UnicodeDecodeError:
        _forget(pin)
        raise WrongPin("digitise.wrong_pin", token="") from None


def _forget(pin: Pin) -> None:
    """Zero a bytearray PIN (a str cannot be cleared: the caller drops it)."""
    if isinstance(pin, bytearray):
        pin[:] = bytes(len(pin))


def _signature_count(data: bytes) -> int:
    from io import BytesIO

    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return len(PdfFileReader(BytesIO(data), strict=False).embedded_signatures)
    except (PdfReadError, ValueError, KeyError, IndexError):
        return 0  # signing it will say why it cannot be read


def _ocr_installed() -> bool:
    from hcc_desk.core.digitise.ocr import check_available

    try:
        check_available()
    except ExpectedError:
        return False
    return True
