"""Photo files made in the tests: pictures of given sizes and kinds, and hostile ones."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def png_of_zero_rows(width: int, height: int, color_type: int = 2) -> bytes:
    """A valid PNG of `width` × `height` black pixels: a few hundred kB however large, since
    zlib packs rows of zeros ~1000:1 (color type 2 is RGB, 6 RGBA, 0 grey)."""
    channels = {0: 1, 2: 3, 6: 4}[color_type]
    packer = zlib.compressobj(9)
    row = b"\0" * (1 + width * channels)  # filter byte 0, then the pixels
    rows = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", rows)
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def picture(kind: str, size: tuple[int, int] = (640, 480), mode: str = "RGB", **options) -> bytes:
    """A small picture with something in it, saved as `kind` (a Pillow format name)."""
    image = Image.new(mode, size, "#b47850" if mode != "L" else 120)
    image.paste("#1414c8" if mode != "L" else 20, (0, 0, size[0] // 4, size[1] // 4))
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def eps(marker_text: str = "hjem") -> bytes:
    """An Encapsulated PostScript drawing: Pillow renders these by running Ghostscript."""
    return (
        "%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 64 64\n"
        f"%%Title: {marker_text}\n0 0 moveto 64 64 lineto stroke\nshowpage\n%%EOF\n"
    ).encode()


def heic_header() -> bytes:
    """The start of an iPhone's HEIC photo: an ISO media `ftyp` box with the `heic` brand."""
    box = b"ftyp" + b"heic" + b"\0\0\0\0" + b"mif1heic"
    return struct.pack(">I", 4 + len(box)) + box + b"\0" * 64
