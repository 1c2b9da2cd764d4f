"""The cover: the programme, "Jeres nye hjem", the family's alias, a picture of the home, how
to use the plan in three steps, and who made it. The address only when asked for."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from hjem.handover import fonts, style
from hjem.handover.common import Context, checkbox
from hjem.handover.frame import PlanFrame, fitting_scale, grown
from hjem.handover.layout import Block, content_height, content_width
from hjem.handover.plan_drawing import badge_kind, draw_badge, draw_plan
from hjem.i18n import tr

PICTURE_HEIGHT = 285.0
PICTURE_SCALES = (50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 750, 1000)


def cover(context: Context) -> Block:
    return Block(content_height(), lambda c, x, y: _draw(c, context, x, y))


def _draw(canvas: Canvas, context: Context, left: float, top: float) -> None:
    regular, bold = fonts.register()
    lang, width = context.lang, content_width()
    canvas.setFillColor(style.ACCENT)
    canvas.roundRect(left, top - 34, width, 34, 8, stroke=0, fill=1)
    canvas.setFillColor(style.WHITE)
    canvas.setFont(bold, 12)
    canvas.drawString(left + 16, top - 22, tr("handover.programme", lang))
    y = top - 34
    if context.data.internal:
        canvas.setFillColor(style.WARNING)
        canvas.setFont(bold, 10)
        canvas.drawString(left + 16, y - 18, tr("handover.internal", lang))
    title = tr("handover.title", lang)
    canvas.setFillColor(style.ACCENT_DARK)
    canvas.setFont(bold, fonts.fitting(title, bold, style.TITLE_PT, width))
    canvas.drawString(left, y - 68, title)
    alias = context.data.alias
    canvas.setFillColor(style.INK)
    canvas.setFont(bold, fonts.fitting(alias, bold, 24, width))
    canvas.drawString(left, y - 102, alias)
    canvas.setFillColor(style.MUTED)
    canvas.setFont(regular, 12)
    canvas.drawString(left, y - 124, context.date)
    y = _picture(canvas, context, left, y - 142, width)
    y = _steps(canvas, context, left, y - 30, width)
    _made_by(canvas, context, left, top - content_height(), width)


def _picture(canvas: Canvas, context: Context, left: float, top: float, width: float) -> float:
    """The whole home on a cream panel, furnished, without numbers: a picture, not the plan."""
    canvas.setFillColor(style.CREAM)
    canvas.roundRect(left, top - PICTURE_HEIGHT, width, PICTURE_HEIGHT, 10, stroke=0, fill=1)
    building = context.building
    window = grown(building.bounds, 10)
    room = (width - 40, PICTURE_HEIGHT - 30)
    scale = fitting_scale(window, room, PICTURE_SCALES)
    if scale is not None:
        frame = PlanFrame(scale, window, 0.0, 0.0)
        frame = PlanFrame(
            scale,
            window,
            left + (width - frame.width) / 2,
            top - (PICTURE_HEIGHT - frame.height) / 2,
        )
        draw_plan(canvas, frame, building, context.items, context.lang, numbers=False, names=False)
    return top - PICTURE_HEIGHT


def _steps(canvas: Canvas, context: Context, left: float, top: float, width: float) -> float:
    """Three steps, each with a small drawing that says it without words."""
    regular, bold = fonts.register()
    lang = context.lang
    canvas.setFillColor(style.ACCENT_DARK)
    canvas.setFont(bold, 14)
    canvas.drawString(left, top, tr("handover.cover.how_title", lang))
    y = top - 34
    for step in (1, 2, 3):
        _icon(canvas, step, left + 14, y + 4, context)
        canvas.setFillColor(style.INK)
        canvas.setFont(regular, 11.5)
        lines = fonts.wrap(tr(f"handover.cover.how_{step}", lang), regular, 11.5, width - 48)
        for row, line in enumerate(lines):
            canvas.drawString(left + 40, y + 4 - row * 14 + (4 if len(lines) > 1 else 0), line)
        y -= 36
    return y


def _icon(canvas: Canvas, step: int, x: float, y: float, context: Context) -> None:
    if step == 1 and context.items:
        example = min(context.items, key=lambda i: (badge_kind(i) != "have", i.number))
        draw_badge(canvas, x, y + 1, 11, example)
    elif step == 2:
        canvas.saveState()
        canvas.setFillColor(style.ACCENT_SOFT)
        canvas.setStrokeColor(style.ACCENT_DARK)
        canvas.setLineWidth(1)
        canvas.roundRect(x - 12, y - 9, 24, 19, 2, stroke=1, fill=1)
        canvas.setFillColor(style.ACCENT)
        path = canvas.beginPath()
        path.moveTo(x - 10, y - 7)
        path.lineTo(x - 3, y + 3)
        path.lineTo(x + 2, y - 2)
        path.lineTo(x + 5, y + 1)
        path.lineTo(x + 10, y - 7)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.circle(x + 6, y + 5, 2, stroke=0, fill=1)
        canvas.restoreState()
    else:
        checkbox(canvas, x - 9, y - 8, 18, ticked=True)


def _made_by(canvas: Canvas, context: Context, left: float, bottom: float, width: float) -> None:
    """Who made the plan and the date side by side; how to reach them across the page (never
    cut short: wrapped); the address, when asked for, on lines of its own."""
    rows = _made_by_rows(context, width)
    heights = [15 + 13 * max(len(lines) for _, lines in row) for row in rows]
    height = 16 + sum(heights)
    canvas.setStrokeColor(style.RULE)
    canvas.setLineWidth(0.8)
    canvas.line(left, bottom + height, left + width, bottom + height)
    y = bottom + height - 20
    for row, row_height in zip(rows, heights, strict=True):
        for index, (label, lines) in enumerate(row):
            _field(canvas, left + index * width / 2, y, label, lines)
        y -= row_height


Field = tuple[str, list[str]]  # a label and the lines of its value


def _made_by_rows(context: Context, width: float) -> list[list[Field]]:
    _, bold = fonts.register()
    lang, data = context.lang, context.data
    first: list[Field] = []
    if data.architect.strip():
        name = fonts.shorten(data.architect.strip(), bold, 11, width / 2 - 12)
        first.append((tr("handover.cover.made_by", lang), [name]))
    first.append((tr("handover.cover.date", lang), [context.date]))
    rows = [first]
    if data.contact.strip():
        contact = fonts.wrap(data.contact.strip(), bold, 11, width, lines=2)
        rows.append([(tr("handover.cover.contact", lang), contact)])
    if data.address is not None and data.address.strip():
        address = fonts.wrap(" ".join(data.address.split()), bold, 11, width, lines=4)
        rows.append([(tr("handover.cover.address", lang), address)])
    return rows


def _field(canvas: Canvas, x: float, y: float, label: str, lines: list[str]) -> None:
    regular, bold = fonts.register()
    canvas.setFillColor(style.MUTED)
    canvas.setFont(regular, 8)
    canvas.drawString(x, y, label)
    canvas.setFillColor(style.INK)
    canvas.setFont(bold, 11)
    for row, line in enumerate(lines):
        canvas.drawString(x, y - 13 - row * 13, line)
