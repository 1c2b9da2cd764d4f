"""Labels for storage: A4 sheets of 3 × 8 labels of 70 × 37 mm (the common Avery/Herma layout),
each with a QR code of the item's code, the code in large letters, the item's name and size.

The QR code holds just the code, so any phone's camera reads it and search finds the item. It
is 30 mm with a quiet zone of two modules: the symbol itself is over 25 mm, and it keeps
clear of the 4-5 mm most printers cannot print at the edge of the sheet. Sizes are shown in
whole cm: enough to find a piece in storage, and short enough for large letters.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from hjem.i18n import format_number, msg, tr
from hjem.ids import ItemCode
from hjem.inventory.errors import InventoryError
from hjem.inventory.sheets import write_problem
from hjem.pdf_text import wrap

ACROSS, DOWN = 3, 8
PER_PAGE = ACROSS * DOWN
LABEL_WIDTH, LABEL_HEIGHT = 70 * mm, 37 * mm
LEFT = (A4[0] - ACROSS * LABEL_WIDTH) / 2  # 0 mm: the labels fill the sheet's width
TOP = (A4[1] - DOWN * LABEL_HEIGHT) / 2  # 0.5 mm
PADDING = 3 * mm
RIGHT_PADDING = 5 * mm  # printers leave the sheet's edge white; the right column reaches it
QR_SIZE = 30 * mm
QR_BORDER = 2  # modules of quiet zone; the label's own margin adds more white
CODE_POINTS, TEXT_POINTS, LEADING, NAME_LINES = 22, 10, 11.5, 3
FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")

Progress = Callable[[int, int], None]  # (labels drawn, labels in all)


class Labelled(Protocol):
    """What a label shows of an item (an Item row has it all)."""

    code: ItemCode
    name: str
    width: float
    depth: float
    height: float


@cache
def fonts() -> tuple[str, str]:
    """Regular and bold: DejaVu Sans (every Danish letter) when the system has it."""
    try:
        for name in ("DejaVuSans", "DejaVuSans-Bold"):
            pdfmetrics.registerFont(TTFont(name, str(FONT_FOLDER / f"{name}.ttf")))
    except (OSError, TTFError):
        return "Helvetica", "Helvetica-Bold"
    return "DejaVuSans", "DejaVuSans-Bold"


def qr_drawing(code: ItemCode, size: float = QR_SIZE) -> Drawing:
    """A square drawing `size` points wide of a QR code that holds exactly `code`."""
    drawing = Drawing(size, size)  # sized by the widget itself: asking its bounds encodes twice
    drawing.add(
        QrCodeWidget(code, barLevel="M", barBorder=QR_BORDER, barWidth=size, barHeight=size)
    )
    return drawing


def _fitting(text: str, font: str, points: float, width: float) -> float:
    """`points`, or less if that is what it takes for `text` to fit in `width`."""
    return min(points, width / float(pdfmetrics.stringWidth(text, font, 1)))


def _draw_label(canvas: Canvas, item: Labelled, x: float, y: float, lang: str) -> None:
    regular, bold = fonts()
    renderPDF.draw(qr_drawing(item.code), canvas, x + PADDING, y + (LABEL_HEIGHT - QR_SIZE) / 2)
    left = x + PADDING + QR_SIZE + 1 * mm
    width = x + LABEL_WIDTH - RIGHT_PADDING - left
    top = y + LABEL_HEIGHT - PADDING - 1.5 * mm
    points = _fitting(item.code, bold, CODE_POINTS, width)
    canvas.setFont(bold, points)
    canvas.drawString(left, top - points * 0.75, item.code)
    canvas.setFont(regular, TEXT_POINTS)
    for row, line in enumerate(wrap(item.name, regular, TEXT_POINTS, width, NAME_LINES)):
        canvas.drawString(left, top - points - 3 * mm - row * LEADING, line)
    cm = [format_number(v, lang, decimals=0) for v in (item.width, item.depth, item.height)]
    size = tr("transfer.label.size", lang, width=cm[0], depth=cm[1], height=cm[2])
    canvas.setFont(regular, _fitting(size, regular, TEXT_POINTS, width))
    canvas.drawString(left, y + PADDING + 1.5 * mm, size)


def _place(index: int) -> tuple[float, float]:
    """The bottom left corner of the label at `index` on its page."""
    row, column = divmod(index % PER_PAGE, ACROSS)
    return LEFT + column * LABEL_WIDTH, A4[1] - TOP - (row + 1) * LABEL_HEIGHT


def _draw(path: Path, items: Sequence[Labelled], lang: str, progress: Progress | None) -> None:
    canvas = Canvas(str(path), pagesize=A4, invariant=1)  # the same items, the same bytes
    canvas.setTitle(tr("transfer.label.title", lang))
    for index, item in enumerate(items):
        if index and index % PER_PAGE == 0:
            canvas.showPage()
        _draw_label(canvas, item, *_place(index), lang)
        if progress:
            progress(index + 1, len(items))
    canvas.save()


def label_sheet(
    items: Sequence[Labelled],
    path: str | os.PathLike[str],
    lang: str = "da",
    progress: Progress | None = None,
) -> int:
    """Write a PDF of labels for `items`, 24 to a page; the number of pages."""
    if not items:
        raise InventoryError(msg("transfer.label.none"))
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    try:  # drawn beside, then moved in place: a file is never left half written
        _draw(partial, items, lang, progress)
        partial.replace(path)
    except OSError as error:  # a full disk is said to be one
        raise InventoryError(write_problem(error, path)) from None
    finally:
        partial.unlink(missing_ok=True)
    return -(-len(items) // PER_PAGE)
