"""Photos: the right way up, no metadata left, sized for display and thumbnail, bombs refused."""

import contextlib
import io
import os
import struct
import zlib

import pytest
from PIL import EpsImagePlugin, Image

from hjem.inventory.errors import InventoryError
from hjem.inventory.photo_decoding import MAX_MEGAPIXELS
from hjem.inventory.photos import DISPLAY_PX, THUMBNAIL_PX, process
from tests.inventory.photo_files import eps, heic_header, picture, png_of_zero_rows


def phone_photo(width=4000, height=3000, orientation=6) -> bytes:
    """A JPEG as a phone takes it: rotated by an EXIF tag, with a GPS position in it."""
    image = Image.new("RGB", (width, height), (180, 120, 90))
    image.paste((20, 20, 200), (0, 0, width // 4, height // 4))  # a blue mark top left
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation: turn 90° clockwise to show
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (55.0, 40.0, 0.0), 3: "E", 4: (12.0, 34.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_a_phone_photo_is_turned_upright_and_stripped_of_its_metadata():
    photo = process(phone_photo())
    assert (photo.width, photo.height) == (1200, 1600)  # 4000×3000 turned on its side, ≤ 1600
    with Image.open(io.BytesIO(photo.display)) as shown:
        assert shown.format == "JPEG" and max(shown.size) <= DISPLAY_PX
        assert not shown.getexif() and "exif" not in shown.info and "icc_profile" not in shown.info
        red, _green, blue = shown.getpixel((shown.width - 20, 20))[:3]
        assert blue > red  # the blue corner is now top right: the photo was turned
    with Image.open(io.BytesIO(photo.thumbnail)) as thumb:
        assert max(thumb.size) <= THUMBNAIL_PX


ADDRESS = "Vesterbrogade 12, 2. th."  # what a donor might write in a photo's comment


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "GIF"])
def test_a_photos_comment_is_not_kept(kind):
    image = Image.new("RGB", (300, 200), (180, 120, 90))
    buffer = io.BytesIO()
    if kind == "PNG":
        from PIL.PngImagePlugin import PngInfo

        text = PngInfo()
        text.add_text("Comment", ADDRESS)
        image.save(buffer, kind, pnginfo=text)
    else:
        image.save(buffer, kind, comment=ADDRESS.encode())
    photo = process(buffer.getvalue())
    for stored in (photo.display, photo.thumbnail):
        assert ADDRESS.encode() not in stored
        with Image.open(io.BytesIO(stored)) as shown:
            assert "comment" not in shown.info


def test_a_file_that_is_no_picture_is_refused():
    with pytest.raises(InventoryError) as refused:
        process(b"%PDF-1.7 not a photo")
    assert "ikke et billede" in refused.value.message.text("da")
    assert refused.value.message.key == "photo_format.not_accepted"


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 0, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 99))
        + chunk(b"IEND", b"")
    )
    with pytest.raises(InventoryError) as refused:
        process(bomb)
    # Pillow's own guard speaks first, at 2 500 megapixels; no format's limit is named.
    assert refused.value.message.key == "photo_format.far_too_many_pixels"
    assert "flere pixels end et foto" in refused.value.message.text("da")


# --- formats (issue 12, point 7) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("JPEG", {}),
        ("JPEG", {"progressive": True}),
        ("PNG", {}),
        ("WEBP", {"quality": 80}),
        ("GIF", {}),
    ],
)
def test_a_jpeg_png_webp_or_gif_photo_is_stored_as_jpeg(kind, options):
    photo = process(picture(kind, (2400, 1800), **options))
    assert (photo.width, photo.height) == (1600, 1200)
    with Image.open(io.BytesIO(photo.display)) as shown:
        assert shown.format == "JPEG" and shown.size == (1600, 1200)
        red, _green, blue = shown.getpixel((20, 20))
        assert blue > red  # the blue corner is still top left: the pixels came through


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P", "L", "I;16", "1"])
def test_a_png_of_any_mode_becomes_an_rgb_jpeg(mode):
    image = Image.new(mode, (1800, 900))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    photo = process(buffer.getvalue())
    assert (photo.width, photo.height) == (1600, 800)


def test_a_small_photo_is_not_enlarged():
    photo = process(picture("JPEG", (300, 200)))
    assert (photo.width, photo.height) == (300, 200)


def fake_ghostscript(folder, monkeypatch):
    """A `gs` first on PATH that leaves a mark (the returned path) whenever it is started."""
    marker = folder / "ghostscript-ran"
    fake = folder / "bin" / "gs"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\ntouch '{marker}'\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    return marker


def test_an_eps_named_jpg_is_refused_and_ghostscript_never_runs(tmp_path, monkeypatch):
    marker = fake_ghostscript(tmp_path, monkeypatch)
    named_jpg = tmp_path / "sofa.jpg"
    named_jpg.write_bytes(eps())
    with pytest.raises(InventoryError) as refused:
        process(named_jpg.read_bytes())
    assert not marker.exists()
    assert "JPEG, PNG, WebP eller GIF" in refused.value.message.text("da")
    assert "JPEG, PNG, WebP or GIF" in refused.value.message.text("en")


def test_the_fake_ghostscript_would_be_noticed(tmp_path, monkeypatch):
    """The test above proves something: Pillow left to itself does start the `gs` on PATH."""
    marker = fake_ghostscript(tmp_path, monkeypatch)
    monkeypatch.setattr(EpsImagePlugin, "gs_binary", None)  # forget an earlier search
    with contextlib.suppress(Exception), Image.open(io.BytesIO(eps())) as opened:
        opened.load()  # the fake draws nothing, so Pillow fails after starting it
    assert marker.exists()


@pytest.mark.parametrize(
    "data",
    [eps(), b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", b"BM" + b"\0" * 60, b"II*\0" + b"\0" * 60],
    ids=["eps", "pdf", "bmp", "tiff"],
)
def test_a_file_in_another_format_names_the_formats_hjem_takes(data):
    with pytest.raises(InventoryError) as refused:
        process(data)
    assert refused.value.message.key == "photo_format.not_accepted"


def test_a_bmp_picture_is_refused_although_pillow_could_read_it():
    with pytest.raises(InventoryError) as refused:
        process(picture("BMP"))
    assert refused.value.message.key == "photo_format.not_accepted"


def test_an_iphone_heic_photo_gets_a_message_of_its_own():
    with pytest.raises(InventoryError) as refused:
        process(heic_header())
    assert "HEIC" in refused.value.message.text("da")
    assert "Mest kompatibel" in refused.value.message.text("da")


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP", "GIF"])
def test_a_truncated_photo_says_it_is_damaged(kind):
    whole = picture(kind, (800, 600), quality=90) if kind != "GIF" else picture(kind, (800, 600))
    with pytest.raises(InventoryError) as refused:
        process(whole[: len(whole) // 2])
    assert refused.value.message.key == "photo_format.damaged"
    assert "beskadiget" in refused.value.message.text("da")


@pytest.mark.parametrize(
    ("size", "color_type"), [((10_000, 8_000), 2), ((5_001, 5_000), 6), ((4_000, 6_251), 0)]
)
def test_a_png_with_more_than_25_megapixels_is_refused_before_decoding(size, color_type):
    with pytest.raises(InventoryError) as refused:
        process(png_of_zero_rows(*size, color_type))
    assert refused.value.message.key == "photo_format.too_many_pixels"
    assert "25 megapixel" in refused.value.message.text("da")


def test_a_baseline_jpeg_may_have_50_megapixels_a_progressive_one_25():
    assert MAX_MEGAPIXELS["JPEG"] == 50 and MAX_MEGAPIXELS["progressive JPEG"] == 25
    with pytest.raises(InventoryError) as refused:
        process(picture("JPEG", (5_100, 5_000), progressive=True, quality=20))
    assert "25 megapixel" in refused.value.message.text("da")
