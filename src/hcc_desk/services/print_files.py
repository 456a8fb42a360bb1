"""PDFs rendered only to be printed, kept in the profile no longer than the spooler needs them.

A printed paper carries the applicant's name and ID number in clear text, and the profile
otherwise holds those only encrypted (docs/security.md). So a PDF made for the print queue is
written under a name that marks it as transient and removed as soon as the spooler holds its
own copy: ``lp`` and SumatraPDF have read the file when they return. The shell's "printto"
verb (Windows without SumatraPDF) reads it later, so that file is left for the sweep, which
also clears what a crash or an older version left behind.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

TRANSIENT_PREFIX = ".printing-"
# Long enough for a PDF viewer started by the shell to have printed; short enough that a
# copy does not outlive the officer's session.
SWEEP_AFTER_S = 15 * 60
# Job ids of the route that reads the file after submit returns (core/printing/windows.py).
DEFERRED_JOB_PREFIX = "shell-"


R = TypeVar("R")


def print_transient(
    folder: Path, render: Callable[[Path], R], submit: Callable[[Path, R], str]
) -> tuple[Path, R, str]:
    """Render into a transient PDF in ``folder``, hand it to ``submit`` (the print queue), then
    forget it — also when submitting fails (printing again renders it again). Returns the
    PDF's path (gone by then unless the spooler reads it later), what ``render`` returned and
    the job id."""
    sweep(folder)
    pdf = transient_pdf(folder)
    rendered = render(pdf)
    job = None
    try:
        job = submit(pdf, rendered)
    finally:
        forget(pdf, job)
    return pdf, rendered, job


def transient_pdf(folder: Path) -> Path:
    return folder / f"{TRANSIENT_PREFIX}{uuid.uuid4().hex}.pdf"


def forget(pdf: Path, job: str | None) -> None:
    """Remove the PDF once the spooler has it; ``job`` None means the submit failed."""
    if job is not None and job.startswith(DEFERRED_JOB_PREFIX):
        return
    try:
        pdf.unlink(missing_ok=True)
    except OSError as e:  # the sweep tries again
        log.warning("could not remove printed PDF %s: %s", pdf.name, e)


def sweep(folder: Path, *, older_than_s: float = SWEEP_AFTER_S, now: float | None = None) -> int:
    """Remove PDFs in ``folder`` older than ``older_than_s``; return how many were removed.

    Every PDF there is a print copy: the transient ones, and the named copies that versions
    before encryption kept for good.
    """
    limit = (time.time() if now is None else now) - older_than_s
    removed = 0
    try:
        candidates = list(folder.glob("*.pdf"))  # pathlib's "*" matches dot-files too
    except OSError:
        return 0
    for pdf in candidates:
        try:
            if pdf.stat().st_mtime < limit:
                pdf.unlink()
                removed += 1
        except OSError as e:
            log.warning("could not sweep printed PDF %s: %s", pdf.name, e)
    return removed
