"""`hcc-desk digitise --sign` with a PKCS#11 token (SoftHSM2) and `hcc-desk verify`: the signature
is PAdES, visible on page 1 with the signer's Vietnamese name, checked against the test CA; a
changed byte, an expired or foreign certificate and a wrong PIN are refused in clear words."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from hcc_desk.cli import main
from tests.digitise.documents import vietnamese_pdf
from tests.digitise.tokens import CENTRE, PIN, SIGNER_NAME
from tests.support.printed import pdf_text


def _digitise(tmp_path: Path, tokens, source: Path, out: Path, *extra: str, pin: str = PIN):
    sys.stdin = io.StringIO(pin + "\n")
    try:
        return main(
            [
                "digitise", str(source), "--out", str(out), "--sign",
                "--pkcs11-lib", str(tokens.library), "--pin-stdin", "--centre", CENTRE,
                "--profile", str(tmp_path / "desk"), *extra,
            ]
        )  # fmt: skip
    finally:
        sys.stdin = sys.__stdin__


def _verify(tmp_path: Path, tokens, path: Path) -> int:
    return main(
        [
            "verify",
            str(path),
            "--ca-dir",
            str(tokens.trust_dir),
            "--profile",
            str(tmp_path / "desk"),
        ]
    )


@pytest.fixture
def desk_folder(tmp_path):
    """A profile folder that exists, so the CLI writes its log there (grepped for the PIN)."""
    (tmp_path / "desk").mkdir()
    return tmp_path / "desk"


def test_signed_copy_validates_and_shows_who_signed(tmp_path, tokens, desk_folder, capsys):
    source = vietnamese_pdf(tmp_path / "giay-khai-sinh.pdf")
    out = tmp_path / "ban-so-hoa.pdf"
    trust = ["--ca-dir", str(tokens.trust_dir)]
    assert _digitise(tmp_path, tokens, source, out, "--slot-label", "officer", *trust) == 0
    assert SIGNER_NAME in capsys.readouterr().out

    # pyHanko's own validation against the test CA: intact, valid, trusted, whole file covered.
    from asn1crypto import pem, x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    _, _, der = pem.unarmor((tokens.trust_dir / "hcc-test-root.pem").read_bytes())
    with out.open("rb") as f:
        [sig] = PdfFileReader(f).embedded_signatures
        status = validate_pdf_signature(
            sig, ValidationContext(trust_roots=[x509.Certificate.load(der)])
        )
    assert status.bottom_line and status.intact and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES

    first_page = pdf_text(out, 1)
    assert SIGNER_NAME in first_page  # the stamp, with its diacritics
    assert "Phạm Thị Ánh Nguyệt" in first_page  # the paper itself is untouched
    assert "Huế" in first_page and "Ký số bởi" in first_page

    assert _verify(tmp_path, tokens, out) == 0
    said = capsys.readouterr().out
    assert f"Chữ ký hợp lệ: {SIGNER_NAME}" in said and "Valid signature" in said

    # The PIN is nowhere on disk: not in the profile (its log), the copy, the token's folder.
    needle = PIN.encode()
    for folder in (desk_folder, tmp_path, tokens.root):
        for path in folder.rglob("*"):
            if path.is_file():
                assert needle not in path.read_bytes(), path
    assert (desk_folder / "logs").is_dir()  # the log was written, and was grepped


def test_one_changed_byte_fails_verification(tmp_path, tokens, capsys):
    source = vietnamese_pdf(tmp_path / "in.pdf")
    out = tmp_path / "signed.pdf"
    assert _digitise(tmp_path, tokens, source, out, "--slot-label", "officer") == 0
    data = bytearray(out.read_bytes())
    at = data.index(b"ReportLab")  # the producer's name, inside the signed bytes
    data[at] = ord("X")
    out.write_bytes(bytes(data))
    capsys.readouterr()
    assert _verify(tmp_path, tokens, out) == 1
    err = capsys.readouterr().err
    assert "đã bị sửa sau khi ký" in err and "changed after it was signed" in err
    assert "Traceback" not in err


def test_added_content_after_signing_fails(tmp_path, tokens, capsys):
    """An incremental update that changes the page (not a signature) breaks the verdict."""
    import pikepdf

    source = vietnamese_pdf(tmp_path / "in.pdf")
    out = tmp_path / "signed.pdf"
    assert _digitise(tmp_path, tokens, source, out, "--slot-label", "officer") == 0
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    with out.open("rb+") as f:
        writer = IncrementalPdfFileWriter(f)
        page = writer.root["/Pages"]["/Kids"][0].get_object()
        page["/Rotate"] = generic.NumberObject(90)
        writer.update_container(page)
        writer.write_in_place()
    with pikepdf.open(out) as pdf:
        assert pdf.pages[0].Rotate == 90
    capsys.readouterr()
    assert _verify(tmp_path, tokens, out) == 1
    assert "thay đổi sau khi ký" in capsys.readouterr().err


def test_expired_certificate_is_refused_when_signing(tmp_path, tokens, capsys):
    source = vietnamese_pdf(tmp_path / "in.pdf")
    out = tmp_path / "signed.pdf"
    assert _digitise(tmp_path, tokens, source, out, "--slot-label", "expired") == 1
    err = capsys.readouterr().err
    assert "Trần Văn Hết Hạn" in err and "đã hết hạn" in err and "expired on" in err
    assert not out.exists()


def test_expired_certificate_fails_verification(tmp_path, tokens, capsys):
    """A copy signed while the certificate was valid, checked after it ended (B-B: no timestamp
    proves when it was signed)."""
    from pyhanko.sign import signers

    from tests.digitise.pki import make_officer

    now = __import__("datetime").datetime.now(__import__("datetime").UTC)
    td = __import__("datetime").timedelta
    old = make_officer(
        tokens.ca, "Đỗ Thị Cũ", not_before=now - td(days=50), not_after=now - td(days=2)
    )
    signed = _sign_in_memory(vietnamese_pdf(tmp_path / "in.pdf"), old, tokens)
    path = tmp_path / "old.pdf"
    path.write_bytes(signed)
    assert _verify(tmp_path, tokens, path) == 1
    err = capsys.readouterr().err
    assert "Đỗ Thị Cũ" in err and "đã hết hạn" in err
    del signers


def test_untrusted_ca_is_refused(tmp_path, tokens, capsys):
    source = vietnamese_pdf(tmp_path / "in.pdf")
    out = tmp_path / "signed.pdf"
    trust = ["--ca-dir", str(tokens.trust_dir)]
    assert _digitise(tmp_path, tokens, source, out, "--slot-label", "stranger", *trust) == 1
    err = capsys.readouterr().err
    assert "Untrusted Test CA" in err and "không phải tổ chức chứng thực được tin cậy" in err
    assert not out.exists()
    # Signed where no trust roots are configured: the verifier refuses it.
    assert _digitise(tmp_path, tokens, source, out, "--slot-label", "stranger") == 0
    capsys.readouterr()
    assert _verify(tmp_path, tokens, out) == 1
    err = capsys.readouterr().err
    assert "Lê Văn Lạ" in err and "not a trusted certification authority" in err


@pytest.mark.parametrize(
    ("args", "pin", "words"),
    [
        (["--slot-label", "officer"], "000000", "Sai mã PIN của token officer"),
        (["--slot-label", "officer"], "", "Chưa nhập mã PIN của token"),
        (["--slot-label", "nosuch"], PIN, "Không có token nhãn “nosuch”"),
        (["--slot-label", "empty"], PIN, "không có khoá ký nào kèm chứng thư số"),
        ([], PIN, "Có nhiều token"),
        (["--slot-label", "officer", "--key-label", "x"], PIN, "không có khoá ký nhãn “x”"),
    ],
)
def test_token_problems_are_one_clear_line(tmp_path, tokens, capsys, args, pin, words):
    source = vietnamese_pdf(tmp_path / "in.pdf")
    out = tmp_path / "signed.pdf"
    assert _digitise(tmp_path, tokens, source, out, *args, pin=pin) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not pin or pin not in err
    assert not out.exists()


def test_usage_errors(tmp_path, tokens, capsys):
    source = vietnamese_pdf(tmp_path / "in.pdf")
    out = tmp_path / "o.pdf"
    missing = tmp_path / "no-such-lib.so"
    assert _digitise(tmp_path, tokens, source, out, "--pkcs11-lib", str(missing)) == 1
    assert "Không có thư viện PKCS#11" in capsys.readouterr().err
    not_a_library = tmp_path / "notes.so"
    not_a_library.write_text("not a library")
    assert _digitise(tmp_path, tokens, source, out, "--pkcs11-lib", str(not_a_library)) == 1
    assert "không phải thư viện PKCS#11" in capsys.readouterr().err
    profile = ["--profile", str(tmp_path / "desk")]
    # --ocr alone: a digital PDF keeps its own text (tests/digitise/test_ocr.py has the rest).
    assert main(["digitise", str(source), "--out", str(out), "--ocr", *profile]) == 0
    assert "giữ nguyên chữ" in capsys.readouterr().out
    assert main(["digitise", str(source), "--out", str(out), *profile]) == 2
    assert main(["digitise", str(source), "--out", str(out), "--sign", *profile]) == 2
    assert "--pkcs11-lib" in capsys.readouterr().err
    not_pdf = tmp_path / "x.pdf"
    not_pdf.write_text("hello")
    assert _digitise(tmp_path, tokens, not_pdf, out, "--slot-label", "officer") == 1
    assert "không phải tệp PDF" in capsys.readouterr().err
    assert _verify(tmp_path, tokens, source) == 1
    assert "không có chữ ký số" in capsys.readouterr().err


def test_scanned_page_from_the_sane_test_device(tmp_path, tokens, sane_test_device, capsys):
    scanned = tmp_path / "scan.pdf"
    profile = ["--profile", str(tmp_path / "desk")]
    assert main(["scan", *profile, "--device", sane_test_device, "--resolution", "100",
                 "--out", str(scanned)]) == 0  # fmt: skip
    out = tmp_path / "scan-signed.pdf"
    assert _digitise(tmp_path, tokens, scanned, out, "--slot-label", "officer") == 0
    capsys.readouterr()
    assert _verify(tmp_path, tokens, out) == 0
    assert SIGNER_NAME in pdf_text(out, 1)


def test_second_signature_keeps_the_first_valid(tmp_path, tokens, capsys):
    """A result signed by the officer, then countersigned: both verify."""
    source = vietnamese_pdf(tmp_path / "in.pdf")
    once, twice = tmp_path / "once.pdf", tmp_path / "twice.pdf"
    assert _digitise(tmp_path, tokens, source, once, "--slot-label", "officer") == 0
    assert _digitise(tmp_path, tokens, once, twice, "--slot-label", "officer") == 0
    capsys.readouterr()
    assert _verify(tmp_path, tokens, twice) == 0
    assert capsys.readouterr().out.count("Chữ ký hợp lệ") == 2


def _sign_in_memory(source: Path, who, tokens) -> bytes:
    """Sign with a key held in memory (pyHanko's SimpleSigner): for a certificate a token
    would refuse to sign with today."""
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    der = who.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = signers.SimpleSigner(
        signing_cert=x509.Certificate.load(who.cert_der()),
        signing_key=keys.PrivateKeyInfo.load(der),
        cert_registry=SimpleCertificateStore(),
    )
    out = io.BytesIO()
    with source.open("rb") as f:
        signers.sign_pdf(
            IncrementalPdfFileWriter(f),
            signers.PdfSignatureMetadata(field_name="Sig1"),
            signer=signer,
            output=out,
        )
    return out.getvalue()


def test_trusted_cas_come_from_the_profile_folder(tmp_path, tokens, desk_folder, capsys):
    source = vietnamese_pdf(tmp_path / "in.pdf")
    out = tmp_path / "signed.pdf"
    assert _digitise(tmp_path, tokens, source, out, "--slot-label", "officer") == 0
    capsys.readouterr()
    profile = ["--profile", str(desk_folder)]
    assert main(["verify", str(out), *profile]) == 1  # no CA configured: says where to put one
    err = capsys.readouterr().err
    assert "chưa có chứng thư của tổ chức cung cấp dịch vụ chứng thực" in err
    assert str(desk_folder / "trusted-ca") in err
    (desk_folder / "trusted-ca").mkdir()
    tokens.ca.write_cert(desk_folder / "trusted-ca" / "root.crt")
    assert main(["verify", str(out), *profile]) == 0


def test_a_crafted_pdf_is_a_verdict_not_a_crash(tmp_path, tokens, capsys):
    crafted = tmp_path / "crafted.pdf"
    crafted.write_bytes(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /AcroForm << /Fields [2 0 R] >> >> endobj\n"
        b"2 0 obj << /FT /Sig /V << /Type /Sig /ByteRange [0 10 20 999999] /Contents <00ff> >> "
        b">> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    assert _verify(tmp_path, tokens, crafted) == 1
    err = capsys.readouterr().err
    assert "hcc-desk:" in err and "Traceback" not in err and "Lỗi không mong đợi" not in err


def test_the_stamp_names_the_desks_centre(tmp_path, tokens, demo_ctx, capsys):
    """Without --centre, the stamp says the centre the desk was set up for."""
    demo_ctx.close()
    source = vietnamese_pdf(tmp_path / "in.pdf")
    out = tmp_path / "signed.pdf"
    sys.stdin = io.StringIO(PIN + "\n")
    try:
        code = main(
            [
                "digitise", str(source), "--out", str(out), "--sign",
                "--pkcs11-lib", str(tokens.library), "--slot-label", "officer", "--pin-stdin",
                "--profile", str(tmp_path / "desk"),
            ]
        )  # fmt: skip
    finally:
        sys.stdin = sys.__stdin__
    assert code == 0, capsys.readouterr().err
    assert "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HUẾ" in pdf_text(out, 1)


def test_no_terminal_and_no_pin_stdin_is_refused(tmp_path, tokens, capsys):
    source = vietnamese_pdf(tmp_path / "in.pdf")
    sys.stdin = io.StringIO(PIN + "\n")  # not a terminal: the PIN is not read without the flag
    try:
        code = main(
            [
                "digitise", str(source), "--out", str(tmp_path / "o.pdf"), "--sign",
                "--pkcs11-lib", str(tokens.library), "--slot-label", "officer", "--centre", CENTRE,
                "--profile", str(tmp_path / "desk"),
            ]
        )  # fmt: skip
    finally:
        sys.stdin = sys.__stdin__
    assert code == 2
    assert "--pin-stdin" in capsys.readouterr().err


def test_timestamp_server_makes_it_pades_b_t(tmp_path, tokens, capsys):
    """With --timestamp-url the signature carries a trusted RFC 3161 timestamp (B-T)."""
    from asn1crypto import pem, x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from tests.digitise.pki import make_tsa
    from tests.digitise.tsa import timestamp_server

    source = vietnamese_pdf(tmp_path / "in.pdf")
    out = tmp_path / "signed.pdf"
    with timestamp_server(make_tsa(tokens.ca)) as url:
        args = ("--slot-label", "officer", "--timestamp-url", url)
        assert _digitise(tmp_path, tokens, source, out, *args) == 0
    _, _, der = pem.unarmor((tokens.trust_dir / "hcc-test-root.pem").read_bytes())
    with out.open("rb") as f:
        [sig] = PdfFileReader(f).embedded_signatures
        status = validate_pdf_signature(
            sig, ValidationContext(trust_roots=[x509.Certificate.load(der)])
        )
    assert status.bottom_line
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    capsys.readouterr()
    assert _verify(tmp_path, tokens, out) == 0


def test_unreachable_timestamp_server_signs_nothing(tmp_path, tokens, capsys):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/tsa"
    source = vietnamese_pdf(tmp_path / "in.pdf")
    out = tmp_path / "signed.pdf"
    args = ("--slot-label", "officer", "--timestamp-url", url)
    assert _digitise(tmp_path, tokens, source, out, *args) == 1
    err = capsys.readouterr().err
    assert "dấu thời gian" in err and url in err and "Traceback" not in err
    assert not out.exists()
