"""The one model of an expected error: a message id, its parameters and, where it applies, the
field it is about. Words are chosen at the edge (``hcc_desk.ui.errors`` for the GUI,
``hcc_desk.cli_errors`` for the CLI) from the catalogue of the reader's language.

Anything that is not an :class:`ExpectedError` reaching an edge is a bug: a crash report, a log.
"""

from __future__ import annotations

from typing import Any, Self

from hcc_core import i18n


class ExpectedError(Exception):
    """A failure the user can cause or fix; ``str(err)`` is the source-language (vi) text.

    ``field`` is a catalogue field key (``full_name``) or a form path (``papers[2].name``); its
    label fills ``{label}`` when the catalogue knows it. Positional-only, so message parameters
    may themselves be called ``msg_id`` or ``field``.
    """

    def __init__(self, msg_id: str, field: str | None = None, /, **params: Any) -> None:
        self.msg_id = msg_id
        self.field = field
        self.params = params
        super().__init__(msg_id)

    @classmethod
    def like(cls, other: ExpectedError | i18n.Msg) -> Self:
        """The same message as ``other`` (another error, or a message) raised as this class."""
        if isinstance(other, ExpectedError):
            return cls(other.msg_id, other.field, **other.params)
        return cls(other.msg_id, **other.params)

    def text(self, lang: str) -> str:
        """The message in ``lang`` (``vi``, ``en`` or ``pseudo``)."""
        return render(self.msg_id, lang, self.field, self.params)

    @property
    def message(self) -> str:
        """The Vietnamese text (logs, ``str``); an edge uses :meth:`text` with its language."""
        return self.text(i18n.SOURCE_LANGUAGE)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:  # pickling (across processes) with keyword params
        return (_rebuild, (type(self), self.msg_id, self.field, self.params, self.__dict__))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.msg_id!r}, field={self.field!r}, {self.params!r})"


def _rebuild(
    cls: type[ExpectedError],
    msg_id: str,
    field: str | None,
    params: dict[str, Any],
    state: dict[str, Any],
) -> ExpectedError:
    err = cls.__new__(cls)
    ExpectedError.__init__(err, msg_id, field, **params)
    err.__dict__.update(state)
    return err


def render(msg_id: str, lang: str, field: str | None, params: dict[str, Any]) -> str:
    label = field_label(field, lang) if field else ""
    return i18n.tr(msg_id, lang, **{"label": label, **params})


def field_label(field: str, lang: str) -> str:
    """The catalogue's label of a field key; the key itself when it has none."""
    key = f"field.{field}"
    return i18n.tr(key, lang) if i18n.has(key) else field
