"""Errors, bilingual messages and text hygiene."""

import ast
import pathlib
import pickle
import re
import subprocess
import sys
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hcc_core.domain as domain_pkg
from hcc_core import i18n
from hcc_core.domain.errors import DomainError, DomainWarning, ValidationError
from hcc_core.domain.text import clean_text, fold, squash

FAST = settings(deadline=None, max_examples=300)
DOMAIN_DIR = pathlib.Path(domain_pkg.__file__).parent
CODE_SHAPE = re.compile(r"(text|id|qr|tax|phone|duration|calendar|code|status)\.[a-z_]+")


def _codes_used_in_source() -> set[str]:
    """Every message code passed as the first argument of a call in the domain package."""
    codes = set()
    for path in DOMAIN_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                first = node.args[0]
                if (
                    isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and CODE_SHAPE.fullmatch(first.value)
                ):
                    codes.add(first.value)
    return codes


def test_every_code_used_has_both_languages():
    used = _codes_used_in_source()
    assert len(used) > 30
    missing = {code for code in used if not i18n.has(code)}
    assert not missing
    for code in used:
        assert i18n.tr(code, "vi").strip() and i18n.tr(code, "en").strip(), code


def test_domain_error_carries_code_field_and_both_messages():
    err = ValidationError("text.too_long", "full_name", max_len=100, length=150)
    assert isinstance(err, DomainError) and isinstance(err, ValueError)
    assert err.code == "text.too_long" and err.field == "full_name"
    assert str(err) == err.message == err.text("vi")
    assert "Họ và tên" in err.message and "100" in err.message and "150" in err.message
    assert "Full name" in err.text("en") and "150" in err.text("en")


def test_domain_error_pickles_and_unknown_code_degrades():
    err = ValidationError("id.length", "id_number", length=3)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is ValidationError and back.text("en") == err.text("en")
    assert DomainError("no.such_code").text("en") == "no.such_code"
    assert "{length}" in DomainError("id.length").message  # missing parameter does not raise


def test_domain_warning():
    warning = DomainWarning.make("qr.name_missing", "full_name")
    assert warning.code == "qr.name_missing" and str(warning) == warning.message


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Đăng ký Kinh doanh", "dang ky kinh doanh"),
        ("  NGUYỄN   Thị\tHương ", "nguyen thi huong"),
        ("đường Lê Lợi", "duong le loi"),
        ("Thừa Thiên Huế", "thua thien hue"),
        ("Nghĩa vụ tài chính", "nghia vu tai chinh"),
        ("Hòa Bình", "hoa binh"),
        ("", ""),
    ],
)
def test_fold_examples(raw, key):
    assert fold(raw) == key


def test_fold_ignores_normalisation_form():
    assert fold(unicodedata.normalize("NFD", "Ủy ban nhân dân")) == "uy ban nhan dan"


@FAST
@given(st.text())
def test_fold_is_idempotent_and_single_spaced(text):
    key = fold(text)
    assert fold(key) == key
    assert "  " not in key and key == key.strip()


VIETNAMESE_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)


@FAST
@given(st.text(alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " "))
def test_fold_of_vietnamese_is_plain_ascii(text):
    key = fold(text)
    assert key.isascii() and key == key.lower()


def test_clean_text_examples():
    assert clean_text("  Nguyễn\x00 Văn\u200b\tA\r\n", 50, "full_name") == "Nguyễn Văn A"
    assert clean_text(unicodedata.normalize("NFD", "Huế"), 3) == "Huế"  # NFC before counting
    assert clean_text(None, 10) == ""
    assert clean_text("\ufeffabc", 3) == "abc"
    with pytest.raises(ValidationError) as info:
        clean_text("abcd", 3, "address")
    assert info.value.code == "text.too_long" and info.value.field == "address"
    with pytest.raises(ValidationError) as info:
        clean_text("   ", 10, "full_name", required=True)
    assert info.value.code == "text.required"


def test_clean_text_rejects_huge_input_quickly():
    huge = "Nguyễn " * 1_500_000  # ~10 MB
    started = time.perf_counter()
    with pytest.raises(ValidationError) as info:
        clean_text(huge, 200, "full_name")
    assert time.perf_counter() - started < 0.5
    assert "200" in info.value.message and "Họ và tên" in info.value.message


@FAST
@given(st.text(), st.integers(min_value=0, max_value=60))
def test_clean_text_output_is_clean(text, max_len):
    try:
        cleaned = clean_text(text, max_len)
    except ValidationError as err:  # a property: a clean text, or this error and no other
        assert err.code == "text.too_long"  # noqa: PT017
        return
    assert len(cleaned) <= max_len
    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in cleaned)
    cleaned.encode("utf-8")  # storable
    assert clean_text(cleaned, max_len) == cleaned
    assert squash(cleaned) == cleaned


def test_domain_import_is_light_and_qt_free():
    code = (
        "import sys\n"
        "from hcc_core.domain import calendar, citizen_id, dossier_code\n"
        "from hcc_core.domain import phone, status, tax_code\n"
        "assert 'holidays' not in sys.modules, 'holidays imported eagerly'\n"
        "assert not any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules)\n"
    )
    src = str(DOMAIN_DIR.parents[2])
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
