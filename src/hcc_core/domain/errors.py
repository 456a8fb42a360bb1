"""Domain errors and warnings: a stable message id (``code``), the field and the parameters.

The words are in the catalogue (``hcc_core/i18n``); an edge renders them with ``text(lang)``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from hcc_core.errors import ExpectedError, render


class DomainError(ExpectedError, ValueError):
    """A rule of the domain was broken; ``str(err)`` is the Vietnamese message."""

    @property
    def code(self) -> str:
        return self.msg_id


class ValidationError(DomainError):
    """User input does not satisfy a format or rule."""


@dataclass(frozen=True, slots=True)
class DomainWarning:
    """A non-blocking finding the officer should see (e.g. QR data inconsistent)."""

    code: str
    field: str | None = None
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    @classmethod
    def make(cls, code: str, field: str | None = None, /, **params: Any) -> DomainWarning:
        return cls(code, field, params)

    def text(self, lang: str) -> str:
        return render(self.code, lang, self.field, self.params)

    @property
    def message(self) -> str:
        return self.text("vi")

    def __str__(self) -> str:
        return self.message
