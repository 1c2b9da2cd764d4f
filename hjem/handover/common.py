"""What every part of the handover shares: the document's context and small drawn marks
(headings, check boxes, the warning sign, the photo placeholder, the footer)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Placement
from hjem.handover import fonts, style
from hjem.handover.canvas import unmirrored
from hjem.handover.data import HandoverData, HandoverItem
from hjem.handover.layout import Block
from hjem.handover.pdf_symbols import draw_piece
from hjem.handover.photos import PhotoSource
from hjem.handover.plan_drawing import Building
from hjem.handover.wording import date_text
from hjem.i18n import tr

PHOTO_BOX: tuple[float, float] = (30 * mm, 22.5 * mm)  # an item's photo as printed (4:3)


@dataclass
class Context:
    data: HandoverData
    building: Building
    photos: PhotoSource
    prepared: dict[int, object] = field(default_factory=dict)  # item number → printable photo

    @property
    def lang(self) -> str:
        return self.data.lang

    @property
    def items(self) -> tuple[HandoverItem, ...]:
        return self.data.items

    @property
    def date(self) -> str:
        return date_text(self.data.made_on, self.data.lang)


def heading(
    title: str,
    subtitle: str | None = None,
    *,
    new_page: bool = False,
    landscape: bool = False,
    keep: bool = True,
    space_before: float = 0.0,
) -> Block:
    """A section's heading: an accent bar beside the title, a quieter line under it."""
    height = 30.0 + (14.0 if subtitle else 0.0)

    def draw(canvas: Canvas, left: float, top: float) -> None:
        regular, bold = fonts.register()
        canvas.setFillColor(style.ACCENT)
        canvas.roundRect(left, top - 24, 5, 22 + (14 if subtitle else 0), 2, stroke=0, fill=1)
        canvas.setFillColor(style.ACCENT_DARK)
        canvas.setFont(bold, style.HEADING_PT)
        canvas.drawString(left + 13, top - 18, title)
        if subtitle:
            canvas.setFillColor(style.MUTED)
            canvas.setFont(regular, style.BODY_PT)
            canvas.drawString(left + 13, top - 33, subtitle)

    return Block(
        height,
        draw,
        new_page=new_page,
        landscape=landscape,
        keep_with_next=keep,
        space_before=space_before,
    )


def checkbox(canvas: Canvas, x: float, y: float, size: float, ticked: bool = False) -> None:
    """An empty square to tick by hand (drawn, not a glyph: every printer shows it)."""
    canvas.saveState()
    canvas.setStrokeColor(style.INK)
    canvas.setFillColor(style.WHITE)
    canvas.setLineWidth(1.0)
    canvas.roundRect(x, y, size, size, size * 0.12, stroke=1, fill=1)
    if ticked:
        with unmirrored(canvas, x, x + size):  # a tick is a tick on every page
            canvas.setStrokeColor(style.ACCENT)
            canvas.setLineWidth(size * 0.14)
            path = canvas.beginPath()
            path.moveTo(x + size * 0.2, y + size * 0.5)
            path.lineTo(x + size * 0.42, y + size * 0.25)
            path.lineTo(x + size * 0.82, y + size * 0.8)
            canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def warning_mark(canvas: Canvas, x: float, y: float, size: float) -> None:
    """A triangle with "!" standing on (x, y), `size` points high."""
    _, bold = fonts.register()
    canvas.saveState()
    canvas.setFillColor(style.WARNING)
    path = canvas.beginPath()
    path.moveTo(x, y)
    path.lineTo(x + size * 1.15, y)
    path.lineTo(x + size * 0.575, y + size)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.setFillColor(style.WHITE)
    canvas.setFont(bold, max(size * 0.7, 8.0))  # never below the copy's 8 pt
    canvas.drawCentredString(x + size * 0.575, y + size * 0.12, "!")
    canvas.restoreState()


def placeholder(
    canvas: Canvas, x: float, y: float, w: float, h: float, piece: Placement, lang: str
) -> None:
    """A quiet cream box with the piece's plan symbol, saying that there is no photo."""
    regular, _ = fonts.register()
    canvas.saveState()
    canvas.setFillColor(style.CREAM)
    canvas.setStrokeColor(style.RULE)
    canvas.setLineWidth(0.6)
    canvas.roundRect(x, y, w, h, 3, stroke=1, fill=1)
    k = min(w * 0.62 / piece.width, h * 0.5 / piece.depth)
    with unmirrored(canvas, x, x + w):  # the piece's symbol as on the plan
        canvas.translate(x + w / 2, y + h * 0.6)
        canvas.scale(k, -k)
        draw_piece(canvas, replace(piece, center=Point(0.0, 0.0), rotation=0.0), 0.7 / k)
    canvas.restoreState()
    name = tr("handover.item.no_photo", lang)
    canvas.setFillColor(style.MUTED)
    canvas.setFont(regular, 8)  # the least the family's copy prints
    for row, line in enumerate(reversed(fonts.wrap_whole(name, regular, 8, w - 6))):
        canvas.drawCentredString(x + w / 2, y + 5 + row * 9, line)


def footer(canvas: Canvas, context: Context, page: int, pages: int, width: float) -> None:
    """Page x of y, the alias and the date: never the address."""
    regular, _ = fonts.register()
    y = style.FOOTER_Y
    canvas.saveState()
    canvas.setStrokeColor(style.RULE)
    canvas.setLineWidth(0.5)
    canvas.line(style.MARGIN, y + 10, width - style.MARGIN, y + 10)
    canvas.setFillColor(style.MUTED)
    canvas.setFont(regular, style.SMALL_PT)
    canvas.drawString(style.MARGIN, y, f"{context.data.alias} · {context.date}")
    canvas.drawRightString(
        width - style.MARGIN, y, tr("handover.footer.page", context.lang, page=page, pages=pages)
    )
    canvas.restoreState()
