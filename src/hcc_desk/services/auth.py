"""Officer accounts: argon2id password hashes, login, and the audit trail of both."""
from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from hcc_desk.core.store.repositories import add_audit
from hcc_desk.services.errors import AuthError, FieldError
from hcc_desk.services.lookups import find_officer

ROLES = ("admin", "supervisor", "officer")
MIN_PASSWORD = 8
_hasher = PasswordHasher()  # argon2id with the library's current recommended cost


@dataclass(frozen=True)
class Officer:
    username: str
    full_name: str
    role: str


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_problems(password: str, confirm: str | None, field: str) -> list[FieldError]:
    problems = []
    if len(password) < MIN_PASSWORD:
        problems.append(FieldError(field, f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự",
                                   f"The password needs at least {MIN_PASSWORD} characters"))
    if confirm is not None and confirm != password:
        problems.append(FieldError(field + "_confirm", "Mật khẩu nhập lại không khớp",
                                   "The passwords do not match"))
    return problems


class AuthService:
    def __init__(self, store):
        self._store = store

    def login(self, username: str, password: str) -> Officer:
        with self._store.write() as s:
            row = find_officer(s, username.strip())
            if row is None or not row.active or not password_matches(row.password_hash, password):
                if row is not None:
                    row.failed_logins += 1
                add_audit(s, username.strip() or "?", "officer.login_failed", "officer",
                               row.uuid if row else None, {})
                raise AuthError("Sai tên đăng nhập hoặc mật khẩu",
                                "Wrong user name or password")
            row.failed_logins = 0
            if _hasher.check_needs_rehash(row.password_hash):
                row.password_hash = hash_password(password)
            add_audit(s, row.username, "officer.login", "officer", row.uuid, {})
            return Officer(row.username, row.full_name, row.role)

    def verify(self, username: str, password: str) -> bool:
        """Unlock after the idle lock: the same check, without a new login record."""
        with self._store.session() as s:
            row = find_officer(s, username)
            return bool(row and row.active and password_matches(row.password_hash, password))

    def officer(self, username: str) -> Officer:
        with self._store.session() as s:
            row = find_officer(s, username)
            if row is None or not row.active:
                raise AuthError(f"Không có cán bộ '{username}' đang hoạt động",
                                f"No active officer '{username}'")
            return Officer(row.username, row.full_name, row.role)
