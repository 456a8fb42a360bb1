"""Officer user names and password rules, the same on the desk and on central.

Qt-free and dependency-free: central checks them when an account is made or a password set;
the desk's admin screens check them before asking (docs/security.md#guessing).
"""

from __future__ import annotations

import re
import unicodedata

USERNAME_RULE = "1–64 characters: letters a–z, digits, '.', '_' or '-'"
_USERNAME = re.compile(r"[a-z0-9._-]{1,64}")
MIN_PASSWORD = {"admin": 12}
MIN_PASSWORD_DEFAULT = 10
# The most common choices (and their local flavour): refused whatever their length.
COMMON_PASSWORDS = frozenset(
    {
        "1234567890",
        "12345678910",
        "123456789012",
        "0123456789",
        "1111111111",
        "0000000000",
        "1q2w3e4r5t",
        "qwertyuiop",
        "qwerty1234",
        "qwerty123456",
        "password12",
        "password123",
        "password1234",
        "passw0rd123",
        "iloveyou12",
        "abc1234567",
        "abcd123456",
        "admin12345",
        "admin123456",
        "administrator",
        "letmein123",
        "welcome123",
        "matkhau123",
        "matkhau1234",
        "matkhau@123",
        "vietnam123",
        "vietnam1234",
        "anhyeuem123",
        "hcc123456",
        "trungtam123",
        "motcuahcc1",
    }
)


def normalise_username(raw: str) -> str:
    """NFKC, trimmed, lower case; ValueError (with the rule) if anything else is left, e.g.
    a Cyrillic 'а' that looks like the Latin one but would be another account."""
    name = unicodedata.normalize("NFKC", raw).strip().lower()
    if not _USERNAME.fullmatch(name):
        raise ValueError(f"user name {raw!r}: {USERNAME_RULE} (no look-alike letters)")
    return name


def password_problem(username: str, role: str, password: str) -> str | None:
    """Why this password may not be set, or None."""
    need = MIN_PASSWORD.get(role, MIN_PASSWORD_DEFAULT)
    if len(password) < need:
        return f"the password must have at least {need} characters (role {role})"
    folded = password.strip().lower()
    if folded == username.lower() or (
        username.lower() in folded and len(folded) - len(username) < 4
    ):
        return "the password must not be (a variant of) the user name"
    if folded in COMMON_PASSWORDS:
        return "this password is among the most common ones: choose another"
    return None
