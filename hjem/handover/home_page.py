"""The whole home to scale, 1:50 if it fits an A4 page (turned if that helps), else 1:100:
every piece numbered, the rooms named with their areas, a scale bar and a legend."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from hjem.handover import fonts, style
from hjem.handover.common import Context, heading
from hjem.handover.frame import (
    SCALE_BAR_HEIGHT,
    Bounds,
    PlanFrame,
    draw_scale_bar,
    fitting_scale,
    grown,
)
from hjem.handover.layout import Block, content_height, content_width
from hjem.handover.plan_drawing import badge_kind, draw_badge, draw_plan
from hjem.handover.wording import item_name
from hjem.i18n import tr

SCALES = (50, 75, 100, 200, 500)
HEADING = 30.0
LEGEND = 62.0  # points under the drawing: scale bar, legend, notes
MARGIN_CM = 45.0  # around the building, for the entrance's label and the badges beside pieces


@dataclass(frozen=True)
class HomeLayout:
    scale: int
    landscape: bool
    window: Bounds


def choose(window: Bounds) -> HomeLayout:
    """The larger drawing of portrait and landscape; portrait when they are the same."""
    best: HomeLayout | None = None
    for landscape in (False, True):
        room = (content_width(landscape), content_height(landscape) - HEADING - LEGEND)
        scale = fitting_scale(window, room, SCALES) or SCALES[-1]
        if best is None or scale < best.scale:
            best = HomeLayout(scale, landscape, window)
    assert best is not None
    return best


def home_blocks(context: Context) -> list[Block]:
    layout = choose(grown(context.building.bounds, MARGIN_CM))
    title = heading(
        tr("handover.plan.heading", context.lang), new_page=True, landscape=layout.landscape
    )
    height = content_height(layout.landscape) - title.height
    drawing = Block(
        height,
        lambda c, x, y: _draw(c, context, layout, x, y, height),
        landscape=layout.landscape,
    )
    return [title, drawing]


def frame_for(layout: HomeLayout, left: float, top: float) -> PlanFrame:
    """The drawing's frame, centred across the page under `top`."""
    width = content_width(layout.landscape)
    probe = PlanFrame(layout.scale, layout.window, 0.0, 0.0)
    return PlanFrame(layout.scale, layout.window, left + (width - probe.width) / 2, top)


def _draw(
    canvas: Canvas, context: Context, layout: HomeLayout, left: float, top: float, height: float
) -> None:
    lang = context.lang
    frame = frame_for(layout, left, top)
    draw_plan(canvas, frame, context.building, context.items, lang)
    width = content_width(layout.landscape)
    y = max(top - frame.height - 10, top - height + LEGEND) - SCALE_BAR_HEIGHT
    bar = draw_scale_bar(canvas, left, y, layout.scale, width * 0.45, lang)
    _legend(canvas, context, left + max(bar, 120) + 30, y + 14)
    regular, _ = fonts.register()
    canvas.setFillColor(style.MUTED)
    canvas.setFont(regular, style.SMALL_PT)
    for key in ("handover.plan.numbers", "handover.plan.print_note"):
        y -= 11
        canvas.drawString(left, y, fonts.shorten(tr(key, lang), regular, style.SMALL_PT, width))
    _index(canvas, context, left, y - 22, width, y - 22 - (top - height))


def _legend(canvas: Canvas, context: Context, x: float, y: float) -> None:
    """One example badge per kind the document shows, in a row: a piece they get, one to
    buy, one not found."""
    regular, _ = fonts.register()
    for kind in ("have", "buy", "missing"):
        example = next((i for i in context.items if badge_kind(i) == kind), None)
        if example is None:
            continue
        label = tr(f"handover.plan.legend_{kind}", context.lang)
        draw_badge(canvas, x + 7, y + 3, 7, example)
        canvas.setFillColor(style.INK)
        canvas.setFont(regular, 9)
        canvas.drawString(x + 18, y, label)
        x += 18 + fonts.width(label, regular, 9) + 18


INDEX_ROWS = (19.0, 17.0, 15.0)  # row heights tried, roomiest first


def _index(
    canvas: Canvas, context: Context, left: float, top: float, width: float, room: float
) -> None:
    """Every piece by number with its room, in columns, when the page has room for it."""
    items = sorted(context.items, key=lambda i: i.number)
    fits = [
        (columns, row)
        for row in INDEX_ROWS
        for columns in (3, 4)
        if columns * int((room - 22) // row) >= len(items)
    ]
    if not items or not fits:
        return
    columns, row_height = fits[0]
    points = 9.5 if row_height > 15 else 8.5
    regular, bold = fonts.register()
    canvas.setFillColor(style.ACCENT_DARK)
    canvas.setFont(bold, 11)
    canvas.drawString(left, top, tr("handover.plan.index", context.lang))
    per_column = -(-len(items) // columns)
    column_width = width / columns
    for index, item in enumerate(items):
        x = left + (index // per_column) * column_width
        y = top - 22 - (index % per_column) * row_height
        draw_badge(canvas, x + 7, y + 3.2, points * 0.8, item)
        canvas.setFillColor(style.INK)
        canvas.setFont(bold, points)
        text = fonts.shorten(item_name(item, context.lang), bold, points, column_width - 26)
        canvas.drawString(x + 19, y, text)
        used = fonts.width(text, bold, points) + 4
        rest = column_width - 26 - used
        if item.room and rest > 20:
            canvas.setFillColor(style.MUTED)
            canvas.setFont(regular, points - 1)
            room_text = fonts.shorten(f"· {item.room}", regular, points - 1, rest)
            canvas.drawString(x + 19 + used, y, room_text)
