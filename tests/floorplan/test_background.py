"""Importing a background plan: images and PDF pages, metadata stripped, scale, calibration, and
every kind of bad file ending in one PlanError with a catalog message."""

import io
import math
import os
import struct
import zlib

import pytest
from PIL import ExifTags, Image, PngImagePlugin
from reportlab.pdfgen.canvas import Canvas

from hjem.floorplan.background import (
    background_from_file,
    calibrated,
    pdf_page_count,
)
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Background
from hjem.floorplan.validation import PlanError
from hjem.i18n import catalog
from tests.conftest import ROOT, script

SAMPLE_PDF = ROOT / "assets" / "samples" / "3-vaerelser-plan.pdf"
BLUE, RED = (0, 0, 255), (255, 0, 0)


def _image(width=40, height=20):
    """Red with a blue top-left corner, so a rotation shows where the corner went."""
    image = Image.new("RGB", (width, height), RED)
    image.paste(BLUE, (0, 0, 10, 10))
    return image


def _decoded(background):
    return Image.open(io.BytesIO(background.image))


def _close(a, b, tolerance=40):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


@pytest.fixture(scope="module")
def sample_script():
    return script("build_sample_pdf")


# --- images ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "pillow_format", "expected"), [("png", "PNG", "png"), ("jpg", "JPEG", "jpeg")]
)
def test_an_image_keeps_its_format_at_one_cm_per_pixel(tmp_path, suffix, pillow_format, expected):
    path = tmp_path / f"plan.{suffix}"
    _image(300, 200).save(path, pillow_format)
    background = background_from_file(path)
    assert background.image_format == expected
    assert _decoded(background).format == pillow_format
    assert _decoded(background).size == (300, 200)
    assert background.cm_per_pixel == 1.0
    assert background.origin == Point(0.0, 0.0)
    assert (background.opacity, background.locked, background.visible) == (0.5, False, True)


def test_exif_orientation_is_applied_and_the_photos_metadata_is_gone(tmp_path):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the phone was held upright: turn 90° clockwise
    exif[ExifTags.Base.Make] = "FamilyPhone"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (55.0, 40.0, 30.0),
    }
    path = tmp_path / "photo.jpg"
    _image().save(path, "JPEG", exif=exif, icc_profile=b"not-a-real-profile" * 8)
    assert Image.open(path).getexif()[ExifTags.Base.Orientation] == 6

    imported = _decoded(background_from_file(path))
    assert imported.size == (20, 40)
    assert _close(imported.getpixel((15, 3)), BLUE)  # top-left corner turned to the top right
    assert _close(imported.getpixel((3, 3)), RED)
    assert dict(imported.getexif()) == {}
    assert "exif" not in imported.info and "icc_profile" not in imported.info
    assert b"FamilyPhone" not in background_from_file(path).image


def test_png_text_chunks_and_colour_profile_are_dropped(tmp_path):
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "Familien Hansen, Nørregade 1")
    path = tmp_path / "scan.png"
    _image().save(path, "PNG", pnginfo=text, icc_profile=b"profile" * 10)
    background = background_from_file(path)
    assert "Comment" not in _decoded(background).info
    assert "icc_profile" not in _decoded(background).info
    assert "Nørregade".encode() not in background.image and b"Hansen" not in background.image


def test_a_big_image_is_scaled_down_and_the_scale_follows(tmp_path):
    path = tmp_path / "big.png"
    Image.new("L", (9000, 3000), 255).save(path, "PNG")
    background = background_from_file(path)
    assert _decoded(background).size == (6000, 2000)
    assert background.cm_per_pixel == pytest.approx(1.5)
    # The image still covers the same 90 × 30 m on the plan.
    assert 6000 * background.cm_per_pixel == pytest.approx(9000)


def test_a_big_turned_jpeg_is_decoded_small_and_keeps_its_scale_and_orientation(tmp_path):
    # Decoded at half size straight away (13 000 px wide), shrunk, then turned in place.
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    path = tmp_path / "long-scan.jpg"
    _image(13_000, 300).save(path, "JPEG", exif=exif)
    background = background_from_file(path)
    imported = _decoded(background)
    assert imported.size == (138, 6000)
    assert background.cm_per_pixel == pytest.approx(13_000 / 6000)
    assert _close(imported.getpixel((136, 1)), BLUE, 80)  # the blue corner went top right
    assert _close(imported.getpixel((2, 1)), RED, 80)


# --- PDF ---------------------------------------------------------------------------------------


def test_a_pdf_page_renders_at_the_dpi_with_the_1_to_100_default():
    background = background_from_file(SAMPLE_PDF, dpi=100)
    image = _decoded(background)
    assert background.image_format == "png" and image.format == "PNG"
    # A3 landscape: 420 × 297 mm, i.e. 1653.5 × 1169.3 pixels at 100 dpi (pdfium rounds up).
    assert image.size == (math.ceil(420 / 25.4 * 100), math.ceil(297 / 25.4 * 100))
    assert background.cm_per_pixel == pytest.approx(2.54 / 100 * 100)


def test_pdf_page_count_and_choosing_a_page(tmp_path):
    assert pdf_page_count(SAMPLE_PDF) == 1
    path = tmp_path / "three.pdf"
    canvas = Canvas(str(path), pagesize=(200, 100))
    for _ in range(3):
        canvas.rect(10, 10, 50, 50, fill=1)
        canvas.showPage()
    canvas.save()
    assert pdf_page_count(path) == 3
    assert _decoded(background_from_file(path, page=2, dpi=72)).size == (200, 100)


def test_a_huge_pdf_page_is_rendered_at_a_lower_dpi_and_says_so(tmp_path):
    path = tmp_path / "long.pdf"
    canvas = Canvas(str(path), pagesize=(14_400, 720))  # 200 × 10 inches
    canvas.line(0, 360, 14_400, 360)
    canvas.save()
    background = background_from_file(path, dpi=150)
    width, height = _decoded(background).size
    assert width <= 6000 and height < 400
    # Whatever the dpi became, the image still spans the page's 508 cm of paper at 1:100.
    assert width * background.cm_per_pixel == pytest.approx(508 * 100, rel=0.001)


# --- calibration -------------------------------------------------------------------------------


def _plan_position(background, pixel):
    return (
        background.origin.x + pixel[0] * background.cm_per_pixel,
        background.origin.y + pixel[1] * background.cm_per_pixel,
    )


def test_calibration_makes_the_typed_distance_true_and_keeps_p1_in_place():
    before = Background(b"", "png", cm_per_pixel=2.0, origin=Point(10.0, 20.0))
    p1, p2 = (100.0, 50.0), (400.0, 450.0)  # 500 pixels apart
    after = calibrated(before, p1, p2, 250.0)
    assert after.cm_per_pixel == pytest.approx(0.5)
    assert _plan_position(after, p1) == pytest.approx(_plan_position(before, p1))
    assert math.dist(_plan_position(after, p1), _plan_position(after, p2)) == pytest.approx(250)
    assert (after.opacity, after.image) == (before.opacity, before.image)


def test_calibrating_the_sample_on_its_dimension_line_gives_the_true_1_to_50(sample_script):
    dpi = 150.0
    background = background_from_file(SAMPLE_PDF, dpi=dpi)
    image = _decoded(background).convert("L")
    start_pt, end_pt, length_cm = sample_script.scale_reference()
    p1, p2 = ([c * dpi / 72 for c in point] for point in (start_pt, end_pt))
    for x, y in (p1, p2):  # the line's end marks really are drawn there
        around = [
            image.getpixel((round(x) + dx, round(y) + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)
        ]
        assert min(around) < 128
    result = calibrated(background, p1, p2, length_cm)
    paper_cm_per_pixel = 2.54 / dpi
    assert result.cm_per_pixel / paper_cm_per_pixel == pytest.approx(50, rel=0.005)
    # The 1:100 guess was off by two; calibration found the drawing's real 1:50.
    assert result.cm_per_pixel == pytest.approx(background.cm_per_pixel / 2, rel=0.005)


# --- bad input ---------------------------------------------------------------------------------


def _png_header(width, height):
    """A valid PNG claiming `width` × `height` pixels, with almost no pixel data: 40000² would
    take 4.8 GB once decoded, 9000² is over our 60 million but under Pillow's own limit."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def _truncated_png():
    buffer = io.BytesIO()
    Image.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3)).save(buffer, "PNG")
    return buffer.getvalue()[: len(buffer.getvalue()) * 2 // 3]


def _sparse(path, size):
    """A file of `size` bytes that takes no disk space (nothing is ever written into it)."""
    with path.open("wb") as f:
        f.truncate(size)


def _locked_pdf(path):
    canvas = Canvas(str(path), encrypt="hemmelig")
    canvas.drawString(100, 100, "Plan")
    canvas.save()


def _writes(make_bytes):
    return lambda path: path.write_bytes(make_bytes())


BAD_FILES = {
    "text named png": ("plan.png", lambda p: p.write_text("not an image"), "not_supported"),
    "truncated png": ("plan.png", _writes(_truncated_png), "damaged"),
    "pixel bomb": ("bomb.png", _writes(lambda: _png_header(40_000, 40_000)), "too_many_pixels"),
    "over our limit": ("big.png", _writes(lambda: _png_header(9_000, 9_000)), "too_many_pixels"),
    "broken pdf": ("plan.pdf", _writes(lambda: b"%PDF-1.7\n garbage"), "damaged"),
    "locked pdf": ("locked.pdf", _locked_pdf, "pdf_password"),
    "over 100 MB": ("huge.png", lambda p: _sparse(p, 101 * 2**20), "too_big"),
    "a folder": ("folder.png", lambda p: p.mkdir(), "not_supported"),
}


def _expect(key, call, *args, **kwargs):
    with pytest.raises(PlanError) as caught:
        call(*args, **kwargs)
    assert caught.value.message.key == f"background.{key}"
    assert caught.value.message.key in catalog("da") and caught.value.message.key in catalog("en")


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_ends_in_one_clear_message(tmp_path, case):
    name, make, key = BAD_FILES[case]
    path = tmp_path / name
    make(path)
    _expect(key, background_from_file, path)


def test_a_missing_file(tmp_path):
    _expect("not_found", background_from_file, tmp_path / "gone.pdf")
    _expect("not_found", pdf_page_count, tmp_path / "gone.pdf")


def test_page_count_of_a_file_that_is_no_pdf(tmp_path):
    path = tmp_path / "plan.png"
    _image().save(path, "PNG")
    _expect("not_a_pdf", pdf_page_count, path)


@pytest.mark.parametrize("page", [1, 7, -1])
def test_a_page_out_of_range(page):
    _expect("no_such_page", background_from_file, SAMPLE_PDF, page=page)


@pytest.mark.parametrize("dpi", [0.0, -72.0, math.nan, math.inf, 5000.0])
def test_a_bad_dpi(dpi):
    _expect("bad_dpi", background_from_file, SAMPLE_PDF, dpi=dpi)


@pytest.mark.parametrize(
    ("p1", "p2", "distance", "key"),
    [
        ((10.0, 10.0), (10.0, 10.0), 100.0, "same_points"),
        ((10.0, 10.0), (10.4, 10.3), 100.0, "same_points"),
        ((10.0, 10.0), (200.0, 10.0), -100.0, "bad_distance"),
        ((10.0, 10.0), (200.0, 10.0), 0.0, "bad_distance"),
        ((10.0, 10.0), (200.0, 10.0), math.nan, "bad_distance"),
        ((10.0, 10.0), (200.0, 10.0), math.inf, "bad_distance"),
        ((10.0, 10.0), (math.inf, 10.0), 100.0, "bad_point"),
        ((10.0, 10.0), (12.0, 10.0), 5000.0, "bad_scale"),
    ],
)
def test_bad_calibration(p1, p2, distance, key):
    _expect(key, calibrated, Background(b"", "png", 1.0), p1, p2, distance)
