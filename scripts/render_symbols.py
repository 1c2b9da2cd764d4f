"""Render a sheet of every furniture symbol to look at (run: python scripts/render_symbols.py).

Offscreen. Three panels: every category at a typical size in the plan's colours; the same in
black and white (black lines, white paper, grey fills) as a printout would show them; and odd
sizes and turns in black and white. Each piece is painted the way the plan paints it: its box,
then its symbol. Usage: render_symbols.py [OUT.png] [--scale PX_PER_CM] [--labels]
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QTransform

from hjem.floorplan.categories import CATEGORIES, TYPICAL_SIZES
from hjem.floorplan.symbols import Tone, symbol
from hjem.ui.scene import style
from hjem.ui.scene.symbols import COLOUR_FILLS, PRINT_FILLS, paint_symbol

ODD: list[tuple[str, float, float, float]] = [  # category, width, depth, rotation
    ("seng", 90, 200, 0),
    ("seng", 80, 190, 0),
    ("seng", 180, 200, 0),
    ("sofa", 160, 80, 0),
    ("sofa", 300, 100, 0),
    ("sofa", 210, 90, 90),
    ("laenestol", 60, 70, 0),
    ("klaedeskab", 200, 60, 0),
    ("klaedeskab", 50, 55, 0),
    ("kommode", 120, 50, 0),
    ("reol", 200, 30, 0),
    ("reol", 40, 30, 0),
    ("skrivebord", 140, 70, 0),
    ("spisebord", 200, 90, 0),
    ("stol", 45, 45, 180),
    ("taeppe", 80, 140, 0),
    ("barneseng", 60, 120, 0),
    ("sofabord", 60, 60, 45),
    ("sofa", 30, 30, 0),
    ("seng", 300, 250, 0),
    ("klaedeskab", 200, 20, 0),
    ("ukendt", 70, 50, 0),
]


@dataclass(frozen=True)
class Look:
    line: QColor
    paper: QColor
    furniture: QColor
    rug: QColor
    fills: Mapping[Tone, QColor]


COLOUR = Look(style.LINE, QColor("#f6eedd"), style.FURNITURE, style.RUG, COLOUR_FILLS)
PRINT = Look(
    QColor("#000000"), QColor("#ffffff"), QColor("#ffffff"), QColor("#f4f4f4"), PRINT_FILLS
)


def paint_piece(painter: QPainter, look: Look, category: str, w: float, d: float) -> None:
    """As the plan's PlacementItem paints a piece: its fill, its symbol, then its outline."""
    box = QRectF(-w / 2, -d / 2, w, d)
    rug = category == "taeppe"
    painter.fillRect(box, look.rug if rug else look.furniture)
    paint_symbol(painter, symbol(category, w, d), look.line, 0.8, look.fills)
    dash = Qt.PenStyle.DashLine if rug else Qt.PenStyle.SolidLine
    painter.setPen(style.pen(look.line, 1.2, dash))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)


def panel(
    painter: QPainter,
    top: float,
    title: str,
    pieces: Sequence[tuple[str, float, float, float]],
    look: Look,
    args: argparse.Namespace,
    width_px: int,
) -> float:
    """Lay pieces out in rows, each labelled under it; returns the panel's bottom."""
    s, gap = args.scale, 16
    painter.setPen(QColor("#000000"))
    painter.setFont(_font(11, bold=True))
    painter.drawText(QPointF(gap, top + 18), title)
    x, y, row_h = gap, top + 30, 0.0
    for category, w, d, rotation in pieces:
        turned = QTransform().rotate(rotation).mapRect(QRectF(-w / 2, -d / 2, w, d))
        cell_w, cell_h = max(turned.width() * s + 10, 110), turned.height() * s + 10
        if x + cell_w > width_px - gap:
            x, y, row_h = gap, y + row_h + 24, 0.0
        painter.fillRect(QRectF(x, y, cell_w, cell_h), look.paper)
        painter.save()
        painter.translate(x + cell_w / 2, y + cell_h / 2)
        painter.scale(s, s)
        painter.rotate(rotation)
        paint_piece(painter, look, category, w, d)
        if args.labels:
            _centred_label(painter, category)
        painter.restore()
        painter.setPen(QColor("#000000"))
        painter.setFont(_font(8))
        turn = f" ↻{rotation:g}°" if rotation else ""
        painter.drawText(QPointF(x + 2, y + cell_h + 13), f"{category} {w:g}×{d:g}{turn}")
        x, row_h = x + cell_w + gap, max(row_h, cell_h)
    return y + row_h + 30


def _centred_label(painter: QPainter, text: str) -> None:
    """The piece's name centred on it at a fixed screen size, as the plan writes it."""
    centre = painter.combinedTransform().map(QPointF(0, 0))
    painter.save()
    painter.resetTransform()
    painter.setPen(QColor("#000000"))
    painter.setFont(_font(9))
    half = painter.fontMetrics().horizontalAdvance(text) / 2
    painter.drawText(centre + QPointF(-half, 4), text)
    painter.restore()


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="/tmp/symbols.png")
    parser.add_argument("--scale", type=float, default=1.5, help="pixels per cm (plan: 1-2)")
    parser.add_argument("--labels", action="store_true", help="names over pieces, as on the plan")
    parser.add_argument("--width", type=int, default=1400)
    args = parser.parse_args()
    _app = QGuiApplication([])
    typical = [(c, *TYPICAL_SIZES[c], 0.0) for c in CATEGORIES]
    image = QImage(args.width, 6000, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    bottom = panel(painter, 0, "Colour (plan)", typical, COLOUR, args, args.width)
    bottom = panel(painter, bottom, "Black and white (print)", typical, PRINT, args, args.width)
    bottom = panel(painter, bottom, "Odd sizes and turns (print)", ODD, PRINT, args, args.width)
    painter.end()
    image.copy(0, 0, args.width, int(bottom)).save(args.out)
    print(args.out)


if __name__ == "__main__":
    main()
