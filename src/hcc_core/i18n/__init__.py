"""The one translation system: a catalogue per language, chosen at the edge.

Every word the officer reads comes from ``hcc_core/i18n/<lang>.json``. A catalogue has two parts:

- ``messages``: ``msg_id -> text`` for what the code says (errors, results, labels). Text uses
  named ``{param}`` placeholders; an entry that depends on a count is an object of plural forms
  keyed by CLDR category (``{"one": …, "other": …}``) and chosen by the parameter ``n``.
  Vietnamese has one form (``other``), English two.
- ``qt``: ``context -> {source text -> translation}`` for strings Qt translates (``.ui`` forms,
  ``self.tr``); the desk's QTranslator bridge looks them up here. Vietnamese is the source
  language, so ``vi.json`` only holds Qt's own English strings (buttons of standard dialogs).

Errors and results carry an id and parameters (``hcc_core.errors``); the GUI or CLI calls
:func:`tr` with its language. ``pseudo`` wraps every catalogue string in ``⟦…⟧`` so a test can
find text shown to the officer that did not come from here. See docs/translating.md.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

LANGUAGES = ("vi", "en")
SOURCE_LANGUAGE = "vi"
PSEUDO = "pseudo"  # a test language: the source text wrapped, to spot strings from elsewhere
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"
PLURAL_PARAM = "n"
_DIR = Path(__file__).resolve().parent

Entry = str | dict[str, str]


class Renderable(Protocol):
    """A parameter that is itself translatable (a nested message, an expected error)."""

    def text(self, lang: str) -> str: ...


@dataclass(frozen=True)
class Msg:
    """A message id with its parameters, rendered later in the reader's language."""

    msg_id: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return tr(self.msg_id, lang, **self.params)

    @property
    def message(self) -> str:
        """The source-language (vi) text, for logs; an edge uses :meth:`text`."""
        return self.text(SOURCE_LANGUAGE)


def msg(msg_id: str, /, **params: Any) -> Msg:
    return Msg(msg_id, params)


@dataclass(frozen=True)
class Joined:
    """Several parts (messages or plain text such as a device's own words) shown as one."""

    parts: tuple[Any, ...]
    sep: Any = "; "  # plain text, or a message ("or") said in the reader's language

    def text(self, lang: str) -> str:
        return str(_render(self.sep, lang)).join(str(_render(p, lang)) for p in self.parts)


def _render(value: Any, lang: str) -> Any:
    text = getattr(value, "text", None)
    return text(lang) if callable(text) and type(value) is not str else value


@dataclass(frozen=True)
class Catalogue:
    messages: Mapping[str, Entry]
    qt: Mapping[str, Mapping[str, str]]


@cache
def catalogue(lang: str) -> Catalogue:
    """The catalogue of ``lang`` (``vi`` or ``en``), read once."""
    if lang not in LANGUAGES:
        raise ValueError(f"no catalogue for language {lang!r}")
    data = json.loads((_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    return Catalogue(data.get("messages", {}), data.get("qt", {}))


def plural_category(lang: str, n: Any) -> str:
    """CLDR plural category of ``n``: Vietnamese has only ``other``; English ``one``/``other``."""
    if lang == "en":
        return "one" if n == 1 else "other"
    return "other"


class _KeepMissing(dict[str, Any]):
    # A missing parameter degrades the text, never raises while reporting an error.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _entry(msg_id: str, lang: str) -> Entry | None:
    entry = catalogue(lang).messages.get(msg_id)
    if entry is None and lang != SOURCE_LANGUAGE:
        entry = catalogue(SOURCE_LANGUAGE).messages.get(msg_id)
    return entry


def has(msg_id: str) -> bool:
    return msg_id in catalogue(SOURCE_LANGUAGE).messages


def tr(msg_id: str, lang: str, /, **params: Any) -> str:
    """The text of ``msg_id`` in ``lang`` with ``params`` filled in; an unknown id shows itself.

    Parameters that are messages or expected errors are rendered in the same language.
    """
    text_lang = SOURCE_LANGUAGE if lang == PSEUDO else lang
    entry = _entry(msg_id, text_lang)
    if entry is None:
        return msg_id
    if isinstance(entry, dict):
        category = plural_category(text_lang, params.get(PLURAL_PARAM))
        entry = entry.get(category) or entry.get("other") or next(iter(entry.values()))
    values = _KeepMissing({k: _render(v, lang) for k, v in params.items()})
    text = entry.format_map(values)
    return pseudo(text) if lang == PSEUDO else text


def pseudo(text: str) -> str:
    return f"{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}"


def qt_translation(context: str, source: str, lang: str) -> str | None:
    """What Qt should show for ``source`` in ``context``; None when the catalogue has nothing."""
    if lang == PSEUDO:
        known = source in catalogue("en").qt.get(context, {}) or source in catalogue(
            SOURCE_LANGUAGE
        ).qt.get(context, {})
        return pseudo(source) if known else None
    return catalogue(lang).qt.get(context, {}).get(source)


def placeholders(entry: Entry) -> set[str]:
    """The named parameters an entry uses (all plural forms together)."""
    forms = entry.values() if isinstance(entry, dict) else [entry]
    return {
        name.split(".")[0].split("[")[0]
        for form in forms
        for _text, name, _spec, _conv in string.Formatter().parse(form)
        if name
    }
