"""Errors a user can cause: message ids from the catalogue (``hcc_core/i18n``), never words.

The edges choose the language: ``hcc_desk.ui.errors`` (banner, field messages) and
``hcc_desk.cli_errors`` (one line, an exit status).
"""

from __future__ import annotations

from typing import Any

from hcc_core.errors import ExpectedError, render
from hcc_core.i18n import Msg


class FieldError:
    """One field's problem; ``field`` is a form path, e.g. ``submitter.id_number``."""

    __slots__ = ("_error", "field", "msg_id", "params")

    def __init__(self, field: str, msg_id: str, /, **params: Any) -> None:
        self.field, self.msg_id, self.params = field, msg_id, params
        self._error: ExpectedError | None = None

    @classmethod
    def of(cls, field: str, error: ExpectedError | Msg) -> FieldError:
        """The field's problem is an expected error raised by a rule (a DomainError), or a
        message a rule returned."""
        made = cls(field, error.msg_id, **error.params)
        made._error = error if isinstance(error, ExpectedError) else None
        return made

    def text(self, lang: str) -> str:
        if self._error is not None:
            return self._error.text(lang)
        return render(self.msg_id, lang, None, self.params)

    @property
    def message(self) -> str:
        """The Vietnamese text (logs); an edge uses :meth:`text` with its language."""
        return self.text("vi")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FieldError) and (self.field, self.msg_id, self.params) == (
            other.field,
            other.msg_id,
            other.params,
        )

    def __hash__(self) -> int:
        return hash((self.field, self.msg_id))

    def __repr__(self) -> str:
        return f"FieldError({self.field!r}, {self.msg_id!r}, {self.params!r})"


class UserError(ExpectedError):
    """Expected failure: shown as a short message, never as a crash."""


class InvalidInput(UserError):
    """What the user gave cannot be used as it is (a file, a form): fix it and try again."""


class FieldErrors(InvalidInput):
    """Several fields at once; the edges place each under its field."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("input.invalid")
        self.errors = errors

    def text(self, lang: str) -> str:
        if not self.errors:
            return super().text(lang)
        return "; ".join(f"{e.field}: {e.text(lang)}" for e in self.errors)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.errors,))


class IntakeRejected(FieldErrors):
    """The dossier was not saved: the listed fields need fixing."""


class SetupRejected(FieldErrors):
    """First-run setup was not saved: the listed fields need fixing."""


class AuthError(UserError):
    pass


class NotFound(UserError):
    pass
