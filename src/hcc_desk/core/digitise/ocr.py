"""A Vietnamese text layer on scanned pages: OCRmyPDF (Tesseract, ``vie``) → PDF/A-2b.

OCRmyPDF runs as its own process (``python -m ocrmypdf``; in the frozen app, the app itself
with ``--ocr-child``: installer/entry.py): a Tesseract that hangs or crashes cannot take the desk
with it, the desk can end it at a time limit, and a background run is started at a lower CPU
priority with Tesseract on one thread, so the counter stays responsive.

Tesseract is not bundled: it is found in ``HCC_TESSERACT_DIR`` (set by the IT officer), on the
``PATH``, or (Windows) in its usual install folder ``C:\\Program Files\\Tesseract-OCR``.

Pages that already carry text (a PDF made on a computer) are skipped, so they keep their own
text; a file whose every page has text is not touched at all. The PDF/A is made by OCRmyPDF's
own pikepdf backend and page rendering by pdfium, not Ghostscript: Debian 12's Ghostscript
10.0 damages PDFs that already have text, and the desk does not need it otherwise.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from hcc_core.errors import ExpectedError

log = logging.getLogger(__name__)

LANGUAGE = "vie"
PAGE_SECONDS = 120  # Tesseract's own limit per page: a page it cannot finish keeps no text
RUN_SECONDS_BASE = 60  # plus PAGE_SECONDS per page for the whole run, then the process is ended
BACKGROUND_NICE = 10
CANCEL_CHECK_SECONDS = 0.2
# Text shorter than this on a page is noise (a scanner's stray mark), not the page's text.
MIN_PAGE_TEXT = 3
# OCRmyPDF's documented exit codes that the officer can do something about.
_EXIT_INPUT = 2
_EXIT_MISSING_DEPENDENCY = 3
_EXIT_ENCRYPTED = 8
_EXIT_PDFA_FAILED = 10


class OcrUnavailable(ExpectedError):
    """Tesseract, its Vietnamese data or OCRmyPDF is not installed on this PC."""


class OcrFailed(ExpectedError):
    """This file could not get a text layer (damaged, encrypted, too slow)."""


@dataclass(frozen=True)
class OcrResult:
    """``output`` is None when the input was kept (every page already had text)."""

    output: Path | None
    text: str
    pages: int
    pdfa: bool
    seconds: float

    @property
    def kept(self) -> bool:
        return self.output is None


TESSERACT_DIR_ENV = "HCC_TESSERACT_DIR"
# The frozen app's hidden mode that runs OCRmyPDF (installer/entry.py reads the same flag).
OCR_CHILD_FLAG = "--ocr-child"
# Windows: console programs (tesseract.exe, the OCR child) started from the windowed desk
# would each flash a console window.
_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)


# Tesseracts seen with Vietnamese data, asked once per run; a miss is asked again next time,
# so data the IT officer adds later counts without restarting the desk.
_HAS_VIETNAMESE: set[str] = set()


def system_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` for a program of the PC (Tesseract). The frozen Linux app puts its own library
    folder on LD_LIBRARY_PATH (PyInstaller, which keeps the PC's value in LD_LIBRARY_PATH_ORIG);
    its libraries would shadow the ones Tesseract was built with."""
    env = dict(env)
    if getattr(sys, "frozen", False) and "LD_LIBRARY_PATH" in env:
        original = env.get("LD_LIBRARY_PATH_ORIG")
        if original is None:
            del env["LD_LIBRARY_PATH"]
        else:
            env["LD_LIBRARY_PATH"] = original
    return env


def _languages(tesseract: str) -> frozenset[str]:
    try:
        out = subprocess.run(
            [tesseract, "--list-langs"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
            env=system_env(dict(os.environ)),
            creationflags=_NO_WINDOW,
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.stdout.splitlines()[1:] if line.strip())


def _usual_tesseract_dirs() -> list[str]:
    """Where Tesseract's Windows installer puts it (for all users, or "just for me")."""
    if sys.platform != "win32":
        return []
    bases = [os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")]
    folders = [os.path.join(base, "Tesseract-OCR") for base in bases if base]
    local = os.environ.get("LOCALAPPDATA")
    return folders + ([os.path.join(local, "Programs", "Tesseract-OCR")] if local else [])


def find_tesseract() -> str | None:
    """The Tesseract executable: in ``HCC_TESSERACT_DIR`` (the IT officer's choice wins), on
    the PATH, or in its usual install folder (Windows); None when there is none."""
    configured = os.environ.get(TESSERACT_DIR_ENV, "").strip()
    if configured:
        return shutil.which("tesseract", path=configured)  # a wrong folder: say it is missing
    found = shutil.which("tesseract")
    for folder in _usual_tesseract_dirs():
        found = found or shutil.which("tesseract", path=folder)
    return found


def _bundles_ocrmypdf() -> bool:
    try:
        return find_spec("ocrmypdf") is not None
    except (ImportError, ValueError):
        return False


def check_available() -> str:
    """The Tesseract to use; raise OcrUnavailable saying what to install when this PC cannot
    OCR Vietnamese."""
    tesseract = find_tesseract()
    if tesseract is None:
        raise OcrUnavailable("ocr.no_tesseract")
    if tesseract not in _HAS_VIETNAMESE:
        if LANGUAGE not in _languages(tesseract):
            raise OcrUnavailable("ocr.no_vietnamese", language=LANGUAGE)
        _HAS_VIETNAMESE.add(tesseract)
    # Frozen, OCRmyPDF is part of the app (installer/hcc-desk.spec) and run by its --ocr-child.
    if not _bundles_ocrmypdf():
        raise OcrUnavailable("ocr.no_ocrmypdf")
    return tesseract


def page_texts(pdf: Path | bytes) -> list[str]:
    """The text of each page (its own text or a text layer), read with pdfium."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            try:
                texts.append(textpage.get_text_range().replace("\r\n", "\n").strip())
            finally:
                textpage.close()
                page.close()
        return texts
    finally:
        doc.close()


def pdfa_part(path: Path) -> str | None:
    """The PDF/A part and conformance the file declares in its XMP ("2B"), None if none."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        status = pdf.open_metadata().pdfa_status
    return status or None


# ``python -m ocrmypdf`` that first lowers its own CPU priority (inherited by its Tesseracts):
# a preexec_fn would do it in the forked child, which is unsafe in the desk's threaded process.
_NICE_THEN_OCRMYPDF = (
    "import os, runpy, sys; nice = int(sys.argv.pop(1)); nice and os.nice(nice); "
    "sys.argv[0] = 'ocrmypdf'; runpy.run_module('ocrmypdf', run_name='__main__', alter_sys=True)"
)


def _runner() -> list[str]:
    """What starts OCRmyPDF; the next argument is the nice value, then OCRmyPDF's own."""
    if not getattr(sys, "frozen", False):
        return [sys.executable, "-c", _NICE_THEN_OCRMYPDF]
    exe = Path(sys.executable)
    # Windows: the console twin (hcc-desk-cli.exe), started without a window, gives the child a
    # hidden console that its Tesseracts share, instead of a window flashing for each page.
    cli = exe.with_name(exe.stem + "-cli" + exe.suffix)
    if sys.platform == "win32" and not exe.stem.endswith("-cli") and cli.is_file():
        exe = cli
    return [str(exe), OCR_CHILD_FLAG]


def _command(src: Path, dst: Path, jobs: int, output_type: str, nice: int) -> list[str]:
    posix_nice = nice if sys.platform != "win32" else 0  # Windows: a priority class instead
    return [
        *_runner(),
        str(posix_nice),
        "--language",
        LANGUAGE,
        "--output-type",
        output_type,
        "--pdfa-backend",
        "internal",
        "--rasterizer",
        "pypdfium",
        "--mode",
        "skip",
        "--jobs",
        str(jobs),
        "--tesseract-timeout",
        str(PAGE_SECONDS),
        "--quiet",
        str(src),
        str(dst),
    ]


def _child_env(tesseract: str | None) -> dict[str, str]:
    """The OCR child's environment: the Tesseract found first on its PATH (OCRmyPDF runs
    ``tesseract`` by name), one Tesseract thread."""
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"  # Tesseract's own threads would take every core
    if tesseract:
        folder = os.path.dirname(tesseract)
        env["PATH"] = os.pathsep.join(p for p in (folder, env.get("PATH", "")) if p)
    return env


def _run(
    cmd: list[str],
    *,
    nice: int,
    timeout: float,
    cancel: threading.Event | None,
    tesseract: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run OCRmyPDF in its own process group, ended (with its Tesseracts) on ``timeout`` or
    when ``cancel`` is set."""
    env = _child_env(tesseract)
    kwargs: dict[str, Any] = {}
    if sys.platform == "win32":
        flags = _NO_WINDOW
        if nice:
            flags |= subprocess.BELOW_NORMAL_PRIORITY_CLASS  # type: ignore[attr-defined,unused-ignore]
        kwargs["creationflags"] = flags
    else:
        kwargs["start_new_session"] = True
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(  # our own interpreter (or frozen app), fixed arguments
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
            env=env,
            **kwargs,
        )
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    proc.wait(CANCEL_CHECK_SECONDS)
                    break
                except subprocess.TimeoutExpired:
                    if cancel is not None and cancel.is_set():
                        raise OcrFailed("ocr.cancelled") from None
                    if time.monotonic() > deadline:
                        raise OcrFailed("ocr.timed_out", seconds=int(timeout)) from None
        finally:
            if proc.returncode is None:
                _end(proc)
        err.seek(0)
        return subprocess.CompletedProcess(cmd, proc.returncode, "", err.read())


def _end(proc: subprocess.Popen[str]) -> None:
    try:
        if sys.platform == "win32":
            proc.kill()
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass  # ended meanwhile
    proc.wait()


def ocr_pdf(
    src: Path,
    dst: Path,
    *,
    jobs: int = 1,
    nice: int = 0,
    cancel: threading.Event | None = None,
) -> OcrResult:
    """Write ``src`` with a Vietnamese text layer to ``dst`` as PDF/A-2b and return its text.

    A file whose pages all carry text already is kept (``output`` None, ``dst`` not written).
    A file mixing scanned and digital pages that cannot be confirmed as PDF/A gets its text
    layer in a plain PDF (``pdfa`` False). ``nice``: run at a lower CPU priority (background).
    Raises OcrUnavailable / OcrFailed (also when ``cancel`` is set: the process is ended).
    """
    started = time.monotonic()
    try:
        before = page_texts(src)
    except Exception as exc:  # pdfium: a file that is no PDF
        raise OcrFailed("ocr.unreadable") from exc
    if before and all(len(t) >= MIN_PAGE_TEXT for t in before):
        return OcrResult(None, _join(before), len(before), bool(pdfa_part(src)), _since(started))
    tesseract = check_available()
    timeout = RUN_SECONDS_BASE + PAGE_SECONDS * max(1, len(before))
    pdfa = True
    cmd = _command(src, dst, jobs, "pdfa-2", nice)
    done = _run(cmd, nice=nice, timeout=timeout, cancel=cancel, tesseract=tesseract)
    if done.returncode == _EXIT_PDFA_FAILED:
        pdfa = False
        cmd = _command(src, dst, jobs, "pdf", nice)
        done = _run(cmd, nice=nice, timeout=timeout, cancel=cancel, tesseract=tesseract)
    if done.returncode != 0:
        raise _failure(done)
    after = _verified(dst, len(before), pdfa)
    return OcrResult(dst, _join(after), len(after), pdfa, _since(started))


def _verified(dst: Path, pages: int, pdfa: bool) -> list[str]:
    """The output's page texts once it opens, has every page and declares PDF/A-2b."""
    try:
        texts = page_texts(dst)
        part = pdfa_part(dst)
    except Exception as exc:  # an output that does not open
        raise OcrFailed("ocr.bad_output") from exc
    if len(texts) != pages or (pdfa and part != "2B"):
        log.warning("OCR output rejected: %d of %d pages, PDF/A %s", len(texts), pages, part)
        raise OcrFailed("ocr.bad_output")
    return texts


def _failure(done: subprocess.CompletedProcess[str]) -> ExpectedError:
    tail = done.stderr.strip().splitlines()[-3:]
    log.info("ocrmypdf exited with %d: %s", done.returncode, " | ".join(tail))
    if done.returncode == _EXIT_MISSING_DEPENDENCY:
        return OcrUnavailable("ocr.no_tesseract")
    if done.returncode == _EXIT_ENCRYPTED:
        return OcrFailed("ocr.encrypted")
    if done.returncode == _EXIT_INPUT:
        return OcrFailed("ocr.unreadable")
    return OcrFailed("ocr.failed", code=done.returncode)


def _join(texts: list[str]) -> str:
    return "\n\f\n".join(texts)


def _since(started: float) -> float:
    return round(time.monotonic() - started, 3)
