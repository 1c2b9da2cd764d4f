"""The budget summary of the internal copy: each budget line's cash, in kind and limit, and a
warning mark where a line is over its limit. Never in the family's copy."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from hjem.handover import fonts, style
from hjem.handover.common import Context, heading, warning_mark
from hjem.handover.data import BudgetRow
from hjem.handover.layout import Block, Draw, content_width
from hjem.handover.wording import money
from hjem.i18n import tr

ROW = 24.0


def budget_blocks(context: Context) -> list[Block]:
    data = context.data
    if data.budget is None:
        return []
    lang = context.lang
    width = content_width()
    example = data.budget_total is not None and data.budget_total.example
    title = heading(
        tr("handover.budget.heading_example" if example else "handover.budget.heading", lang),
        tr("handover.budget.example_note" if example else "handover.budget.note", lang),
        new_page=True,
    )
    header = Block(ROW, lambda c, x, y: _header(c, lang, x, y, width), keep_with_next=True)

    def draw(row: BudgetRow, total: bool) -> Draw:
        return lambda c, x, y: _row(c, lang, row, x, y, width, total)

    rows = [Block(ROW, draw(row, False), continued=header) for row in data.budget]
    if data.budget_total is not None:
        rows.append(Block(ROW + 6, draw(data.budget_total, True)))
    return [title, header, *rows]


def _right_edges(width: float) -> tuple[float, float, float]:
    """Where the cash, in-kind and limit columns end (amounts are right-aligned)."""
    return width * 0.44, width * 0.64, width * 0.84


def _header(canvas: Canvas, lang: str, left: float, top: float, width: float) -> None:
    _, bold = fonts.register()
    cash, in_kind, limit = _right_edges(width)
    y = top - 15
    canvas.setFillColor(style.MUTED)
    canvas.setFont(bold, 9)
    canvas.drawString(left, y, tr("handover.budget.category", lang))
    canvas.drawRightString(left + cash, y, tr("handover.budget.cash", lang))
    canvas.drawRightString(left + in_kind, y, tr("handover.budget.in_kind", lang))
    canvas.drawRightString(left + limit, y, tr("handover.budget.limit", lang))
    canvas.setStrokeColor(style.ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(left, top - ROW + 3, left + width, top - ROW + 3)


def _row(
    canvas: Canvas, lang: str, row: BudgetRow, left: float, top: float, width: float, total: bool
) -> None:
    regular, bold = fonts.register()
    cash, in_kind, limit = _right_edges(width)
    if total:
        canvas.setStrokeColor(style.INK)
        canvas.setLineWidth(1.0)
        canvas.line(left, top - 3, left + width, top - 3)
        top -= 6
    font = bold if total else regular
    y = top - 16
    canvas.setFillColor(style.WARNING if row.over else style.INK)
    canvas.setFont(font, 10)
    cash_text = money(row.cash_ore, lang)
    room = cash - canvas.stringWidth(cash_text, font, 10) - 12  # the label up to the amount
    canvas.drawString(left, y, fonts.shorten(row.label, font, 10, room))
    canvas.setFillColor(style.INK)
    canvas.drawRightString(left + cash, y, cash_text)
    canvas.drawRightString(left + in_kind, y, money(row.in_kind_ore, lang))
    limit_text = (
        money(row.limit_ore, lang)
        if row.limit_ore is not None
        else tr("handover.budget.no_limit", lang)
    )
    canvas.drawRightString(left + limit, y, limit_text)
    if row.over:
        warning_mark(canvas, left + limit + 9, y - 1, 10)
        canvas.setFillColor(style.WARNING)
        canvas.setFont(bold, 8)
        canvas.drawString(
            left + limit + 18,
            y + 1,
            fonts.shorten(tr("handover.budget.over", lang), bold, 8, width - limit - 18),
        )
    canvas.setStrokeColor(style.RULE)
    canvas.setLineWidth(0.4)
    canvas.line(left, top - ROW + 2, left + width, top - ROW + 2)
