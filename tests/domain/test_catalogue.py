"""The one catalogue per language: same ids and parameters in vi and en, plurals, rendering."""

from __future__ import annotations

import ast
import pathlib
import re

from hcc_core import i18n
from hcc_core.domain.errors import ValidationError
from hcc_core.errors import ExpectedError
from hcc_core.i18n import Joined, msg, placeholders

SRC = pathlib.Path(__file__).resolve().parents[2] / "src"
# A catalogue id as the code writes it: lower-case words joined by dots.
ID_SHAPE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")


def test_vi_and_en_have_the_same_ids_and_parameters():
    vi, en = i18n.catalogue("vi").messages, i18n.catalogue("en").messages
    assert len(vi) > 300
    assert sorted(vi) == sorted(en)
    for msg_id in vi:
        # The plural selector may be implied by the form (Vietnamese "hồ sơ" has one form).
        a = placeholders(vi[msg_id]) - {i18n.PLURAL_PARAM}
        b = placeholders(en[msg_id]) - {i18n.PLURAL_PARAM}
        assert a == b, msg_id
        assert all(str(text).strip() for text in _forms(vi[msg_id]) + _forms(en[msg_id])), msg_id


def test_plural_forms_follow_each_language():
    for msg_id, entry in i18n.catalogue("en").messages.items():
        if isinstance(entry, dict):
            assert set(entry) == {"one", "other"}, msg_id
            assert set(i18n.catalogue("vi").messages[msg_id]) == {"other"}, msg_id
    assert i18n.tr("supervision.refreshed", "en", n=1) == "1 dossier updated from central."
    assert i18n.tr("supervision.refreshed", "en", n=3) == "3 dossiers updated from central."
    assert i18n.tr("supervision.refreshed", "vi", n=1).startswith("Đã cập nhật 1 hồ sơ")


def test_every_translated_qt_string_keeps_its_placeholders():
    for lang in i18n.LANGUAGES:
        for context, strings in i18n.catalogue(lang).qt.items():
            for source, text in strings.items():
                assert text.strip(), (context, source)
                assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text)), (
                    context,
                    source,
                )


def test_every_id_the_code_raises_is_in_the_catalogue():
    used = set()
    for path in SRC.rglob("*.py"):
        if "forms/ui_" in str(path) or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
            if not (
                name.endswith(("Error", "Input", "Found", "Refused", "Failed")) or name in _CALLS
            ):
                continue
            # A field error's first argument is the field's path (``submitter.full_name``).
            args = node.args[1:] if name in _FIELD_FIRST else node.args
            used |= {
                arg.value
                for arg in args
                if isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and ID_SHAPE.fullmatch(arg.value)
            }
    assert len(used) > 150
    assert sorted(u for u in used if not i18n.has(u)) == []


_CALLS = {"msg", "tr", "_err", "_fail", "add", "need", "_required", "_refuse", "make"}
_FIELD_FIRST = {"FieldError", "LocalError", "add", "_required", "need"}


def test_nested_messages_and_errors_render_in_the_readers_language():
    reason = ValidationError("id.length", "id_number", length=3)
    warning = msg("qr.id_invalid", reason=reason)
    assert "12" in warning.text("en") and "digits" in warning.text("en")
    assert "chữ số" in warning.text("vi")
    both = Joined((msg("printing.reason.media_jam"), "Tray 2"))
    assert both.text("en") == "paper jam; Tray 2"
    assert both.text("vi") == "kẹt giấy; Tray 2"


def test_pseudo_language_wraps_catalogue_text_only():
    assert i18n.tr("input.required", i18n.PSEUDO, label="x") == "⟦Chưa nhập x⟧"
    assert i18n.qt_translation("LoginDialog", "Đăng nhập", i18n.PSEUDO) in (None, "⟦Đăng nhập⟧")
    assert i18n.qt_translation("NoSuchContext", "Chữ lạ", i18n.PSEUDO) is None


def test_expected_error_keeps_id_field_and_parameters():
    err = ExpectedError("input.required", "full_name", label="Họ và tên")
    assert (err.msg_id, err.field, err.params) == (
        "input.required",
        "full_name",
        {"label": "Họ và tên"},
    )
    again = ExpectedError.like(err)
    assert again.text("en") == err.text("en") == "Họ và tên is required"
    assert str(err) == err.text("vi")


def _forms(entry):
    return list(entry.values()) if isinstance(entry, dict) else [entry]


def test_no_qt_positional_placeholders_are_filled_by_hand():
    # Messages with values are catalogue entries with named parameters and plurals; a
    # ``.replace("%1", …)`` on a translated string bypasses both.
    by_hand = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""\.replace\(\s*["']%\d""", line)
    ]
    assert by_hand == []


def test_counts_in_view_messages_use_plural_forms():
    assert i18n.tr("today.received_today", "en", n=1) == "1 dossier received today."
    assert i18n.tr("today.received_today", "en", n=4) == "4 dossiers received today."
    assert i18n.tr("today.received_today", "vi", n=4) == "Hôm nay đã tiếp nhận 4 hồ sơ."
    pages = i18n.tr("pages.count", "en", n=1)
    assert i18n.tr("recovery_offer.attached", "en", n=2, pages=pages) == (
        "Attached 2 papers (1 page)."
    )


def test_a_list_joined_by_a_translated_word_reads_in_each_language():
    from hcc_core.i18n import Joined, msg

    needed = Joined((msg("role.admin"), msg("role.supervisor")), msg("role.or"))
    assert " or " in needed.text("en") and " hoặc " in needed.text("vi")
