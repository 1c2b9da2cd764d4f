"""The internal copy's marking on every page: a rust band across the top margin saying it is
not for the family, and the same word large and faint across the page, drawn over everything
(photos included) yet light enough to read through. The family's copy carries neither."""

from __future__ import annotations

import math

from reportlab.pdfgen.canvas import Canvas

from hjem.handover import fonts, style
from hjem.i18n import tr

BAND_HEIGHT = 17.0
BAND_PT = 9.5
BAND_TOP = 12.0  # points from the page's top edge, inside the top margin
WATERMARK_ALPHA = 0.09  # visible on every page, never hiding a number or a name


def mark_internal(canvas: Canvas, lang: str, size: tuple[float, float]) -> None:
    """Mark the current page of the internal copy (`size`: the page's width and height)."""
    _band(canvas, tr("handover.marking.band", lang), size)
    _watermark(canvas, tr("handover.marking.watermark", lang), size)


def _band(canvas: Canvas, text: str, size: tuple[float, float]) -> None:
    _, bold = fonts.register()
    width, height = size
    top = height - BAND_TOP
    canvas.saveState()
    canvas.setFillColor(style.WARNING)
    canvas.roundRect(
        style.MARGIN, top - BAND_HEIGHT, width - 2 * style.MARGIN, BAND_HEIGHT, 3, stroke=0, fill=1
    )
    canvas.setFillColor(style.WHITE)
    canvas.setFont(bold, BAND_PT)
    canvas.drawCentredString(width / 2, top - BAND_HEIGHT + 5, text)
    canvas.restoreState()


def _watermark(canvas: Canvas, word: str, size: tuple[float, float]) -> None:
    """The word along the page's diagonal, as large as fits three quarters of it."""
    _, bold = fonts.register()
    width, height = size
    angle = math.degrees(math.atan2(height, width))
    room = 0.75 * math.hypot(width, height)
    points = min(150.0, room / fonts.width(word, bold, 1.0))
    canvas.saveState()
    canvas.setFillColor(style.WARNING)
    canvas.setFillAlpha(WATERMARK_ALPHA)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(angle)
    canvas.setFont(bold, points)
    canvas.drawCentredString(0, -points * 0.35, word)
    canvas.restoreState()
