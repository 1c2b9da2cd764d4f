"""*Alle møbler*: every piece by number, name and room under the whole home's drawing, in as
few columns as the page's free room allows (wide columns wrap less), each name whole: wrapped
onto a second line, never cut short. A list too long for the page goes on over the next."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from hjem.handover import fonts, style
from hjem.handover.common import Context
from hjem.handover.data import HandoverItem
from hjem.handover.layout import Block, content_height, content_width
from hjem.handover.plan_drawing import draw_badge
from hjem.handover.wording import item_name
from hjem.i18n import tr

NAME_PT, ROOM_PT = 10.0, 9.0
LINE = 12.5  # from one line's baseline to the next
ENTRY_GAP = 4.5
TITLE = 24.0  # the index's heading and the space under it
SPACE_BEFORE = 16.0
GUTTER = 14.0
TEXT_X = 20.0  # the text's indent past the badge
LEAST_COLUMN = 150.0  # points: narrower columns would wrap most names


@dataclass(frozen=True)
class Entry:
    item: HandoverItem
    names: list[str]  # the name's lines
    places: list[str]  # the room's lines under it, or one line after the name's last
    inline: bool  # the room stands after the name on its last line

    @property
    def height(self) -> float:
        rows = len(self.names) + (0 if self.inline else len(self.places))
        return rows * LINE + ENTRY_GAP


def index_blocks(context: Context, room: float, landscape: bool) -> list[Block]:
    """The index as blocks: the first in the `room` (points) left under the drawing, in the
    fewest columns that hold it all there; what does not fit goes on over whole pages."""
    items = sorted(context.items, key=lambda i: i.number)
    if not items:
        return []
    width = content_width(landscape)
    most = max(2, int((width + GUTTER) // (LEAST_COLUMN + GUTTER)))
    for columns in range(2, most + 1):
        entries = _entries(context, items, _column_width(width, columns))
        if _packed(entries, columns, room - SPACE_BEFORE - TITLE) == len(entries):
            break
    chunks, first = [], True
    while entries:
        height = (room - SPACE_BEFORE if first else content_height(landscape)) - TITLE
        count = max(1, _packed(entries, columns, height))
        chunks.append(_block(context, entries[:count], columns, width, first, landscape))
        entries, first = entries[count:], False
    return chunks


def _column_width(width: float, columns: int) -> float:
    return (width - (columns - 1) * GUTTER) / columns


def _entries(context: Context, items: list[HandoverItem], column: float) -> list[Entry]:
    regular, bold = fonts.register()
    room = column - TEXT_X
    entries = []
    for item in items:
        names = fonts.wrap_whole(item_name(item, context.lang), bold, NAME_PT, room)
        place = f"· {item.room}" if item.room else ""
        after = fonts.width(names[-1], bold, NAME_PT) + 4 + fonts.width(place, regular, ROOM_PT)
        if not place or after <= room:
            entries.append(Entry(item, names, [place] if place else [], True))
        else:
            places = fonts.wrap_whole(item.room, regular, ROOM_PT, room)
            entries.append(Entry(item, names, places, False))
    return entries


def _columns_of(entries: list[Entry], columns: int, height: float) -> list[list[Entry]] | None:
    """`entries` down `columns` columns at most `height` high, in order; None if they do not
    fit."""
    result: list[list[Entry]] = [[]]
    used = 0.0
    for entry in entries:
        need = entry.height
        if used + need > height + 0.01 and result[-1]:
            if len(result) == columns:
                return None
            result.append([])
            used = 0.0
        result[-1].append(entry)
        used += need
    return result


def _packed(entries: list[Entry], columns: int, height: float) -> int:
    """How many of `entries` (from the first) fit `columns` columns `height` points high."""
    count = len(entries)
    while count and _columns_of(entries[:count], columns, height) is None:
        count -= 1
    return count


def _balanced(entries: list[Entry], columns: int) -> list[list[Entry]]:
    """The columns as even as they can be: the lowest height that holds every entry."""
    height = sum(e.height for e in entries) / columns
    while (split := _columns_of(entries, columns, height)) is None:
        height += 2.0
    return split


def _block(
    context: Context,
    entries: list[Entry],
    columns: int,
    width: float,
    first: bool,
    landscape: bool,
) -> Block:
    split = _balanced(entries, columns)
    height = TITLE + max(sum(e.height for e in column) for column in split)
    title = tr("handover.plan.index", context.lang)
    if not first:
        title = tr("handover.room.continued", context.lang, room=title)

    def draw(canvas: Canvas, left: float, top: float) -> None:
        _, bold = fonts.register()
        canvas.setFillColor(style.ACCENT_DARK)
        canvas.setFont(bold, 11)
        canvas.drawString(left, top - 11, title)
        column_width = _column_width(width, columns)
        for index, column in enumerate(split):
            y = top - TITLE - NAME_PT
            for entry in column:
                _draw_entry(canvas, entry, left + index * (column_width + GUTTER), y)
                y -= entry.height

    return Block(height, draw, landscape=landscape, space_before=SPACE_BEFORE if first else 0.0)


def _draw_entry(canvas: Canvas, entry: Entry, x: float, baseline: float) -> None:
    regular, bold = fonts.register()
    draw_badge(canvas, x + 8, baseline + 3.4, 7.5, entry.item)
    canvas.setFillColor(style.INK)
    canvas.setFont(bold, NAME_PT)
    for row, text in enumerate(entry.names):
        canvas.drawString(x + TEXT_X, baseline - row * LINE, text)
    canvas.setFillColor(style.MUTED)
    canvas.setFont(regular, ROOM_PT)
    last = baseline - (len(entry.names) - 1) * LINE
    if entry.inline and entry.places:
        after = fonts.width(entry.names[-1], bold, NAME_PT) + 4
        canvas.drawString(x + TEXT_X + after, last, entry.places[0])
        return
    for row, text in enumerate(entry.places, start=1):
        canvas.drawString(x + TEXT_X, last - row * LINE, text)
