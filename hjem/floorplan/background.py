"""Importing the housing association's plan as a background: a photo, a scan or a PDF page.

Nothing read here is trusted: the file's size is capped, its kind is told by its first bytes (not
its name), an image's pixel count is checked before it is decoded and a PDF page's before it is
rendered, and every problem ends in one `PlanError` a volunteer can read. Images are re-encoded,
so no EXIF, GPS position or ICC profile from the phone that took the photo reaches the plan.

pdfium is not thread-safe: call these functions from one thread at a time.
"""

from __future__ import annotations

import io
import math
import os
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageOps

from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import MAX_IMAGE_PIXELS
from hjem.floorplan.model import Background, ImageFormat
from hjem.floorplan.validation import MAX_SIZE_CM, PlanError, background_problems
from hjem.i18n import msg

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_LONG_SIDE = 6000  # pixels; finer than any plan needs, and keeps the saved file small
MAX_DPI = 1200.0
MIN_CALIBRATION_PIXELS = 1.0  # two clicks closer than one pixel give no usable scale
PDF_DRAWING_SCALE = 100  # a PDF plan is assumed drawn at 1:100 until the volunteer calibrates
CM_PER_INCH = 2.54
POINTS_PER_INCH = 72.0
JPEG_QUALITY = 90

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"
_PDF_MAGIC = b"%PDF-"
_PLAIN_MODES = {"1", "L", "LA", "P", "RGB", "RGBA", "I;16"}  # modes PNG stores as they are


def background_from_file(
    path: str | os.PathLike[str], page: int = 0, dpi: float = 150.0
) -> Background:
    """A background made from a PNG or JPEG image, or from page `page` (0-based) of a PDF.

    The scale until the volunteer calibrates (`calibrated`):
    - a PDF page is rendered at `dpi` and assumed to be a 1:100 drawing, so one pixel covers
      2.54 / dpi cm of paper, i.e. `cm_per_pixel = 2.54 / dpi * 100`;
    - a plain image is taken as 1 cm per pixel.
    An image whose long side exceeds 6000 px is scaled down, and a PDF page rendered at a lower
    dpi, so that it stays within 6000 px; `cm_per_pixel` then describes the smaller image.
    The background lies at the plan's origin, half transparent, unlocked and visible.
    """
    data = _read(Path(path))
    if _is_pdf(data):
        image, cm_per_pixel = _render_pdf(data, page, dpi)
        return _background(_encode(image, "png"), "png", cm_per_pixel)
    if data.startswith((_PNG_MAGIC, _JPEG_MAGIC)):
        image_format: ImageFormat = "png" if data.startswith(_PNG_MAGIC) else "jpeg"
        image, cm_per_pixel = _decode_image(data)
        return _background(_encode(image, image_format), image_format, cm_per_pixel)
    raise PlanError(msg("background.not_supported"))


def pdf_page_count(path: str | os.PathLike[str]) -> int:
    """How many pages the PDF at `path` has, so the volunteer can choose one."""
    data = _read(Path(path))
    if not _is_pdf(data):
        raise PlanError(msg("background.not_a_pdf"))
    pdf = _open_pdf(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def calibrated(
    background: Background,
    p1_px: tuple[float, float],
    p2_px: tuple[float, float],
    real_distance_cm: float,
) -> Background:
    """`background` scaled so the image pixels p1 and p2 lie `real_distance_cm` apart.

    The plan position of image pixel (u, v) is origin + (u, v) * cm_per_pixel; the origin moves
    so that p1 stays where it was on the plan, and the volunteer's view does not jump.
    """
    if not (math.isfinite(real_distance_cm) and 0 < real_distance_cm <= MAX_SIZE_CM):
        raise PlanError(msg("background.bad_distance", value=real_distance_cm))
    span = math.dist(p1_px, p2_px)
    if not math.isfinite(span):
        raise PlanError(msg("background.bad_point"))
    if span < MIN_CALIBRATION_PIXELS:
        raise PlanError(msg("background.same_points"))
    old, new = background.cm_per_pixel, real_distance_cm / span
    anchor = Point(background.origin.x + p1_px[0] * old, background.origin.y + p1_px[1] * old)
    result = replace(
        background,
        cm_per_pixel=new,
        origin=Point(anchor.x - p1_px[0] * new, anchor.y - p1_px[1] * new),
    )
    if background_problems(result):
        # e.g. 5 m typed between two neighbouring pixels: no scale a plan can use.
        raise PlanError(msg("background.bad_scale"))
    return result


# --- reading -----------------------------------------------------------------------------------


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PlanError(msg("background.too_big"))
        return path.read_bytes()
    except FileNotFoundError:
        raise PlanError(msg("background.not_found")) from None
    except IsADirectoryError:
        raise PlanError(msg("background.not_supported")) from None
    except OSError:
        raise PlanError(msg("background.unreadable")) from None


def _is_pdf(data: bytes) -> bool:
    # PDF readers accept the header anywhere in the first kilobyte; so does pdfium.
    return _PDF_MAGIC in data[:1024]


def _background(image: bytes, image_format: ImageFormat, cm_per_pixel: float) -> Background:
    return Background(image=image, image_format=image_format, cm_per_pixel=cm_per_pixel)


# --- images ------------------------------------------------------------------------------------


def _decode_image(data: bytes) -> tuple[Image.Image, float]:
    """The image upright and at most MAX_LONG_SIDE px long, and the cm one of its pixels covers
    (1 cm per pixel of the original).

    Memory: a JPEG is decoded straight at 1/2, 1/4 or 1/8 of its size when that still gives
    MAX_LONG_SIDE px; the image is shrunk before it is turned upright, and turned in place,
    so no full-size copy is made for either. (Not inside `with`: closing the image would
    free the pixels we return; a BytesIO has nothing to close.)"""
    try:
        opened = Image.open(io.BytesIO(data), formats=["PNG", "JPEG"])
        width, height = opened.size
        # Refuse before decoding: the header alone can promise billions of pixels.
        if width * height > MAX_IMAGE_PIXELS:
            raise PlanError(msg("background.too_many_pixels"))
        if opened.format == "JPEG":
            opened.draft(opened.mode, _fitted(opened.size))
        opened.load()
        image = _shrunk(opened)
        ImageOps.exif_transpose(image, in_place=True)
    except PlanError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # The warning is an exception only where warnings are errors; it means the same.
        raise PlanError(msg("background.too_many_pixels")) from None
    except Exception:
        # Pillow raises many kinds of errors for a broken image; all mean the same to a volunteer.
        raise PlanError(msg("background.damaged")) from None
    # The scale from the original's size: a JPEG's draft has shrunk it already.
    return image, max(width, height) / max(image.size)


def _fitted(size: tuple[int, int]) -> tuple[int, int]:
    """`size` scaled down (never up) so that its long side is at most MAX_LONG_SIDE."""
    factor = min(1.0, MAX_LONG_SIDE / max(size))
    return max(1, round(size[0] * factor)), max(1, round(size[1] * factor))


def _shrunk(image: Image.Image) -> Image.Image:
    if max(image.size) <= MAX_LONG_SIDE:
        return image
    if image.mode in ("1", "P"):
        # Pillow resizes these nearest-neighbour only, which breaks thin plan lines.
        rgb = "RGBA" if "transparency" in image.info else "RGB"
        image = image.convert("L" if image.mode == "1" else rgb)
    # The long side becomes exactly MAX_LONG_SIDE (the caller derives the new scale from it).
    return image.resize(_fitted(image.size), Image.Resampling.LANCZOS)


def _encode(image: Image.Image, image_format: ImageFormat) -> bytes:
    """The image re-encoded with no metadata: only pixels (and palette transparency) survive."""
    if image_format == "jpeg" and image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    elif image_format == "png" and image.mode not in _PLAIN_MODES:
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    # The image is ours (decoded or rendered here), so its metadata can be dropped in place.
    transparency = image.info.get("transparency")
    image.info = {} if transparency is None else {"transparency": transparency}
    buffer = io.BytesIO()
    if image_format == "jpeg":
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, exif=b"", icc_profile=None)
    else:
        image.save(buffer, "PNG", exif=b"", icc_profile=None)
    return buffer.getvalue()


# --- PDF ---------------------------------------------------------------------------------------


def _open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        # err_code is missing in some pypdfium2 4.x releases; their message names the password.
        code = getattr(error, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) or (
            code is None and "password" in str(error).lower()
        ):
            raise PlanError(msg("background.pdf_password")) from None
        raise PlanError(msg("background.damaged")) from None


def _render_pdf(data: bytes, page_index: int, dpi: float) -> tuple[Image.Image, float]:
    """Page `page_index` as an RGB image, and the cm of a 1:100 drawing one pixel covers."""
    if not (math.isfinite(dpi) and 0 < dpi <= MAX_DPI):
        raise PlanError(msg("background.bad_dpi", value=dpi, high=MAX_DPI))
    pdf = _open_pdf(data)
    try:
        count = len(pdf)
        if not 0 <= page_index < count:
            raise PlanError(msg("background.no_such_page", page=page_index + 1, count=count))
        page = pdf[page_index]
        try:
            width_pt, height_pt = page.get_size()
            effective = _safe_dpi(width_pt, height_pt, dpi)
            bitmap = page.render(scale=effective / POINTS_PER_INCH, fill_color=(255, 255, 255, 255))
            image = bitmap.to_pil().convert("RGB")
        finally:
            page.close()
    except PlanError:
        raise
    except Exception:
        # pdfium reports a broken page in several ways (PdfiumError, ValueError on a zero size).
        raise PlanError(msg("background.damaged")) from None
    finally:
        pdf.close()
    return image, CM_PER_INCH / effective * PDF_DRAWING_SCALE


def _safe_dpi(width_pt: float, height_pt: float, dpi: float) -> float:
    """`dpi`, lowered if needed so the rendered page stays within the size limits."""
    if not (math.isfinite(width_pt) and math.isfinite(height_pt)) or min(width_pt, height_pt) <= 0:
        raise PlanError(msg("background.damaged"))
    inches_w, inches_h = width_pt / POINTS_PER_INCH, height_pt / POINTS_PER_INCH
    # pdfium rounds each side up, so leave a pixel's room below both limits.
    by_side = (MAX_LONG_SIDE - 1) / max(inches_w, inches_h)
    by_area = math.sqrt(MAX_IMAGE_PIXELS / (inches_w * inches_h)) * 0.999
    return min(dpi, by_side, by_area)
