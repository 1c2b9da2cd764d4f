"""A DXF drawing of a sample plan, as a housing association might hand it out: millimetres,
y up, walls as outlines, doors as a scaled and turned block of a unit leaf with its arc,
windows as three lines, a furniture layer and the room names as text.

Used by scripts/dxf_screenshot.py (docs/screenshots/dxf-background.png); run on its own it
writes the 3-room sample's drawing: `python -m scripts.build_sample_dxf OUT.dxf`."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import ezdxf
from ezdxf.document import Drawing

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hjem.floorplan.hjemfile import load_plan  # noqa: E402
from hjem.floorplan.model import OpeningKind, Plan, Wall  # noqa: E402

MM = 10.0  # per cm


def drawing(plan: Plan) -> Drawing:
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    leaf = doc.blocks.new("DØR")
    leaf.add_line((0, 0), (0, 1))
    leaf.add_arc((0, 0), 1, 0, 90)
    msp = doc.modelspace()
    walls = {wall.id: wall for wall in plan.walls}
    for wall in plan.walls:
        msp.add_lwpolyline(_outline(wall), close=True, dxfattribs={"layer": "A-VÆG"})
    for opening in plan.openings:
        wall = walls[opening.wall_id]
        if opening.kind is OpeningKind.WINDOW:
            _window(msp, wall, opening.offset, opening.width)
        else:
            _door(msp, wall, opening.offset, opening.width, opening.hinge == "end")
    for room in plan.rooms:
        x = sum(p.x for p in room.polygon) / len(room.polygon)
        y = sum(p.y for p in room.polygon) / len(room.polygon)
        msp.add_text(
            room.name or room.kind.value, height=200, dxfattribs={"layer": "A-TEKST"}
        ).set_placement(_mm(x, y))
        msp.add_circle(_mm(x, y + 60), 400, dxfattribs={"layer": "A-INVENTAR"})
    return doc


def _mm(x: float, y: float) -> tuple[float, float]:
    return (x * MM, -y * MM)  # the plan's y points down, the drawing's up


def _outline(wall: Wall) -> list[tuple[float, float]]:
    half = wall.thickness / 2
    corners = [
        wall.point_at(0, half),
        wall.point_at(wall.length, half),
        wall.point_at(wall.length, -half),
        wall.point_at(0, -half),
    ]
    return [_mm(p.x, p.y) for p in corners]


def _window(msp, wall: Wall, offset: float, width: float) -> None:
    for side in (-wall.thickness / 2, 0.0, wall.thickness / 2):
        a, b = wall.point_at(offset - width / 2, side), wall.point_at(offset + width / 2, side)
        msp.add_line(_mm(a.x, a.y), _mm(b.x, b.y), dxfattribs={"layer": "A-VINDUE"})


def _door(msp, wall: Wall, offset: float, width: float, hinge_at_end: bool) -> None:
    direction = -1.0 if hinge_at_end else 1.0
    hinge = wall.point_at(offset - direction * width / 2, -wall.thickness / 2)
    angle = -wall.angle if direction > 0 else 180 - wall.angle  # y flipped: angles turn back
    ref = msp.add_blockref("DØR", _mm(hinge.x, hinge.y), dxfattribs={"layer": "A-DØR"})
    ref.dxf.xscale = ref.dxf.yscale = width * MM
    ref.dxf.rotation = angle % 360
    ref.dxf.yscale *= -1 if direction > 0 else 1  # the leaf swings away from the wall
    assert math.isfinite(ref.dxf.rotation)


if __name__ == "__main__":
    drawing(load_plan(ROOT / "assets" / "samples" / "3-vaerelser.hjem")).saveas(sys.argv[1])
