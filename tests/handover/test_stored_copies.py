"""The photo copy the inventory keeps is the printed size: it goes into the PDF as it is,
without being decoded or re-encoded; a larger photo is scaled down to the printed size."""

import io

from PIL import Image

from hjem.handover.common import PHOTO_BOX
from hjem.handover.photos import clear_cache, pixels_for, printed
from hjem.inventory.photos import process


def jpeg(size) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 120, 60)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def test_the_inventorys_copy_is_printed_byte_for_byte():
    clear_cache()
    stored = process(jpeg((1600, 1200))).thumbnail
    copy = printed(stored, PHOTO_BOX)
    assert copy is not None and copy.jpeg is stored
    assert (copy.width, copy.height) == Image.open(io.BytesIO(stored)).size


def test_a_large_photo_is_scaled_to_the_printed_size():
    clear_cache()
    copy = printed(jpeg((1600, 1200)), PHOTO_BOX)
    width, height = pixels_for(PHOTO_BOX)
    assert copy is not None and copy.width <= width and copy.height <= height
    assert Image.open(io.BytesIO(copy.jpeg)).size == (copy.width, copy.height)


def test_a_grey_or_cmyk_picture_is_made_rgb_for_the_pdf():
    clear_cache()
    for mode in ("L", "CMYK"):
        buffer = io.BytesIO()
        Image.new(mode, (200, 150)).save(buffer, "JPEG")
        copy = printed(buffer.getvalue(), PHOTO_BOX)
        assert copy is not None and Image.open(io.BytesIO(copy.jpeg)).mode == "RGB"
