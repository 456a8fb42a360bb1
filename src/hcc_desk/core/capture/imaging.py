"""Page clean-up with PIL only: deskew, blank-page detection, rotation and B/W thresholding.

Everything that measures works on a small copy (about 75 dpi): an A4 page at 300 dpi is 8.7
megapixels, while its skew and its emptiness are visible at a sixteenth of that.
"""

from __future__ import annotations

from PIL import Image

from .model import ColourMode

ANALYSIS_DPI = 75
MAX_SKEW_DEG = 5.0
_WHITE: dict[str, int | tuple[int, int, int]] = {"1": 1, "L": 255, "RGB": (255, 255, 255)}


def normalise(img: Image.Image) -> Image.Image:
    """Any PIL image → one of "1", "L" or "RGB" (alpha flattened on white, palettes expanded)."""
    if img.mode in ("1", "L", "RGB"):
        return img
    if img.mode in ("RGBA", "LA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        base = Image.new("RGB", rgba.size, (255, 255, 255))
        base.paste(rgba, mask=rgba.getchannel("A"))
        return base
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        return img.point(lambda v: v / 256).convert("L")  # 16-bit scans: keep the top byte
    return img.convert("RGB")


def mode_of(img: Image.Image) -> ColourMode:
    return {"1": ColourMode.LINEART, "L": ColourMode.GRAY}.get(img.mode, ColourMode.COLOR)


def small_gray(img: Image.Image, dpi: int, target_dpi: int = ANALYSIS_DPI) -> Image.Image:
    factor = max(1, round(dpi / target_dpi))
    if img.mode not in ("L", "RGB"):
        img = img.convert("L")
    small = img.reduce(factor) if factor > 1 else img  # reduce first: converting is per pixel
    return small if small.mode == "L" else small.convert("L")


def otsu_threshold(grey: Image.Image) -> int:
    """The grey level that best separates ink from paper (Otsu's method on the histogram)."""
    hist = grey.histogram()[:256]
    total = sum(hist)
    if total == 0:
        return 128
    sum_all = sum(i * h for i, h in enumerate(hist))
    best, best_t, w_b, sum_b = -1.0, 128, 0, 0.0
    for t in range(256):
        w_b += hist[t]
        if w_b == 0:
            continue
        w_f = total - w_b
        if w_f == 0:
            break
        sum_b += t * hist[t]
        m_b, m_f = sum_b / w_b, (sum_all - sum_b) / w_f
        between = w_b * w_f * (m_b - m_f) ** 2
        if between > best:
            best, best_t = between, t
    return best_t


def to_bilevel(img: Image.Image, threshold: int | None = None) -> Image.Image:
    """Black-and-white ("1") with a threshold chosen per page; ink stays ink on grey paper."""
    if img.mode == "1":
        return img
    grey = img if img.mode == "L" else img.convert("L")
    if threshold is None:
        # Otsu on a small copy is as good as on the full page and 16x cheaper.
        t = otsu_threshold(grey.reduce(4) if min(grey.size) > 400 else grey)
        # A page with almost no ink has a meaningless Otsu split: keep a sane paper/ink cut.
        threshold = min(max(t, 60), 200)
    lut = [255 if v > threshold else 0 for v in range(256)]
    return grey.point(lut, "1")


def convert_to_mode(img: Image.Image, mode: ColourMode) -> Image.Image:
    img = normalise(img)
    if mode == ColourMode.LINEART:
        return to_bilevel(img)
    if mode == ColourMode.GRAY:
        return img if img.mode == "L" else img.convert("L")
    return img if img.mode == "RGB" else img.convert("RGB")


def _paper_level(hist: list[int], share: float = 0.10) -> int:
    """The brightness the brightest ``share`` of pixels reach: the paper's tone."""
    total = sum(hist) or 1
    acc = 0
    for level in range(255, -1, -1):
        acc += hist[level]
        if acc >= total * share:
            return level
    return 255


def _core(small: Image.Image) -> Image.Image:
    """The page without a 6 % margin: lid shadows and punched holes live at the edges."""
    w, h = small.size
    mx, my = max(1, w * 6 // 100), max(1, h * 6 // 100)
    return small.crop((mx, my, w - mx, h - my)) if w > 2 * mx and h > 2 * my else small


def ink_ratio(img: Image.Image, dpi: int) -> float:
    """Share of the page (margins ignored) clearly darker than its paper."""
    core = _core(small_gray(img, dpi, 50))
    hist = core.histogram()
    cut = max(0, _paper_level(hist) - 60)
    return sum(hist[:cut]) / (sum(hist) or 1)


def inked_tiles(img: Image.Image, dpi: int) -> int:
    """How many ~1 cm squares of the page (margins ignored) hold some ink. A line of small
    text touches dozens; a speck of dust or scanner noise, one at most."""
    core = _core(small_gray(img, dpi, 100))
    cut = max(0, _paper_level(core.histogram()) - 50)
    dark = core.point([255 if v < cut else 0 for v in range(256)])  # L: ink = 255
    tile = max(1, round(min(dpi, 100) / 2.54))  # ~1 cm at the analysis resolution
    shares = dark.reduce(tile).histogram()
    return sum(shares[4:])  # ≥ ~1.5 % of the square dark


def is_blank(img: Image.Image, dpi: int, min_tiles: int = 3) -> bool:
    """True when the page looks empty. Only a flag for the officer: pages are never dropped."""
    return inked_tiles(img, dpi) < min_tiles


def _profile_score(small: Image.Image, angle: float, fill: int) -> float:
    rotated = small.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=fill)
    rows = rotated.resize(
        (1, rotated.height), Image.Resampling.BOX
    ).tobytes()  # one byte per row (L)
    # Aligned text lines make sharp steps between ink rows and gap rows.
    return float(sum((rows[i] - rows[i - 1]) ** 2 for i in range(1, len(rows))))


def estimate_skew(img: Image.Image, dpi: int, max_deg: float = MAX_SKEW_DEG) -> float:
    """Skew in degrees (counter-clockwise positive, as PIL's rotate) by projection profiles:
    coarse to fine down to 0.1°, on a ~75 dpi copy. 0.0 when there is no text."""
    small = small_gray(img, dpi)
    if ink_ratio(img, dpi) < 0.002:
        return 0.0
    inverted = small.point(lambda v: 255 - v)  # ink bright, paper 0: rotation fill is "paper"

    def best_of(angles):
        return max(angles, key=lambda a: (_profile_score(inverted, a, 0), -abs(a)))

    # 1° steps, then 0.25°, then 0.1° around the best so far: 21 trial rotations in all.
    steps = int(max_deg)
    best = best_of([float(i) for i in range(-steps, steps + 1)])
    best = best_of([round(best + i * 0.25, 2) for i in range(-3, 4)])
    best = best_of([round(best + i * 0.1, 2) for i in range(-2, 3)])
    if best and not _confirmed(img, dpi, best):
        return 0.0
    return -best  # the page is skewed by the opposite of the correcting rotation


def _confirmed(img: Image.Image, dpi: int, angle: float) -> bool:
    """Text lines that were really found are as clear at another resolution. A fine regular
    pattern (a halftone, a test chart) can alias into a false peak at one scale only."""
    other = small_gray(img, dpi, ANALYSIS_DPI * 4 // 3).point(lambda v: 255 - v)
    return _profile_score(other, angle, 0) > 1.2 * _profile_score(other, 0.0, 0)


def deskew(img: Image.Image, dpi: int) -> tuple[Image.Image, float]:
    """(straightened image, measured skew). Skews under 0.2° are left alone (not worth a resample)."""
    skew = estimate_skew(img, dpi)
    if abs(skew) < 0.2:
        return img, skew
    fill = _WHITE.get(img.mode, 255)
    if img.mode == "1":  # rotate bilevel pages through grey so strokes stay smooth
        return to_bilevel(
            img.convert("L").rotate(-skew, Image.Resampling.BILINEAR, fillcolor=255), 128
        ), skew
    # Colour pages: nearest neighbour. Its 1-pixel steps (0.08 mm at 300 dpi) vanish in the
    # JPEG, and bilinear on 26 MB of RGB would cost more than the rest of the page's work.
    resample = Image.Resampling.NEAREST if img.mode == "RGB" else Image.Resampling.BILINEAR
    return img.rotate(-skew, resample=resample, fillcolor=fill), skew


def rotate_quarter(img: Image.Image, degrees: int) -> Image.Image:
    """Rotate clockwise by a multiple of 90° (lossless transpose)."""
    degrees %= 360
    ops = {
        90: Image.Transpose.ROTATE_270,
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_90,
    }
    return img.transpose(ops[degrees]) if degrees in ops else img


def thumbnail(img: Image.Image, max_side: int = 256) -> Image.Image:
    factor = max(1, min(img.size) // (max_side * 2))
    thumb = img.reduce(factor) if factor > 1 and img.mode != "1" else img
    thumb = thumb.convert("L") if thumb.mode == "1" else thumb.copy()
    thumb.thumbnail((max_side, max_side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return thumb


def prefers_lossless(img: Image.Image, quality: int = 60) -> bool:
    """True for drawn / digital content (flat areas, few tones), where lossless compression is
    smaller than JPEG; never for paper seen by a scanner (its grain defeats it). Decided on a
    band across the middle of the page (1/16 of it), compressed both ways."""
    import io

    band = img.crop((0, img.height * 15 // 32, img.width, img.height * 17 // 32))
    jpeg, png = io.BytesIO(), io.BytesIO()
    band.save(jpeg, format="JPEG", quality=quality)
    band.save(png, format="PNG", compress_level=1)  # with PNG's row filters, as stored
    return png.tell() < jpeg.tell()


# --------------------------------------------------------------------- compact grey pages
BACKGROUND_DPI = 150
PICTURE_TILE_SHARE = 0.35  # a ~1 cm square this dark is a photo or a solid area, not text


def paper_white(img: Image.Image) -> Image.Image:
    """Map the paper's tone (and the scanner's noise on it) to pure white, stretching the
    rest: JPEG spends most of its bytes on that noise, and a page reads better on white."""
    grey = img if img.mode == "L" else img.convert("L")
    small = grey.reduce(4) if min(grey.size) > 400 else grey
    paper = _paper_level(small.histogram()[:256], 0.40)  # the bright bulk of a document
    white = max(128, paper - 12)
    lut = [255 if v >= white else int(v * 255 / white) for v in range(256)]
    return img.point(lut * (3 if img.mode == "RGB" else 1))


def split_layers(grey: Image.Image, dpi: int) -> tuple[Image.Image, Image.Image, int]:
    """A grey page as two layers (mixed raster content): the text as a 1-bit mask at full
    resolution, everything else (photos, stamps' light parts, the paper) as a grey image at
    ``BACKGROUND_DPI``, and the grey level to paint the text with. Dense text costs JPEG
    several hundred KB per A4 page at 300 dpi; as a G4 mask plus a flat background it is
    a fifth of that, and sharper.

    Returns (mask "1" with ink = 0, background "L", ink grey level 0–255)."""
    grey = paper_white(grey if grey.mode == "L" else grey.convert("L"))
    t = otsu_threshold(grey.reduce(4) if min(grey.size) > 400 else grey)
    threshold = min(max(t, 60), 200)
    ink = grey.point([255 if v <= threshold else 0 for v in range(256)])  # L, ink = 255
    # Photos and solid dark areas stay in the background: a mask would posterise them.
    tile = max(2, round(dpi / 2.54))
    dense = ink.reduce(tile).point([255 if v > PICTURE_TILE_SHARE * 255 else 0 for v in range(256)])
    if dense.getextrema()[1]:
        pictures = dense.resize((dense.width * tile, dense.height * tile), Image.Resampling.NEAREST)
        pictures = pictures.crop((0, 0, grey.width, grey.height))
        ink.paste(0, mask=pictures)
    hist = grey.histogram(mask=ink)
    count = sum(hist)
    level, acc = 0, 0
    for v, n in enumerate(hist):  # the grey of the ink's core (its lower quartile)
        acc += n
        if acc * 4 >= count:
            level = v
            break
    factor = max(1, round(dpi / BACKGROUND_DPI))
    background = grey.reduce(factor) if factor > 1 else grey.copy()
    # Wherever a background cell holds ink, paint it paper: no grey halo around the letters.
    covered = ink.reduce(factor) if factor > 1 else ink
    background.paste(255, mask=covered.point([255 if v else 0 for v in range(256)]))
    mask = ink.point([255 if v == 0 else 0 for v in range(256)]).convert("1")  # ink = 0
    return mask, background, level


def join_layers(
    mask: Image.Image, background: Image.Image, level: int, size: tuple[int, int] | None = None
) -> Image.Image:
    """The page a reader sees from split_layers' parts, at ``size`` (default: the mask's)."""
    size = size or mask.size
    page = (
        background
        if background.size == size
        else background.resize(size, Image.Resampling.BILINEAR)
    )
    ink = mask.convert("L").point([255 if v == 0 else 0 for v in range(256)])
    if ink.size != size:  # the ink's coverage of each smaller pixel: smooth letter edges
        factor = max(1, round(ink.width / size[0]))
        ink = ink.reduce(factor) if factor > 1 else ink
        ink = ink if ink.size == size else ink.resize(size, Image.Resampling.BILINEAR)
    return Image.composite(Image.new("L", size, level), page, ink)
