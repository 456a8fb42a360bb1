"""Windows scanners through WIA (the Windows Image Acquisition service, WIA 2.0 drivers on
Windows 7+), behind the same backend interface as SANE, run inside the scanner worker process.

It uses WIA's automation layer ("WIA.DeviceManager", wiaaut.dll, part of Windows) through
pywin32 (win32com) or comtypes, whichever is installed. All COM access goes through a
``com_factory(progid)`` callable so the logic is unit-tested on Linux with a fake object graph
(tests/capture/test_wia.py); docs/scanning.md says how to try it on a real Windows PC.

Properties are found by their numeric WIA id (the names are localised on non-English Windows).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from .faults import BackendFault
from .model import ColourMode, DeviceInfo, ScanFault, Source
from .sane_worker import ScanBackend

SCANNER_DEVICE_TYPE = 1

# Device properties (wiadef.h).
DOCUMENT_HANDLING_CAPABILITIES = 3086
DOCUMENT_HANDLING_STATUS = 3087
DOCUMENT_HANDLING_SELECT = 3088
PAGES = 3096
FEEDER, FLATBED, DUPLEX = 0x001, 0x002, 0x004
FEED_READY = 0x001
DEVICE_NAME, DEVICE_MANUFACTURER = 7, 3  # WIA_DIP_DEV_NAME, WIA_DIP_VEND_DESC

# Item properties.
CUR_INTENT = 6146
XRES, YRES = 6147, 6148
XPOS, YPOS, XEXTENT, YEXTENT = 6149, 6150, 6151, 6152
DATATYPE, DEPTH = 4103, 4104
INTENT = {ColourMode.COLOR: 1, ColourMode.GRAY: 2, ColourMode.LINEART: 4}
DATATYPES = {ColourMode.COLOR: 3, ColourMode.GRAY: 2, ColourMode.LINEART: 0}
DEPTHS = {ColourMode.COLOR: 24, ColourMode.GRAY: 8, ColourMode.LINEART: 1}

FORMAT_BMP = "{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}"

# WIA HRESULTs (wiadef.h) → what the officer is told.
HRESULTS = {
    0x80210001: ScanFault.UNKNOWN,  # GENERAL_ERROR
    0x80210002: ScanFault.JAMMED,  # PAPER_JAM
    0x80210003: ScanFault.NO_DOCS,  # PAPER_EMPTY
    0x80210004: ScanFault.JAMMED,  # PAPER_PROBLEM
    0x80210005: ScanFault.DISCONNECTED,  # OFFLINE
    0x80210006: ScanFault.DEVICE_BUSY,  # BUSY
    0x80210007: ScanFault.DEVICE_BUSY,  # WARMING_UP
    0x80210008: ScanFault.COVER_OPEN,  # USER_INTERVENTION (a door or lid to close)
    0x80210009: ScanFault.DISCONNECTED,  # ITEM_DELETED
    0x8021000A: ScanFault.IO_ERROR,  # DEVICE_COMMUNICATION
    0x8021000B: ScanFault.UNKNOWN,  # INVALID_COMMAND
    0x8021000C: ScanFault.UNKNOWN,  # INCORRECT_HARDWARE_SETTING
    0x8021000D: ScanFault.DEVICE_BUSY,  # DEVICE_LOCKED
    0x8021000E: ScanFault.UNKNOWN,  # EXCEPTION_IN_DRIVER
    0x8021000F: ScanFault.UNKNOWN,  # INVALID_DRIVER_RESPONSE
    0x80210015: ScanFault.DISCONNECTED,  # S_NO_DEVICE_AVAILABLE
    0x80210016: ScanFault.COVER_OPEN,  # COVER_OPEN
    0x80210017: ScanFault.DEVICE_BUSY,  # LAMP_OFF
    0x80070015: ScanFault.DISCONNECTED,  # ERROR_NOT_READY
    0x8007001F: ScanFault.DISCONNECTED,  # ERROR_GEN_FAILURE (unplugged mid-scan)
}


def hresult_of(exc: BaseException) -> int | None:
    """The HRESULT of a pywin32 com_error or comtypes COMError, as an unsigned 32-bit int."""
    candidates = [getattr(exc, "hresult", None)]
    excepinfo = getattr(exc, "excepinfo", None)
    if excepinfo and len(excepinfo) > 5:
        candidates.insert(0, excepinfo[5])  # the driver's scode is the specific one
    if exc.args:
        candidates.append(exc.args[0])
        if len(exc.args) > 2 and isinstance(exc.args[2], tuple) and len(exc.args[2]) > 5:
            candidates.insert(0, exc.args[2][5])
    for value in candidates:
        if isinstance(value, int) and value:
            return value & 0xFFFFFFFF
    return None


def fault_from_com(exc: BaseException) -> ScanFault:
    code = hresult_of(exc)
    return HRESULTS.get(code, ScanFault.UNKNOWN) if code is not None else ScanFault.UNKNOWN


def default_com_factory(progid: str):
    try:
        import win32com.client  # pywin32

        return win32com.client.Dispatch(progid)
    except ImportError:
        import comtypes.client

        return comtypes.client.CreateObject(progid)


def _items(collection):
    """A WIA collection (1-based Item(i), Count) as a Python list."""
    count = int(collection.Count)
    return [collection.Item(i) for i in range(1, count + 1)]


def _prop(obj, prop_id: int):
    for p in _items(obj.Properties):
        if int(p.PropertyID) == prop_id:
            return p
    return None


def _get(obj, prop_id: int, default=None):
    p = _prop(obj, prop_id)
    return default if p is None else p.Value


def _set(obj, prop_id: int, value) -> bool:
    p = _prop(obj, prop_id)
    if p is None:
        return False
    try:
        p.Value = value
    except Exception:  # noqa: BLE001 - COM error: a value the driver refuses, keep its own
        return False
    return True


def _subrange(p) -> tuple[int, ...]:
    """Allowed values of a property: its list, or a few common values inside its range."""
    try:
        if getattr(p, "SubType", 0) == 2:  # ListSubType
            return tuple(int(v) for v in p.SubTypeValues)
        if getattr(p, "SubType", 0) == 1:  # RangeSubType
            lo, hi = int(p.SubTypeMin), int(p.SubTypeMax)
            return tuple(r for r in (100, 150, 200, 300, 400, 600) if lo <= r <= hi)
    except Exception:  # noqa: BLE001, S110 - COM error reading the range: common values below
        pass
    return (150, 200, 300)


class WiaBackend(ScanBackend):
    name = "wia"

    def __init__(
        self,
        com_factory: Callable[[str], object] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self._com = com_factory or default_com_factory
        self._sleep = sleep
        try:
            self._manager = self._com("WIA.DeviceManager")
        except Exception as exc:
            raise ImportError(f"WIA is not available: {exc}") from exc

    def _scanner_infos(self):
        return [i for i in _items(self._manager.DeviceInfos) if int(i.Type) == SCANNER_DEVICE_TYPE]

    def devices(self) -> list[DeviceInfo]:
        out = []
        for info in self._scanner_infos():
            name = str(_get(info, DEVICE_NAME, "") or info.DeviceID)
            vendor = str(_get(info, DEVICE_MANUFACTURER, "") or "")
            sources: tuple[Source, ...] = (Source.FLATBED,)
            resolutions: tuple[int, ...] = (150, 200, 300)
            try:
                device = info.Connect()
                caps = int(_get(device, DOCUMENT_HANDLING_CAPABILITIES, FLATBED) or FLATBED)
                sources = tuple(
                    s
                    for s, bit in (
                        (Source.FLATBED, FLATBED),
                        (Source.ADF, FEEDER),
                        (Source.DUPLEX, DUPLEX),
                    )
                    if caps & bit
                ) or (Source.FLATBED,)
                item = _items(device.Items)[0]
                xres = _prop(item, XRES)
                if xres is not None:
                    resolutions = _subrange(xres)
            except Exception:  # noqa: BLE001, S110 - COM error: busy or asleep, listed with defaults
                pass
            out.append(
                DeviceInfo(
                    name=str(info.DeviceID),
                    vendor=vendor,
                    model=name,
                    kind="WIA scanner",
                    sources=sources,
                    resolutions=resolutions,
                    modes=(ColourMode.COLOR, ColourMode.GRAY, ColourMode.LINEART),
                )
            )
        return out

    def _connect(self, device_id: str):
        for info in self._scanner_infos():
            if str(info.DeviceID) == device_id or str(_get(info, DEVICE_NAME, "")) == device_id:
                try:
                    return info.Connect()
                except Exception as exc:
                    raise BackendFault(
                        fault_from_com(exc)
                        if fault_from_com(exc) != ScanFault.UNKNOWN
                        else ScanFault.DISCONNECTED,
                        f"connect {device_id}: {exc}",
                    ) from exc
        raise BackendFault(ScanFault.DISCONNECTED, f"no WIA scanner {device_id}")

    def scan(self, profile, *, extra, options_after, progress, should_stop):
        from PIL import Image

        device = self._connect(profile.device)
        feeder = profile.source != Source.FLATBED
        select = {Source.FLATBED: FLATBED, Source.ADF: FEEDER, Source.DUPLEX: FEEDER | DUPLEX}[
            Source(profile.source)
        ]
        caps = int(_get(device, DOCUMENT_HANDLING_CAPABILITIES, FLATBED) or FLATBED)
        if select & ~caps & (FEEDER | DUPLEX):
            select &= caps | FLATBED
        _set(device, DOCUMENT_HANDLING_SELECT, select)
        if feeder:
            _set(device, PAGES, 1)  # one page per transfer: each is stored before the next
        item = _items(device.Items)[0]
        mode = ColourMode(profile.mode)
        _set(item, CUR_INTENT, INTENT[mode])
        _set(item, DATATYPE, DATATYPES[mode])
        _set(item, DEPTH, DEPTHS[mode])
        dpi = int(profile.resolution)
        _set(item, XRES, dpi)
        _set(item, YRES, dpi)
        dpi = int(_get(item, XRES, dpi) or dpi)
        for prop_id, value in extra.items():
            _set(item, int(prop_id), value)
        count = 0
        while True:
            if should_stop():
                raise BackendFault(ScanFault.CANCELLED, "cancelled")
            if (
                feeder
                and count
                and not (int(_get(device, DOCUMENT_HANDLING_STATUS, FEED_READY) or 0) & FEED_READY)
            ):
                return  # the feeder says it is empty: the normal end of a batch
            progress(0.0)
            try:
                image_file = item.Transfer(FORMAT_BMP)
            except Exception as exc:
                fault = fault_from_com(exc)
                if fault == ScanFault.NO_DOCS and count:
                    return
                raise BackendFault(fault, f"WIA transfer: {exc}") from exc
            data = bytes(image_file.FileData.BinaryData)
            img = Image.open(io.BytesIO(data))
            img.load()
            count += 1
            progress(1.0)
            yield img, dpi
            if not feeder:
                return
