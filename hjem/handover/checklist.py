"""The delivery-day checklist: every piece by number, its name and room, and a box to tick
when it stands where it should."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from hjem.handover import fonts, style
from hjem.handover.common import Context, checkbox, heading
from hjem.handover.data import HandoverItem
from hjem.handover.layout import Block, Draw, content_height, content_width
from hjem.handover.plan_drawing import draw_badge
from hjem.handover.wording import item_name
from hjem.i18n import tr

ROW = 24.0
LEAST_ROW = 20.0  # rows closer than this: the list takes two pages instead
HEADER = 20.0
BOX = 13.0


def _columns(width: float) -> tuple[float, float, float, float]:
    """x offsets of: number, name, room, the tick box."""
    return 0.0, 34.0, width * 0.58, width - 78.0


def checklist_blocks(context: Context) -> list[Block]:
    lang = context.lang
    width = content_width()
    title = heading(
        tr("handover.checklist.heading", lang), tr("handover.checklist.intro", lang), new_page=True
    )
    header = Block(HEADER, lambda c, x, y: _header(c, lang, x, y, width), keep_with_next=True)
    items = sorted(context.items, key=lambda i: i.number)
    row = _row_height(len(items), content_height() - title.height - HEADER)

    def draw(item: HandoverItem, shade: bool) -> Draw:
        return lambda c, x, y: _row(c, context, item, x, y, width, row, shade)

    rows = [Block(row, draw(item, i % 2 == 1), continued=header) for i, item in enumerate(items)]
    return [title, header, *rows]


def _row_height(rows: int, room: float) -> float:
    """Roomy rows; a little closer if that keeps the whole list on one page."""
    if rows * ROW <= room or rows * LEAST_ROW > room:
        return ROW
    return room / rows


def _header(canvas: Canvas, lang: str, left: float, top: float, width: float) -> None:
    _, bold = fonts.register()
    number, name, room, _ = _columns(width)
    canvas.setFillColor(style.MUTED)
    canvas.setFont(bold, 8.5)
    y = top - 13
    canvas.drawString(left + number, y, tr("handover.checklist.number", lang))
    canvas.drawString(left + name, y, tr("handover.checklist.name", lang))
    canvas.drawString(left + room, y, tr("handover.checklist.room", lang))
    canvas.setStrokeColor(style.ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(left, top - HEADER + 2, left + width, top - HEADER + 2)


def _row(
    canvas: Canvas,
    context: Context,
    item: HandoverItem,
    left: float,
    top: float,
    width: float,
    height: float,
    shade: bool,
) -> None:
    regular, bold = fonts.register()
    lang = context.lang
    number, name, room, tick = _columns(width)
    if shade:
        canvas.setFillColor(style.CREAM)
        canvas.rect(left, top - height, width, height, stroke=0, fill=1)
    middle = top - height / 2
    draw_badge(canvas, left + number + 11, middle, 9, item)
    canvas.setFillColor(style.INK)
    canvas.setFont(bold, 10.5)
    canvas.drawString(
        left + name, middle - 3.5, fonts.shorten(item_name(item, lang), bold, 10.5, room - name - 8)
    )
    canvas.setFont(regular, 10)
    canvas.drawString(
        left + room, middle - 3.5, fonts.shorten(item.room, regular, 10, tick - room - 8)
    )
    checkbox(canvas, left + tick, middle - BOX / 2, BOX)
    canvas.setFillColor(style.MUTED)
    canvas.setFont(regular, 9)
    canvas.drawString(left + tick + BOX + 5, middle - 3, tr("handover.checklist.delivered", lang))
