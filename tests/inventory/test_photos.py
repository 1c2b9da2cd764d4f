"""Photos: the right way up, no metadata left, sized for display and thumbnail, bombs refused."""

import io
import struct
import zlib

import pytest
from PIL import Image

from hjem.inventory.errors import InventoryError
from hjem.inventory.photos import DISPLAY_PX, THUMBNAIL_PX, process


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
    assert "for mange pixels" in refused.value.message.text("da")
