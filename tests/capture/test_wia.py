"""The WIA backend against a fake of WIA's automation objects (real WIA needs Windows:
docs/scanning.md says how to try it there)."""

import io

import pytest
from PIL import Image

from hcc_desk.core.capture import wia
from hcc_desk.core.capture.faults import BackendFault
from hcc_desk.core.capture.model import ColourMode, ScanFault, ScanProfile, Source


class Prop:
    def __init__(self, pid, value, sub=None):
        self.PropertyID, self.Value = pid, value
        self.SubType, self.SubTypeValues = (2, sub) if sub else (0, None)


class Coll:
    def __init__(self, items):
        self._items = list(items)

    @property
    def Count(self):
        return len(self._items)

    def Item(self, i):  # 1-based, as WIA's collections
        return self._items[i - 1]


class ComError(Exception):
    def __init__(self, hresult):
        super().__init__(hresult, "COM error", None, None)
        self.hresult = hresult - (1 << 32)  # pywin32 gives a signed int


class FakeItem:
    def __init__(self, device):
        self.device = device
        self.props = {
            p.PropertyID: p
            for p in (
                Prop(wia.CUR_INTENT, 0),
                Prop(wia.XRES, 150, sub=[100, 150, 200, 300]),
                Prop(wia.YRES, 150),
                Prop(wia.DATATYPE, 3),
                Prop(wia.DEPTH, 24),
            )
        }
        self.Properties = Coll(self.props.values())

    def Transfer(self, fmt):
        assert fmt == wia.FORMAT_BMP
        dev = self.device
        if dev.fail_at is not None and dev.transfers == dev.fail_at:
            raise ComError(dev.fail_code)
        if dev.sheets == 0:
            raise ComError(0x80210003)  # WIA_ERROR_PAPER_EMPTY
        dev.transfers += 1
        if dev.props[wia.DOCUMENT_HANDLING_SELECT].Value & wia.FEEDER:
            dev.sheets -= 1
            dev.props[wia.DOCUMENT_HANDLING_STATUS].Value = wia.FEED_READY if dev.sheets else 0
        dpi = self.props[wia.XRES].Value
        img = Image.new("L", (dpi * 2, dpi * 3), 255)
        buf = io.BytesIO()
        img.save(buf, format="BMP")
        return type("ImageFile", (), {"FileData": type("V", (), {"BinaryData": buf.getvalue()})})


class FakeDevice:
    def __init__(self, sheets=5, fail_at=None, fail_code=0):
        self.sheets, self.transfers, self.fail_at, self.fail_code = sheets, 0, fail_at, fail_code
        self.props = {
            p.PropertyID: p
            for p in (
                Prop(wia.DOCUMENT_HANDLING_CAPABILITIES, wia.FEEDER | wia.FLATBED | wia.DUPLEX),
                Prop(wia.DOCUMENT_HANDLING_SELECT, wia.FLATBED),
                Prop(wia.DOCUMENT_HANDLING_STATUS, wia.FEED_READY),
                Prop(wia.PAGES, 0),
            )
        }
        self.Properties = Coll(self.props.values())
        self.item = FakeItem(self)
        self.Items = Coll([self.item])


class FakeInfo:
    def __init__(self, device, device_id="{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001"):
        self.Type, self.DeviceID, self.device = 1, device_id, device
        self.Properties = Coll(
            [Prop(wia.DEVICE_NAME, "Canon DR-C225"), Prop(wia.DEVICE_MANUFACTURER, "Canon")]
        )

    def Connect(self):
        return self.device


def _backend(device):
    camera = type("Camera", (), {"Type": 2, "DeviceID": "cam", "Properties": Coll([])})()
    manager = type("DM", (), {"DeviceInfos": Coll([camera, FakeInfo(device)])})()
    return wia.WiaBackend(com_factory=lambda progid: manager)


def _scan(backend, profile):
    return list(
        backend.scan(
            profile, extra={}, options_after={}, progress=lambda f: None, should_stop=lambda: False
        )
    )


def test_lists_scanners_with_their_sources_and_resolutions():
    (dev,) = _backend(FakeDevice()).devices()  # the camera is not listed
    assert dev.model == "Canon DR-C225" and dev.vendor == "Canon"
    assert set(dev.sources) == {Source.FLATBED, Source.ADF, Source.DUPLEX}
    assert dev.resolutions == (100, 150, 200, 300)


def test_feeder_scans_until_empty_with_the_profile_applied():
    device = FakeDevice(sheets=4)
    backend = _backend(device)
    pages = _scan(backend, ScanProfile(backend.devices()[0].name, Source.ADF, 300, ColourMode.GRAY))
    assert len(pages) == 4
    assert all(dpi == 300 and img.size == (600, 900) for img, dpi in pages)
    assert device.props[wia.DOCUMENT_HANDLING_SELECT].Value == wia.FEEDER
    assert device.item.props[wia.CUR_INTENT].Value == 2  # grayscale intent
    assert device.item.props[wia.DATATYPE].Value == 2 and device.item.props[wia.DEPTH].Value == 8


def test_flatbed_scans_one_page_and_device_found_by_name():
    device = FakeDevice()
    pages = _scan(
        _backend(device), ScanProfile("Canon DR-C225", Source.FLATBED, 150, ColourMode.LINEART)
    )
    assert len(pages) == 1
    assert device.item.props[wia.CUR_INTENT].Value == 4  # text (black and white)


@pytest.mark.parametrize(
    ("code", "fault"),
    [
        (0x80210002, ScanFault.JAMMED),
        (0x80210016, ScanFault.COVER_OPEN),
        (0x80210006, ScanFault.DEVICE_BUSY),
        (0x8021000A, ScanFault.IO_ERROR),
        (0x80210005, ScanFault.DISCONNECTED),
        (0x80210001, ScanFault.UNKNOWN),
    ],
)
def test_wia_errors_become_faults_after_the_pages_already_out(code, fault):
    device = FakeDevice(sheets=5, fail_at=2, fail_code=code)
    got = []

    def scan_all() -> None:
        for page in _backend(device).scan(
            ScanProfile("Canon DR-C225", Source.ADF),
            extra={},
            options_after={},
            progress=lambda f: None,
            should_stop=lambda: False,
        ):
            got.append(page)

    with pytest.raises(BackendFault) as err:
        scan_all()
    assert err.value.fault == fault and len(got) == 2


def test_empty_feeder_at_start_is_no_docs():
    with pytest.raises(BackendFault) as err:
        _scan(_backend(FakeDevice(sheets=0)), ScanProfile("Canon DR-C225", Source.ADF))
    assert err.value.fault == ScanFault.NO_DOCS


def test_unknown_device_is_disconnected():
    with pytest.raises(BackendFault) as err:
        _scan(_backend(FakeDevice()), ScanProfile("HP nowhere"))
    assert err.value.fault == ScanFault.DISCONNECTED


def test_no_wia_means_import_error_so_the_worker_reports_no_backend():
    def factory(progid):
        raise OSError("Class not registered")

    with pytest.raises(ImportError):
        wia.WiaBackend(com_factory=factory)


def test_hresult_from_pywin32_style_excepinfo():
    exc = Exception(
        -2147352567, "Exception occurred.", (0, None, None, None, 0, -2145320958), None
    )  # scode 0x80210002
    assert wia.fault_from_com(exc) == ScanFault.JAMMED
