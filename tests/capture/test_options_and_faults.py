"""Vendors' option words → our profile, and scanner statuses → the officer's message."""

import pytest

from hcc_desk.core.capture.faults import fault_from_sane, open_fault
from hcc_desk.core.capture.model import ColourMode, ScanFault, ScanProfile, Source
from hcc_desk.core.capture.options import (
    OptionDesc,
    available_modes,
    available_sources,
    from_scanimage_help,
    nearest_resolution,
    plan,
)


def _opts(source=(), mode=(), depth=(), extra=()):
    out = [OptionDesc("resolution", range=(75, 600, 1))]
    if source:
        out.append(OptionDesc("source", choices=tuple(source)))
    if mode:
        out.append(OptionDesc("mode", choices=tuple(mode)))
    if depth:
        out.append(OptionDesc("depth", choices=tuple(depth)))
    return out + list(extra)


VENDORS = {
    "sane-test": (["Flatbed", "Automatic Document Feeder"], ["Gray", "Color"], [1, 8, 16]),
    "fujitsu": (
        ["Flatbed", "ADF Front", "ADF Back", "ADF Duplex"],
        ["Lineart", "Halftone", "Gray", "Color"],
        [],
    ),
    "brother": (
        [
            "FlatBed",
            "Automatic Document Feeder(left aligned)",
            "Automatic Document Feeder(left aligned,Duplex)",
        ],
        ["Black & White", "Gray[Error Diffusion]", "True Gray", "24bit Color"],
        [],
    ),
    "hp": (["Flatbed", "ADF", "Duplex"], ["Lineart", "Gray", "Color"], []),
    "canon": (["Flatbed", "ADF (Simplex)", "ADF (Duplex)"], ["Color", "Gray", "Lineart"], []),
    "epson-ds": (["ADF Front", "ADF Duplex"], ["Binary", "Gray", "Color"], []),
    "plustek": (["Normal", "Transparency", "Negative"], ["Lineart", "Gray", "Color"], []),
}


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_every_vendor_maps_to_our_sources_and_modes(vendor):
    sources, modes, depths = VENDORS[vendor]
    opts = _opts(sources, modes, depths)
    offered = available_sources(opts)
    for source in offered:
        settings = dict(plan(opts, ScanProfile("x", source, 300, ColourMode.GRAY)).settings)
        chosen = settings["source"]
        assert chosen in sources
        if source == Source.FLATBED:
            assert "adf" not in chosen.lower() and "feeder" not in chosen.lower()
        else:
            assert "back" not in chosen.lower() or "duplex" in chosen.lower()
    for mode in available_modes(opts):
        p = plan(opts, ScanProfile("x", Source.FLATBED, 300, mode))
        chosen = dict(p.settings).get("mode")
        assert chosen in modes
        if mode == ColourMode.COLOR:
            assert "olor" in chosen
        if mode == ColourMode.GRAY:
            assert "ray" in chosen


def test_specific_vendor_words():
    fuj = _opts(*VENDORS["fujitsu"])
    assert dict(plan(fuj, ScanProfile("x", Source.ADF)).settings)["source"] == "ADF Front"
    assert dict(plan(fuj, ScanProfile("x", Source.DUPLEX)).settings)["source"] == "ADF Duplex"
    bro = _opts(*VENDORS["brother"])
    settings = dict(plan(bro, ScanProfile("x", Source.ADF, mode=ColourMode.LINEART)).settings)
    assert settings["source"] == "Automatic Document Feeder(left aligned)"
    assert settings["mode"] == "Black & White"
    assert dict(plan(bro, ScanProfile("x", mode=ColourMode.GRAY)).settings)["mode"] == "True Gray"
    assert available_sources(_opts(*VENDORS["plustek"])) == (Source.FLATBED,)


def test_lineart_through_depth_1_or_thresholded_here():
    test = _opts(*VENDORS["sane-test"])
    p = plan(test, ScanProfile("x", mode=ColourMode.LINEART))
    assert ("mode", "Gray") in p.settings and ("depth", 1) in p.settings
    assert not p.threshold_here
    no_bw = _opts(["Flatbed"], ["Gray", "Color"])
    p = plan(no_bw, ScanProfile("x", mode=ColourMode.LINEART))
    assert dict(p.settings)["mode"] == "Gray" and p.threshold_here


def test_duplex_as_a_separate_switch():
    epson2 = _opts(
        ["Flatbed", "Automatic Document Feeder"],
        ["Gray", "Color"],
        extra=[OptionDesc("adf-mode", choices=("Simplex", "Duplex"))],
    )
    assert Source.DUPLEX in available_sources(epson2)
    p = plan(epson2, ScanProfile("x", Source.DUPLEX))
    assert ("source", "Automatic Document Feeder") in p.settings
    assert ("adf-mode", "Duplex") in p.settings and p.duplex


def test_duplex_not_offered_falls_back_to_the_feeder_with_a_note():
    p = plan(_opts(["Flatbed", "ADF"], ["Gray"]), ScanProfile("x", Source.DUPLEX))
    assert ("source", "ADF") in p.settings and not p.duplex and p.notes


def test_resolution_and_page_area():
    opts = [
        *_opts(["Flatbed"], ["Gray"]),
        OptionDesc("br-x", range=(0, 215.9, 0)),
        OptionDesc("br-y", range=(0, 250.0, 0)),
    ]
    p = dict(plan(opts, ScanProfile("x", resolution=300, page_size="A4")).settings)
    assert p["resolution"] == 300
    assert p["br-x"] == 210.0 and p["br-y"] == 250.0  # clipped to what the glass reaches
    listed = [OptionDesc("resolution", choices=(75, 150, 200, 600))]
    assert nearest_resolution(listed, 300) == 200


def test_scanimage_help_is_parsed():
    text = """
All options specific to device `test':
  Scan Mode:
    --mode Gray|Color [Gray]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --depth 1|8|16 [8]
    --resolution 1..1200dpi (in steps of 1) [50]
    --source Flatbed|Automatic Document Feeder [Flatbed]
    --three-pass-order RGB|RBG [inactive]
  Geometry:
    -x 0..300mm (in steps of 1) [80]
"""
    opts = {o.name: o for o in from_scanimage_help(text)}
    assert opts["mode"].choices == ("Gray", "Color")
    assert opts["depth"].choices == (1, 8, 16)
    assert opts["resolution"].range[:2] == (1.0, 1200.0)
    assert opts["source"].choices == ("Flatbed", "Automatic Document Feeder")
    assert not opts["three-pass-order"].active
    assert opts["br-x"].range[1] == 300.0


@pytest.mark.parametrize(
    ("raw", "fault"),
    [
        ("Document feeder jammed", ScanFault.JAMMED),
        ("Document feeder out of documents", ScanFault.NO_DOCS),
        ("Scanner cover is open", ScanFault.COVER_OPEN),
        ("Error during device I/O", ScanFault.IO_ERROR),
        ("Device busy", ScanFault.DEVICE_BUSY),
        ("Access to resource has been denied", ScanFault.DEVICE_BUSY),
        ("SANE_STATUS_JAMMED", ScanFault.JAMMED),
        ("Operation was cancelled", ScanFault.CANCELLED),
        (6, ScanFault.JAMMED),
        (7, ScanFault.NO_DOCS),
        (8, ScanFault.COVER_OPEN),
        (9, ScanFault.IO_ERROR),
        (3, ScanFault.DEVICE_BUSY),
        ("something new", ScanFault.UNKNOWN),
    ],
)
def test_sane_status_to_fault(raw, fault):
    assert fault_from_sane(raw) == fault


def test_opening_a_missing_device_is_disconnected():
    assert open_fault("Invalid argument") == ScanFault.DISCONNECTED
    assert open_fault(RuntimeError("Error during device I/O")) == ScanFault.DISCONNECTED
    assert open_fault("Device busy") == ScanFault.DEVICE_BUSY


def test_every_fault_has_a_vietnamese_and_an_english_message():
    for fault in ScanFault:
        assert fault.message and fault.text("en") and fault.message != fault.text("en")
    kept = [f for f in ScanFault if "giữ" in f.message]
    assert ScanFault.JAMMED in kept and ScanFault.WORKER_DIED in kept


def test_profile_round_trips():
    p = ScanProfile("epson2:net:10.0.0.5", Source.DUPLEX, 200, ColourMode.LINEART, "A5")
    assert ScanProfile.from_dict(p.to_dict()) == p
