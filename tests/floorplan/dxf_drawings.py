"""DXF drawings made with ezdxf for the tests, and a way to look at pixels of the result."""

from __future__ import annotations

import io
from pathlib import Path

import ezdxf
from ezdxf.document import Drawing as EzdxfDrawing
from PIL import Image

from hjem.floorplan.dxf.render import MARGIN_PX
from hjem.floorplan.model import Background

INSUNITS = {"in": 1, "mm": 4, "cm": 5, "m": 6}
CM = {"in": 2.54, "mm": 0.1, "cm": 1.0, "m": 100.0}


def apartment(unit: str = "mm", insunits: int | None = None, doors: int = 3) -> EzdxfDrawing:
    """A 10 m × 6 m flat drawn in `unit`, with `doors` door leaves of 90 cm (each a line
    and a quarter-circle arc). `insunits` is the header's code (default: the unit's; 0: none)."""
    per_cm = 1 / CM[unit]
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = INSUNITS[unit] if insunits is None else insunits
    msp = doc.modelspace()
    frame = [(0, 0), (1000, 0), (1000, 600), (0, 600)]
    msp.add_lwpolyline([(x * per_cm, y * per_cm) for x, y in frame], close=True)
    msp.add_line((400 * per_cm, 0), (400 * per_cm, 600 * per_cm), dxfattribs={"layer": "walls"})
    for i in range(doors):
        x = (100 + 250 * i) * per_cm
        msp.add_line((x, 0), (x, 90 * per_cm), dxfattribs={"layer": "doors"})
        msp.add_arc((x, 0), 90 * per_cm, 0, 90, dxfattribs={"layer": "doors"})
    return doc


def save(doc: EzdxfDrawing, folder: Path, name: str = "drawing.dxf") -> Path:
    path = folder / name
    doc.saveas(path)
    return path


def text(doc: EzdxfDrawing) -> str:
    out = io.StringIO()
    doc.write(out)
    return out.getvalue()


def image(background: Background) -> Image.Image:
    return Image.open(io.BytesIO(background.image))


def ink_at(
    background: Background, x_cm: float, y_cm: float, top_cm: float, left_cm: float = 0.0
) -> bool:
    """Whether there is a line within a pixel of drawing point (x, y) (in cm, y up), for a
    drawing whose extents start at `left_cm` and end at the top at `top_cm`."""
    picture = image(background)
    u = round((x_cm - left_cm) / background.cm_per_pixel + MARGIN_PX)
    v = round((top_cm - y_cm) / background.cm_per_pixel + MARGIN_PX)
    around = [
        picture.getpixel((u + du, v + dv))
        for du in (-1, 0, 1)
        for dv in (-1, 0, 1)
        if 0 <= u + du < picture.width and 0 <= v + dv < picture.height
    ]
    return min(around) < 128  # type: ignore[type-var]
