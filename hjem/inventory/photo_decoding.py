"""Turning a donor's photo file into a small upright RGB picture, within a memory budget.

A photo comes from anywhere (a phone, an e-mail, a USB stick), so nothing in it is trusted:
- only JPEG, PNG, WebP and GIF are read, told by their first bytes, never by the file's name:
  Pillow is never even asked to try its other readers (EPS and PostScript would start
  Ghostscript, an external interpreter). HEIC needs a plugin (pillow-heif) that is not
  installed, so an iPhone's HEIC photo gets a message of its own saying to send it as JPEG;
- the pixel count is read from the header and checked before anything is decoded;
- a JPEG is decoded straight at 1/2, 1/4 or 1/8 of its size (`draft`), as large as the
  display copy needs; other formats are decoded whole, then reduced at once.

Memory, measured as the whole process's peak (Python with hjem's imports is ~50 MB of it) on
the largest photo each kind may have (tests/inventory/test_photo_limits.py checks ≤ 300 MB):
- a baseline JPEG is decoded at a reduced scale: 50 megapixels (the 48-50 MP modes of
  today's phones; their default is 12-24 MP) take ~80 MB;
- a progressive JPEG keeps all its DCT coefficients whatever the scale (2 bytes a sample):
  25 MP take ~220 MB. Cameras write baseline JPEGs; progressive ones come from the web;
- a PNG or GIF is decoded whole, 4 bytes a pixel in Pillow's layout, and with transparency
  converted to RGB once more: 25 MP of RGBA take ~280 MB;
- a WebP costs ~17 bytes a pixel (libwebp's canvas and Pillow's copy): 12 MP take ~265 MB.
A 79-megapixel PNG of 326 KB took 1 GB before these limits.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps, UnidentifiedImageError

from hjem.i18n import msg
from hjem.inventory.errors import InventoryError

# MPO (a phone's JPEG with a second picture in it) is read by the JPEG reader as well.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
# Megapixels each kind may have; memory measured per pixel of the header's size (see above).
MAX_MEGAPIXELS = {"JPEG": 50, "progressive JPEG": 25, "PNG": 25, "GIF": 25, "WEBP": 12}
# The brands of an ISO media file holding a HEIC/HEIF still picture (bytes 8-12).
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


def decoded(data: bytes, longest: int) -> Image.Image:
    """The picture in `data`, upright, in RGB, at most `longest` px on its long side;
    InventoryError if it is not a picture we read."""
    if _is_heif(data):
        raise InventoryError(msg("photo_format.heic"))
    try:
        with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as opened:
            _check_pixels(opened)
            return _small_upright(opened, longest)
    except InventoryError:
        raise
    except UnidentifiedImageError:
        raise InventoryError(msg("photo_format.not_accepted")) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own guard, far above our limits (so no limit is named); the warning
        # is an error where warnings are errors.
        raise InventoryError(msg("photo_format.far_too_many_pixels")) from None
    except Exception:
        # A truncated or damaged file: Pillow raises OSError, ValueError, SyntaxError,
        # EOFError, zlib and struct errors... all mean the same to a volunteer.
        raise InventoryError(msg("photo_format.damaged")) from None


def _is_heif(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def megapixel_limit(image: Image.Image) -> int:
    """How many megapixels a photo like `image` (opened, not decoded) may have."""
    kind = "JPEG" if image.format == "MPO" else str(image.format)
    if kind == "JPEG" and ("progressive" in image.info or "progression" in image.info):
        kind = "progressive JPEG"
    return MAX_MEGAPIXELS[kind]


def _check_pixels(image: Image.Image) -> None:
    limit = megapixel_limit(image)
    if image.width * image.height > limit * 1_000_000:
        raise InventoryError(msg("photo_format.too_many_pixels", limit=limit))


def _small_upright(image: Image.Image, longest: int) -> Image.Image:
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", _fitted(image.size, longest))  # smallest 1/n scale still as large
    image.load()
    if image.mode not in ("RGB", "L"):
        # Transparency, palette, CMYK, 16-bit grey: plain RGB before resizing, as resizing
        # RGBA would make a premultiplied full-size copy first.
        image = image.convert("RGB")
    # In place: a box-filter reduction to twice the size, then LANCZOS, freeing the big one.
    image.thumbnail((longest, longest), Image.Resampling.LANCZOS, reducing_gap=2.0)
    return ImageOps.exif_transpose(image).convert("RGB")


def _fitted(size: tuple[int, int], longest: int) -> tuple[int, int]:
    """`size` scaled down (never up) so that its long side is at most `longest`."""
    width, height = size
    scale = min(1.0, longest / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))
