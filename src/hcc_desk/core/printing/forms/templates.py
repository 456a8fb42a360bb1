"""Form numbers and titles per legal basis (docs/legal-basis.md, "Printed papers").

The 2018 set is TT 01/2018/TT-VPCP (Mẫu 01–06). The 2025 set is Appendix I of TT 03/2025/TT-VPCP
as published summaries list it (the appendix itself not read): 01 receipt, 02 supplement,
03 refusal, 04 apology *and request to extend*, 05 stop notice, 06 control slip, 07 ledger.
The 2018 set has no stop form: its stop notice is printed unnumbered. Every number, title, a
letter's subject line and the basis line can be overridden per centre with the setting
``forms.templates``:
``{"2025": {"basis": "...", "apology": {"number": "04", "title": "...", "subtitle": "V/v"}}}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from hcc_desk.core.printing.forms.data import FormSet

FORM_KINDS = ("receipt", "supplement", "refusal", "stop", "apology", "control", "result", "ledger")


@dataclass(frozen=True)
class Template:
    number: str | None  # "02" → "Mẫu số 02"; None for a slip the circular does not number
    title: str
    basis: str  # the circular, printed under the form number
    subtitle: str | None = None  # the letter's "V/v …" line (apology, stop); None: built in


_BASIS = {
    FormSet.TT01_2018: "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ",
    FormSet.TT03_2025: "Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ",
}

_RESULT_TITLE = "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ"
_RECEIPT_TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
_STOP_TITLE = "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"

_SETS: dict[FormSet, dict[str, tuple[str | None, str]]] = {
    FormSet.TT01_2018: {
        "receipt": ("01", _RECEIPT_TITLE),
        "supplement": ("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
        "refusal": ("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
        "apology": ("04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
        "control": ("05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
        "ledger": ("06", "SỔ THEO DÕI HỒ SƠ"),
        "result": (None, _RESULT_TITLE),
        "stop": (None, _STOP_TITLE),  # no stop form in this set
    },
    FormSet.TT03_2025: {  # titles as summarised, see the module docstring
        "receipt": ("01", _RECEIPT_TITLE),
        "supplement": ("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
        "refusal": ("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
        "apology": ("04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"),
        "stop": ("05", _STOP_TITLE),
        "control": ("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
        "ledger": ("07", "SỔ THEO DÕI HỒ SƠ"),
        "result": (None, _RESULT_TITLE),
    },
}


def template_for(
    kind: str, form_set: FormSet, overrides: Mapping[str, Any] | None = None
) -> Template:
    """The template of ``kind`` in ``form_set``, with the centre's overrides for that set.

    ``overrides`` is the value of the setting ``forms.templates`` (keyed by set, then by kind);
    a malformed override raises TypeError or ValueError naming the key.
    """
    if kind not in FORM_KINDS:
        raise ValueError(f"unknown form kind {kind!r}")
    number, title = _SETS[form_set][kind]
    tpl = Template(number, title, _BASIS[form_set])
    mine = (overrides or {}).get(form_set.value) or {}
    if not isinstance(mine, Mapping):
        raise TypeError(f"forms.templates[{form_set.value!r}] must be an object")
    if "basis" in mine:
        tpl = replace(tpl, basis=_text(mine["basis"], f"{form_set.value}.basis"))
    one = mine.get(kind) or {}
    if not isinstance(one, Mapping):
        raise TypeError(f"forms.templates[{form_set.value!r}][{kind!r}] must be an object")
    if "number" in one:
        raw = one["number"]
        tpl = replace(
            tpl, number=None if raw in (None, "") else _text(raw, f"{form_set.value}.{kind}.number")
        )
    if "title" in one:
        tpl = replace(tpl, title=_text(one["title"], f"{form_set.value}.{kind}.title"))
    if "subtitle" in one:
        tpl = replace(tpl, subtitle=_text(one["subtitle"], f"{form_set.value}.{kind}.subtitle"))
    return tpl


def _text(value: object, key: str) -> str:
    if not isinstance(value, str | int) or not str(value).strip():
        raise ValueError(f"forms.templates {key} must be a non-empty text")
    return str(value).strip()
