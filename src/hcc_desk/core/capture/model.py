"""The plain values capture passes around: profiles, devices, pages, faults, batch outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from hcc_core.i18n import tr


class ColourMode(StrEnum):
    COLOR = "color"
    GRAY = "gray"
    LINEART = "lineart"


class Source(StrEnum):
    FLATBED = "flatbed"
    ADF = "adf"
    DUPLEX = "duplex"


@dataclass(frozen=True)
class ScanProfile:
    device: str
    source: Source = Source.FLATBED
    resolution: int = 300
    mode: ColourMode = ColourMode.GRAY
    page_size: str = "A4"

    def to_dict(self) -> dict:
        return {
            "device": self.device,
            "source": str(self.source),
            "resolution": int(self.resolution),
            "mode": str(self.mode),
            "page_size": self.page_size,
        }

    @classmethod
    def from_dict(cls, data: dict) -> ScanProfile:
        return cls(
            device=str(data["device"]),
            source=Source(data.get("source", Source.FLATBED)),
            resolution=int(data.get("resolution", 300)),
            mode=ColourMode(data.get("mode", ColourMode.GRAY)),
            page_size=str(data.get("page_size", "A4")),
        )


@dataclass(frozen=True)
class DeviceInfo:
    name: str
    vendor: str
    model: str
    kind: str
    sources: tuple[Source, ...] = (Source.FLATBED,)
    resolutions: tuple[int, ...] = (150, 200, 300)
    modes: tuple[ColourMode, ...] = (ColourMode.GRAY,)

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.model} ({self.name})".strip()


class ScanFault(StrEnum):
    JAMMED = "jammed"
    NO_DOCS = "no_docs"
    COVER_OPEN = "cover_open"
    IO_ERROR = "io_error"
    DEVICE_BUSY = "device_busy"
    DISCONNECTED = "disconnected"
    WORKER_DIED = "worker_died"
    TIMEOUT = "timeout"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"

    def text(self, lang: str) -> str:
        """What happened and what to do (catalogue ``scan.fault.*``), in ``lang``."""
        return tr(f"scan.fault.{self.value}", lang)

    @property
    def message(self) -> str:
        return self.text("vi")


@dataclass
class PageInfo:
    id: str
    path: Path
    width: int
    height: int
    dpi: int
    mode: ColourMode
    rotation: int = 0
    blank: bool = False
    skew_deg: float = 0.0
    thumb_path: Path | None = None
    origin: str = "scan"  # "scan" or "import" (imported images may stay lossless in the PDF)

    def to_dict(self) -> dict:
        # Paths are stored relative to the session folder so a moved profile still works.
        return {
            "id": self.id,
            "file": self.path.name,
            "width": self.width,
            "height": self.height,
            "dpi": self.dpi,
            "mode": str(self.mode),
            "rotation": self.rotation,
            "blank": self.blank,
            "skew_deg": self.skew_deg,
            "thumb": self.thumb_path.name if self.thumb_path else None,
            "origin": self.origin,
        }

    @classmethod
    def from_dict(cls, data: dict, folder: Path) -> PageInfo:
        return cls(
            id=data["id"],
            path=folder / data["file"],
            width=int(data["width"]),
            height=int(data["height"]),
            dpi=int(data["dpi"]),
            mode=ColourMode(data["mode"]),
            rotation=int(data.get("rotation", 0)) % 360,
            blank=bool(data.get("blank", False)),
            skew_deg=float(data.get("skew_deg", 0.0)),
            thumb_path=(folder / data["thumb"]) if data.get("thumb") else None,
            origin=str(data.get("origin", "scan")),
        )


@dataclass
class BatchOutcome:
    pages: list[PageInfo] = field(default_factory=list)
    fault: ScanFault | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.fault is None
