from __future__ import annotations

import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from hcc_desk import resources
from hcc_desk.core.printing import fonts

REPO = Path(__file__).resolve().parents[2]


def test_resources_found_in_the_source_checkout() -> None:
    assert resources.resources_root() == REPO / "src" / "hcc_desk" / "data"
    assert resources.resource_path("fonts", "OFL.txt").is_file()


def test_resources_found_in_a_pyinstaller_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    (tmp_path / "resources" / "fonts" / "x.ttf").write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"


def test_missing_resource_names_the_path() -> None:
    with pytest.raises(FileNotFoundError, match=r"nope\.ttf"):
        resources.resource_path("fonts", "nope.ttf")


def test_register_fonts_is_idempotent_and_covers_vietnamese() -> None:
    assert fonts.register_fonts() == fonts.register_fonts() == "HCCSerif"
    for face in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        font = pdfmetrics.getFont(face)
        widths = font.face.charWidths  # type: ignore[attr-defined]
        assert all(ord(ch) in widths for ch in "ẮẰẲẴẶắằẳẵặỀềỄễỮữỰựỸỹỴỵĐđƠơƯư")
