"""Item photos at their printed size: downscaled once, kept by content hash, embedded as JPEG.

A handover prints an item's photo 3 cm wide: 236 px at `PRINT_DPI`. The inventory already keeps
a copy that size, made once when the photo was added (its 256 px thumbnail), and that is what
the gatherer hands over: a JPEG that fits is embedded as it is, without decoding it. A larger
photo is scaled to the pixels the print needs and kept as a small JPEG in a process-wide cache
keyed by a hash of the original's bytes, so printing again reuses it. The copy goes into the PDF
as it is (DCTDecode, no re-encoding, no ASCII85): a page of photos costs tens of kilobytes, not
megabytes. A photo Pillow cannot read is treated as no photo: the card shows a placeholder.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from PIL import Image, UnidentifiedImageError
from reportlab.pdfgen.canvas import Canvas

from hjem.inventory.photo_decoding import ACCEPTED_FORMATS
from hjem.memo import IdentityMemo

PRINT_DPI = 200
PASS_THROUGH = 1.25  # a JPEG up to this much larger than needed is embedded as it is
JPEG_QUALITY = 80
CACHE_BYTES = 48 * 1024 * 1024
PT_PER_INCH = 72.0


@dataclass(frozen=True)
class PrintedPhoto:
    """A photo ready to print: JPEG bytes of `width` × `height` pixels, named by `key`."""

    key: str
    jpeg: bytes
    width: int
    height: int


class PhotoSource(Protocol):
    """Turns an item's photo into something to draw; the benchmark's naive twin is one too."""

    def prepare(self, photo: bytes, box_pt: tuple[float, float]) -> object | None: ...

    def draw(
        self, canvas: Canvas, prepared: object, x: float, y: float, w: float, h: float
    ) -> None: ...


class _Cache:
    """Least recently used printed copies, up to `CACHE_BYTES` in all."""

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple[str, int, int], PrintedPhoto] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, int, int]) -> PrintedPhoto | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: tuple[str, int, int], photo: PrintedPhoto) -> None:
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = photo
            self._bytes += len(photo.jpeg)
            while self._bytes > CACHE_BYTES and len(self._entries) > 1:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.jpeg)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0


_cache = _Cache()


def clear_cache() -> None:
    """Forget every printed copy and every remembered hash (the benchmark's cold case)."""
    _cache.clear()
    _digests.clear()


def pixels_for(box_pt: tuple[float, float], dpi: int = PRINT_DPI) -> tuple[int, int]:
    return (
        max(1, round(box_pt[0] / PT_PER_INCH * dpi)),
        max(1, round(box_pt[1] / PT_PER_INCH * dpi)),
    )


_digests: IdentityMemo[str] = IdentityMemo(512)


def _digest(photo: bytes) -> str:
    """The photo's SHA-256 (hardware-accelerated on most machines: 0.15 ms for a 300 kB
    photo), remembered for the very same bytes object while it lives in the memo."""
    return _digests.get((photo,), lambda: hashlib.sha256(photo).hexdigest()[:32])


def printed(photo: bytes, box_pt: tuple[float, float]) -> PrintedPhoto | None:
    """`photo` scaled to fit `box_pt` at `PRINT_DPI`, from the cache when it was made before;
    None if the bytes are not a picture Pillow can read."""
    limit = pixels_for(box_pt)
    digest = _digest(photo)
    key = (digest, *limit)
    found = _cache.get(key)
    if found is not None:
        return found
    name = f"hjem-photo-{digest}-{limit[0]}x{limit[1]}"
    made = _as_it_is(photo, limit, name) or _downscale(photo, limit, name)
    if made is not None:
        _cache.put(key, made)
    return made


def _as_it_is(photo: bytes, limit: tuple[int, int], key: str) -> PrintedPhoto | None:
    """The JPEG itself when it is about the printed size already (Pillow reads the header
    only); None when it must be decoded: larger, or not a plain RGB JPEG."""
    try:
        with Image.open(io.BytesIO(photo), formats=ACCEPTED_FORMATS) as image:
            if image.format != "JPEG" or image.mode != "RGB":
                return None
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    if width > limit[0] * PASS_THROUGH or height > limit[1] * PASS_THROUGH:
        return None
    return PrintedPhoto(key, photo, width, height)


def _downscale(photo: bytes, limit: tuple[int, int], key: str) -> PrintedPhoto | None:
    try:
        with Image.open(io.BytesIO(photo), formats=ACCEPTED_FORMATS) as image:
            image.draft("RGB", limit)  # JPEG: decode at 1/2, 1/4 or 1/8 scale straight away
            copy = image.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    if copy.width > limit[0] or copy.height > limit[1]:
        copy.thumbnail(limit, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return PrintedPhoto(key, buffer.getvalue(), copy.width, copy.height)


class _JpegSource:
    """A JPEG for reportlab's `drawImage`, which embeds what `jpeg_fh` hands it as it is
    (DCTDecode, no decoding) and names the image by `str()` of its source: one XObject per
    photo, however often it is drawn."""

    def __init__(self, photo: PrintedPhoto):
        self.photo = photo

    def jpeg_fh(self) -> io.BytesIO:
        return io.BytesIO(self.photo.jpeg)

    def __str__(self) -> str:
        return self.photo.key


def draw_jpeg(canvas: Canvas, photo: PrintedPhoto, x: float, y: float, w: float, h: float) -> None:
    """Draw `photo` into the box (x, y, w, h) in points, centred, keeping its proportions."""
    canvas.drawImage(_JpegSource(photo), x, y, w, h, preserveAspectRatio=True, anchor="c")


class PrintedPhotos:
    """The way hjem prints photos: cached printed-size JPEG copies."""

    def prepare(self, photo: bytes, box_pt: tuple[float, float]) -> object | None:
        return printed(photo, box_pt)

    def draw(
        self, canvas: Canvas, prepared: object, x: float, y: float, w: float, h: float
    ) -> None:
        assert isinstance(prepared, PrintedPhoto)
        draw_jpeg(canvas, prepared, x, y, w, h)
