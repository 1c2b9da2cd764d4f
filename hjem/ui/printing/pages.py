"""A finished PDF's pages as images (pypdfium2), for the preview and for a printer.

The PDF reportlab wrote is the one document: the preview shows its pages and the printer gets
the same pages, so what the family gets on paper is what was previewed and what a saved PDF
holds."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

POINTS_PER_INCH = 72
PRINT_DPI = 300  # sharp on paper; a printer's 1200 dpi would make each page 400 MB in memory
WHITE = (255, 255, 255, 255)


def page_images(pdf: bytes, width_px: int) -> list[QImage]:
    """Every page, `width_px` wide."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            images.append(_render(page, width_px / page.get_size()[0]))
        return images
    finally:
        document.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> bool:
    """Print every page on `printer`, each fitted to the paper; False if the printer refused."""
    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            return False
        dpi = min(printer.resolution(), PRINT_DPI)
        for index in range(len(document)):
            if index:
                printer.newPage()
            image = _render(document[index], dpi / POINTS_PER_INCH)
            painter.drawImage(_fitted(image, printer), image)
        return painter.end()
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def _render(page: pdfium.PdfPage, scale: float) -> QImage:
    try:
        bitmap = page.render(scale=scale, fill_color=WHITE, rev_byteorder=True)
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
        )
        return image.copy()  # the bitmap's memory goes with it
    finally:
        page.close()


def _fitted(image: QImage, printer: QPrinter) -> QRectF:
    """Where the page goes on the paper: as large as fits, centred, its proportions kept."""
    paper = printer.pageLayout().paintRectPixels(printer.resolution())
    size = image.size().scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = (paper.width() - size.width()) / 2
    top = (paper.height() - size.height()) / 2
    return QRectF(left, top, size.width(), size.height())
