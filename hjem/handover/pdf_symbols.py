"""Furniture and fixed elements drawn with reportlab, in a plan frame (cm, y down).

The caller sets the canvas up so one unit is one centimetre of the plan with y pointing down
(`plan_drawing.PlanFrame`); line widths are given in cm for that reason. Symbols are the plain
data of `hjem.floorplan.symbols`, filled with the same print greys the editor prints with.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from hjem.floorplan.model import Fixture, FixtureKind, Placement
from hjem.floorplan.symbols import Circle, Line, Polyline, Primitive, Rect, Stroke, Tone, symbol
from hjem.handover import style

# As `hjem.ui.scene.symbols.PRINT_FILLS`: plain greys, far enough apart to tell parts apart.
PRINT_FILLS: dict[Tone, Color] = {
    Tone.PAPER: Color(1, 1, 1),
    Tone.LIGHT: Color(0.91, 0.91, 0.91),
    Tone.MID: Color(0.76, 0.76, 0.76),
    Tone.DARK: Color(0.48, 0.48, 0.48),
}
FINE_SHARE = 0.6
HIDDEN_DASHES = (4.0, 3.0)  # in line widths
RUG_FILL = Color(0.96, 0.94, 0.90)
FIXTURE_FILL = Color(0.86, 0.86, 0.86)


FORM_LINE = 1.1  # cm: 0.31 pt at 1:100, 0.62 pt at 1:50


def place_piece(canvas: Canvas, piece: Placement, dashed: bool = False) -> None:
    """A piece at its place in a plan frame, from a form drawn once per kind and size: the
    home, the cover and the room page share it (and four equal chairs share one)."""
    name = f"hjem-piece-{piece.category}-{piece.width:.2f}-{piece.depth:.2f}"
    name += f"-{int(piece.floor_flat)}{int(dashed)}"
    if not canvas.hasForm(name):
        w, d = piece.width / 2 + FORM_LINE, piece.depth / 2 + FORM_LINE
        # types-reportlab types the form's bounding box as int; reportlab takes any number.
        canvas.beginForm(name, -w, -d, w, d)  # type: ignore[arg-type]
        _body(canvas, piece, FORM_LINE, dashed)
        canvas.endForm()
    canvas.saveState()
    canvas.transform(*_placing(piece))
    canvas.doForm(name)
    canvas.restoreState()


def _placing(piece: Placement) -> tuple[float, float, float, float, float, float]:
    """The matrix turning a piece's own frame into the plan's: rotate, then move."""
    c, s = math.cos(math.radians(piece.rotation)), math.sin(math.radians(piece.rotation))
    return c, s, -s, c, piece.center.x, piece.center.y


def draw_piece(canvas: Canvas, piece: Placement, line: float, dashed: bool = False) -> None:
    """A piece's footprint and its symbol at its place; `line` is the line width in cm."""
    canvas.saveState()
    canvas.translate(*piece.center)
    canvas.rotate(piece.rotation)
    _body(canvas, piece, line, dashed)
    canvas.restoreState()


def _body(canvas: Canvas, piece: Placement, line: float, dashed: bool) -> None:
    """The footprint and the symbol in the piece's own frame (centre at the origin)."""
    w, d = piece.width, piece.depth
    canvas.setStrokeColor(style.FURNITURE_LINE)
    canvas.setFillColor(RUG_FILL if piece.floor_flat else PRINT_FILLS[Tone.PAPER])
    canvas.setLineWidth(line)
    if dashed or piece.floor_flat:
        canvas.setDash(line * 4, line * 3)
    canvas.rect(-w / 2, -d / 2, w, d, stroke=1, fill=1)
    canvas.setDash()
    draw_symbol(canvas, symbol(piece.category, w, d), line)


def draw_symbol(canvas: Canvas, primitives: tuple[Primitive, ...], line: float) -> None:
    current = None
    for p in primitives:
        fill = _fill_of(p)
        stroke = p.stroke
        width = line * (FINE_SHARE if stroke is Stroke.FINE else 1.0)
        if width != current:
            canvas.setLineWidth(width)
            current = width
        if stroke is Stroke.HIDDEN:
            canvas.setDash(width * HIDDEN_DASHES[0], width * HIDDEN_DASHES[1])
        if fill is not Tone.NONE:
            canvas.setFillColor(PRINT_FILLS[fill])
        _draw(canvas, p, int(stroke is not Stroke.NONE), int(fill is not Tone.NONE))
        if stroke is Stroke.HIDDEN:
            canvas.setDash()


def _fill_of(p: Primitive) -> Tone:
    if isinstance(p, Line) or (isinstance(p, Polyline) and not p.closed):
        return Tone.NONE
    return p.fill


def _draw(canvas: Canvas, p: Primitive, stroke: int, fill: int) -> None:
    if not (stroke or fill):
        return
    match p:
        case Rect():
            if p.radius > 0:
                canvas.roundRect(p.x, p.y, p.w, p.h, p.radius, stroke=stroke, fill=fill)
            else:
                canvas.rect(p.x, p.y, p.w, p.h, stroke=stroke, fill=fill)
        case Line():
            if stroke:
                canvas.line(p.x1, p.y1, p.x2, p.y2)
        case Circle():
            canvas.circle(p.cx, p.cy, p.r, stroke=stroke, fill=fill)
        case Polyline():
            path = canvas.beginPath()
            path.moveTo(*p.points[0])
            for point in p.points[1:]:
                path.lineTo(*point)
            if p.closed:
                path.close()
            canvas.drawPath(path, stroke=stroke, fill=fill if p.closed else 0)


def draw_fixture(canvas: Canvas, fixture: Fixture, line: float) -> None:
    """Radiators with their fins, the kitchen counter with a sink and a hob, a built-in
    wardrobe crossed, a column solid: as the editor draws them."""
    canvas.saveState()
    canvas.translate(*fixture.center)
    canvas.rotate(fixture.rotation)
    w, d = fixture.width, fixture.depth
    column = fixture.kind is FixtureKind.COLUMN
    canvas.setFillColor(style.WALL if column else FIXTURE_FILL)
    canvas.setStrokeColor(style.FURNITURE_LINE)
    canvas.setLineWidth(line)
    canvas.rect(-w / 2, -d / 2, w, d, stroke=1, fill=1)
    canvas.setLineWidth(line * FINE_SHARE)
    if fixture.kind is FixtureKind.RADIATOR:
        fins = max(2, int(w / 8))
        for i in range(1, fins):
            x = -w / 2 + i * w / fins
            canvas.line(x, -d / 2, x, d / 2)
    elif fixture.kind is FixtureKind.BUILTIN_WARDROBE:
        canvas.line(-w / 2, -d / 2, w / 2, d / 2)
        canvas.line(-w / 2, d / 2, w / 2, -d / 2)
    elif fixture.kind is FixtureKind.KITCHEN_COUNTER:
        _kitchen(canvas, w, d, line)
    canvas.restoreState()


def _kitchen(canvas: Canvas, w: float, d: float, line: float) -> None:
    """A sink a third along and a hob towards the other end, if the counter is long enough."""
    side = min(d * 0.75, 60.0)
    if w < 2.2 * side:
        return
    canvas.setFillColor(PRINT_FILLS[Tone.PAPER])
    sink_x = -w / 2 + w * 0.3
    canvas.roundRect(sink_x - side * 0.45, -side / 2, side * 0.9, side, side * 0.15, 1, 1)
    hob_x = w / 2 - side * 0.5 - 8
    for sx, sy, r in ((-1, -1, 0.19), (1, -1, 0.14), (-1, 1, 0.14), (1, 1, 0.19)):
        canvas.circle(hob_x + sx * side / 4, sy * side / 4, r * side, stroke=1, fill=0)
