"""Benchmark: a ~10 MB DXF drawing read and rendered into a calibrated background (issue 17:
≤ 3 s, with progress). Ours is `read_drawing` + `render_background`; the naive twin, in the
same run, is ezdxf's plain `readfile` with every entity (block references expanded by
ezdxf's `virtual_entities`) turned into an `ezdxf.path` path, flattened and drawn one by one.

The drawing is made here by ezdxf: a block of flats (walls, rooms, 600 door blocks, arcs,
circles, text), repeated until the file is about 10 MB.

Run: python -m bench.dxf_render [--quick]. Prints one JSON line."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from bench.common import case, report

TARGET_BYTES = 10 * 1024 * 1024
TARGET_S = 3.0
PIXELS_PER_MM = 0.02  # 0.5 cm per pixel, as ours draws


def make_drawing(path: Path, target_bytes: int = TARGET_BYTES) -> None:
    """Flats of 10 × 6 m (in mm) in a grid, until the file reaches `target_bytes`."""
    import ezdxf

    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    door = doc.blocks.new("DOOR")
    door.add_line((0, 0), (0, 900))
    door.add_arc((0, 0), 900, 0, 90)
    msp = doc.modelspace()
    rng = random.Random(17)
    flat = 0
    while True:
        x0, y0 = (flat % 10) * 11_000, (flat // 10) * 7_000
        _flat(msp, rng, x0, y0)
        flat += 1
        if flat % 20 == 0:
            doc.saveas(path)
            if path.stat().st_size >= target_bytes:
                return


def _flat(msp, rng: random.Random, x0: float, y0: float) -> None:
    outline = [(x0, y0), (x0 + 10_000, y0), (x0 + 10_000, y0 + 6_000), (x0, y0 + 6_000)]
    msp.add_lwpolyline(outline, close=True, dxfattribs={"layer": "A-WALL"})
    for i in range(300):  # wall hatching and furniture lines
        x, y = x0 + rng.uniform(0, 10_000), y0 + rng.uniform(0, 6_000)
        end = (x + rng.uniform(-400, 400), y + rng.uniform(-400, 400))
        msp.add_line((x, y), end, dxfattribs={"layer": f"A-DETAIL-{i % 5}"})
    for i in range(6):
        msp.add_blockref(
            "DOOR",
            (x0 + 800 + 1500 * i, y0),
            dxfattribs={"layer": "A-DOOR", "rotation": 90 * (i % 4)},
        )
        msp.add_circle((x0 + 500 + 1500 * i, y0 + 3_000), 300, dxfattribs={"layer": "A-FURN"})
        msp.add_arc((x0 + 700 * i, y0 + 5_000), 500, 30, 250, dxfattribs={"layer": "A-FURN"})
    msp.add_text("Stue", dxfattribs={"layer": "A-TEXT", "insert": (x0 + 2_000, y0 + 2_000)})


def ours(path: Path) -> tuple[int, int]:
    from hjem.floorplan.dxf import read_drawing, render_background

    told: list[int] = []
    drawing = read_drawing(path, lambda done, total: told.append(done))
    render_background(drawing, "mm", progress=lambda done, total: told.append(done))
    return sum(count for _, count in drawing.layers), len(told)


def naive(path: Path) -> None:
    """ezdxf's ordinary way: load everything, then one path per entity, drawn at once."""
    import ezdxf
    from ezdxf import path as ezpath
    from PIL import Image, ImageDraw

    doc = ezdxf.readfile(path)
    paths = []
    for entity in _expanded(doc.modelspace()):
        try:
            paths.append(ezpath.make_path(entity))
        except TypeError:  # text and the like have no path
            continue
    points = [list(p.flattening(distance=5)) for p in paths]
    xs = [v.x for shape in points for v in shape]
    ys = [v.y for shape in points for v in shape]
    left, top = min(xs), max(ys)
    size = (int((max(xs) - left) * PIXELS_PER_MM) + 9, int((top - min(ys)) * PIXELS_PER_MM) + 9)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for shape in points:
        if len(shape) > 1:
            xy = [
                ((v.x - left) * PIXELS_PER_MM + 4, (top - v.y) * PIXELS_PER_MM + 4) for v in shape
            ]
            draw.line(xy, fill=0)
    image.save(path.with_suffix(".naive.png"))


def _expanded(layout):
    for entity in layout:
        if entity.dxftype() == "INSERT":
            yield from _expanded(entity.virtual_entities())
        else:
            yield entity


def seconds(run, path: Path) -> tuple[float, float, object]:
    """Wall and CPU seconds of `run(path)`, and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run(path)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> None:
    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "flats.dxf"
        make_drawing(path, TARGET_BYTES // 10 if quick else TARGET_BYTES)
        size = path.stat().st_size
        runs = [seconds(ours, path) for _ in range(1 if quick else 3)]
        wall, cpu, (entities, reports) = sorted(runs, key=lambda run: run[0])[len(runs) // 2]
        naive_wall, _, _ = seconds(naive, path)
    row = case(
        "read_and_render",
        entities,
        wall * 1e6,
        naive_wall * 1e6,
        megabytes=round(size / 1024 / 1024, 1),
        cpu_us=round(cpu * 1e6, 1),
        progress_reports=reports,
        target_us=TARGET_S * 1e6,
    )
    report("dxf_render", [row])


if __name__ == "__main__":
    main()
