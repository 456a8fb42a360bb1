"""The PDF per checklist paper: right pages, right way up, right colours, small, PDF/A parts."""

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageDraw

from hcc_desk.core.capture.model import ColourMode
from hcc_desk.core.capture.pdf_output import write_pdf
from hcc_desk.core.capture.spool import CaptureSpool

from .pages import document_page


@pytest.fixture
def session(tmp_path):
    return CaptureSpool(tmp_path / "spool").open_session("d", 1, "Tờ khai")


def _render(path, index, dpi=50):
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[index].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        pdf.close()


def _marked(size=(600, 800)):
    """A page with a black square in its top-left corner (to see orientation and polarity)."""
    img = Image.new("L", size, 255)
    ImageDraw.Draw(img).rectangle((0, 0, size[0] // 4, size[1] // 4), fill=0)
    return img


def test_bilevel_page_is_g4_with_the_right_polarity(session, tmp_path):
    page = session.add_page_image(_marked(), 100, ColourMode.LINEART)
    built = write_pdf([page], tmp_path / "out.pdf")
    raw = built.path.read_bytes()
    assert b"/CCITTFaxDecode" in raw and b"/DCTDecode" not in raw
    shown = _render(built.path, 0, dpi=100)
    assert shown.size == (600, 800)
    assert shown.getpixel((20, 20)) < 60 and shown.getpixel((500, 700)) > 200


def test_rotation_is_the_page_rotate_entry_not_a_recompression(session, tmp_path):
    page = session.add_page_image(_marked(), 100, ColourMode.LINEART)
    plain = write_pdf([page], tmp_path / "a.pdf").path.read_bytes()
    session.rotate(page.id, 90)
    turned_pdf = write_pdf(session.pages(), tmp_path / "b.pdf")
    turned = turned_pdf.path.read_bytes()
    assert b"/Rotate 90" in turned
    stream = re.compile(rb"/CCITTFaxDecode.*?stream\n(.*?)\nendstream", re.DOTALL)
    assert stream.search(plain).group(1) == stream.search(turned).group(1)
    shown = _render(turned_pdf.path, 0, dpi=100)
    assert shown.size == (800, 600)
    assert shown.getpixel((780, 20)) < 60  # the top-left mark is now top-right (clockwise)


def test_grey_and_colour_pages_are_jpeg_and_look_like_the_scan(session, tmp_path):
    grey = document_page(100, seed=4)
    colour = document_page(100, seed=5, colour=True)
    pages = [
        session.add_page_image(grey, 100, ColourMode.GRAY),
        session.add_page_image(colour, 100, ColourMode.COLOR),
    ]
    built = write_pdf(pages, tmp_path / "out.pdf")
    raw = built.path.read_bytes()
    # Grey: text as a G4 /ImageMask over a 150 dpi JPEG background; colour: one JPEG.
    assert raw.count(b"/DCTDecode") == 2 and raw.count(b"/ImageMask true") == 1
    assert built.page_count == 2
    for index, original in enumerate((grey, colour)):
        shown = _render(built.path, index, dpi=100)
        diff = ImageChops.difference(shown, original.convert("L").resize(shown.size))
        assert sum(diff.histogram()[60:]) < 0.02 * shown.width * shown.height  # text in place
        preview = session.load_image(pages[index].id).convert("L")
        diff = ImageChops.difference(shown, preview.resize(shown.size))
        assert sum(diff.histogram()[60:]) < 0.02 * shown.width * shown.height  # = the PDF


def test_sha256_size_and_page_count_are_of_the_written_file(session, tmp_path):
    pages = [session.add_page_image(_marked(), 100, ColourMode.LINEART) for _ in range(3)]
    built = write_pdf(pages, tmp_path / "x.pdf")
    data = built.path.read_bytes()
    assert built.size == len(data)
    assert built.sha256 == hashlib.sha256(data).hexdigest()
    assert len(pdfium.PdfDocument(data)) == 3 == built.page_count
    assert not (tmp_path / "x.pdf.part").exists()


def test_imported_jpeg_goes_in_byte_for_byte(session, tmp_path):
    src = tmp_path / "photo.jpg"
    document_page(100, seed=9, colour=True).save(src, quality=80, dpi=(100, 100))
    session.insert_files([src])
    built = write_pdf(session.pages(), tmp_path / "out.pdf")
    assert src.read_bytes() in built.path.read_bytes()


def test_pdfa_has_metadata_output_intent_and_id(session, tmp_path):
    page = session.add_page_image(document_page(100, seed=4), 100, ColourMode.GRAY)
    built = write_pdf(
        [page], tmp_path / "a.pdf", title="Tờ khai — 000.00.61.H57-261125-0001", pdfa=True
    )
    raw = built.path.read_bytes()
    assert raw.startswith(b"%PDF-1.7\n%") and raw[10] >= 128  # binary marker line
    with pikepdf.open(built.path) as pdf, pdf.open_metadata() as xmp:
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "B")
        assert xmp["dc:title"].startswith("Tờ khai")
        profile = pdf.Root.OutputIntents[0].DestOutputProfile.read_bytes()
    assert "Tờ khai".encode() in raw  # the XMP title, UTF-8, in an uncompressed stream
    assert b"/OutputIntents" in raw and b"/GTS_PDFA1" in raw and b"/DestOutputProfile" in raw
    assert re.search(rb"/ID \[<[0-9a-f]{32}> ?<[0-9a-f]{32}>\]", raw)
    assert profile[36:40] == b"acsp" and profile[16:20] == b"RGB "
    assert not re.search(rb"/SMask|/Encrypt|/JavaScript|/Transparency", raw)
    pdf = pdfium.PdfDocument(raw)
    assert pdf.get_metadata_dict()["Title"].startswith("Tờ khai")
    pdf.close()


def test_thumbnails_are_small_pngs(session):
    page = session.add_page_image(document_page(150, seed=1), 150, ColourMode.GRAY)
    with Image.open(page.thumb_path) as thumb:
        assert thumb.format == "PNG" and max(thumb.size) <= 256


def test_an_empty_session_writes_nothing(tmp_path):
    with pytest.raises(ValueError):
        write_pdf([], tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_the_pdf_libraries_load_only_when_a_pdf_is_written():
    """The capture service is built with the main window: qpdf must not slow the start-up."""
    probe = (
        "import sys, hcc_desk.services.capture;"
        "print(sorted({'pikepdf', 'img2pdf'} & set(sys.modules)))"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=src
    )
    assert out.stdout.strip() == "[]"
