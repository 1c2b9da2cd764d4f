"""A section per room that has furniture: the room enlarged to scale with its numbers, and a
card per piece: its number, photo, name, size, colour, and whether it is still to be bought.

Rooms are drawn at 1:50 (1:100 or 1:200 only if a room is too big for the page). A narrow
room's drawing stands beside its first cards, a wide one above them; a room starts on a page
with its drawing and its first cards together, and two small rooms share a page.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from hjem.floorplan.model import Room
from hjem.handover import style
from hjem.handover.cards import card_height, draw_card
from hjem.handover.common import Context, heading
from hjem.handover.data import HandoverItem
from hjem.handover.frame import (
    SCALE_BAR_HEIGHT,
    PlanFrame,
    draw_scale_bar,
    fitting_scale,
    grown,
)
from hjem.handover.layout import Block, content_width
from hjem.handover.plan_drawing import draw_plan
from hjem.handover.wording import room_name
from hjem.i18n import format_number, tr

SCALES = (50, 100, 200)
MAX_DRAWING_HEIGHT = 320.0
GAP = 10.0
MARGIN_CM = 25.0  # of the neighbouring walls shown round a room


def room_sections(context: Context) -> list[Block]:
    """Every room with furniture, in the plan's order; pieces outside every room last."""
    groups: dict[str | None, list[HandoverItem]] = {}
    for item in sorted(context.items, key=lambda i: i.number):
        room = context.building.room_of(item)
        groups.setdefault(room.id if room else None, []).append(item)
    blocks: list[Block] = []
    first = True
    for room in context.building.plan.rooms:
        if room.id in groups:
            blocks += _section(context, room, groups[room.id], first)
            first = False
    if None in groups:
        title = tr("handover.room.outside", context.lang)
        head = heading(
            title, _count(len(groups[None]), context.lang), new_page=first, space_before=18
        )
        blocks += [head, *_card_rows(context, groups[None], title)]
    return blocks


def _count(n: int, lang: str) -> str:
    return tr("handover.room.items", lang, count=n)


def _section(context: Context, room: Room, items: list[HandoverItem], first: bool) -> list[Block]:
    lang = context.lang
    name = room_name(room, lang)
    area = tr("handover.plan.area", lang, area=format_number(context.building.area(room), lang))
    head = heading(name, f"{area} · {_count(len(items), lang)}", new_page=first, space_before=18)
    width = content_width()
    window = grown(context.building.bounds_of(room), MARGIN_CM)
    scale = fitting_scale(window, (width, MAX_DRAWING_HEIGHT), SCALES) or SCALES[-1]
    frame = PlanFrame(scale, window, 0.0, 0.0)
    if frame.width <= (width - GAP) / 2:
        return [head, *_beside_drawing(context, room, items, frame, name)]

    def draw_above(canvas: Canvas, left: float, top: float) -> None:
        _drawing(canvas, context, room, items, frame, left + (width - frame.width) / 2, top)

    return [
        head,
        Block(frame.height + 8 + SCALE_BAR_HEIGHT, draw_above, keep_with_next=True),
        *_card_rows(context, items, name, space_before=GAP),
    ]


def _beside_drawing(
    context: Context, room: Room, items: list[HandoverItem], frame: PlanFrame, name: str
) -> list[Block]:
    """A narrow room: its drawing in the left column, its first cards in the right one (as
    many as stand beside the drawing, overhanging by a quarter card at most), the rest two
    by two under both."""
    column = (content_width() - GAP) / 2
    drawing_height = frame.height + 8 + SCALE_BAR_HEIGHT
    heights = [card_height(context, item, column) for item in items]
    beside, used = 0, 0.0
    while beside < len(items) and (
        beside == 0 or used + heights[beside] <= drawing_height + heights[beside] / 4
    ):
        used += heights[beside] + GAP
        beside += 1
    firsts = items[:beside]

    def draw(canvas: Canvas, left: float, top: float) -> None:
        _drawing(canvas, context, room, items, frame, left + (column - frame.width) / 2, top)
        y = top
        for item, height in zip(firsts, heights, strict=False):
            draw_card(canvas, context, item, left + column + GAP, y, column, height)
            y -= height + GAP

    rest = items[beside:]  # its first row stays with the drawing: a room starts whole
    block = Block(max(drawing_height, used - GAP), draw, keep_with_next=bool(rest))
    return [block, *_card_rows(context, rest, name, space_before=GAP)]


def _drawing(
    canvas: Canvas,
    context: Context,
    room: Room,
    items: list[HandoverItem],
    probe: PlanFrame,
    left: float,
    top: float,
) -> None:
    frame = PlanFrame(probe.scale, probe.window, left, top)
    draw_plan(canvas, frame, context.building, tuple(items), context.lang, focus=room)
    canvas.setStrokeColor(style.RULE)
    canvas.setLineWidth(0.6)
    canvas.rect(left, top - frame.height, frame.width, frame.height, stroke=1, fill=0)
    draw_scale_bar(
        canvas,
        left,
        top - frame.height - 8 - SCALE_BAR_HEIGHT,
        frame.scale,
        max(frame.width, 140.0),
        context.lang,
    )


def _card_rows(
    context: Context, items: list[HandoverItem], room: str, space_before: float = 0.0
) -> list[Block]:
    """Cards two by two; a row that starts a page repeats the room's name."""
    width = content_width()
    column = (width - GAP) / 2
    continued = heading(tr("handover.room.continued", context.lang, room=room), keep=False)
    rows = []
    for start in range(0, len(items), 2):
        pair = items[start : start + 2]
        height = max(card_height(context, item, column) for item in pair)

        def draw(
            canvas: Canvas,
            left: float,
            top: float,
            pair: list[HandoverItem] = pair,
            height: float = height,
        ) -> None:
            for index, item in enumerate(pair):
                x = left + index * (column + GAP)
                draw_card(canvas, context, item, x, top, column, height)

        gap = space_before if start == 0 else GAP
        rows.append(Block(height, draw, continued=continued, space_before=gap))
    return rows
