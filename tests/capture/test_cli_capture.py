"""`hcc-desk scan` over the real SANE test device and `hcc-desk doctor` on a real profile."""

import subprocess
import sys

import pypdfium2 as pdfium
import pytest

from hcc_desk.cli import main
from hcc_desk.core.capture.model import ColourMode
from hcc_desk.core.capture.spool import CaptureSpool

from .pages import document_page


def _pages(path):
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def _scan(tmp_path, *args):
    return main(["scan", "--profile", str(tmp_path / "desk"), *args])


def test_scan_feeder_to_pdf(tmp_path, sane_test_device, capsys):
    out = tmp_path / "ho-so.pdf"
    assert (
        _scan(
            tmp_path,
            "--device",
            sane_test_device,
            "--source",
            "adf",
            "--mode",
            "lineart",
            "--resolution",
            "200",
            "--option",
            "test-picture=Grid",
            "--out",
            str(out),
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert _pages(out) == 10
    assert str(out) in printed and "sha256" in printed
    assert not (tmp_path / "ho-so.pdf.pages").exists()  # nothing left behind


def test_scan_fault_keeps_pages_and_the_same_command_continues(tmp_path, sane_test_device, capsys):
    out = tmp_path / "giay-to.pdf"
    # An earlier run of this command scanned two sheets, then stopped.
    earlier = CaptureSpool(tmp_path / "giay-to.pdf.pages").open_session("cli", None, "giay-to")
    for i in range(2):
        earlier.add_page_image(document_page(100, seed=i), 100, ColourMode.GRAY)

    args = [
        "--device",
        sane_test_device,
        "--source",
        "adf",
        "--resolution",
        "100",
        "--option",
        "test-picture=Grid",
        "--out",
        str(out),
    ]
    assert _scan(tmp_path, *args, "--option", "read-return-value=SANE_STATUS_JAMMED") == 1
    err = capsys.readouterr().err
    assert "Kẹt giấy" in err and "Paper jam" in err
    assert "(2)" in err and str(tmp_path / "giay-to.pdf.pages") in err  # says where
    assert not out.exists()

    assert _scan(tmp_path, *args) == 0
    assert "Tiếp tục: 2 trang" in capsys.readouterr().err
    assert _pages(out) == 12


def test_scan_device_missing_exits_1(tmp_path, sane_test_device, capsys):
    assert _scan(tmp_path, "--device", "test:42", "--out", str(tmp_path / "x.pdf")) == 1
    assert "Không tìm thấy máy quét" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["--device", "test:0", "--resolution", "5", "--out", "{tmp}/x.pdf"],
        ["--device", "test:0", "--out", "{tmp}/x.png"],
        ["--device", "test:0", "--out", "{tmp}/no/such/dir/x.pdf"],
        ["--device", "test:0", "--option", "novalue", "--out", "{tmp}/x.pdf"],
    ],
)
def test_scan_bad_usage_exits_2(tmp_path, args, capsys):
    assert _scan(tmp_path, *[a.format(tmp=tmp_path) for a in args]) == 2
    assert "hcc-desk:" in capsys.readouterr().err


def test_scan_without_out_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as exc:
        _scan(tmp_path, "--device", "test:0")
    assert exc.value.code == 2


def test_doctor_all_ok_on_a_set_up_desk(tmp_path, sane_test_device, cups_queue, capsys):
    desk = tmp_path / "desk"
    assert main(["demo", "--profile", str(desk)]) == 0
    capsys.readouterr()
    assert main(["doctor", "--profile", str(desk)]) == 0
    out = capsys.readouterr().out
    assert sane_test_device in out and cups_queue.name in out
    assert "đúng phiên bản" in out and "Dung lượng trống" in out
    assert "Mọi thứ đều ổn" in out and "[LỖI]" not in out


def test_doctor_says_what_is_wrong(tmp_path, sane_test_device, cups_queue):
    # Through the real command line, on a profile that was never set up.
    run = subprocess.run(
        [sys.executable, "-m", "hcc_desk", "doctor", "--profile", str(tmp_path / "empty")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "[LỖI]  Chưa có cơ sở dữ liệu" in run.stdout
    assert "hcc-desk demo" in run.stdout  # what to do
    assert "1 vấn đề" in run.stdout
