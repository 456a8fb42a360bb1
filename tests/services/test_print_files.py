"""Print copies never stay in the profile: removed once spooled, swept when left behind."""

from __future__ import annotations

import os
import time
from pathlib import Path

from hcc_desk.services import print_files


def _pdf(folder: Path, name: str, age_s: float = 0) -> Path:
    path = folder / name
    path.write_bytes(b"%PDF-1.4 079123456789")
    if age_s:
        old = time.time() - age_s
        os.utime(path, (old, old))
    return path


def test_a_spooled_copy_is_removed_at_once(tmp_path: Path) -> None:
    pdf = print_files.transient_pdf(tmp_path)
    pdf.write_bytes(b"%PDF")
    print_files.forget(pdf, "HCC_PDF-17")
    assert not pdf.exists()


def test_a_failed_submit_leaves_nothing(tmp_path: Path) -> None:
    pdf = print_files.transient_pdf(tmp_path)
    pdf.write_bytes(b"%PDF")
    print_files.forget(pdf, None)
    assert not pdf.exists()


def test_a_copy_the_shell_reads_later_waits_for_the_sweep(tmp_path: Path) -> None:
    pdf = print_files.transient_pdf(tmp_path)
    pdf.write_bytes(b"%PDF")
    print_files.forget(pdf, "shell-0123456789ab")
    assert pdf.exists()
    assert print_files.sweep(tmp_path) == 0  # still fresh: the viewer may not have printed yet
    assert print_files.sweep(tmp_path, now=time.time() + print_files.SWEEP_AFTER_S + 1) == 1
    assert not pdf.exists()


def test_sweep_clears_old_copies_of_any_name_and_keeps_fresh_ones(tmp_path: Path) -> None:
    old_named = _pdf(tmp_path, "HCC-2026-000001-A4.pdf", age_s=3600)  # kept by older versions
    old_transient = _pdf(tmp_path, ".printing-abc.pdf", age_s=3600)
    fresh = _pdf(tmp_path, ".printing-def.pdf")
    other = tmp_path / "notes.txt"
    other.write_text("not a print copy")
    assert print_files.sweep(tmp_path) == 2
    assert not old_named.exists() and not old_transient.exists()
    assert fresh.exists() and other.exists()


def test_sweep_of_a_missing_folder_is_quiet(tmp_path: Path) -> None:
    assert print_files.sweep(tmp_path / "nowhere") == 0


def test_print_transient_forgets_the_pdf_when_the_queue_refuses_it(tmp_path: Path) -> None:
    seen: list[Path] = []

    def refuse(pdf: Path, rendered: str) -> str:
        assert pdf.read_bytes() == b"%PDF" and rendered == "made"
        seen.append(pdf)
        raise RuntimeError("out of paper")

    def render(pdf: Path) -> str:
        pdf.write_bytes(b"%PDF")
        return "made"

    try:
        print_files.print_transient(tmp_path, render, refuse)
    except RuntimeError:
        pass
    assert seen and not seen[0].exists() and list(tmp_path.iterdir()) == []
