"""Benchmark of printing a family's handover document ("Jeres nye hjem", hjem.handover).

Case `handover`: the 3-room sample furnished with 30 pieces (its 21 and 9 more), each with a
photo (1600 × 1200 JPEG at quality 85, drawn by the demo inventory's picture maker with camera
grain added, so it compresses like a photo: ~0.3 MB). Ours prints what the app prints: the
copies the inventory made of each photo once, when it was added (`inventory.photos.process`,
made before the timing); the median time of `build_handover` into memory after a first run,
and the PDF's bytes. Baseline: the same document in the same run with reportlab's defaults:
the ORIGINAL photos handed to reportlab as Pillow images (re-encoded at full resolution with
zlib and ASCII85) and every stream ASCII85-encoded. Case `handover_cold`: ours with the photo
cache emptied before every run (the first print of a case, as every `hjem handover` is).

Cases `handover_script_latin`, `_arabic` and `_ethiopic` (issue 20): the same document in Polish,
Arabic (shaped, right to left, mirrored) and Tigrinya, against the Danish one in the same run
as the baseline (ratio = Danish / ours: at least 0.83 means within 1.2× of Danish), each warm
(after a first run) and `uncached_us` with hjem's text caches emptied before every run.

Targets: ours ≤ 100 ms and ≤ 1 MB; every language within 1.2× of Danish.

Run: python -m bench.handover [--quick]. Prints one JSON line. `--quick` (CI: it must work)
uses 320 × 240 photos and fewer repeats, so its figures are not the ones to quote.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from bench.common import ROOT, case, report
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import Placement, Plan
from hjem.floorplan.shapes import room_at
from hjem.handover import (
    HandoverData,
    HandoverItem,
    build_handover,
    document,
    fonts,
    room_name,
    script,
)
from hjem.handover.photos import clear_cache
from hjem.inventory.demo_pictures import picture
from hjem.inventory.photos import process

PHOTO_SIZE = (1600, 1200)  # the inventory's display JPEG
QUICK_PHOTO_SIZE = (320, 240)
COLOURS = {
    "grå": (128, 128, 132),
    "eg": (176, 134, 88),
    "hvid": (236, 234, 228),
    "blå": (62, 92, 150),
    "sort": (40, 40, 42),
    "grøn": (84, 128, 92),
}

# Nine more pieces for the sample (id, label, category, w, d, h, x, y, rotation, price øre).
EXTRA = (
    ("p22", "Kommode", "kommode", 80, 45, 80, 650, 411.5, 180, None),
    ("p23", "Natbord", "kommode", 40, 35, 50, 670, 42.5, 0, None),
    ("p24", "Babyseng", "barneseng", 60, 120, 90, 580, 265, 90, 149_900),
    ("p25", "Læselampe", "lampe", 30, 30, 140, 965, 415, 0, None),
    ("p26", "Gryder og service", "koekkenudstyr", 40, 30, 30, 300, 700, 0, 60_000),
    ("p27", "Dyner og puder", "tekstiler", 60, 40, 30, 930, 300, 0, None),
    ("p28", "Dukkehus", "legetoej", 60, 30, 70, 900, 415, 180, None),
    ("p29", "Bænk", "andet", 100, 35, 45, 650, 650, 90, None),
    ("p30", "Bademåtte", "taeppe", 80, 50, 1, 450, 720, 0, None),
)


def furnished_plan() -> Plan:
    plan = load_plan(ROOT / "assets" / "samples" / "3-vaerelser.hjem")
    extra = tuple(
        Placement(
            pid, label, cat, w, d, h, Point(x, y), rot, floor_flat=cat == "taeppe", price_ore=price
        )
        for pid, label, cat, w, d, h, x, y, rot, price in EXTRA
    )
    return replace(plan, placements=plan.placements + extra)


def display_jpeg(
    category: str, colour: tuple[int, int, int], seed: int, size: tuple[int, int]
) -> bytes:
    """A stored display JPEG: the demo picture with camera grain, quality 85."""
    drawn = Image.open(io.BytesIO(picture(category, colour, seed, size=size)))
    pixels = np.asarray(drawn.convert("RGB"), dtype=np.int16)
    grain = np.random.default_rng(seed).normal(0, 5, pixels.shape[:2])[..., None]
    noisy = np.clip(pixels + grain, 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(noisy).save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def sample(photo_size: tuple[int, int]) -> HandoverData:
    """The family's copy (no budget) of the furnished sample, in Danish."""
    plan = furnished_plan()
    names = list(COLOURS)
    items = []
    for number, piece in enumerate(plan.placements, start=1):
        colour = names[number % len(names)]
        room = room_at(plan, piece.center)
        items.append(
            HandoverItem(
                number=number,
                placement=piece,
                name=piece.label,
                colour=colour,
                room=room_name(room, "da") if room else "",
                photo=display_jpeg(piece.category, COLOURS[colour], number, photo_size),
                price_ore=piece.price_ore,
                value_ore=25_000 + 5_000 * (number % 7),
                code=None if piece.price_ore else f"H-{1000 + number}",
            )
        )
    return HandoverData(
        plan=plan,
        alias="Familien Sol",
        architect="Anne Ærø",
        contact="anne.aeroe@example.dk · 12 34 56 78",
        made_on=datetime.date(2026, 11, 28),
        lang="da",
        items=tuple(items),
    )


class NaivePhotos:
    """The baseline: the original photo handed to reportlab as a Pillow image, re-encoded."""

    def prepare(self, photo: bytes, box_pt: tuple[float, float]) -> object | None:
        return Image.open(io.BytesIO(photo))

    def draw(
        self, canvas: Canvas, prepared: object, x: float, y: float, w: float, h: float
    ) -> None:
        canvas.drawImage(ImageReader(prepared), x, y, w, h, preserveAspectRatio=True)


def timed(run: Callable[[], bytes], repeats: int, before: Callable[[], None] = lambda: None):
    """The median microseconds of `run` and the bytes it made."""
    times, made = [], b""
    for _ in range(repeats):
        before()
        start = time.perf_counter()
        made = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6, made


def build(data: HandoverData) -> bytes:
    buffer = io.BytesIO()
    build_handover(data, buffer)
    return buffer.getvalue()


def build_naively(data: HandoverData) -> bytes:
    """The same document with reportlab's defaults: original photos, ASCII85 everywhere."""
    buffer = io.BytesIO()
    binary = document.binary_streams
    document.binary_streams = contextlib.nullcontext  # keep reportlab's ASCII85 default
    try:
        build_handover(data, buffer, photos=NaivePhotos())
    finally:
        document.binary_streams = binary
    return buffer.getvalue()


def as_stored(data: HandoverData) -> HandoverData:
    """The items with the photos' copies the inventory keeps (as the gatherer hands them)."""
    items = tuple(
        replace(item, photo=process(item.photo).thumbnail if item.photo else None)
        for item in data.items
    )
    return replace(data, items=items)


SCRIPTS = (("latin", "pl"), ("arabic", "ar"), ("ethiopic", "ti"))


def in_language(data: HandoverData, lang: str) -> HandoverData:
    """The same document in `lang`: its rooms' kinds in that language, typed names as typed."""
    plan = data.plan
    items = tuple(
        replace(
            item,
            room=room_name(room, lang) if (room := room_at(plan, item.placement.center)) else "",
        )
        for item in data.items
    )
    return replace(data, lang=lang, items=items)  # type: ignore[arg-type]


def forget_texts() -> None:
    """Empty hjem's caches of shaped, ordered and measured text (a first print in a language)."""
    script.shaped.cache_clear()
    script.visual.cache_clear()
    fonts.width.cache_clear()
    fonts.line_width.cache_clear()
    fonts.runs.cache_clear()


def interleaved(
    runs: dict[str, Callable[[], bytes]], repeats: int, before: Callable[[], None]
) -> dict[str, float]:
    """The median microseconds of each run, taken in turns (Danish, Polish, Arabic,
    Tigrinya, Danish, ...) so a busy machine slows them all alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            before()
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(each) * 1e6 for name, each in times.items()}


def script_cases(data: HandoverData, quick: bool) -> list[dict]:
    """Each script's document against the Danish one, timed in turns in the same run."""
    documents = {"da": data, **{lang: in_language(data, lang) for _, lang in SCRIPTS}}
    runs = {lang: (lambda d=d: build(d)) for lang, d in documents.items()}
    made = {lang: run() for lang, run in runs.items()}  # first runs: fonts, Babel, caches
    repeats = 5 if quick else 15
    warm = interleaved(runs, repeats, lambda: None)
    cold = interleaved(runs, repeats, forget_texts)
    return [
        case(
            f"handover_script_{name}",
            len(data.items),
            warm[lang],
            warm["da"],
            lang=lang,
            uncached_us=round(cold[lang], 1),
            danish_uncached_us=round(cold["da"], 1),
            uncached_vs_danish=round(cold[lang] / cold["da"], 2),
            pages=len(PdfReader(io.BytesIO(made[lang])).pages),
        )
        for name, lang in SCRIPTS
    ]


def main() -> None:
    quick = "--quick" in sys.argv
    photo_size = QUICK_PHOTO_SIZE if quick else PHOTO_SIZE
    originals = sample(photo_size)
    data = as_stored(originals)
    build(data)  # first run: fonts registered, Babel loaded, the photos' copies cached
    ours, ours_pdf = timed(lambda: build(data), 5 if quick else 21)
    cold, _ = timed(lambda: build(data), 2 if quick else 9, before=clear_cache)
    naive, naive_pdf = timed(lambda: build_naively(originals), 1 if quick else 3)
    common = {
        "ours_bytes": len(ours_pdf),
        "baseline_bytes": len(naive_pdf),
        "pages": len(PdfReader(io.BytesIO(ours_pdf)).pages),
        "photos": sum(1 for i in data.items if i.photo),
        "photo_px": list(photo_size),
        "photo_bytes_in": sum(len(i.photo or b"") for i in originals.items),
        "stored_copy_bytes": sum(len(i.photo or b"") for i in data.items),
    }
    n = len(data.items)
    report(
        "handover",
        [
            case("handover", n, ours, naive, **common),
            case("handover_cold", n, cold, naive, **common),
            *script_cases(data, quick),
        ],
    )


if __name__ == "__main__":
    main()
