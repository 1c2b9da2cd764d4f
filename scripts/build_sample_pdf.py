"""Draw the 3-room sample the way a housing association hands it out, as a PDF plan.

Run `python scripts/build_sample_pdf.py` after a change to the 3-room sample; it writes
`assets/samples/3-vaerelser-plan.pdf`: an A3 landscape vector drawing at exactly 1:50,
unfurnished (walls, doors, windows, rooms), with a title block, a 5 m scale bar and two
dimension lines along the outer walls, the ones a volunteer clicks to calibrate a background.
`scale_reference()` tells the tests where the top dimension line's ends are on the page, so
they can check that calibration gives the true scale.
"""

from __future__ import annotations

import math
from pathlib import Path

import shapely
from reportlab.lib.pagesizes import A3, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, Canvas

from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import Opening, OpeningKind, Plan, RoomKind, Wall
from hjem.floorplan.shapes import net_area_m2, room_at, room_polygon
from hjem.floorplan.walls import opening_rect, wall_solids
from hjem.i18n import tr

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"
TARGET = ROOT / "assets" / "samples" / "3-vaerelser-plan.pdf"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

SCALE = 50  # 1:50 — one cm on paper is 50 cm in the apartment
PT_PER_CM_PAPER = 72 / 2.54
K = PT_PER_CM_PAPER / SCALE  # page points per plan cm
PAGE_W, PAGE_H = landscape(A3)
ORIGIN_PT = (190.0, 215.0)  # where the plan's (0, 0) lies, in points from the page's top-left
WALL_GREY = 0.3

# The outer walls' outside faces (the plan's walls are 30 cm thick, centred on 0 and 1000/820).
LEFT, TOP, RIGHT, BOTTOM = -15.0, -15.0, 1015.0, 835.0
TOP_LINE_Y = -235.0  # the top dimension line runs above the balcony
LEFT_LINE_X = -95.0
TITLE = "Boligselskabet Eksempel · Lejlighed 3 vær. · 1:50"


def scale_reference() -> tuple[tuple[float, float], tuple[float, float], float]:
    """The top dimension line's two ends, in points from the page's top-left, and its length
    in cm: click those two points and type the length to calibrate a rendered page."""
    (x1, y1), (x2, y2) = (LEFT, TOP_LINE_Y), (RIGHT, TOP_LINE_Y)
    return _from_top_left(x1, y1), _from_top_left(x2, y2), x2 - x1


def _from_top_left(x: float, y: float) -> tuple[float, float]:
    return ORIGIN_PT[0] + x * K, ORIGIN_PT[1] + y * K


def _page(x: float, y: float) -> tuple[float, float]:
    """Plan cm (y down) to reportlab's points (from the bottom-left, y up)."""
    px, py = _from_top_left(x, y)
    return px, PAGE_H - py


def _fonts() -> tuple[str, str]:
    """DejaVu Sans (embedded, with æ, ø, å) if the system has it; otherwise Helvetica."""
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if not (regular.is_file() and bold.is_file()):
        return "Helvetica", "Helvetica-Bold"
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
    return "DejaVuSans", "DejaVuSans-Bold"


def _path(c: Canvas, geometry: shapely.Geometry):  # type: ignore[no-untyped-def]
    path = c.beginPath()
    for polygon in getattr(geometry, "geoms", [geometry]):
        for ring in (polygon.exterior, *polygon.interiors):
            points = [_page(x, y) for x, y in ring.coords]
            path.moveTo(*points[0])
            for point in points[1:]:
                path.lineTo(*point)
            path.close()
    return path


def _line(c: Canvas, a: tuple[float, float], b: tuple[float, float]) -> None:
    c.line(*_page(*a), *_page(*b))


# --- the building ------------------------------------------------------------------------------


def draw_walls(c: Canvas, plan: Plan) -> None:
    walls = shapely.union_all(list(wall_solids(plan).values()))
    c.setFillGray(WALL_GREY)
    c.setLineWidth(0.5)
    c.drawPath(_path(c, walls), fill=1, stroke=1, fillMode=FILL_EVEN_ODD)


def draw_windows(c: Canvas, plan: Plan) -> None:
    """A window is a white gap in the wall with its faces and a double line for the glass."""
    c.setFillGray(1.0)
    for opening in plan.openings:
        if opening.kind is not OpeningKind.WINDOW:
            continue
        wall = plan.wall_of(opening)
        c.setLineWidth(0.4)
        c.drawPath(_path(c, opening_rect(wall, opening)), fill=1, stroke=1)
        a, b = opening.offset - opening.width / 2, opening.offset + opening.width / 2
        c.setLineWidth(0.25)
        for side in (-2.5, 2.5):
            _line(c, wall.point_at(a, side), wall.point_at(b, side))


def draw_doors(c: Canvas, plan: Plan) -> None:
    """Each leaf as a line standing open at its swing angle, and the arc its edge sweeps."""
    for opening in plan.openings:
        if not opening.is_passable or opening.swing_angle <= 0:
            continue  # an open passage: the gap in the wall says it all
        wall = plan.wall_of(opening)
        a, b = opening.offset - opening.width / 2, opening.offset + opening.width / 2
        if opening.leaves == 2:
            leaves = [(a, 1.0, opening.width / 2), (b, -1.0, opening.width / 2)]
        else:
            hinge_at, toward = (a, 1.0) if opening.hinge == "start" else (b, -1.0)
            leaves = [(hinge_at, toward, opening.width)]
        for hinge_at, toward, length in leaves:
            _draw_leaf(c, wall, opening, (hinge_at, toward, length))


def _draw_leaf(c: Canvas, wall: Wall, opening: Opening, leaf: tuple[float, float, float]) -> None:
    """One leaf hinged `hinge_at` cm along the wall, closing `toward` (+1/-1) its far jamb."""
    hinge_at, toward, length = leaf
    sign = 1.0 if opening.opens_to == "left" else -1.0
    hinge = wall.point_at(hinge_at, sign * wall.thickness / 2)
    along = wall.point_at(hinge_at + toward, sign * wall.thickness / 2)
    into = wall.point_at(hinge_at, sign * (wall.thickness / 2 + 1))
    closed = (along.x - hinge.x, along.y - hinge.y)  # unit vector along the closed leaf
    normal = (into.x - hinge.x, into.y - hinge.y)  # unit vector into the room it opens to
    angle = math.radians(opening.swing_angle)
    arc = [
        (
            hinge.x + length * (closed[0] * math.cos(t) + normal[0] * math.sin(t)),
            hinge.y + length * (closed[1] * math.cos(t) + normal[1] * math.sin(t)),
        )
        for t in (angle * i / 24 for i in range(25))
    ]
    c.setLineWidth(0.7)
    _line(c, hinge, arc[-1])
    c.setLineWidth(0.25)
    c.setDash(2, 1.5)
    path = c.beginPath()
    path.moveTo(*_page(*arc[0]))
    for point in arc[1:]:
        path.lineTo(*_page(*point))
    c.drawPath(path, fill=0, stroke=1)
    c.setDash()


def draw_rooms(c: Canvas, plan: Plan, fonts: tuple[str, str]) -> None:
    """Room name and net area at each room's centre; the balcony also gets its railing."""
    c.setFillGray(0.0)
    for room in plan.rooms:
        polygon = room_polygon(room)
        if room.kind is RoomKind.ALTAN:
            c.setLineWidth(0.5)
            c.drawPath(_path(c, polygon), fill=0, stroke=1)
            c.drawPath(_path(c, polygon.buffer(-4, join_style="mitre")), fill=0, stroke=1)
        x, y = _page(*polygon.centroid.coords[0])
        area = f"{net_area_m2(plan, room):.1f}".replace(".", ",")
        c.setFont(fonts[1], 9)
        c.drawCentredString(x, y + 2, room.name or tr(f"room_kind.{room.kind.value}.name", "da"))
        c.setFont(fonts[0], 8)
        c.drawCentredString(x, y - 9, f"{area} m²")


def draw_entrance(c: Canvas, plan: Plan, font: str) -> None:
    """ "Indgang" on the stair side of the entrance door: whichever side is in no room."""
    entrance = plan.entrance()
    if entrance is None:
        return
    wall = plan.wall_of(entrance)
    reach = wall.thickness / 2 + 40
    spots = [wall.point_at(entrance.offset, side) for side in (reach, -reach)]
    outside = next((p for p in spots if room_at(plan, p) is None), spots[0])
    x, y = _page(*outside)
    c.setFont(font, 8)
    c.drawCentredString(x, y - 3, "Indgang")


# --- dimensions, scale bar, title block ------------------------------------------------------


def _tick(c: Canvas, x: float, y: float) -> None:
    """An architect's 45° slash marking a dimension line's end (page points)."""
    c.setLineWidth(0.8)
    c.line(x - 3, y - 3, x + 3, y + 3)


def draw_dimensions(c: Canvas, font: str) -> None:
    """The top outer wall's overall length and the left wall's, in cm, as Danish plans give."""
    c.setStrokeGray(0.0)
    c.setLineWidth(0.3)
    for x in (LEFT, RIGHT):  # extension lines from the wall corners past the dimension line
        _line(c, (x, TOP - 8), (x, TOP_LINE_Y - 12))
    for y in (TOP, BOTTOM):
        _line(c, (LEFT - 8, y), (LEFT_LINE_X - 12, y))
    _line(c, (LEFT - 12, TOP_LINE_Y), (RIGHT + 12, TOP_LINE_Y))
    _line(c, (LEFT_LINE_X, TOP - 12), (LEFT_LINE_X, BOTTOM + 12))
    for point in (
        (LEFT, TOP_LINE_Y),
        (RIGHT, TOP_LINE_Y),
        (LEFT_LINE_X, TOP),
        (LEFT_LINE_X, BOTTOM),
    ):
        _tick(c, *_page(*point))
    c.setFont(font, 9)
    x, y = _page((LEFT + RIGHT) / 2, TOP_LINE_Y)
    c.drawCentredString(x, y + 4, f"{RIGHT - LEFT:.0f}")
    x, y = _page(LEFT_LINE_X, (TOP + BOTTOM) / 2)
    c.saveState()
    c.translate(x - 4, y)
    c.rotate(90)
    c.drawCentredString(0, 0, f"{BOTTOM - TOP:.0f}")
    c.restoreState()


def draw_scale_bar(c: Canvas, font: str) -> None:
    """A 5 m bar in metre blocks, under the plan."""
    x0, y0 = _page(LEFT, BOTTOM + 150)
    c.setLineWidth(0.4)
    c.setFont(font, 7)
    for metre in range(5):
        c.setFillGray(0.0 if metre % 2 == 0 else 1.0)
        c.rect(x0 + metre * 100 * K, y0, 100 * K, 5, fill=1, stroke=1)
    c.setFillGray(0.0)
    for metre in range(6):
        c.drawCentredString(
            x0 + metre * 100 * K, y0 - 9, f"{metre} m" if metre == 5 else str(metre)
        )
    c.drawString(x0, y0 + 9, "Målestok 1:50 (A3)")


def draw_title_block(c: Canvas, plan: Plan, fonts: tuple[str, str]) -> None:
    """The housing association's block in the bottom right corner, framed like a drawing sheet."""
    living = sum(net_area_m2(plan, r) for r in plan.rooms if r.kind is not RoomKind.ALTAN)
    rows = [
        ("Tegning", "Plan, 2. sal"),
        ("Boligareal", f"ca. {living:.0f} m² + altan"),
        ("Mål", "1:50 ved A3 · alle mål i cm"),
        ("Tegn.nr.", "E-301"),
    ]
    left, bottom, width, row = PAGE_W - 30 - 330, 30.0, 330.0, 17.0
    height = row * (len(rows) + 2)
    c.setLineWidth(0.8)
    c.rect(20, 20, PAGE_W - 40, PAGE_H - 40)  # the sheet's frame
    c.rect(left, bottom, width, height)
    c.setLineWidth(0.3)
    for i in range(1, len(rows) + 1):
        c.line(left, bottom + i * row, left + width, bottom + i * row)
    c.line(left + 70, bottom, left + 70, bottom + len(rows) * row)
    c.setFont(fonts[1], 11)
    c.drawString(left + 8, bottom + height - 22, TITLE)
    for i, (label, value) in enumerate(reversed(rows)):
        c.setFont(fonts[0], 7)
        c.drawString(left + 6, bottom + i * row + 6, label)
        c.setFont(fonts[0], 9)
        c.drawString(left + 78, bottom + i * row + 5, value)
    c.setFont(fonts[0], 7)
    c.drawString(left, bottom + height + 6, "Mål kontrolleres på stedet. Møbler er ikke vist.")


def build(target: Path = TARGET) -> None:
    plan = load_plan(SOURCE)
    fonts = _fonts()
    c = Canvas(str(target), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle(TITLE)
    c.setAuthor("Boligselskabet Eksempel")
    c.setCreator("hjem scripts/build_sample_pdf.py")
    draw_walls(c, plan)
    draw_windows(c, plan)
    draw_doors(c, plan)
    draw_rooms(c, plan, fonts)
    draw_entrance(c, plan, fonts[0])
    draw_dimensions(c, fonts[0])
    draw_scale_bar(c, fonts[0])
    draw_title_block(c, plan, fonts)
    c.showPage()
    c.save()


if __name__ == "__main__":
    build()
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size} bytes)")
