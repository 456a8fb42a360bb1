"""Deskew, blank detection, thresholding and rotation on synthetic pages."""

import pytest
from PIL import Image, ImageDraw

from hcc_desk.core.capture import imaging
from hcc_desk.core.capture.model import ColourMode

from .pages import blank_page, document_page


@pytest.fixture(scope="module")
def page150():
    return document_page(150, seed=7)


@pytest.mark.parametrize("angle", [-3.7, -1.2, 0.8, 2.5, 4.4])
def test_estimates_the_skew_of_a_rotated_page(page150, angle):
    rotated = page150.rotate(angle, resample=Image.BICUBIC, fillcolor=234)
    assert imaging.estimate_skew(rotated, 150) == pytest.approx(angle, abs=0.25)


def test_deskew_straightens_the_page(page150):
    rotated = page150.rotate(3.0, resample=Image.BICUBIC, fillcolor=234)
    straight, skew = imaging.deskew(rotated, 150)
    assert skew == pytest.approx(3.0, abs=0.25)
    assert straight.size == rotated.size
    assert abs(imaging.estimate_skew(straight, 150)) <= 0.2


def test_straight_and_empty_pages_are_left_alone(page150):
    assert imaging.deskew(page150, 150)[0] is page150
    empty = blank_page(150)
    assert imaging.estimate_skew(empty, 150) == 0.0


def test_blank_page_is_flagged_and_a_page_with_a_little_text_is_not():
    assert imaging.is_blank(blank_page(150), 150)
    one_line = blank_page(150)
    ImageDraw.Draw(one_line).text((200, 600), "Chữ ký: Nguyễn Văn A  ngày 12/3/2025", fill=20)
    assert not imaging.is_blank(one_line.resize((one_line.width * 2, one_line.height * 2)), 300)
    assert not imaging.is_blank(document_page(150, seed=3), 150)


def test_marks_at_the_very_edge_do_not_make_a_page_non_blank():
    page = blank_page(150)
    ImageDraw.Draw(page).rectangle((0, 0, page.width, 20), fill=0)  # the scanner lid's shadow
    assert imaging.is_blank(page, 150)


def test_bilevel_threshold_keeps_ink_and_drops_grey_paper():
    page = Image.new("L", (400, 200), 200)  # darkish paper
    ImageDraw.Draw(page).rectangle((50, 50, 150, 150), fill=60)
    bw = imaging.to_bilevel(page)
    assert bw.mode == "1"
    assert bw.getpixel((100, 100)) == 0 and bw.getpixel((300, 100)) == 255


@pytest.mark.parametrize(
    ("degrees", "size"), [(90, (20, 10)), (180, (10, 20)), (270, (20, 10)), (360, (10, 20))]
)
def test_quarter_turns_are_clockwise(degrees, size):
    img = Image.new("L", (10, 20), 255)
    img.putpixel((0, 0), 0)  # top-left corner
    turned = imaging.rotate_quarter(img, degrees)
    assert turned.size == size
    corner = {90: (19, 0), 180: (9, 19), 270: (0, 9), 360: (0, 0)}[degrees]
    assert turned.getpixel(corner) == 0


def test_convert_to_mode_and_normalise():
    rgba = Image.new("RGBA", (4, 4), (255, 0, 0, 0))  # fully transparent
    assert imaging.normalise(rgba).getpixel((0, 0)) == (255, 255, 255)
    rgb = Image.new("RGB", (4, 4), (10, 20, 30))
    assert imaging.convert_to_mode(rgb, ColourMode.GRAY).mode == "L"
    assert imaging.convert_to_mode(rgb, ColourMode.LINEART).mode == "1"
    assert imaging.mode_of(Image.new("1", (2, 2))) == ColourMode.LINEART
