"""The spool keeps every page on disk in order through review and crashes; file import of
PDF, JPEG, PNG and (multi-page) TIFF."""

import json
import os
import subprocess
import sys
import textwrap

import pytest
from PIL import Image

from hcc_desk.core.capture.imports import ImportFailed
from hcc_desk.core.capture.model import ColourMode
from hcc_desk.core.capture.pdf_output import write_pdf
from hcc_desk.core.capture.spool import CaptureSpool

from .pages import blank_page, document_page


@pytest.fixture
def spool(tmp_path):
    return CaptureSpool(tmp_path / "spool")


def _manifest(session):
    return json.loads((session.folder / "manifest.json").read_text("utf-8"))


def test_review_edits_are_persisted_at_once(spool, tmp_path):
    s = spool.open_session("draft-7", 3, "Ảnh 4x6", "000.00.61.H57-261125-0001")
    ids = [s.add_page_image(document_page(75, seed=i), 75, ColourMode.GRAY).id for i in range(4)]
    s.move(ids[3], 0)
    assert (
        s.rotate(ids[1], 90) == 90 and s.rotate(ids[1], 270) == 0 and s.rotate(ids[1], -90) == 270
    )
    s.delete(ids[2])
    s.set_blank(ids[0], True)
    order = [ids[3], ids[0], ids[1]]
    assert [p.id for p in s.pages()] == order
    assert [p["id"] for p in _manifest(s)["pages"]] == order  # already on disk
    assert not any(p.name.startswith(f"p-{ids[2]}") for p in s.folder.iterdir())

    reopened = CaptureSpool(tmp_path / "spool").open_session("draft-7", 3, "Ảnh 4x6")
    assert reopened.id == s.id
    assert [(p.id, p.rotation, p.blank) for p in reopened.pages()] == [
        (ids[3], 0, False),
        (ids[0], 0, True),
        (ids[1], 270, False),
    ]
    assert reopened.dossier_code == "000.00.61.H57-261125-0001"
    with pytest.raises(ValueError):
        s.rotate(ids[0], 45)


def test_one_session_per_key_and_paper(spool):
    a = spool.open_session("draft-1", 1, "A")
    assert spool.open_session("draft-1", 1, "A").id == a.id
    assert spool.open_session("draft-1", 2, "B").id != a.id
    assert spool.open_session("draft-2", 1, "A").id != a.id


def test_blank_pages_are_flagged_never_dropped(spool):
    s = spool.open_session("k", 1, "x")
    s.add_page_image(document_page(75), 75, ColourMode.GRAY)
    blank = s.add_page_image(blank_page(75), 75, ColourMode.GRAY)
    assert blank.blank and len(s.pages()) == 2


def test_attached_and_discarded_sessions_are_not_offered_back(spool):
    a = spool.open_session("k", 1, "x")
    a.add_page_image(document_page(75), 75, ColourMode.GRAY)
    b = spool.open_session("k", 2, "y")
    b.add_page_image(document_page(75), 75, ColourMode.GRAY)
    c = spool.open_session("k", 3, "z")  # no pages: nothing to offer
    assert {s.id for s in spool.recoverable()} == {a.id, b.id}
    a.mark_attached()
    b.discard()
    assert spool.recoverable() == [] and c.pages() == []


def test_raw_pages_left_by_a_dead_worker_are_recovered(spool, tmp_path):
    s = spool.open_session("k", 1, "x")
    s.add_page_image(document_page(75, seed=1), 75, ColourMode.GRAY)
    # What a worker leaves when killed: one finished raw page with its sidecar, one half-written.
    (s.incoming / "raw-000002.json").write_text(json.dumps({"dpi": 75, "mode": "lineart"}))
    document_page(75, seed=2).save(s.incoming / "raw-000002.pnm", format="PPM")
    (s.incoming / "raw-000003.json").write_text(json.dumps({"dpi": 75, "mode": "lineart"}))
    (s.incoming / "raw-000003.pnm.part").write_bytes(b"P5\n620 877\n255\n" + b"\0" * 100)

    found = CaptureSpool(tmp_path / "spool").recoverable()
    assert [x.id for x in found] == [s.id]
    pages = found[0].pages()
    assert len(pages) == 2 and pages[1].mode == ColourMode.LINEART and pages[1].dpi == 75
    assert list(s.incoming.iterdir()) == []


APP_THAT_CRASHES = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source
    from hcc_desk.core.capture.scanner import scan_batch
    from hcc_desk.core.capture.spool import CaptureSpool

    session = CaptureSpool(Path(sys.argv[1])).open_session("draft-9", 2, "Tờ khai")
    seen = []

    def on_page(page):
        seen.append(page)
        if len(seen) == 3:
            os._exit(70)  # the app dies mid-batch (power cut, crash): no clean-up at all

    scan_batch(ScanProfile("test:0", Source.ADF, 75, ColourMode.GRAY), session, on_page,
               extra_options={"test-picture": "Grid"})
""")


def test_app_crash_mid_batch_offers_every_scanned_page_back(tmp_path, sane_test_device):
    root = tmp_path / "spool"
    run = subprocess.run(
        [sys.executable, "-c", APP_THAT_CRASHES, str(root)], env=dict(os.environ), timeout=120
    )
    assert run.returncode == 70
    found = CaptureSpool(root).recoverable()
    assert len(found) == 1
    session = found[0]
    assert (session.key, session.paper_position, session.paper_name) == ("draft-9", 2, "Tờ khai")
    # The three pages the app saw, plus any the orphaned worker finished before it noticed.
    assert 3 <= len(session.pages()) <= 10
    assert all(p.path.is_file() for p in session.pages())
    assert write_pdf(session.pages(), tmp_path / "r.pdf").page_count == len(session.pages())


# -------------------------------------------------------------------------------- imports
def test_import_each_file_type(spool, tmp_path):
    s = spool.open_session("k", 1, "x")
    doc = document_page(100, seed=3)
    doc.save(tmp_path / "a.png", dpi=(100, 100))
    doc.convert("RGB").save(tmp_path / "b.jpg", quality=85, dpi=(100, 100))
    frames = [document_page(100, seed=i).convert("1") for i in range(3)]
    frames[0].save(
        tmp_path / "c.tif",
        save_all=True,
        append_images=frames[1:],
        compression="group4",
        dpi=(100, 100),
    )
    write_pdf(
        [
            s.add_page_image(doc, 100, ColourMode.GRAY),
            s.add_page_image(doc, 100, ColourMode.LINEART),
        ],
        tmp_path / "d.pdf",
    )
    for p in s.pages():
        s.delete(p.id)

    added = s.insert_files([tmp_path / n for n in ("a.png", "b.jpg", "c.tif", "d.pdf")])
    assert len(added) == 1 + 1 + 3 + 2
    assert [p.mode for p in added[:5]] == [ColourMode.GRAY, ColourMode.COLOR] + [
        ColourMode.LINEART
    ] * 3
    assert added[0].dpi == 100 and added[2].dpi == 100
    assert added[1].path.suffix == ".jpg"  # kept as it came
    assert all(p.origin == "import" for p in added)
    assert [p.id for p in s.pages()] == [p.id for p in added]

    first = s.pages()[0].id
    more = s.insert_files([tmp_path / "a.png"], at_index=1)
    assert [p.id for p in s.pages()][:2] == [first, more[0].id]


def test_jpeg_with_exif_rotation_is_turned_upright(spool, tmp_path):
    img = Image.new("RGB", (200, 100), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to view"
    img.save(tmp_path / "phone.jpg", exif=exif)
    s = spool.open_session("k", 1, "x")
    (page,) = s.insert_files([tmp_path / "phone.jpg"])
    assert (page.width, page.height) == (100, 200)
    assert page.path.read_bytes() != (tmp_path / "phone.jpg").read_bytes()  # turned, not copied


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("notes.docx", b"PK\x03\x04", "Chỉ nhận PDF, JPEG, PNG, TIFF"),
        ("broken.png", b"\x89PNG\r\n\x1a\nnot really", "bị hỏng"),
        ("broken.pdf", b"%PDF-1.4\ngarbage", "PDF bị hỏng"),
    ],
)
def test_unusable_files_are_refused_with_a_clear_message(spool, tmp_path, name, content, words):
    s = spool.open_session("k", 1, "x")
    good = tmp_path / "good.png"
    document_page(75).save(good)
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(ImportFailed) as err:
        s.insert_files([good, bad])
    assert words in err.value.message and err.value.text("en")
    assert len(s.pages()) == 1  # the good file before it stays


def test_missing_file_is_refused(spool, tmp_path):
    with pytest.raises(ImportFailed) as err:
        spool.open_session("k", 1, "x").insert_files([tmp_path / "gone.jpg"])
    assert "Không tìm thấy tệp" in err.value.message


def test_pages_moved_between_sessions_keep_their_layers(spool, tmp_path):
    draft = spool.open_session("draft-1", 4, "Tờ khai")
    grey = draft.add_page_image(document_page(150, seed=1), 150, ColourMode.GRAY)
    bw = draft.add_page_image(document_page(150, seed=2), 150, ColourMode.LINEART)
    draft.rotate(bw.id, 180)
    with Image.open(grey.path) as view:  # the page's path previews both layers
        assert view.format == "JPEG" and view.mode == "L" and view.width >= 600

    # As any file (what a caller re-homing page by page does): no rotation carried.
    dossier = spool.open_session("dossier:x", 2, "Tờ khai")
    moved = dossier.insert_files([p.path for p in draft.pages()])
    assert [p.mode for p in moved] == [ColourMode.GRAY, ColourMode.LINEART]
    assert [p.rotation for p in moved] == [0, 0]
    # Whole session at once: everything carried.
    other = spool.open_session("dossier:x", 3, "Tờ khai")
    taken = other.take_pages(draft)
    assert [p.rotation for p in taken] == [0, 180]
    draft.discard()
    for session in (dossier, other):
        raw = write_pdf(session.pages(), tmp_path / f"{session.id}.pdf").path.read_bytes()
        assert raw.count(b"/ImageMask true") == 1  # the grey page is still two layers
        assert raw.count(b"/CCITTFaxDecode") == 2
