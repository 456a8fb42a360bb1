"""Denormalised search keys on dossier rows, kept in step with the applicants automatically.

Every Store session runs a before_flush hook, so a service can never save a dossier whose
search_name / id_number / phone disagree with its submitter and owner.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import event, inspect, or_, select
from sqlalchemy.orm import Session, sessionmaker

from hcc_core.domain.errors import DomainError
from hcc_core.domain.phone import validate_phone
from hcc_core.domain.text import fold

from .models import Applicant, Dossier

_NON_DIGITS = re.compile(r"\D")


def phone_key(raw: str | None) -> str | None:
    """National form ("0912345678") for valid numbers; bare digits otherwise, so odd numbers
    still match themselves when searched."""
    if not raw or not raw.strip():
        return None
    try:
        return validate_phone(raw).national
    except DomainError:
        digits = _NON_DIGITS.sub("", raw)
        if raw.strip().startswith("+84") and digits.startswith("84"):
            digits = "0" + digits[2:]
        return digits or None


def id_key(applicant: Applicant | None) -> str | None:
    if applicant is None:
        return None
    return applicant.id_number or applicant.old_id_number or None


def search_name(submitter: Applicant | None, owner: Applicant | None) -> str:
    names = [a.full_name for a in (submitter, owner) if a is not None and a.full_name]
    if len(names) == 2 and fold(names[0]) == fold(names[1]):
        names.pop()
    return fold(" ".join(names))


def _linked(session: Session, dossier: Dossier, rel: str, fk: str) -> Applicant | None:
    # Whichever was set last wins at flush: a changed relationship, else the FK column.
    if inspect(dossier).attrs[rel].history.has_changes():
        linked: Applicant | None = getattr(dossier, rel)
        return linked
    fk_value = getattr(dossier, fk)
    return None if fk_value is None else session.get(Applicant, fk_value)


def refresh_search_keys(dossier: Dossier, session: Session) -> None:
    submitter = _linked(session, dossier, "submitter", "submitter_id")
    owner = _linked(session, dossier, "owner", "owner_id")
    dossier.search_name = search_name(submitter, owner)
    dossier.id_number = id_key(submitter)
    dossier.owner_id_number = id_key(owner)
    dossier.phone = phone_key(submitter.phone if submitter else None)


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    with session.no_autoflush:
        changed = list(session.new) + list(session.dirty)
        for obj in changed:
            if isinstance(obj, Applicant):
                obj.name_folded = fold(obj.full_name or "")
        for obj in changed:
            if isinstance(obj, Dossier):
                refresh_search_keys(obj, session)
            elif isinstance(obj, Applicant) and obj.id is not None and obj in session.dirty:
                for dossier in session.scalars(
                    select(Dossier).where(
                        or_(Dossier.submitter_id == obj.id, Dossier.owner_id == obj.id)
                    )
                ):
                    refresh_search_keys(dossier, session)


def install_search_key_hook(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
