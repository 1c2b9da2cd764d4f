"""Doors and windows look the same on screen and on paper: the scene's paths and the PDF's
strokes are both the one geometry of `floorplan.openings` (the PDF read back with pdfium)."""

from __future__ import annotations

import ctypes
import io
import math

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PySide6.QtGui import QPainterPath
from reportlab.pdfgen.canvas import Canvas

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Opening, OpeningKind, Plan, Room, RoomKind, Wall
from hjem.floorplan.openings import opening_geometry
from hjem.handover.frame import PlanFrame
from hjem.handover.plan_drawing import Building, draw_plan
from hjem.ui.scene.items import OpeningItem
from hjem.ui.scene.plan_scene import PlanScene

WALL = Wall("w", Point(0, 0), Point(700, 0), 12)
OPENINGS = {
    "door": Opening("door", "w", OpeningKind.DOOR, 120, 80, opens_to="right"),
    "french": Opening("french", "w", OpeningKind.FRENCH_DOOR, 330, 120, leaves=2),
    "window": Opening("window", "w", OpeningKind.WINDOW, 560, 100, sill_height=90),
}
ROOM = Room("r", "", RoomKind.STUE, (Point(0, 6), Point(700, 6), Point(700, 300), Point(0, 300)))
PLAN = Plan(walls=(WALL,), rooms=(ROOM,), openings=tuple(OPENINGS.values()))
FRAME = PlanFrame(scale=50, window=(-100, -200, 800, 400), left=20, top=800)

Polyline = tuple[Point, ...]


def _expected(opening: Opening) -> list[Polyline]:
    """The strokes the one geometry asks for: lines, then each leaf's arc."""
    geometry = opening_geometry(WALL, opening)
    return [*geometry.lines(), *(leaf.arc() for leaf in geometry.leaves)]


def _scene_polylines(path: QPainterPath) -> list[Polyline]:
    lines: list[list[Point]] = []
    for i in range(path.elementCount()):
        e = path.elementAt(i)
        if e.isMoveTo():
            lines.append([])
        lines[-1].append(Point(e.x, e.y))
    return [tuple(line) for line in lines]


def _pdf_polylines() -> list[Polyline]:
    """Every stroked path on the drawn page, back in plan cm."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(600, 842))
    draw_plan(canvas, FRAME, Building(PLAN, ()), (), "da", numbers=False, names=False)
    canvas.save()
    page = pdfium.PdfDocument(buffer.getvalue())[0]
    found = []
    for obj in page.get_objects(max_depth=1):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            found.append(_plan_points(obj))
    return found


def _plan_points(obj) -> Polyline:
    a, b, c, d, e, f = obj.get_matrix().get()
    points = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
        x, y = ctypes.c_float(), ctypes.c_float()
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
        points.append(
            Point(
                FRAME.window[0] + (px - FRAME.left) / FRAME.k,
                FRAME.window[1] + (FRAME.top - py) / FRAME.k,
            )
        )
    return tuple(points)


def _same(a: Polyline, b: Polyline, tolerance: float) -> bool:
    return len(a) == len(b) and all(math.dist(p, q) <= tolerance for p, q in zip(a, b, strict=True))


@pytest.mark.parametrize("name", list(OPENINGS))
def test_the_scene_strokes_exactly_the_shared_opening_geometry(qtbot, name):
    scene = PlanScene()
    scene.show_plan(PLAN)
    item = scene.item(name)
    assert isinstance(item, OpeningItem)
    drawn = _scene_polylines(item.lines)
    expected = _expected(OPENINGS[name])
    assert len(drawn) == len(expected)
    for want, got in zip(expected, drawn, strict=True):
        assert _same(want, got, 1e-6)
    gap = opening_geometry(WALL, OPENINGS[name]).gap
    assert _same(_scene_polylines(item.hole)[0][:4], gap, 1e-6)


@pytest.mark.parametrize("name", list(OPENINGS))
def test_the_pdf_strokes_the_same_opening_geometry(name):
    drawn = _pdf_polylines()
    for want in _expected(OPENINGS[name]):
        assert any(_same(want, got, 0.05) for got in drawn), f"{name}: {want} not in the PDF"


def test_a_french_door_has_glass_and_two_leaves_on_screen_and_on_paper(qtbot):
    geometry = opening_geometry(WALL, OPENINGS["french"])
    assert len(geometry.glass) == 2 and len(geometry.leaves) == 2
    scene = PlanScene()
    scene.show_plan(PLAN)
    on_screen = _scene_polylines(scene.item("french").lines)
    on_paper = _pdf_polylines()
    for glass in geometry.glass:
        assert any(_same(glass, got, 1e-6) for got in on_screen)
        assert any(_same(glass, got, 0.05) for got in on_paper)


def test_a_plain_door_has_no_glass_and_a_window_no_leaf():
    door, window = (
        opening_geometry(WALL, OPENINGS["door"]),
        opening_geometry(WALL, OPENINGS["window"]),
    )
    assert door.glass == () and len(door.leaves) == 1 and door.frame == ()
    assert window.leaves == () and len(window.glass) == 2 and len(window.frame) == 4
