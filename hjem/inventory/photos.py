"""Photos of donated items: turned the right way up, every bit of metadata (GPS included)
stripped, stored as a display JPEG of at most 1600 px and a thumbnail. Anything that is not a
picture, or is a decompression bomb, is refused with a clear message."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from hjem.i18n import msg
from hjem.inventory.errors import InventoryError

DISPLAY_PX = 1600
THUMBNAIL_PX = 256
MAX_PIXELS = 80_000_000  # a 108-megapixel phone camera in its default mode stays well below
MAX_BYTES = 50 * 1024 * 1024
JPEG_QUALITY = 85


@dataclass(frozen=True)
class ProcessedPhoto:
    display: bytes
    thumbnail: bytes
    width: int
    height: int


def _jpeg(image: Image.Image, longest: int) -> tuple[bytes, int, int]:
    copy = image.copy()
    copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)  # no exif= given: none kept
    return buffer.getvalue(), copy.width, copy.height


def process(data: bytes) -> ProcessedPhoto:
    if len(data) > MAX_BYTES:
        raise InventoryError(msg("inventory.photo.too_big"))
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > MAX_PIXELS:
                raise InventoryError(msg("inventory.photo.too_many_pixels"))
            image = ImageOps.exif_transpose(opened).convert("RGB")
    except InventoryError:
        raise
    except Image.DecompressionBombError:  # Pillow's own guard, for headers far beyond ours
        raise InventoryError(msg("inventory.photo.too_many_pixels")) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise InventoryError(msg("inventory.photo.not_a_picture")) from None
    display, width, height = _jpeg(image, DISPLAY_PX)
    thumbnail, _, _ = _jpeg(image, THUMBNAIL_PX)
    return ProcessedPhoto(display, thumbnail, width, height)
