"""Our profile (source, colour mode, resolution, page size) in each vendor's option words.

Backends name the same thing differently: the feeder is "Automatic Document Feeder", "ADF",
"ADF Front", "Document Feeder"…; duplex is a source ("ADF Duplex", "Duplex") or a separate
switch (epson2's ``adf-mode`` = "Duplex"); black-and-white is "Lineart", "Binary",
"Black & White", or only ``depth`` = 1. The functions here are pure: they take the device's
option descriptions and return the settings to apply, so every vendor case is unit-tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import ColourMode, ScanProfile, Source

PAGE_SIZES_MM = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "A3": (297.0, 420.0),
    "LETTER": (215.9, 279.4),
    "LEGAL": (215.9, 355.6),
}


@dataclass(frozen=True)
class OptionDesc:
    """One device option: ``choices`` for string/word lists, ``range`` for (min, max, step)."""

    name: str
    choices: tuple = ()
    range: tuple | None = None
    active: bool = True


@dataclass
class OptionPlan:
    settings: list[tuple[str, object]] = field(default_factory=list)
    # The device cannot do black-and-white itself: scan grey and threshold here.
    threshold_here: bool = False
    # Duplex was asked for and the device can feed both sides.
    duplex: bool = False
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.settings)


SOURCE_OPTION_NAMES = (
    "source",
    "scan-source",
    "doc-source",
    "document-source",
    "scansource",
    "feeder",
    "input-source",
)
MODE_OPTION_NAMES = ("mode", "scan-mode", "color-mode", "colour-mode", "scanmode")


def _norm(text: str) -> str:
    return " ".join(str(text).lower().replace("_", " ").replace("-", " ").split())


def _is_duplex(word: str) -> bool:
    w = _norm(word)
    return "duplex" in w or "both" in w or "two sided" in w or "2 sided" in w


def _is_feeder(word: str) -> bool:
    w = _norm(word)
    return (
        any(k in w for k in ("adf", "feeder", "automatic document", "document feeder", "sheet"))
        or w in ("adf front", "adf back", "front", "back")
        or _is_duplex(w)
    )


def _is_flatbed(word: str) -> bool:
    w = _norm(word)
    return any(
        k in w for k in ("flatbed", "flat bed", "platen", "document table", "glass")
    ) or w in ("normal", "fb")


def classify_source(word: str) -> Source | None:
    if _is_duplex(word):
        return Source.DUPLEX
    if _is_flatbed(word):
        return Source.FLATBED
    if _is_feeder(word):
        if _norm(word) in ("adf back", "back"):
            return None  # back side only: never what an officer wants
        return Source.ADF
    return None


def classify_mode(word: str) -> ColourMode | None:
    w = _norm(word)
    if any(
        k in w
        for k in (
            "lineart",
            "line art",
            "binary",
            "black & white",
            "black and white",
            "black white",
            "monochrome",
            "bw",
            "b/w",
            "1bit",
            "1 bit",
            "halftone",
            "thresholded",
        )
    ):
        return ColourMode.LINEART if "halftone" not in w else None
    if any(k in w for k in ("gray", "grey", "grayscale", "greyscale")):
        return ColourMode.GRAY
    if any(k in w for k in ("color", "colour", "rgb", "24bit", "24 bit")):
        return ColourMode.COLOR
    return None


def _find(options: list[OptionDesc], names: tuple[str, ...]) -> OptionDesc | None:
    by_name = {o.name.lower(): o for o in options if o.active}
    for name in names:
        if name in by_name:
            return by_name[name]
    return None


def _best_choice(choices, wanted, classify) -> str | None:
    matching = [c for c in choices if classify(c) == wanted]
    if not matching:
        return None
    # Prefer the plainest word: "ADF" over "ADF Front"; "Flatbed" over "Flatbed (TPU)".
    return min(matching, key=lambda c: (len(str(c)), str(c)))


def available_sources(options: list[OptionDesc]) -> tuple[Source, ...]:
    src = _find(options, SOURCE_OPTION_NAMES)
    found = {classify_source(c) for c in src.choices} if src else set()
    found.discard(None)
    if not found:
        found = {Source.FLATBED}
    adf_mode = _find(options, ("adf-mode", "adf_mode", "duplex"))
    if (
        Source.ADF in found
        and adf_mode is not None
        and (not adf_mode.choices or any(_is_duplex(c) for c in adf_mode.choices))
    ):
        found.add(Source.DUPLEX)
    return tuple(s for s in Source if s in found)


def available_modes(options: list[OptionDesc]) -> tuple[ColourMode, ...]:
    opt = _find(options, MODE_OPTION_NAMES)
    found = {classify_mode(c) for c in opt.choices} if opt else {ColourMode.GRAY}
    found.discard(None)
    depth = _find(options, ("depth", "bit-depth"))
    if depth and 1 in depth.choices:
        found.add(ColourMode.LINEART)
    # Black-and-white can always be made here from grey.
    if ColourMode.GRAY in found:
        found.add(ColourMode.LINEART)
    return tuple(m for m in ColourMode if m in found)


def available_resolutions(options: list[OptionDesc]) -> tuple[int, ...]:
    opt = _find(options, ("resolution", "x-resolution", "scan-resolution"))
    common = (100, 150, 200, 240, 300, 400, 600)
    if opt is None:
        return (300,)
    if opt.choices:
        return tuple(sorted(round(float(c)) for c in opt.choices))
    if opt.range:
        lo, hi = float(opt.range[0]), float(opt.range[1])
        return tuple(r for r in common if lo <= r <= hi) or (int(lo),)
    return common


def nearest_resolution(options: list[OptionDesc], wanted: int) -> int:
    offered = available_resolutions(options)
    return min(offered, key=lambda r: (abs(r - wanted), -r))


def plan(options: list[OptionDesc], profile: ScanProfile) -> OptionPlan:
    """The option settings that make this device scan as ``profile`` asks, in the order to set
    them (source first: on many backends it changes which other options exist)."""
    out = OptionPlan()
    # Source.
    src = _find(options, SOURCE_OPTION_NAMES)
    if src is not None and src.choices:
        value = None
        if profile.source == Source.DUPLEX:
            value = _best_choice(src.choices, Source.DUPLEX, classify_source)
            if value is not None:
                out.duplex = True
            else:
                value = _best_choice(src.choices, Source.ADF, classify_source)
                adf_mode = _find(options, ("adf-mode", "adf_mode"))
                duplex_choice = (
                    _best_choice(adf_mode.choices, True, _is_duplex)
                    if adf_mode is not None and adf_mode.choices
                    else None
                )
                switch = _find(options, ("duplex",))
                if value is not None and adf_mode is not None and duplex_choice is not None:
                    out.settings.append((src.name, value))
                    out.settings.append((adf_mode.name, duplex_choice))
                    out.duplex = True
                    value = None
                elif value is not None and switch is not None:
                    out.settings.append((src.name, value))
                    out.settings.append((switch.name, True))
                    out.duplex = True
                    value = None
                elif value is not None:
                    out.notes.append("duplex not offered: scanning front sides only")
        else:
            value = _best_choice(src.choices, profile.source, classify_source)
            if value is None and profile.source == Source.ADF:
                value = _best_choice(src.choices, Source.DUPLEX, classify_source)
                if value is not None:
                    out.notes.append("feeder only offered as duplex")
                    out.duplex = True
        if value is not None:
            out.settings.append((src.name, value))
        elif not any(name == src.name for name, _ in out.settings):
            out.notes.append(f"source {profile.source} not offered by the device")
    # Colour mode.
    mode_opt = _find(options, MODE_OPTION_NAMES)
    depth = _find(options, ("depth", "bit-depth"))
    wanted = profile.mode
    if mode_opt is not None and mode_opt.choices:
        value = _best_choice(mode_opt.choices, wanted, classify_mode)
        if value is None and wanted == ColourMode.LINEART:
            value = _best_choice(mode_opt.choices, ColourMode.GRAY, classify_mode)
            if depth is not None and 1 in depth.choices:
                out.settings.append((mode_opt.name, value))
                out.settings.append((depth.name, 1))
                value = None
            else:
                out.threshold_here = True
        if value is not None:
            out.settings.append((mode_opt.name, value))
            if depth is not None and 8 in depth.choices and wanted != ColourMode.LINEART:
                out.settings.append((depth.name, 8))
        elif not any(name == mode_opt.name for name, _ in out.settings):
            out.notes.append(f"mode {wanted} not offered by the device")
    # Resolution.
    res = _find(options, ("resolution", "x-resolution", "scan-resolution"))
    if res is not None:
        out.settings.append((res.name, nearest_resolution(options, profile.resolution)))
        yres = _find(options, ("y-resolution",))
        if yres is not None and res.name == "x-resolution":
            out.settings.append((yres.name, nearest_resolution(options, profile.resolution)))
    # Scan area: the page size, clipped to what the device can reach.
    size = PAGE_SIZES_MM.get(profile.page_size.upper())
    if size is not None:
        for corner in ("tl-x", "tl-y"):
            opt = _find(options, (corner,))
            if opt is not None:
                out.settings.append((opt.name, float(opt.range[0]) if opt.range else 0.0))
        for corner, length in (("br-x", size[0]), ("br-y", size[1])):
            opt = _find(options, (corner,))
            if opt is not None:
                top = float(opt.range[1]) if opt.range else length
                out.settings.append((opt.name, min(length, top)))
    return out


def from_python_sane(raw_options) -> list[OptionDesc]:
    """python-sane's get_options() tuples → OptionDesc (groups and buttons skipped)."""
    out = []
    for opt in raw_options:
        _index, name, _title, _desc, type_, _unit, _size, cap, constraint = opt
        if not name or type_ in (4, 5):  # button, group
            continue
        choices, rng = (), None
        if isinstance(constraint, list):
            choices = tuple(constraint)
        elif isinstance(constraint, tuple):
            rng = constraint
        active = not (cap & 32)  # SANE_CAP_INACTIVE
        out.append(OptionDesc(name=name, choices=choices, range=rng, active=active))
    return out


def from_scanimage_help(text: str) -> list[OptionDesc]:
    """Parse ``scanimage -d DEV -A`` lines like ``--source Flatbed|ADF [Flatbed]`` or
    ``--resolution 1..1200dpi (in steps of 1) [300]`` or ``-x 0..215.9mm [215.9]``."""
    import re

    out = []
    for line in text.splitlines():
        m = re.match(r"\s+(--?[A-Za-z][\w-]*)\s+(.*?)(\s+\[(.*)\])?\s*$", line)
        if not m:
            continue
        flag, spec = m.group(1), m.group(2)
        name = {"-l": "tl-x", "-t": "tl-y", "-x": "br-x", "-y": "br-y"}.get(flag, flag.lstrip("-"))
        inactive = m.group(4) == "inactive"
        rng = None
        choices: tuple = ()
        rm = re.match(r"(-?[\d.]+)\.\.(-?[\d.]+)", spec)
        if rm:
            rng = (float(rm.group(1)), float(rm.group(2)), 0)
        elif "|" in spec:
            parts = [p.strip() for p in re.sub(r"(dpi|mm|bit)$", "", spec.strip()).split("|")]
            parts[-1] = re.sub(r"(dpi|mm|bit)$", "", parts[-1])
            choices = tuple(int(p) if p.isdigit() else p for p in parts if p)
        out.append(OptionDesc(name=name, choices=choices, range=rng, active=not inactive))
    return out
