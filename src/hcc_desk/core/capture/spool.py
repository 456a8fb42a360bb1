"""The capture spool: every scanned or imported page is on disk before anyone is told about it.

Layout under ``<profile>/capture-spool``::

    <session id>/manifest.json      key, checklist paper, page order and flags (atomic rewrite)
    <session id>/p-<page id>.jpg|tif|png   the page as it goes into the PDF (JPEG grey/colour,
                                    G4 TIFF black-and-white, PNG for imported images)
    <session id>/t-<page id>.png    its thumbnail (not rotated: ``rotation`` applies at output)
    <session id>/incoming/          raw pages the scanner worker wrote and nobody processed yet

If the app or the PC dies, ``CaptureSpool.recoverable()`` finds the sessions not yet attached,
including raw pages the worker had finished writing but not yet reported.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

from PIL import Image

from hcc_core.files import fsync_dir, write_atomic

from . import imaging
from .model import ColourMode, PageInfo

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
INCOMING = "incoming"
# Raw pages from the worker: "raw-<seq>.<pnm|pbm|pgm|ppm|png|tif>"; ".part" while being written.
RAW_PREFIX = "raw-"
RAW_SUFFIXES = (".pnm", ".pbm", ".pgm", ".ppm", ".png", ".tif")


def save_image_atomic(img: Image.Image, target: Path, **params) -> None:
    tmp = target.with_name(target.name + ".part")
    with tmp.open("wb") as f:
        img.save(f, **params)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)


def save_page_image(
    img: Image.Image,
    folder: Path,
    page_id: str,
    dpi: int,
    origin: str = "scan",
    lossless: bool | None = None,
) -> Path:
    """Store a processed page in the form it will have in the PDF, so building the PDF is a
    copy and rotating a page never recompresses it:

    * black-and-white: one-strip G4 TIFF;
    * scanned grey: two layers (imaging.split_layers) — the text as a G4 TIFF mask (the page's
      ``path``, itself a fair B/W preview) and ``p-<id>.bg.jpg``, the rest at 150 dpi, whose
      JPEG comment holds the text's grey level;
    * scanned colour: JPEG (paper cleaned to white); imported grey/colour pictures: JPEG;
    * drawn or digital content, where lossless is smaller than JPEG (imaging.prefers_lossless):
      PNG, whose compressed data the PDF takes as it is.
    """
    tif = folder / f"p-{page_id}.tif"
    if img.mode == "1":
        _save_g4(img, tif, dpi)
        return tif
    if imaging.prefers_lossless(img) if lossless is None else lossless:
        target = folder / f"p-{page_id}.png"
        save_image_atomic(img, target, format="PNG", compress_level=3, dpi=(dpi, dpi))
        return target
    if origin == "scan" and img.mode == "L":
        mask, background, level = imaging.split_layers(img, dpi)
        bg = folder / f"p-{page_id}.bg.jpg"
        save_image_atomic(
            background,
            bg,
            format="JPEG",
            quality=BACKGROUND_QUALITY,
            comment=f"hcc-ink={level}".encode("ascii"),
        )
        _save_g4(mask, tif, dpi)
        # The page's ``path``: what the two layers look like, at the background's resolution,
        # for previews (written last: a page whose layers are incomplete is never recorded).
        view = folder / f"p-{page_id}{VIEW_SUFFIX}"
        save_image_atomic(
            imaging.join_layers(mask, background, level, background.size),
            view,
            format="JPEG",
            quality=80,
            dpi=(background.width * dpi // img.width,) * 2,
        )
        return view
    from .pdf_output import IMPORT_JPEG_QUALITY, encode_jpeg

    target = folder / f"p-{page_id}.jpg"
    # Scans: paper cleaned to white. Imported pictures: left as they are, a little finer.
    jpeg = (
        encode_jpeg(img, dpi=dpi)
        if origin == "scan"
        else encode_jpeg(img, IMPORT_JPEG_QUALITY, clean=False, dpi=dpi)
    )
    write_atomic(target, jpeg.data)
    return target


BACKGROUND_QUALITY = 50


def _save_g4(img: Image.Image, target: Path, dpi: int) -> None:
    save_image_atomic(
        img, target, format="TIFF", compression="group4", dpi=(dpi, dpi), tiffinfo={278: img.height}
    )  # RowsPerStrip = all rows: one strip


VIEW_SUFFIX = ".view.jpg"


def layers_of(page_path: Path) -> tuple[Path, Path, int] | None:
    """(text mask, background, text grey level) of a two-layer grey page, else None."""
    if not page_path.name.endswith(VIEW_SUFFIX):
        return None
    stem = page_path.name[: -len(VIEW_SUFFIX)]
    mask, bg = page_path.with_name(stem + ".tif"), page_path.with_name(stem + ".bg.jpg")
    if not (mask.exists() and bg.exists()):
        return None
    with Image.open(bg) as img:
        comment = img.info.get("comment", b"")
    try:
        level = int(bytes(comment).decode("ascii").partition("hcc-ink=")[2] or 0)
    except ValueError:
        level = 0
    return mask, bg, level


class CaptureSession:
    """Pages of one checklist paper being captured. Thread-safe: the scanner thread adds pages
    while the officer reorders or rotates others."""

    def __init__(self, folder: Path, data: dict):
        self.folder = folder
        self._data = data
        self._pages = [PageInfo.from_dict(p, folder) for p in data.get("pages", [])]
        self._lock = threading.RLock()

    # -- identity -------------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self._data["id"]

    @property
    def key(self) -> str:
        return self._data["key"]

    @property
    def paper_position(self) -> int | None:
        return self._data.get("paper_position")

    @property
    def paper_name(self) -> str:
        return self._data.get("paper_name", "")

    @property
    def dossier_code(self) -> str | None:
        return self._data.get("dossier_code")

    @dossier_code.setter
    def dossier_code(self, value: str | None) -> None:
        with self._lock:
            self._data["dossier_code"] = value
            self._save()

    @property
    def state(self) -> str:
        return self._data.get("state", "open")

    @property
    def created_at(self) -> float:
        return float(self._data.get("created_at", 0))

    @property
    def incoming(self) -> Path:
        return self.folder / INCOMING

    def __repr__(self) -> str:
        return (
            f"CaptureSession({self.id}, key={self.key!r}, paper={self.paper_position}, "
            f"pages={len(self._pages)}, state={self.state})"
        )

    # -- pages ----------------------------------------------------------------------------
    def pages(self) -> list[PageInfo]:
        with self._lock:
            return [dataclasses.replace(p) for p in self._pages]

    def page(self, page_id: str) -> PageInfo:
        with self._lock:
            return dataclasses.replace(self._find(page_id))

    def add_page_image(
        self,
        img: Image.Image,
        dpi: int,
        mode: ColourMode | str | None = None,
        *,
        deskew: bool = False,
        at_index: int | None = None,
        origin: str = "scan",
    ) -> PageInfo:
        """Convert to ``mode``, optionally straighten, flag if blank, store, then record."""
        mode = ColourMode(mode) if mode is not None else imaging.mode_of(imaging.normalise(img))
        img = imaging.normalise(img)
        # Drawn / digital content (lossless beats JPEG on it) is not paper: never skewed, and
        # kept lossless.
        lossless = img.mode != "1" and mode != ColourMode.LINEART and imaging.prefers_lossless(img)
        skew = 0.0
        if deskew and not lossless:
            # Straighten before thresholding: a grey image rotates without jagged strokes.
            img, skew = imaging.deskew(img, dpi)
        img = imaging.convert_to_mode(img, mode)
        page_id = uuid.uuid4().hex
        path = save_page_image(img, self.folder, page_id, dpi, origin, lossless=lossless)
        return self._record(img, path, page_id, dpi, mode, skew, at_index, origin)

    def add_jpeg(
        self, jpeg: bytes, img: Image.Image, dpi: int, at_index: int | None = None
    ) -> PageInfo:
        """An imported JPEG page, kept byte for byte (goes into the PDF without recompression)."""
        page_id = uuid.uuid4().hex
        path = self.folder / f"p-{page_id}.jpg"
        write_atomic(path, jpeg)
        return self._record(img, path, page_id, dpi, imaging.mode_of(img), 0.0, at_index, "import")

    def _record(self, img, path, page_id, dpi, mode, skew, at_index, origin) -> PageInfo:
        thumb_path = self.folder / f"t-{page_id}.png"
        imaging.thumbnail(img).save(thumb_path, format="PNG")  # can be remade: no fsync
        page = PageInfo(
            id=page_id,
            path=path,
            width=img.width,
            height=img.height,
            dpi=int(dpi),
            mode=ColourMode(mode),
            rotation=0,
            blank=imaging.is_blank(img, dpi),
            skew_deg=round(skew, 2),
            thumb_path=thumb_path,
            origin=origin,
        )
        return self._place(page, at_index)

    def insert_files(self, paths: Iterable[Path], at_index: int | None = None) -> list[PageInfo]:
        """Import PDF / JPEG / PNG / TIFF files as pages (at ``at_index`` or at the end).
        Raises ``imports.ImportFailed`` for an unusable file; pages of files before it stay."""
        from .imports import iter_pages

        added: list[PageInfo] = []
        for path in paths:
            index = None if at_index is None else at_index + len(added)
            adopted = self._adopt(Path(path), index)
            if adopted is not None:
                added.append(adopted)
                continue
            for imported in iter_pages(Path(path)):
                index = None if at_index is None else at_index + len(added)
                if imported.jpeg_bytes is not None:
                    added.append(
                        self.add_jpeg(imported.jpeg_bytes, imported.image, imported.dpi, index)
                    )
                else:
                    added.append(
                        self.add_page_image(
                            imported.image,
                            imported.dpi,
                            imaging.mode_of(imported.image),
                            at_index=index,
                            origin="import",
                        )
                    )
        return added

    def take_pages(self, source: CaptureSession, at_index: int | None = None) -> list[PageInfo]:
        """Copy every page of ``source`` here, as stored (no recompression), keeping order,
        rotation and blank flags. ``source`` is left as it is: discard it afterwards."""
        added: list[PageInfo] = []
        for page in source.pages():
            index = None if at_index is None else at_index + len(added)
            new = self._adopt(page.path, index, keep_rotation=True)
            if new is not None:
                added.append(new)
        return added

    def _adopt(
        self, path: Path, at_index: int | None, keep_rotation: bool = False
    ) -> PageInfo | None:
        """A page file of a capture session (this spool's or another's) is copied with all its
        layers, not re-imported: a two-layer grey page keeps both. Rotation is not carried
        unless asked (as for any file, the caller turns it)."""
        if not path.name.startswith("p-") or not (path.parent / MANIFEST).is_file():
            return None
        try:
            manifest = json.loads((path.parent / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        entry = next((p for p in manifest.get("pages", []) if p.get("file") == path.name), None)
        if entry is None:
            return None
        old = PageInfo.from_dict(entry, path.parent)
        new_id = uuid.uuid4().hex
        for f in sorted(path.parent.glob(f"p-{old.id}.*")):
            if not f.name.endswith(".part"):
                write_atomic(self.folder / f.name.replace(old.id, new_id), f.read_bytes())
        thumb = None
        if old.thumb_path is not None and old.thumb_path.exists():
            thumb = self.folder / f"t-{new_id}.png"
            shutil.copyfile(old.thumb_path, thumb)
        page = dataclasses.replace(
            old,
            id=new_id,
            path=self.folder / path.name.replace(old.id, new_id),
            thumb_path=thumb,
            rotation=old.rotation if keep_rotation else 0,
        )
        return self._place(page, at_index)

    def _place(self, page: PageInfo, at_index: int | None) -> PageInfo:
        """Put a new page at ``at_index`` (clamped) or at the end, and save the manifest."""
        with self._lock:
            if at_index is None:
                self._pages.append(page)
            else:
                self._pages.insert(max(0, min(at_index, len(self._pages))), page)
            self._save()
        return dataclasses.replace(page)

    def move(self, page_id: str, new_index: int) -> None:
        with self._lock:
            page = self._find(page_id)
            self._pages.remove(page)
            self._pages.insert(max(0, min(new_index, len(self._pages))), page)
            self._save()

    def rotate(self, page_id: str, degrees: int) -> int:
        """Turn clockwise by a multiple of 90° (cumulative); returns the page's new rotation."""
        if degrees % 90:
            raise ValueError("rotation must be a multiple of 90 degrees")
        with self._lock:
            page = self._find(page_id)
            page.rotation = (page.rotation + degrees) % 360
            self._save()
            return page.rotation

    def set_blank(self, page_id: str, blank: bool) -> None:
        with self._lock:
            self._find(page_id).blank = bool(blank)
            self._save()

    def delete(self, page_id: str) -> None:
        with self._lock:
            page = self._find(page_id)
            self._pages.remove(page)
            self._save()
        for f in [*self.folder.glob(f"p-{page_id}.*"), page.thumb_path]:
            if f is not None:
                f.unlink(missing_ok=True)

    def load_image(self, page_id: str, *, apply_rotation: bool = True) -> Image.Image:
        """The page as it will look in the PDF (both layers of a grey page joined), turned by
        its rotation: what a large preview should show."""
        page = self.page(page_id)
        layers = layers_of(page.path)
        if layers is not None:
            with Image.open(layers[0]) as mask, Image.open(layers[1]) as bg:
                mask.load()
                bg.load()
                out = imaging.join_layers(mask, bg.convert("L"), layers[2])
        else:
            with Image.open(page.path) as img:
                img.load()
                out = imaging.normalise(img)
        return imaging.rotate_quarter(out, page.rotation) if apply_rotation else out

    # -- lifecycle ------------------------------------------------------------------------
    def mark_attached(self) -> None:
        """The pages are in an attachment now: forget them (the manifest says so first, so a
        crash during clean-up never offers attached pages back)."""
        with self._lock:
            self._data["state"] = "attached"
            self._save()
        _remove_tree(self.folder)

    def discard(self) -> None:
        with self._lock:
            self._data["state"] = "discarded"
            self._save()
        _remove_tree(self.folder)

    def ingest_incoming(
        self, dpi: int | None = None, mode: ColourMode | None = None, deskew: bool = False
    ) -> list[PageInfo]:
        """Process raw pages a worker finished writing but nobody recorded (crash recovery)."""
        added: list[PageInfo] = []
        if not self.incoming.is_dir():
            return added
        for raw in sorted(self.incoming.glob(f"{RAW_PREFIX}*")):
            if raw.name.endswith(".part"):
                raw.unlink(missing_ok=True)  # a half-written page: the scanner never finished it
            elif raw.suffix == ".json":
                if not any(raw.with_suffix(s).exists() for s in RAW_SUFFIXES):
                    raw.unlink(missing_ok=True)  # its page never got written
            elif raw.suffix in RAW_SUFFIXES:
                added.append(self.add_raw_file(raw, dpi, mode, deskew=deskew))
        return added

    def add_raw_file(
        self, raw: Path, dpi: int | None, mode: ColourMode | None, *, deskew: bool = False
    ) -> PageInfo:
        """Record one raw page file from the worker, then remove the raw file."""
        with Image.open(raw) as img:
            img.load()
            meta = _raw_meta(raw)
            page = self.add_page_image(
                img, dpi or meta.get("dpi") or _dpi_of(img), mode or meta.get("mode"), deskew=deskew
            )
        raw.unlink(missing_ok=True)
        raw.with_suffix(".json").unlink(missing_ok=True)
        return page

    # -- internals ------------------------------------------------------------------------
    def _find(self, page_id: str) -> PageInfo:
        for page in self._pages:
            if page.id == page_id:
                return page
        raise KeyError(page_id)

    def _save(self) -> None:
        self._data["pages"] = [p.to_dict() for p in self._pages]
        self._data["updated_at"] = time.time()
        if not self.folder.is_dir():  # discarded/attached and removed: nothing to keep
            return
        write_atomic(
            self.folder / MANIFEST,
            json.dumps(self._data, ensure_ascii=False, indent=1).encode("utf-8"),
        )


def _raw_meta(raw: Path) -> dict:
    side = raw.with_suffix(".json")
    try:
        data = json.loads(side.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if "mode" in data:
        try:
            data["mode"] = ColourMode(data["mode"])
        except ValueError:
            data.pop("mode")
    return data


def _dpi_of(img: Image.Image) -> int:
    dpi = img.info.get("dpi")
    try:
        return round(float(dpi[0])) if dpi else 300
    except (TypeError, ValueError, IndexError):
        return 300


def _remove_tree(folder: Path) -> None:
    try:
        shutil.rmtree(folder)
    except OSError as exc:  # e.g. a file still open on Windows: harmless, swept up later
        log.warning("could not remove capture folder %s: %s", folder, exc)


class CaptureSpool:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._lock = threading.Lock()
        self._open: dict[str, CaptureSession] = {}  # one object per session id in this process

    def open_session(
        self, key: str, paper_position: int | None, paper_name: str, dossier_code: str | None = None
    ) -> CaptureSession:
        """The open session for (key, paper) — resumed if one exists, else a new one."""
        with self._lock:
            for session in self._sessions():
                if session.key == key and session.paper_position == paper_position:
                    if paper_name and paper_name != session.paper_name:
                        session._data["paper_name"] = paper_name
                    if dossier_code:
                        session._data["dossier_code"] = dossier_code
                    with session._lock:
                        session._save()
                    return session
            sid = uuid.uuid4().hex
            folder = self.root / sid
            (folder / INCOMING).mkdir(parents=True)
            session = CaptureSession(
                folder,
                {
                    "version": 1,
                    "id": sid,
                    "key": key,
                    "paper_position": paper_position,
                    "paper_name": paper_name,
                    "dossier_code": dossier_code,
                    "state": "open",
                    "created_at": time.time(),
                    "pages": [],
                },
            )
            session._save()
            fsync_dir(self.root)
            self._open[sid] = session
            return session

    def get(self, session_id: str) -> CaptureSession | None:
        with self._lock:
            return next((s for s in self._sessions() if s.id == session_id), None)

    def sessions(self, key: str | None = None) -> list[CaptureSession]:
        with self._lock:
            return [s for s in self._sessions() if key is None or s.key == key]

    def recoverable(self) -> list[CaptureSession]:
        """Open sessions holding pages (raw pages left by a dead worker are processed first)."""
        with self._lock:
            found = []
            for session in self._sessions():
                try:
                    session.ingest_incoming()
                except OSError as exc:
                    log.warning("capture %s: could not recover raw pages: %s", session.id, exc)
                if session.pages():
                    found.append(session)
            return found

    def _sessions(self) -> list[CaptureSession]:
        out: list[CaptureSession] = []
        if not self.root.is_dir():
            return out
        for folder in sorted(self.root.iterdir()):
            if not folder.is_dir():
                continue
            session = self._open.get(folder.name)
            if session is None:
                try:
                    data = json.loads((folder / MANIFEST).read_text("utf-8"))
                except FileNotFoundError:
                    continue
                except (OSError, ValueError) as exc:
                    log.warning("capture folder %s has an unreadable manifest: %s", folder, exc)
                    continue
                session = CaptureSession(folder, data)
                if session.state != "open":  # attached/discarded, clean-up was interrupted
                    _remove_tree(folder)
                    continue
                self._open[folder.name] = session
            if session.state == "open" and folder.is_dir():
                out.append(session)
        out.sort(key=lambda s: s.created_at)
        return out
