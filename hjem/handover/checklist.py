"""The delivery-day checklist: every piece by number, its name and room, and a box to tick
when it stands where it should."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from hjem.handover import fonts, style
from hjem.handover.common import Context, checkbox, heading
from hjem.handover.data import HandoverItem
from hjem.handover.layout import Block, Draw, content_height, content_width
from hjem.handover.plan_drawing import draw_badge
from hjem.handover.wording import item_name
from hjem.i18n import tr

ROW = 24.0  # a row of one line
LINE = 13.0  # each further line of a wrapped name
NAME_PT, ROOM_PT = 10.5, 10.0
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
    rows = [_Row(item, *_texts(context, item, width)) for item in _sorted(context)]
    row = _row_height(rows, content_height() - title.height - HEADER)

    def draw(entry: _Row, height: float, shade: bool) -> Draw:
        return lambda c, x, y: _row(c, entry, lang, (x, y, width, height), shade)

    blocks = []
    for index, entry in enumerate(rows):
        height = row + (entry.lines - 1) * LINE
        blocks.append(Block(height, draw(entry, height, index % 2 == 1), continued=header))
    return [title, header, *blocks]


@dataclass(frozen=True)
class _Row:
    item: HandoverItem
    names: list[str]
    places: list[str]

    @property
    def lines(self) -> int:
        return max(len(self.names), len(self.places))


def _sorted(context: Context) -> list[HandoverItem]:
    return sorted(context.items, key=lambda i: i.number)


def _texts(context: Context, item: HandoverItem, width: float) -> tuple[list[str], list[str]]:
    """The name's and the room's lines: wrapped whole in their columns, never cut."""
    regular, bold = fonts.register()
    _, name, room, tick = _columns(width)
    text = item_name(item, context.lang)
    if item.provisional:  # not yet confirmed: never listed as promised
        text = tr("handover.item.provisional_named", context.lang, name=text)
    names = fonts.wrap_whole(text, bold, NAME_PT, room - name - 8)
    places = fonts.wrap_whole(item.room, regular, ROOM_PT, tick - room - 8) if item.room else []
    return names, places


def _row_height(rows: list[_Row], room: float) -> float:
    """Roomy rows; a little closer if that keeps the whole list on one page."""
    extra = sum(row.lines - 1 for row in rows) * LINE
    if len(rows) * ROW + extra <= room or len(rows) * LEAST_ROW + extra > room:
        return ROW
    return (room - extra) / len(rows)


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
    canvas: Canvas, entry: _Row, lang: str, box: tuple[float, float, float, float], shade: bool
) -> None:
    """One piece's row; `box` is its left, top, width and height."""
    regular, bold = fonts.register()
    left, top, width, height = box
    number, name, room, tick = _columns(width)
    if shade:
        canvas.setFillColor(style.CREAM)
        canvas.rect(left, top - height, width, height, stroke=0, fill=1)
    middle = top - height / 2
    first = middle - 3.5 + (entry.lines - 1) * LINE / 2  # the first line's baseline
    draw_badge(canvas, left + number + 11, middle, 9, entry.item)
    canvas.setFillColor(style.INK)
    canvas.setFont(bold, NAME_PT)
    for row, line in enumerate(entry.names):
        canvas.drawString(left + name, first - row * LINE, line)
    canvas.setFont(regular, ROOM_PT)
    for row, line in enumerate(entry.places):
        canvas.drawString(left + room, first - row * LINE, line)
    checkbox(canvas, left + tick, middle - BOX / 2, BOX)
    canvas.setFillColor(style.MUTED)
    canvas.setFont(regular, 9)
    canvas.drawString(left + tick + BOX + 5, middle - 3, tr("handover.checklist.delivered", lang))
