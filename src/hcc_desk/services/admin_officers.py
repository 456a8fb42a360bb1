"""Officer accounts as the admin screen manages them: list, add, disable/enable, reset a
password, lift a lockout. Every change is audited; every call checks, in the database, that the
acting officer is an active admin (hiding the screen is not the protection).

When the desk is enrolled with central, officers are central's (services/sync.py CentralAuth):
they are listed read-only and only the desk's own offline lockout can be lifted here.
User names and passwords follow central's rules (hcc_central/security.py), so an account made
on a desk would also be valid on central.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from hcc_core.i18n import msg
from hcc_desk.core.store.models import Officer
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories.lookups import find_officer
from hcc_desk.core.store.repositories.officers import (
    active_admin_count,
    officers_by_username,
    username_taken,
)
from hcc_desk.core.store.store import Sessions
from hcc_desk.core.sync.credentials import CredentialStore
from hcc_desk.services.auth import ROLES, AuthService, hash_password, normalise_username
from hcc_desk.services.errors import AuthError, FieldError, FieldErrors, UserError

_USERNAME = re.compile(r"[a-z0-9._-]{1,64}")
MAX_FULL_NAME = 200


@dataclass(frozen=True)
class OfficerRow:
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: datetime | None  # None: not locked (or the lock has run out)


@dataclass(frozen=True)
class OfficerList:
    officers: list[OfficerRow]
    managed_by_central: bool


def require_admin(session: Session, actor: str, action: str) -> None:
    """AuthError (audited as ``admin.refused``) unless ``actor`` is an active admin."""
    row = find_officer(session, normalise_username(actor or ""))
    if row is not None and row.active and row.role == "admin":
        return
    raise AuthError("admin_officers.only_administrator_may_do", action=action)


def check_admin(store: Sessions, actor: str, action: str) -> None:
    """``require_admin`` in its own read; a refusal is audited in its own write."""
    try:
        with store.session() as s:
            require_admin(s, actor, action)
    except AuthError:
        with store.write() as s:
            add_audit(s, actor or "?", "admin.refused", "officer", None, {"action": action})
        raise


def username_problem(username: str) -> FieldError | None:
    if not _USERNAME.fullmatch(username):
        return FieldError(
            "username",
            "admin_officers.user_name_characters_z",
        )
    return None


_PASSWORD_PROBLEMS = {
    "characters": "password.too_short",
    "user name": "password.is_user_name",
    "common": "password.common",
}


def password_field_problems(
    username: str, role: str, password: str, confirm: str | None
) -> list[FieldError]:
    from hcc_core.domain.accounts import MIN_PASSWORD, MIN_PASSWORD_DEFAULT, password_problem

    problems = []
    why = password_problem(username, role, password)
    if why is not None:  # central's policy: length by role, not the user name, not common
        need = MIN_PASSWORD.get(role, MIN_PASSWORD_DEFAULT)
        # hcc_core.domain.accounts words it in English for central's log; the officer reads ours.
        kind = next((k for k in _PASSWORD_PROBLEMS if k in why), None)
        problems.append(
            FieldError("password", _PASSWORD_PROBLEMS[kind], need=need, role=msg(f"role.{role}"))
            if kind
            else FieldError("password", "password.refused", why=why)
        )
    if confirm is not None and confirm != password:
        problems.append(FieldError("password_confirm", "admin_officers.passwords_do_match"))
    return problems


class AdminOfficers:
    def __init__(self, store: Sessions, credentials: CredentialStore):
        self._store, self._credentials = store, credentials

    def managed_by_central(self) -> bool:
        return self._credentials.load() is not None

    def list(self, actor: str, now: datetime | None = None) -> OfficerList:
        now = now or datetime.now()
        self._check(actor, "officer.list")
        with self._store.session() as s:
            rows = officers_by_username(s)
            officers = [
                OfficerRow(
                    r.username,
                    r.full_name,
                    r.role,
                    r.active,
                    r.locked_until if r.locked_until and r.locked_until > now else None,
                )
                for r in rows
            ]
        return OfficerList(officers, self.managed_by_central())

    def add(
        self,
        actor: str,
        username: str,
        full_name: str,
        role: str,
        password: str,
        confirm: str | None = None,
    ) -> OfficerRow:
        self._check(actor, "officer.add", local_only=True)
        username, full_name = normalise_username(username).lower(), " ".join(full_name.split())
        problems = [p for p in [username_problem(username)] if p]
        if not full_name or len(full_name) > MAX_FULL_NAME:
            problems.append(
                FieldError(
                    "full_name",
                    "admin_officers.full_name_required_characters",
                )
            )
        if role not in ROLES:
            problems.append(FieldError("role", "admin_officers.unknown_role"))
        problems += password_field_problems(username, role, password, confirm)
        if problems:
            raise FieldErrors(problems)
        with self._store.write() as s:
            if username_taken(s, username):
                raise FieldErrors(
                    [
                        FieldError(
                            "username", "admin_officers.officer_already_exists", username=username
                        )
                    ]
                )
            row = Officer(
                username=username,
                full_name=full_name,
                role=role,
                password_hash=hash_password(password),
                active=True,
            )
            s.add(row)
            s.flush()
            add_audit(
                s,
                actor,
                "officer.created",
                "officer",
                row.uuid,
                {"officer": username, "role": role},
            )
        return OfficerRow(username, full_name, role, True, None)

    def set_active(self, actor: str, username: str, active: bool) -> None:
        action = "officer.enabled" if active else "officer.disabled"
        self._check(actor, action, local_only=True)
        username = normalise_username(username)
        if not active and username == normalise_username(actor):
            raise UserError(
                "admin_officers.you_disable_your_own",
            )
        with self._store.write() as s:
            row = self._row(s, username)
            if not active and row.role == "admin" and self._active_admins(s) <= 1:
                raise UserError(
                    "admin_officers.at_least_one_active",
                )
            if row.active != active:
                row.active = active
                add_audit(s, actor, action, "officer", row.uuid, {"officer": username})

    def reset_password(
        self, actor: str, username: str, password: str, confirm: str | None = None
    ) -> None:
        self._check(actor, "officer.password_reset", local_only=True)
        username = normalise_username(username)
        with self._store.session() as s:
            role = self._row(s, username).role
        problems = password_field_problems(username, role, password, confirm)
        if problems:
            raise FieldErrors(problems)
        with self._store.write() as s:
            row = self._row(s, username)
            row.password_hash = hash_password(password)
            row.failed_logins, row.lockouts, row.locked_until = 0, 0, None
            add_audit(
                s, actor, "officer.password_reset", "officer", row.uuid, {"officer": username}
            )

    def unlock(self, actor: str, username: str) -> None:
        """The desk's offline lockout (issue 9): also for central's officers."""
        self._check(actor, "officer.unlock")
        AuthService(self._store).unlock(username, by=actor)

    # -- helpers ----------------------------------------------------------------------------
    def _check(self, actor: str, action: str, local_only: bool = False) -> None:
        check_admin(self._store, actor, action)
        if local_only and self.managed_by_central():
            raise UserError(
                "admin_officers.desk_enrolled_with_central",
            )

    @staticmethod
    def _row(s: Session, username: str) -> Officer:
        row = find_officer(s, username)
        if row is None:
            raise UserError("admin_officers.officer", username=username)
        return row

    @staticmethod
    def _active_admins(s: Session) -> int:
        return active_admin_count(s)
