"""Domain errors and warnings carrying a stable code plus Vietnamese and English text.

The UI shows ``message`` (Vietnamese); ``code`` is stable for tests, logs and translations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .messages import FIELD_LABELS, MESSAGES


class _KeepMissing(dict[str, Any]):
    # A missing format parameter should degrade the text, never raise while reporting an error.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(code: str, field: str | None = None, /, **params: Any) -> tuple[str, str]:
    """Return the (vi, en) text for ``code``; unknown codes fall back to the code itself."""
    vi, en = MESSAGES.get(code, (code, code))
    label_vi, label_en = FIELD_LABELS.get(field or "", (field or "", field or ""))
    vi_params = _KeepMissing(params, label=label_vi)
    en_params = _KeepMissing(params, label=label_en)
    return vi.format_map(vi_params), en.format_map(en_params)


class DomainError(ValueError):
    """A rule of the domain was broken; ``str(err)`` is the Vietnamese message."""

    def __init__(self, code: str, field: str | None = None, /, **params: Any) -> None:
        # Positional-only, so message parameters may themselves be called 'code' or 'field'.
        self.code = code
        self.field = field
        self.params = params
        self.message, self.message_en = render(code, field, **params)
        super().__init__(self.message)

    def __reduce__(
        self,
    ) -> tuple[Any, ...]:  # keep pickling (e.g. across processes) working with keyword params
        return (_rebuild, (type(self), self.code, self.field, self.params))

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"{name}(code={self.code!r}, field={self.field!r}, message={self.message!r})"


def _rebuild(
    cls: type[DomainError], code: str, field: str | None, params: dict[str, Any]
) -> DomainError:
    return cls(code, field, **params)


class ValidationError(DomainError):
    """User input does not satisfy a format or rule."""


@dataclass(frozen=True, slots=True)
class DomainWarning:
    """A non-blocking finding the officer should see (e.g. QR data inconsistent)."""

    code: str
    message: str
    message_en: str
    field: str | None = None

    @classmethod
    def make(cls, code: str, field: str | None = None, /, **params: Any) -> DomainWarning:
        vi, en = render(code, field, **params)
        return cls(code, vi, en, field)

    def __str__(self) -> str:
        return self.message
