"""A plan drawn to scale on a page: which scale fits, where a plan point lands, the scale bar.

Plan units are centimetres with y down; the page's are points with y up. A drawing shows a
`window` of the plan (cm) at 1:`scale`, its top-left corner at (`left`, `top`) on the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from hjem.handover import fonts, style
from hjem.handover.canvas import unmirrored
from hjem.i18n import tr

PT_PER_CM = 72 / 2.54  # points per centimetre of paper
Bounds = tuple[float, float, float, float]  # x0, y0, x1, y1 in plan cm


@dataclass(frozen=True)
class PlanFrame:
    scale: int  # 1:scale
    window: Bounds
    left: float
    top: float

    @property
    def k(self) -> float:
        """Page points per plan centimetre."""
        return PT_PER_CM / self.scale

    @property
    def width(self) -> float:
        return (self.window[2] - self.window[0]) * self.k

    @property
    def height(self) -> float:
        return (self.window[3] - self.window[1]) * self.k

    def pt(self, x: float, y: float) -> tuple[float, float]:
        """The page point (points, y up) of plan point (x, y)."""
        return self.left + (x - self.window[0]) * self.k, self.top - (y - self.window[1]) * self.k

    def enter(self, canvas: Canvas) -> None:
        """Make one canvas unit one plan cm, y down, until `canvas.restoreState()`."""
        canvas.saveState()
        canvas.translate(self.left, self.top)
        canvas.scale(self.k, -self.k)
        canvas.translate(-self.window[0], -self.window[1])

    def line(self, points: float) -> float:
        """A line `points` wide on paper, in plan cm (inside `enter`)."""
        return points / self.k


def fitting_scale(window: Bounds, room: tuple[float, float], scales: Sequence[int]) -> int | None:
    """The largest drawing (the first of `scales`) for which `window` fits `room` (points)."""
    width, height = window[2] - window[0], window[3] - window[1]
    for scale in scales:
        k = PT_PER_CM / scale
        if width * k <= room[0] + 0.01 and height * k <= room[1] + 0.01:
            return scale
    return None


def grown(window: Bounds, margin: float) -> Bounds:
    return (window[0] - margin, window[1] - margin, window[2] + margin, window[3] + margin)


SCALE_BAR_HEIGHT = 30.0  # points the bar with its labels takes
_BAR_METRES = (20, 10, 5, 4, 3, 2, 1)
_LABEL_EVERY = (1, 2, 5, 10)  # metres between two numbers under the bar
LABEL_GAP = 18.0  # points between two numbers at least, so they never run together


def scale_bar_metres(scale: int, room: float) -> int:
    """The longest round bar (in whole metres) that fits `room` points at 1:`scale`."""
    metre = 100 * PT_PER_CM / scale
    return next((m for m in _BAR_METRES if m * metre <= room), 1)


def label_every(metres: int, metre: float) -> int:
    """Metres between the numbers under a bar: the fewest that keep them apart and end on
    the bar's end; 0 when only its ends can be numbered."""
    return next((e for e in _LABEL_EVERY if metres % e == 0 and e * metre >= LABEL_GAP), 0)


def draw_scale_bar(canvas: Canvas, x: float, y: float, scale: int, room: float, lang: str) -> float:
    """A bar of whole metres in alternating blocks at (x, y) = its bottom-left, with "0 1 2 …
    m" under it and "Målestok 1:100" above; returns the bar's length in points.

    The bar's baseline and its dark blocks are filled `style.SCALE_BAR`, a colour nothing else
    uses, so a test can measure the bar in the PDF. Like the plan it measures, never mirrored."""
    metres = scale_bar_metres(scale, room)
    length = metres * 100 * PT_PER_CM / scale
    with unmirrored(canvas, x, x + length):
        return _draw_scale_bar(canvas, x, y, scale, metres, lang)


def _draw_scale_bar(
    canvas: Canvas, x: float, y: float, scale: int, metres: int, lang: str
) -> float:
    metre = 100 * PT_PER_CM / scale
    every = label_every(metres, metre)
    step = 0.5 if metre >= 40 and metres <= 2 else float(every or metres)
    bar_y, bar_h = y + 11, 4.5
    canvas.saveState()
    _bar(canvas, x, bar_y, bar_h, metres * metre, step * metre)
    _bar_labels(canvas, x, y + 2, metres, every or metres, metre, lang)
    _, bold = fonts.register()
    canvas.setFont(bold, 8)
    canvas.drawString(x, bar_y + bar_h + 4, tr("handover.plan.scale", lang, scale=scale))
    canvas.restoreState()
    return metres * metre


def _bar(canvas: Canvas, x: float, y: float, h: float, length: float, block: float) -> None:
    """The bar: an outline, a baseline its full length, and every other block filled."""
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor(style.SCALE_BAR)
    canvas.setFillColor(style.WHITE)
    canvas.rect(x, y, length, h, stroke=1, fill=1)
    canvas.setFillColor(style.SCALE_BAR)
    canvas.rect(x, y - 1.2, length, 1.2, stroke=0, fill=1)
    for i in range(0, round(length / block), 2):
        canvas.rect(x + i * block, y, block, h, stroke=0, fill=1)


def _bar_labels(
    canvas: Canvas, x: float, y: float, metres: int, every: int, metre: float, lang: str
) -> None:
    """ "0", every `every` metres a number, and the last with its unit: "5 m"."""
    regular, _ = fonts.register()
    canvas.setFillColor(style.INK)
    canvas.setFont(regular, 8)
    canvas.drawString(x, y, "0")
    for m in range(every, metres + 1, every):
        label = tr("handover.plan.metres", lang, count=m) if m == metres else str(m)
        canvas.drawCentredString(x + m * metre, y, label)
