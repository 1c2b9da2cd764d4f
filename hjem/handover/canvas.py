"""The printout's canvas: text drawn in the language's faces and order, and whole pages mirrored
for a right-to-left language.

A right-to-left page is drawn by the same code as a left-to-right one, through a mirror: the
page's coordinates are flipped left for right (`mirror_page`), so the cover's panels, headings,
tables, cards, the checklist's columns and every number's place come out from the right edge.
What must not be mirrored is turned back where it is drawn: every text (right-aligned where a
left-to-right page starts it), every photo, and the plan drawings (`unmirrored`: a drawing of a
real place is never turned round).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from hjem.handover import fonts
from hjem.handover.script import visual


class PrintCanvas(Canvas):
    """A reportlab canvas whose strings are shaped, ordered and drawn face by face."""

    def __init__(self, *args: Any, right_to_left: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.right_to_left = right_to_left
        self.mirrored = False

    # Text: every string the printout draws comes through these three.
    def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        self._put(x, y, text, 0.0)

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        self._put(x, y, text, 1.0)

    def drawCentredString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        self._put(x, y, text, 0.5)

    def stringWidth(
        self,
        text: str,
        fontName: str | None = None,
        fontSize: float | None = None,
    ) -> float:
        return fonts.width(text, fontName or self.font[0], fontSize or self.font[1])

    @property
    def font(self) -> tuple[str, float]:
        """The font set last, and its size (reportlab keeps them in untyped attributes)."""
        name: str = getattr(self, "_fontname")  # noqa: B009
        size: float = getattr(self, "_fontsize")  # noqa: B009
        return name, size

    def _put(self, x: float, y: float, text: str, align: float) -> None:
        """`text` at (x, y), starting there (align 0), centred (0.5) or ending there (1); on a
        mirrored page the other way round. One text object, its runs face by face; on a
        mirrored page its text matrix turns the letters back (they run leftwards in the
        mirrored space, so rightwards on paper)."""
        font, points = self.font
        line = visual(text, self.right_to_left)
        parts = fonts.runs(line, font)
        total = fonts.line_width(line, font, points) if align or self.mirrored else 0.0
        out = self.beginText()
        if self.mirrored:
            out.setTextTransform(-1, 0, 0, 1, x + (1.0 - align) * total, y)
        else:
            out.setTextOrigin(x - align * total, y)
        for face, part in parts:
            out.setFont(face, points)
            out.textOut(part)
        self.drawText(out)

    def flip(self, x: float) -> None:
        """Turn left and right about the vertical line through `x` (inside a saved state)."""
        self.translate(x, 0)
        self.scale(-1, 1)
        self.translate(-x, 0)

    def drawImage(self, image: Any, x: float, y: float, *args: Any, **kwargs: Any) -> Any:
        """A photo as taken, also on a mirrored page."""
        if not self.mirrored:
            return super().drawImage(image, x, y, *args, **kwargs)
        width = kwargs.get("width", args[0] if args else 0.0) or 0.0
        self.saveState()
        self.flip(x + width / 2)
        try:
            return super().drawImage(image, x, y, *args, **kwargs)
        finally:
            self.restoreState()

    @contextmanager
    def mirror_page(self, page_width: float) -> Iterator[None]:
        """Draw a right-to-left page through the mirror (a left-to-right page as it is)."""
        if not self.right_to_left:
            yield
            return
        self.saveState()
        self.flip(page_width / 2)
        self.mirrored = True
        try:
            yield
        finally:
            self.mirrored = False
            self.restoreState()


@contextmanager
def unmirrored(canvas: Canvas, left: float, right: float) -> Iterator[None]:
    """Draw what lies between `left` and `right` as it is (a plan, a scale bar), in the place
    the mirror gives it."""
    if not isinstance(canvas, PrintCanvas) or not canvas.mirrored:
        yield
        return
    canvas.saveState()
    canvas.flip((left + right) / 2)
    canvas.mirrored = False
    try:
        yield
    finally:
        canvas.mirrored = True
        canvas.restoreState()
