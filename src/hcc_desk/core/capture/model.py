"""The plain values capture passes around: profiles, devices, pages, faults, batch outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


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


# Messages say what happened and what to do; the officer reads them at the counter.
_MESSAGES: dict[str, tuple[str, str]] = {
    "jammed": (
        "Kẹt giấy trong máy quét. Mở máy, gỡ tờ bị kẹt, đặt lại các tờ chưa quét rồi "
        "bấm “Tiếp tục quét”. Các trang đã quét vẫn được giữ.",
        "Paper jam. Open the scanner, remove the jammed sheet, reload the sheets not yet "
        "scanned and press Continue. Pages already scanned are kept.",
    ),
    "no_docs": (
        "Khay nạp giấy trống. Đặt giấy vào khay rồi bấm “Tiếp tục quét”.",
        "The document feeder is empty. Load the paper and press Continue.",
    ),
    "cover_open": (
        "Nắp máy quét đang mở. Đóng nắp rồi bấm “Tiếp tục quét”. Các trang đã quét vẫn được giữ.",
        "The scanner cover is open. Close it and press Continue. Pages already scanned are kept.",
    ),
    "io_error": (
        "Lỗi truyền dữ liệu với máy quét. Kiểm tra cáp / nguồn của máy rồi thử lại. "
        "Các trang đã quét vẫn được giữ.",
        "Communication error with the scanner. Check its cable and power, then try "
        "again. Pages already scanned are kept.",
    ),
    "device_busy": (
        "Máy quét đang bận (có thể một máy tính khác đang dùng). Chờ giây lát rồi thử lại.",
        "The scanner is busy (perhaps another computer is using it). Wait a moment and try again.",
    ),
    "disconnected": (
        "Không tìm thấy máy quét hoặc máy đã bị ngắt kết nối. Kiểm tra cáp, nguồn "
        "và mạng rồi thử lại. Các trang đã quét vẫn được giữ.",
        "The scanner cannot be found or was disconnected. Check its cable, power "
        "and network, then try again. Pages already scanned are kept.",
    ),
    "worker_died": (
        "Trình điều khiển máy quét bị lỗi và đã dừng. Ứng dụng vẫn chạy bình thường, "
        "các trang đã quét vẫn được giữ. Bấm Quét tiếp để thử lại; nếu lặp lại, hãy "
        "tắt/bật máy quét.",
        "The scanner driver crashed. The app is still running and the pages already "
        "scanned are kept. Press Continue to try again; if it happens again, switch "
        "the scanner off and on.",
    ),
    "timeout": (
        "Máy quét không phản hồi. Các trang đã quét vẫn được giữ. Kiểm tra máy quét "
        "(giấy, nắp, nguồn) rồi bấm “Tiếp tục quét”.",
        "The scanner stopped responding. Pages already scanned are kept. Check the "
        "scanner (paper, cover, power) and press Continue.",
    ),
    "cancelled": (
        "Đã dừng quét theo yêu cầu. Các trang đã quét vẫn được giữ.",
        "Scanning was stopped on request. Pages already scanned are kept.",
    ),
    "unknown": (
        "Máy quét báo lỗi không xác định. Các trang đã quét vẫn được giữ. Hãy thử lại; "
        "nếu lặp lại, tắt/bật máy quét.",
        "The scanner reported an unknown error. Pages already scanned are kept. Try "
        "again; if it happens again, switch the scanner off and on.",
    ),
}


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

    @property
    def message(self) -> str:
        return _MESSAGES[self.value][0]

    @property
    def message_en(self) -> str:
        return _MESSAGES[self.value][1]


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
