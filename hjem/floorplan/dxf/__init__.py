"""DXF drawings as the plan's background (issue 17): read, judge the units, render.

`read_drawing(path)` gives a `Drawing` (its layers with counts, and a verdict on its units);
`render_background(drawing, unit, hidden)` draws it into a Background already calibrated, so
it lies under the plan at its true size. Every problem ends in one `DxfError`.
"""

from hjem.floorplan.dxf.errors import DxfError
from hjem.floorplan.dxf.read import Drawing, read_drawing
from hjem.floorplan.dxf.render import render_background
from hjem.floorplan.dxf.units import CHOICES, UNIT_NAMES, Choice, Unit, Units

__all__ = [
    "CHOICES",
    "UNIT_NAMES",
    "Choice",
    "Drawing",
    "DxfError",
    "Unit",
    "Units",
    "read_drawing",
    "render_background",
]
