"""A piece's card on a room page: its number on the photo's corner, and beside the photo its
name, size, colour and codes, with what the family must know (to buy, not found) at the foot.

A card is as tall as its text needs (never less than the photo's), so a long name or a
warning never runs into the lines above it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from hjem.handover import fonts, style
from hjem.handover.common import PHOTO_BOX, Context, placeholder, warning_mark
from hjem.handover.data import HandoverItem
from hjem.handover.plan_drawing import draw_badge
from hjem.handover.wording import item_name, money, size_text, status_parts
from hjem.i18n import tr

PAD = 7.0  # inside the card's edge
FIRST_BASELINE = 19.0  # from the card's top
FOOT_BASELINE = 8.0  # the status's last line, from the card's bottom
MIN_HEIGHT = PHOTO_BOX[1] + 2 * PAD
NAME_PT, DETAIL_PT, SMALL_PT = 11.0, 9.0, 8.0  # never below 8 pt: the family reads it
STATUS_PT = 9.0
ASCENT, DESCENT = 0.76, 0.24  # of DejaVu Sans, as shares of the size
MARK_SIZE = 11.5  # the warning sign before "not found" (its "!" 8 pt)
MARK_ROOM = 16.0


@dataclass(frozen=True)
class Line:
    text: str
    font: str
    points: float
    colour: Color
    advance: float  # down to the next line's baseline


@dataclass(frozen=True)
class Status:
    lines: list[str]
    points: float
    missing: bool


def text_room(width: float) -> float:
    """The width the text beside the photo has, in points."""
    return width - 3 * PAD - PHOTO_BOX[0] - 2


def card_height(context: Context, item: HandoverItem, width: float) -> float:
    room = text_room(width)
    lines, status = _lines(context, item, room), _status(item, context.lang, room)
    stack = FIRST_BASELINE + sum(line.advance for line in lines[:-1])
    stack += lines[-1].points * DESCENT + 3
    if status is None:
        return max(MIN_HEIGHT, stack + PAD)
    foot = (len(status.lines) - 1) * (status.points + 1.5) + status.points * ASCENT
    return max(MIN_HEIGHT, stack + foot + FOOT_BASELINE)


def draw_card(
    canvas: Canvas,
    context: Context,
    item: HandoverItem,
    left: float,
    top: float,
    width: float,
    height: float,
) -> None:
    canvas.setFillColor(style.CREAM)
    warn = item.missing or item.provisional
    canvas.setStrokeColor(style.WARNING if warn else style.RULE)
    canvas.setLineWidth(1.0 if warn else 0.5)
    canvas.roundRect(left, top - height, width, height, 6, stroke=1, fill=1)
    pw, ph = PHOTO_BOX
    px, py = left + PAD, top - PAD - ph
    prepared = context.prepared.get(item.number)
    if prepared is not None:
        canvas.setFillColor(style.WHITE)
        canvas.rect(px, py, pw, ph, stroke=0, fill=1)
        context.photos.draw(canvas, prepared, px, py, pw, ph)
    else:
        placeholder(canvas, px, py, pw, ph, item.placement, context.lang)
    draw_badge(canvas, px + 3, top - 10, 12, item)
    x, room = px + pw + 9, text_room(width)
    y = top - FIRST_BASELINE
    for line in _lines(context, item, room):
        canvas.setFillColor(line.colour)
        canvas.setFont(line.font, line.points)
        canvas.drawString(x, y, line.text)
        y -= line.advance
    status = _status(item, context.lang, room)
    if status is not None:
        _draw_status(canvas, status, x, top - height + FOOT_BASELINE)


def _lines(context: Context, item: HandoverItem, room: float) -> list[Line]:
    """The name (wrapped whole, however many lines it takes), the size, the colour, and in
    small type the codes."""
    regular, bold = fonts.register()
    lang = context.lang
    names = fonts.wrap_whole(item_name(item, lang), bold, NAME_PT, room)
    lines = [Line(n, bold, NAME_PT, style.INK, NAME_PT + 2) for n in names]
    details = [size_text(item, lang)]
    if item.colour.strip():
        details.append(tr("handover.item.colour", lang, colour=item.colour.strip()))
    for detail in details:
        for text in fonts.wrap_whole(detail, regular, DETAIL_PT, room):
            lines.append(Line(text, regular, DETAIL_PT, style.INK, DETAIL_PT + 3))
    small = []
    if item.code:
        small.append(tr("handover.item.code", lang, code=item.code))
    if context.data.internal and not item.missing:
        small.append(tr("handover.item.value", lang, value=money(item.value_ore, lang)))
    joined = " · ".join(small)
    if small and fonts.width(joined, regular, SMALL_PT) <= room:
        small = [joined]  # the code and the value on one line when they fit, else one each
    for part in small:
        for text in fonts.wrap_whole(part, regular, SMALL_PT, room):
            lines.append(Line(text, regular, SMALL_PT, style.MUTED, SMALL_PT + 3))
    return lines


def _status(item: HandoverItem, lang: str, room: float) -> Status | None:
    """To buy and its price on one line if they fit, else one above the other; "not found"
    after a warning sign, wrapped whole onto as many lines as it takes."""
    parts = status_parts(item, lang)
    if not parts:
        return None
    _, bold = fonts.register()
    warn = item.missing or item.provisional
    if warn:
        room -= MARK_ROOM
    joined = " · ".join(parts)
    if fonts.width(joined, bold, STATUS_PT) <= room:
        return Status([joined], STATUS_PT, warn)
    lines = [line for part in parts for line in fonts.wrap_whole(part, bold, STATUS_PT, room)]
    return Status(lines, STATUS_PT, warn)


def _draw_status(canvas: Canvas, status: Status, x: float, baseline: float) -> None:
    _, bold = fonts.register()
    if status.missing:
        top_line = baseline + (len(status.lines) - 1) * (status.points + 1.5)
        warning_mark(canvas, x, top_line - 1, MARK_SIZE)
        x += MARK_ROOM
    canvas.setFillColor(style.WARNING if status.missing else style.ACCENT_DARK)
    canvas.setFont(bold, status.points)
    for row, line in enumerate(status.lines):
        step = (len(status.lines) - 1 - row) * (status.points + 1.5)
        canvas.drawString(x, baseline + step, line)
