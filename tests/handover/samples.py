"""The handover tests' sample case and ways to look into the PDF (pypdf text, pdfium objects)."""

from __future__ import annotations

import ctypes
import datetime
import io
import subprocess
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np
import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageDraw

from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.shapes import room_at
from hjem.handover import BudgetRow, HandoverData, HandoverItem, build_handover, room_name
from tests.conftest import ROOT

ADDRESS = "Rosenvængets Allé 17, 3. tv., 2100 København Ø"
SAMPLE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"
SMALL_SAMPLE = ROOT / "assets" / "samples" / "2-vaerelser.hjem"
BUY, MISSING, NO_PHOTO_EVERY = 3, 7, 4  # item 3 is to buy, 7 not found, every 4th has no photo


@cache
def photo(seed: int, size: tuple[int, int] = (640, 480), grain: float = 0.0) -> bytes:
    """A photo-like JPEG: a warm gradient, a coloured piece, and camera grain if asked (made
    once per test run: the same bytes each time, as the inventory would hand them over)."""
    rng = np.random.default_rng(seed)
    w, h = size
    ramp = np.linspace(235, 170, h)[:, None, None] * np.ones((1, w, 1))
    pixels = ramp * np.array([1.0, 0.96, 0.9])[None, None, :]
    if grain:
        pixels = pixels + rng.normal(0, grain, (h, w, 1))
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    colour = tuple(int(c) for c in rng.integers(40, 200, 3))
    ImageDraw.Draw(image).rounded_rectangle((w * 0.2, h * 0.35, w * 0.8, h * 0.8), 20, colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def sample(lang: str = "da", plan_file: Path = SAMPLE, **changes) -> HandoverData:
    """A sample plan furnished: photos for most pieces, one not found, one to buy."""
    plan = load_plan(plan_file)
    items = []
    for number, piece in enumerate(plan.placements, start=1):
        room = room_at(plan, piece.center)
        items.append(
            HandoverItem(
                number=number,
                placement=piece,
                name="Reol fra Łucja" if number == 5 else piece.label,
                colour="eg" if number % 2 else "grå",
                room=room_name(room, lang) if room else "",
                photo=None if number % NO_PHOTO_EVERY == 0 else photo(number),
                price_ore=149_900 if number == BUY else None,
                value_ore=50_000,
                code=None if number == BUY else f"H-{number:04d}",
                missing=number == MISSING,
            )
        )
    data = HandoverData(
        plan=plan,
        alias="Familien Sol",
        architect="Anne Ærø",
        contact="anne@example.dk · 12 34 56 78",
        made_on=datetime.date(2026, 11, 28),
        lang=lang,
        items=tuple(items),
    )
    return replace(data, **changes)


def internal(data: HandoverData) -> HandoverData:
    rows = (
        BudgetRow("Møbler", 150_000, 800_000, 1_000_000, False),
        BudgetRow("Hvidevarer", 600_000, 0, 500_000, True),
    )
    total = BudgetRow("I alt", 750_000, 800_000, None, False)
    return replace(data, budget=rows, budget_total=total)


def pdf_of(data: HandoverData, **kwargs) -> bytes:
    buffer = io.BytesIO()
    build_handover(data, buffer, **kwargs)
    return buffer.getvalue()


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with every run of white space one space (a wrapped line reads as one)."""
    return " ".join(text.split())


# --- pdfium: what is drawn where ------------------------------------------------------------

Box = tuple[float, float, float, float]  # left, bottom, right, top in points


def fill_of(obj) -> tuple[int, int, int]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    pdfium_c.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
    return r.value, g.value, b.value


def rgb(color) -> tuple[int, int, int]:
    return tuple(round(v * 255) for v in color.rgb())


def extent(page, colour) -> Box:
    """The union of the bounds of the page's own path objects filled `colour`."""
    boxes = [
        obj.get_bounds()
        for obj in page.get_objects(max_depth=1)
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH and fill_of(obj) == colour
    ]
    assert boxes, f"no paths filled {colour}"
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def union(*boxes: Box) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def texts_on(page) -> list[tuple[str, Box]]:
    """Every text object on the page with its bounds."""
    textpage = page.get_textpage()
    found = []
    for obj in page.get_objects(max_depth=1):
        if obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        size = pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
        buffer = (ctypes.c_ushort * (size // 2))()
        pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, buffer, size)
        text = bytes(buffer).decode("utf-16-le").rstrip("\x00")
        found.append((text, obj.get_bounds()))
    return found


def inside(box: Box, area: Box) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= x <= area[2] and area[1] <= y <= area[3]


def page_with(pdf: pdfium.PdfDocument, words: str, within: int = 10_000):
    """The first page whose text starts with `words` (within its first `within` letters)."""
    return next(p for p in pdf if words in p.get_textpage().get_text_range()[:within])


def poppler_pages(pdf: Path, folder: Path, dpi: int = 40) -> int:
    """Render every page with poppler's pdftoppm, which must say nothing on stderr; the number
    of page images it made."""
    done = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / "page")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stderr == ""
    return len(list(folder.glob("page-*.png")))


def text_spans(page) -> list[tuple[str, float]]:
    """Every text object on the page with its letter size as printed (points): the font size
    times the text's scale on the page, so a size set through a transform counts too."""
    sizes = []
    for obj in page.get_objects(max_depth=1):
        if obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        size = ctypes.c_float()
        pdfium_c.FPDFTextObj_GetFontSize(obj.raw, ctypes.byref(size))
        matrix = obj.get_matrix()
        sizes.append(size.value * (matrix.c**2 + matrix.d**2) ** 0.5)
    return [(text, size) for (text, _), size in zip(texts_on(page), sizes, strict=True)]
