"""Dates and times as officers write them (dd/mm/yyyy, 24-hour clock), in either language;
the figures themselves come from the Qt-free ``hcc_core.vn_format``."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hcc_core.vn_format import vn_date, vn_datetime, vn_time

_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Formatting", "Thứ Hai"),
    QT_TRANSLATE_NOOP("Formatting", "Thứ Ba"),
    QT_TRANSLATE_NOOP("Formatting", "Thứ Tư"),
    QT_TRANSLATE_NOOP("Formatting", "Thứ Năm"),
    QT_TRANSLATE_NOOP("Formatting", "Thứ Sáu"),
    QT_TRANSLATE_NOOP("Formatting", "Thứ Bảy"),
    QT_TRANSLATE_NOOP("Formatting", "Chủ Nhật"),
)
_DATE_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")


def weekday(d: date) -> str:
    return QCoreApplication.translate("Formatting", _WEEKDAYS[d.weekday()])


def date_text(d: date | None) -> str:
    return vn_date(d) if d else ""


def time_text(dt: datetime) -> str:
    return vn_time(dt)


def appointment_text(dt: datetime) -> str:
    """E.g. "14:30, Thứ Năm 27/11/2025" — the weekday matters when a holiday shifted the date."""
    return f"{vn_time(dt)}, {weekday(dt.date())} {vn_date(dt)}"


def short_datetime(dt: datetime) -> str:
    return vn_datetime(dt)


def parse_date(text: str) -> date | None:
    """Read a typed date: "05/02/1990", "5-2-1990", "05021990" or ISO; "" is None.

    Raises ValueError on anything else, so the form can say which field is wrong.
    """
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{8}", text):
        return datetime.strptime(text, "%d%m%Y").date()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    match = _DATE_RE.match(text)
    if not match:
        raise ValueError(text)
    day, month, year = (int(g) for g in match.groups())
    return date(year, month, day)


def clock_text(now: datetime) -> str:
    return f"{vn_time(now)}  {weekday(now.date())} {vn_date(now)}"
