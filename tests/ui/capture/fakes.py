"""A CaptureSession stand-in following the contract (CAPTURE-API.md), for widget unit tests."""

from __future__ import annotations

import uuid
from pathlib import Path

from PIL import Image

from hcc_desk.core.capture.model import ColourMode, PageInfo


class FakeSession:
    def __init__(
        self,
        folder: Path,
        key: str = "draft-1",
        paper_position: int | None = 1,
        paper_name: str = "Tờ khai",
        dossier_code: str | None = None,
    ):
        self.id = uuid.uuid4().hex
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.key, self.paper_position, self.paper_name = key, paper_position, paper_name
        self.dossier_code = dossier_code
        self._pages: list[PageInfo] = []
        self.discarded = self.attached = False
        self.log: list[tuple] = []

    def pages(self) -> list[PageInfo]:
        return [PageInfo(**vars(p)) for p in self._pages]  # copies, like a manifest read

    def add_page_image(
        self, img: Image.Image, dpi: int, mode: ColourMode, blank: bool = False
    ) -> PageInfo:
        pid = uuid.uuid4().hex
        path = self.folder / f"{pid}.png"
        img.save(path)
        thumb = self.folder / f"{pid}.thumb.png"
        small = img.copy()
        small.thumbnail((120, 160))
        small.save(thumb)
        page = PageInfo(pid, path, img.width, img.height, dpi, mode, blank=blank, thumb_path=thumb)
        self._pages.append(page)
        return PageInfo(**vars(page))

    def _find(self, page_id: str) -> PageInfo:
        return next(p for p in self._pages if p.id == page_id)

    def move(self, page_id: str, new_index: int) -> None:
        page = self._find(page_id)
        self._pages.remove(page)
        self._pages.insert(new_index, page)
        self.log.append(("move", page_id, new_index))

    def rotate(self, page_id: str, degrees: int) -> None:
        page = self._find(page_id)
        page.rotation = (page.rotation + degrees) % 360
        self.log.append(("rotate", page_id, degrees))

    def delete(self, page_id: str) -> None:
        self._pages.remove(self._find(page_id))
        self.log.append(("delete", page_id))

    def set_blank(self, page_id: str, blank: bool) -> None:
        self._find(page_id).blank = blank
        self.log.append(("blank", page_id, blank))

    def insert_files(self, paths, at_index: int | None = None) -> list[PageInfo]:
        added = [self.add_page_image(Image.open(p), 150, ColourMode.GRAY) for p in paths]
        if at_index is not None:
            for offset, page in enumerate(added):
                self.move(page.id, at_index + offset)
        return added

    def discard(self) -> None:
        self.discarded = True
        self._pages = []

    def mark_attached(self) -> None:
        self.attached = True


def page_image(shade: int = 0, size: tuple[int, int] = (210, 297)) -> Image.Image:
    """A small portrait page with a dark bar at the top (so rotation is visible)."""
    img = Image.new("L", size, 255 if shade else 230)
    for y in range(20):
        for x in range(size[0]):
            img.putpixel((x, y), shade)
    return img
