"""Language of the interface: Qt translators, and picking vi/en from service messages.

Vietnamese is the source language of every string, so "vi" needs no translator for our own text;
"en" loads ``src/hcc_desk/data/i18n/hcc_desk_en.qm``.  Services carry both languages on their errors
(``.message`` / ``.message_en``); :func:`pick` chooses the one matching the interface.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

LANGUAGES = ("vi", "en")
_state: dict[str, Any] = {"language": "vi", "translators": []}


def i18n_dir() -> Path:
    """Where the ``.qm`` files are: ``HCC_DESK_I18N`` overrides, else ``hcc_desk/data/i18n``."""
    override = os.environ.get("HCC_DESK_I18N")
    if override:
        return Path(override)
    from hcc_desk.resources import resources_root

    return resources_root() / "i18n"


def language() -> str:
    return _state["language"]


def install(app: QCoreApplication, lang: str | None) -> str:
    """Switch the application to ``lang`` ("vi" or "en"); returns the language in effect."""
    lang = lang if lang in LANGUAGES else "vi"
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    names = ["hcc_desk_en"] if lang == "en" else ["qtbase_vi"]
    for name in names:
        translator = QTranslator(app)
        if translator.load(name, str(i18n_dir())):
            app.installTranslator(translator)
            _state["translators"].append(translator)
    _state["language"] = lang
    QLocale.setDefault(
        QLocale(
            QLocale.Language.English if lang == "en" else QLocale.Language.Vietnamese,
            QLocale.Country.Vietnam,
        )
    )
    return lang


def pick(obj: Any, fallback: str = "") -> str:
    """The message of a service error or FieldError in the interface language."""
    vi = getattr(obj, "message", None)
    en = getattr(obj, "message_en", None)
    if language() == "en" and en:
        return str(en)
    if vi:
        return str(vi)
    return str(en or fallback or obj)


def pick_list(vi: list, en: list | None) -> list:
    """A list given in both languages (the QR reader's warnings)."""
    return list(en) if language() == "en" and en else list(vi)
