"""One top-view drawing per furniture category, for any width and depth.

Each drawing gets the piece's width and depth (cm) and returns primitives inside the footprint
[-w/2, w/2] × [-d/2, d/2]; the footprint's own outline is not part of the drawing. Details are
a share of the size, kept between sensible centimetre limits (`part`), so a 160 cm and a 300 cm
sofa both get arms of a believable width.

Data conventions: beds have width = the short side and their head at the back (-y); everything
else has width along the wall, its back at -y and its front (doors, drawers, seat) at +y.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from hjem.floorplan.symbol_primitives import (
    Circle,
    Line,
    Polyline,
    Primitive,
    Rect,
    Stroke,
    Tone,
)

Parts = list[Primitive]
Drawing = Callable[[float, float], Parts]

BED_TWO_PILLOWS_FROM = 120.0  # cm: narrower beds are for one person, one pillow


def part(size: float, share: float, lo: float, hi: float, at_most: float = 0.5) -> float:
    """`share` of `size`, kept within lo..hi cm, yet never more than `at_most` of the size."""
    return min(max(size * share, lo), hi, size * at_most)


def box(
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    fill: Tone = Tone.NONE,
    radius: float = 0.0,
    stroke: Stroke = Stroke.LINE,
) -> Rect:
    """A rectangle from its edges; the corner radius shrinks to fit a small box."""
    w, h = x1 - x0, y1 - y0
    return Rect(x0, y0, w, h, max(0.0, min(radius, w / 2, h / 2)), fill, stroke)


def spread(start: float, end: float, count: int) -> Iterator[float]:
    """`count` evenly spaced positions strictly between start and end."""
    step = (end - start) / (count + 1)
    return (start + step * (i + 1) for i in range(count))


def cells(start: float, end: float, count: int, gap: float) -> Iterator[tuple[float, float]]:
    """`count` equal cells from start to end with `gap` between them (and none at the ends)."""
    size = (end - start - gap * (count - 1)) / count
    return ((start + i * (size + gap), start + i * (size + gap) + size) for i in range(count))


# --- beds ---------------------------------------------------------------------------------


def bed(w: float, d: float) -> Parts:
    """Pillows at the head, a duvet with the sheet turned down over it."""
    m = part(min(w, d), 0.03, 1.5, 4)
    pillow = part(d, 0.2, 8, 40, at_most=0.3)
    head = -d / 2 + m
    duvet_top = head + pillow + m
    fold = part(d, 0.09, 4, 18, at_most=0.15)
    return [
        *pillows(-w / 2 + m, w / 2 - m, head, head + pillow, 1 if w < BED_TWO_PILLOWS_FROM else 2),
        box(-w / 2 + m, duvet_top, w / 2 - m, d / 2 - m, Tone.LIGHT, radius=m),
        box(-w / 2 + m, duvet_top, w / 2 - m, duvet_top + fold, Tone.PAPER, radius=m),
    ]


def pillows(x0: float, x1: float, y0: float, y1: float, count: int) -> Parts:
    """Pillows about 60 cm wide, centred each in its share of the bed."""
    gap = part(x1 - x0, 0.04, 1, 4)
    result: Parts = []
    for left, right in cells(x0, x1, count, gap):
        width = min(right - left, 65.0)
        centre = (left + right) / 2
        result.append(box(centre - width / 2, y0, centre + width / 2, y1, Tone.PAPER, radius=5))
    return result


def mattress(w: float, d: float) -> Parts:
    """A bare mattress: a welt all round and buttoned tufting."""
    m = part(min(w, d), 0.05, 1.5, 5)
    tuft = part(min(w, d), 0.02, 0.6, 1.5)
    columns = max(1, round((w - 2 * m) / 30))
    rows = max(1, round((d - 2 * m) / 30))
    return [
        box(-w / 2 + m, -d / 2 + m, w / 2 - m, d / 2 - m, radius=2 * m, stroke=Stroke.FINE),
        *(
            Circle(x, y, tuft, Tone.DARK, Stroke.NONE)
            for x in spread(-w / 2, w / 2, columns)
            for y in spread(-d / 2, d / 2, rows)
        ),
    ]


def cot(w: float, d: float) -> Parts:
    """A child's bed: bars all round the mattress, one small pillow."""
    rail = part(min(w, d), 0.07, 2, 6, at_most=0.2)
    inner = (-w / 2 + rail, -d / 2 + rail, w / 2 - rail, d / 2 - rail)
    pillow = part(d, 0.16, 5, 25, at_most=0.3)
    return [
        *bars(w, d, rail),
        box(*inner, Tone.LIGHT, radius=2),
        *pillows(inner[0] + 2, inner[2] - 2, inner[1] + 2, inner[1] + 2 + pillow, 1),
    ]


def bars(w: float, d: float, rail: float) -> Parts:
    """Short lines across the rail, about every 9 cm on each side."""
    result: Parts = []
    for x in spread(-w / 2 + rail, w / 2 - rail, max(1, round(w / 9))):
        result += [Line(x, -d / 2, x, -d / 2 + rail), Line(x, d / 2 - rail, x, d / 2)]
    for y in spread(-d / 2 + rail, d / 2 - rail, max(1, round(d / 9))):
        result += [Line(-w / 2, y, -w / 2 + rail, y), Line(w / 2 - rail, y, w / 2, y)]
    return result


# --- seating ------------------------------------------------------------------------------


def sofa(w: float, d: float) -> Parts:
    arm = part(w, 0.1, 15, 25, at_most=0.2)
    seats = max(1, round((w - 2 * arm) / 65))
    return seating(w, d, arm, seats)


def armchair(w: float, d: float) -> Parts:
    return seating(w, d, part(w, 0.2, 8, 22, at_most=0.25), 1)


def seating(w: float, d: float, arm: float, seats: int) -> Parts:
    """A back along the wall, an arm at each end, seat cushions between them."""
    back = part(d, 0.22, 8, 25, at_most=0.35)
    seat_top, gap = -d / 2 + back, part(w, 0.01, 0.8, 1.5)
    arm_top = seat_top - min(3, back / 2)  # the arms overlap the back a little, as upholstery does
    return [
        box(-w / 2, -d / 2, w / 2, seat_top, Tone.MID, radius=3),
        box(-w / 2, arm_top, -w / 2 + arm, d / 2, Tone.MID, radius=3),
        box(w / 2 - arm, arm_top, w / 2, d / 2, Tone.MID, radius=3),
        *(
            box(left, seat_top + gap, right, d / 2 - gap, Tone.LIGHT, radius=4)
            for left, right in cells(-w / 2 + arm + gap, w / 2 - arm - gap, seats, gap)
        ),
    ]


def chair(w: float, d: float) -> Parts:
    """A seat with the backrest at the back."""
    back = part(d, 0.18, 3, 9, at_most=0.3)
    m = part(min(w, d), 0.06, 1, 3)
    return [
        box(-w / 2 + m, -d / 2 + back, w / 2 - m, d / 2 - m, Tone.LIGHT, radius=3),
        box(-w / 2, -d / 2, w / 2, -d / 2 + back, Tone.MID, radius=back / 2),
    ]


def stool(w: float, d: float) -> Parts:
    """A bar stool from above: its round seat, and the foot ring under it."""
    ring = part(min(w, d), 0.12, 2, 6, at_most=0.25)
    return [
        box(-w / 2, -d / 2, w / 2, d / 2, Tone.MID, radius=min(w, d) / 2, stroke=Stroke.FINE),
        box(
            -w / 2 + ring,
            -d / 2 + ring,
            w / 2 - ring,
            d / 2 - ring,
            Tone.LIGHT,
            radius=min(w, d) / 2 - ring,
        ),
    ]


# --- tables -------------------------------------------------------------------------------


def table(w: float, d: float) -> Parts:
    """Just the top: a fine line inside its edge (the chairs are pieces of their own)."""
    m = part(min(w, d), 0.05, 2, 5, at_most=0.2)
    return [box(-w / 2 + m, -d / 2 + m, w / 2 - m, d / 2 - m, radius=m, stroke=Stroke.FINE)]


def coffee_table(w: float, d: float) -> Parts:
    """A low table with a glass top: its edge and two glints."""
    m = part(min(w, d), 0.08, 2, 6, at_most=0.2)
    x0, y0, x1, y1 = -w / 2 + m, -d / 2 + m, w / 2 - m, d / 2 - m
    glint = part(min(w, d), 0.22, 2, 18, at_most=0.3)
    return [
        box(x0, y0, x1, y1, Tone.LIGHT, radius=m, stroke=Stroke.FINE),
        Line(x1 - glint - m, y0 + m, x1 - m, y0 + m + glint, Stroke.FINE),
        Line(x1 - glint * 1.6 - m, y0 + m, x1 - m, y0 + m + glint * 1.6, Stroke.FINE),
    ]


def desk(w: float, d: float) -> Parts:
    """A top with a drawer unit under one end (dashed) and a screen at the back."""
    m = part(min(w, d), 0.04, 1, 3)
    unit = part(w, 0.33, 20, 45, at_most=0.4)
    free_centre = -unit / 2  # the middle of the top beside the drawer unit
    screen_w = part(w - unit, 0.6, 10, 55, at_most=0.7)
    screen_y = -d / 2 + part(d, 0.12, 2, 8, at_most=0.2)
    screen_d = part(d, 0.06, 1.5, 3, at_most=0.1)
    keys_w, keys_d = screen_w * 0.7, part(d, 0.16, 2, 12, at_most=0.2)
    keys_y = screen_y + screen_d + part(d, 0.15, 2, 12, at_most=0.2)
    return [
        box(w / 2 - unit, -d / 2 + m, w / 2 - m, d / 2 - m, stroke=Stroke.HIDDEN),
        box(free_centre - screen_w / 2, screen_y, free_centre + screen_w / 2, screen_y + screen_d,
            Tone.DARK, radius=1),
        box(free_centre - keys_w / 2, keys_y, free_centre + keys_w / 2, keys_y + keys_d,
            Tone.LIGHT, radius=1),
    ]  # fmt: skip


# --- storage ------------------------------------------------------------------------------


def front_band(w: float, d: float) -> tuple[float, Rect]:
    """The doors or drawer fronts along the front edge, a few cm deep."""
    depth = part(d, 0.08, 2, 4, at_most=0.2)
    return d / 2 - depth, box(-w / 2, d / 2 - depth, w / 2, d / 2, Tone.MID)


def wardrobe(w: float, d: float) -> Parts:
    """Door leaves on the front; inside, the clothes rail with hangers across it."""
    band_top, band = front_band(w, d)
    doors = max(1, round(w / 50))
    hanger = part(d, 0.6, 4, 44, at_most=0.7) / 2
    rail_y = (-d / 2 + band_top) / 2
    inset = part(w, 0.06, 2, 6, at_most=0.2)
    slant = min(hanger * 0.25, inset)  # hangers lean a little, as they do on a rail
    return [
        band,
        *(Line(x, band_top, x, d / 2) for x in spread(-w / 2, w / 2, doors - 1)),
        Line(-w / 2 + inset, rail_y, w / 2 - inset, rail_y),
        *(
            Line(x - slant, rail_y - hanger, x + slant, rail_y + hanger, Stroke.FINE)
            for x in spread(-w / 2 + inset, w / 2 - inset, max(1, round((w - 2 * inset) / 7)))
        ),
    ]


def dresser(w: float, d: float) -> Parts:
    """Drawers drawn as strips, each with its handle, as people picture a chest of drawers."""
    band_top, band = front_band(w, d)
    columns = max(1, round(w / 60))
    rows = max(2, round((band_top + d / 2) / 14))
    strip = (band_top + d / 2) / rows
    handle_w, handle_d = part(w / columns, 0.3, 3, 14, at_most=0.6), part(strip, 0.2, 1, 2.5)
    parts: Parts = [band]
    parts += [Line(x, -d / 2, x, d / 2, Stroke.FINE) for x in spread(-w / 2, w / 2, columns - 1)]
    for row in range(rows):
        top = -d / 2 + row * strip
        if row:
            parts.append(Line(-w / 2, top, w / 2, top, Stroke.FINE))
        parts += [
            handle(x, top + strip / 2, handle_w, handle_d) for x in spread(-w / 2, w / 2, columns)
        ]
    return parts


def handle(cx: float, cy: float, w: float, d: float) -> Rect:
    return box(cx - w / 2, cy - d / 2, cx + w / 2, cy + d / 2, Tone.DARK, d / 2, Stroke.NONE)


BOOKS = (  # an irregular row of spines: width in cm, depth as a share of the shelf, tone
    (4.0, 0.85, Tone.MID),
    (5.0, 0.7, Tone.LIGHT),
    (3.5, 0.9, Tone.DARK),
    (6.0, 0.75, Tone.MID),
    (4.5, 0.8, Tone.LIGHT),
    (3.0, 0.7, Tone.MID),
    (5.5, 0.9, Tone.LIGHT),
)


def shelves(w: float, d: float) -> Parts:
    """Sides and dividers, and in each bay a row of books standing against the back."""
    board = part(w, 0.02, 1.5, 2.5, at_most=0.1)
    bays = max(1, round(w / 60))
    parts: Parts = [box(-w / 2, -d / 2, -w / 2 + board, d / 2, Tone.MID)]
    parts += [box(w / 2 - board, -d / 2, w / 2, d / 2, Tone.MID)]
    for left, right in cells(-w / 2 + board, w / 2 - board, bays, board):
        parts += books(left, right, -d / 2, d / 2 - part(d, 0.1, 1, 5))
        if right < w / 2 - board:
            parts.append(box(right, -d / 2, right + board, d / 2, Tone.MID))
    return parts


def books(x0: float, x1: float, y0: float, y1: float) -> Parts:
    """Books as wide as real spines, leaving a gap at the end of the shelf."""
    result: Parts = []
    x, i = x0 + 0.5, 0
    while x + BOOKS[i % len(BOOKS)][0] < x1 - (x1 - x0) * 0.15:
        width, depth, tone = BOOKS[i % len(BOOKS)]
        result.append(box(x, y0, x + width, y0 + (y1 - y0) * depth, tone, stroke=Stroke.NONE))
        x, i = x + width + 0.3, i + 1
    return result


# --- appliances ---------------------------------------------------------------------------


def fridge(w: float, d: float) -> Parts:
    """The door on the front with its handle, and a snowflake on the top."""
    band_top, band = front_band(w, d)
    handle_w, m = part(w, 0.5, 6, 40, at_most=0.6), part(w, 0.05, 0.5, 3)
    r = part(min(w, band_top + d / 2), 0.3, 3, 16, at_most=0.4)
    return [
        band,
        box(w / 2 - m - handle_w, band_top - 2, w / 2 - m, band_top - 0.8, Tone.DARK,
            radius=0.6, stroke=Stroke.NONE),
        *snowflake(0, (-d / 2 + band_top) / 2, r),
    ]  # fmt: skip


def snowflake(cx: float, cy: float, r: float) -> Parts:
    """Six spokes, each with a little V two thirds out: the sign for cold."""
    parts: Parts = []
    for i in range(6):
        a = math.radians(30 + 60 * i)
        parts.append(Line(cx, cy, cx + r * math.cos(a), cy + r * math.sin(a)))
        bx, by = cx + 0.6 * r * math.cos(a), cy + 0.6 * r * math.sin(a)
        for turn in (-0.8, 0.8):  # radians off the spoke, pointing outwards
            tip = a + turn
            parts.append(Line(bx, by, bx + 0.3 * r * math.cos(tip), by + 0.3 * r * math.sin(tip)))
    return parts


def washing_machine(w: float, d: float) -> Parts:
    """A control strip along the front and the round drum."""
    strip = part(d, 0.16, 3, 10, at_most=0.25)
    body_bottom = d / 2 - strip
    r = part(min(w, body_bottom + d / 2), 0.4, 3, 30, at_most=0.42)
    cy = (-d / 2 + body_bottom) / 2
    knob_x = w / 2 - min(strip * 0.8, w / 4)
    knob = min(part(strip, 0.3, 0.8, 3), w / 10)
    return [
        box(-w / 2, body_bottom, w / 2, d / 2, Tone.LIGHT, stroke=Stroke.FINE),
        Circle(knob_x, body_bottom + strip / 2, knob, Tone.DARK, Stroke.NONE),
        Circle(0, cy, r, Tone.MID),
        Circle(0, cy, r * 0.7, Tone.PAPER),
    ]


def hob(w: float, d: float) -> Parts:
    """Four burners in a square: the sign of a stove or kitchen unit."""
    side = min(w, d) * 0.9
    r_big, r_small = side * 0.19, side * 0.14
    spots = ((-1, -1, r_big), (1, -1, r_small), (-1, 1, r_small), (1, 1, r_big))
    parts: Parts = []
    for sx, sy, r in spots:
        x, y = sx * side / 4, sy * side / 4
        parts += [Circle(x, y, r, Tone.LIGHT), Circle(x, y, r * 0.55)]
    return parts


def lamp(w: float, d: float) -> Parts:
    """The plan sign for a light: a circle with a cross."""
    r = min(w, d) * 0.42
    c = r * math.cos(math.radians(45))
    return [Circle(0, 0, r, Tone.LIGHT), Line(-c, -c, c, c), Line(-c, c, c, -c)]


# --- floor, children, the rest -------------------------------------------------------------


def rug(w: float, d: float) -> Parts:
    """Fringe on the two short ends and a woven border inside the edge."""
    fringe = part(min(w, d), 0.05, 2, 6, at_most=0.15)
    m = fringe + part(min(w, d), 0.06, 2, 10, at_most=0.15)
    parts: Parts = [box(-w / 2 + m, -d / 2 + m, w / 2 - m, d / 2 - m, stroke=Stroke.FINE)]
    if w >= d:
        for y in spread(-d / 2, d / 2, max(1, round(d / 4))):
            parts += [Line(-w / 2, y, -w / 2 + fringe, y, Stroke.FINE)]
            parts += [Line(w / 2 - fringe, y, w / 2, y, Stroke.FINE)]
    else:
        for x in spread(-w / 2, w / 2, max(1, round(w / 4))):
            parts += [Line(x, -d / 2, x, -d / 2 + fringe, Stroke.FINE)]
            parts += [Line(x, d / 2 - fringe, x, d / 2, Stroke.FINE)]
    return parts


def child_furniture(w: float, d: float) -> Parts:
    """Soft round corners and a star on top: a child's piece, whatever it is."""
    m = part(min(w, d), 0.06, 1, 4)
    r = min(w, d) * 0.3
    return [
        box(-w / 2 + m, -d / 2 + m, w / 2 - m, d / 2 - m, Tone.LIGHT, radius=min(w, d) * 0.2),
        Polyline(star_points(0, 0, r), closed=True, fill=Tone.PAPER),
    ]


def star_points(cx: float, cy: float, r: float) -> tuple[tuple[float, float], ...]:
    """A five-pointed star with one point to the back."""
    radii = (r, r * 0.45) * 5
    angles = (math.radians(-90 + 36 * i) for i in range(10))
    return tuple(
        (cx + q * math.cos(a), cy + q * math.sin(a)) for q, a in zip(radii, angles, strict=True)
    )


def toy_box(w: float, d: float) -> Parts:
    """An open box with a ball, a block and a brick in it."""
    rim = part(min(w, d), 0.06, 1, 4, at_most=0.15)
    s = min(w, d) - 2 * rim
    x0, y0 = -s / 2, -s / 2
    return [
        box(-w / 2 + rim, -d / 2 + rim, w / 2 - rim, d / 2 - rim, Tone.MID, stroke=Stroke.FINE),
        Circle(x0 + s * 0.3, y0 + s * 0.3, s * 0.2, Tone.PAPER),
        box(x0 + s * 0.55, y0 + s * 0.15, x0 + s * 0.85, y0 + s * 0.45, Tone.LIGHT),
        Polyline(((x0 + s * 0.2, y0 + s * 0.85), (x0 + s * 0.45, y0 + s * 0.55),
                  (x0 + s * 0.7, y0 + s * 0.85)), closed=True, fill=Tone.PAPER),
        Circle(x0 + s * 0.8, y0 + s * 0.75, s * 0.1, Tone.DARK),
    ]  # fmt: skip


def textiles(w: float, d: float) -> Parts:
    """A stack of folded cloth: three layers offset a little, the top one with its fold."""
    step = part(min(w, d), 0.06, 1, 5, at_most=0.1)
    layers: Parts = [
        box(-w / 2 + step * (2 - i), -d / 2 + step * (2 - i), w / 2 - step * i, d / 2 - step * i,
            Tone.PAPER if i == 2 else Tone.LIGHT, radius=step)
        for i in range(3)
    ]  # fmt: skip
    return [*layers, Line(-w / 2 + step, -step, w / 2 - 3 * step, -step, Stroke.FINE)]


def generic(w: float, d: float) -> Parts:
    """Anything else: the plan sign for "an object here", a cross from corner to corner."""
    return [
        Line(-w / 2, -d / 2, w / 2, d / 2, Stroke.FINE),
        Line(-w / 2, d / 2, w / 2, -d / 2, Stroke.FINE),
    ]


DRAWINGS: dict[str, Drawing] = {
    "seng": bed,
    "madras": mattress,
    "sofa": sofa,
    "laenestol": armchair,
    "spisebord": table,
    "stol": chair,
    "barstol": stool,
    "skrivebord": desk,
    "kommode": dresser,
    "natbord": dresser,  # a bedside table is a small chest: its drawers face the room
    "skaenk": dresser,
    "tvbord": dresser,
    "klaedeskab": wardrobe,
    "reol": shelves,
    "sofabord": coffee_table,
    "taeppe": rug,
    "lampe": lamp,
    "koeleskab": fridge,
    "vaskemaskine": washing_machine,
    "koekkenudstyr": hob,
    "barneseng": cot,
    "boernemoebel": child_furniture,
    "legetoej": toy_box,
    "tekstiler": textiles,
    "andet": generic,
}
