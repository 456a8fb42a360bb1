"""Language of the interface: one catalogue for everything the officer reads.

Qt's own translation calls (``.ui`` forms, ``self.tr``, ``QCoreApplication.translate``) are
answered by :class:`CatalogueTranslator`, a bridge to the ``qt`` part of the catalogue
(``hcc_core/i18n/<lang>.json``); errors, results and warnings carry a message id and are rendered
with :func:`text`. Vietnamese is the source language of Qt strings, so in "vi" the bridge only
translates Qt's built-in English (standard buttons, context menus).

"pseudo" is for tests: every catalogue string comes out wrapped in ``⟦…⟧``, so any text on screen
without the wrapping did not come from the catalogue.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from hcc_core import i18n as catalogue
from hcc_core.i18n import PSEUDO

LANGUAGES = catalogue.LANGUAGES
_state: dict[str, Any] = {"language": "vi", "translator": None}


class CatalogueTranslator(QTranslator):
    """Qt's translate() answered from our catalogue, keyed by context and source text."""

    def __init__(self, lang: str, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = catalogue.qt_translation(context, source, self.lang)
        # None (a null QString) tells Qt "not translated here": it then shows the source text;
        # an empty string would be shown as it is.
        return found

    def isEmpty(self) -> bool:
        return False


def language() -> str:
    return _state["language"]


def install(app: QCoreApplication, lang: str | None) -> str:
    """Switch the application to ``lang`` ("vi", "en" or, in tests, "pseudo"); returns it."""
    lang = lang if lang in (*LANGUAGES, PSEUDO) else "vi"
    old = _state["translator"]
    if old is not None:
        app.removeTranslator(old)
    translator = CatalogueTranslator(lang, app)
    app.installTranslator(translator)
    _state.update(language=lang, translator=translator)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.English if lang == "en" else QLocale.Language.Vietnamese,
            QLocale.Country.Vietnam,
        )
    )
    return lang


def text(message: Any) -> str:
    """An expected error, a field error, a warning or a message (anything with
    ``text(lang)``) in the interface language; anything else as it is."""
    render = getattr(message, "text", None)
    if callable(render) and type(message) is not str:
        return str(render(language()))
    return str(message)


def tr(msg_id: str, /, **params: Any) -> str:
    """A catalogue message in the interface language (named parameters, plurals by ``n``)."""
    return catalogue.tr(msg_id, language(), **params)
