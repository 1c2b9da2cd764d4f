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
from hjem.handover.plan_index import index_blocks
from hjem.i18n import tr

SCALES = (50, 75, 100, 200, 500)
HEADING = 30.0
LEGEND = 80.0  # points under the drawing: scale bar, legend, notes (three lines)
BAR_GAP = 10.0  # between the drawing and the scale bar
NOTE_PT, NOTE_LINE = 9.0, 12.0
LEGEND_ROW = 12.0  # down to the legend's second row, beside the scale bar's numbers
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
    notes = _notes(context.lang, content_width(layout.landscape))
    frame = frame_for(layout, 0.0, 0.0)
    height = frame.height + BAR_GAP + SCALE_BAR_HEIGHT + len(notes) * NOTE_LINE
    drawing = Block(
        height,
        lambda c, x, y: _draw(c, context, layout, notes, x, y),
        landscape=layout.landscape,
        keep_with_next=True,
    )
    room = content_height(layout.landscape) - title.height - height
    return [title, drawing, *index_blocks(context, room, layout.landscape)]


def frame_for(layout: HomeLayout, left: float, top: float) -> PlanFrame:
    """The drawing's frame, centred across the page under `top`."""
    width = content_width(layout.landscape)
    probe = PlanFrame(layout.scale, layout.window, 0.0, 0.0)
    return PlanFrame(layout.scale, layout.window, left + (width - probe.width) / 2, top)


def _notes(lang: str, width: float) -> list[str]:
    """The two notes under the scale bar, wrapped to the page's width."""
    regular, _ = fonts.register()
    keys = ("handover.plan.numbers", "handover.plan.print_note")
    return [
        line for key in keys for line in fonts.wrap_whole(tr(key, lang), regular, NOTE_PT, width)
    ]


def _draw(
    canvas: Canvas,
    context: Context,
    layout: HomeLayout,
    notes: list[str],
    left: float,
    top: float,
) -> None:
    lang = context.lang
    frame = frame_for(layout, left, top)
    draw_plan(canvas, frame, context.building, context.items, lang)
    width = content_width(layout.landscape)
    y = top - frame.height - BAR_GAP - SCALE_BAR_HEIGHT
    bar = draw_scale_bar(canvas, left, y, layout.scale, width * 0.45, lang)
    _legend(canvas, context, left + max(bar, 120) + 30, y + 14, left + width)
    regular, _ = fonts.register()
    canvas.setFillColor(style.MUTED)
    canvas.setFont(regular, NOTE_PT)
    for line in notes:
        y -= NOTE_LINE
        canvas.drawString(left, y + 2, line)


def _legend(canvas: Canvas, context: Context, x: float, y: float, right: float) -> None:
    """One example badge per kind the document shows, in a row: a piece they get, one to
    buy, one not found; a label that would pass `right` (a longer language's) starts a
    second row under the first."""
    regular, _ = fonts.register()
    start = x
    for kind in ("have", "buy", "missing"):
        example = next((i for i in context.items if badge_kind(i) == kind), None)
        if example is None:
            continue
        label = tr(f"handover.plan.legend_{kind}", context.lang)
        needed = 18 + fonts.width(label, regular, 9)
        if x > start and x + needed > right:
            x, y = start, y - LEGEND_ROW
        draw_badge(canvas, x + 7, y + 3, 7, example)
        canvas.setFillColor(style.INK)
        canvas.setFont(regular, 9)
        canvas.drawString(x + 18, y, label)
        x += needed + 18
