"""Synthetic document pages for capture tests and the benchmark: text lines rendered with PIL,
a little blur and paper noise, like a page off a real scanner."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WORDS = [
    "Cộng",
    "hòa",
    "xã",
    "hội",
    "chủ",
    "nghĩa",
    "Việt",
    "Nam",
    "Độc",
    "lập",
    "Tự",
    "do",
    "Hạnh",
    "phúc",
    "tờ",
    "khai",
    "đề",
    "nghị",
    "cấp",
    "hộ",
    "chiếu",
    "phổ",
    "thông",
    "họ",
    "và",
    "tên",
    "ngày",
    "sinh",
    "nơi",
    "thường",
    "trú",
    "số",
    "định",
    "danh",
    "cá",
    "nhân",
]


def _font(size: int):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default()


def document_page(
    dpi: int = 300, *, seed: int = 1, lines: int = 34, colour: bool = False, noise: bool = True
) -> Image.Image:
    """An A4 page of typed text (about a form's worth), grey "paper", optional red stamp."""
    rng = random.Random(seed)
    w, h = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    page = Image.new("RGB" if colour else "L", (w, h), (236, 234, 228) if colour else 234)
    draw = ImageDraw.Draw(page)
    font = _font(max(8, round(dpi * 0.16)))  # ~11.5 pt
    margin, step = round(dpi * 0.9), round(dpi * 0.27)
    ink = (25, 25, 30) if colour else 25
    draw.text((margin, margin // 2), "TỜ KHAI ĐỀ NGHỊ", fill=ink, font=_font(round(dpi * 0.25)))
    y = margin + step
    for _ in range(lines):
        words, x_text = [], ""
        while len(x_text) < 70:
            words.append(rng.choice(WORDS))
            x_text = " ".join(words)
        draw.text((margin, y), x_text, fill=ink, font=font)
        y += step
        if y > h - margin:
            break
    if colour:
        cx, cy, r = w - margin * 2, h - margin * 2, round(dpi * 0.6)
        draw.ellipse(
            (cx - r, cy - r, cx + r, cy + r), outline=(200, 30, 30), width=max(2, dpi // 50)
        )
    page = page.filter(ImageFilter.GaussianBlur(dpi / 400))
    if noise:
        grain = Image.effect_noise((w, h), 6).point(lambda v: v - 128 + 128)
        if colour:
            grain = grain.convert("RGB")
        page = Image.blend(page, grain, 0.08)
    return page


def blank_page(dpi: int = 300, *, seed: int = 2) -> Image.Image:
    w, h = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    paper = Image.new("L", (w, h), 236)
    grain = Image.effect_noise((w, h), 6)
    return Image.blend(paper, grain, 0.08)
