"""Errors a user can cause, each with a Vietnamese message (shown first) and an English one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    field: str  # e.g. "submitter.id_number", "papers[2].name"
    message: str
    message_en: str


class UserError(Exception):
    """Expected failure: shown as a short message, never as a crash."""

    def __init__(self, message: str, message_en: str):
        super().__init__(message)
        self.message = message
        self.message_en = message_en


class InvalidInput(UserError):
    """What the user gave cannot be used as it is (a file, a form): fix it and try again."""


class FieldErrors(InvalidInput):
    def __init__(self, errors: list[FieldError]):
        first = errors[0] if errors else FieldError("", "Dữ liệu không hợp lệ", "Invalid input")
        super().__init__(
            "; ".join(f"{e.field}: {e.message}" for e in errors) or first.message,
            "; ".join(f"{e.field}: {e.message_en}" for e in errors) or first.message_en,
        )
        self.errors = errors


class IntakeRejected(FieldErrors):
    """The dossier was not saved: the listed fields need fixing."""


class SetupRejected(FieldErrors):
    """First-run setup was not saved: the listed fields need fixing."""


class AuthError(UserError):
    pass


class NotFound(UserError):
    pass
