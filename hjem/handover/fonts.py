"""DejaVu Sans, embedded: every Danish letter and any name typed (Олена, Łucja, Ağca) prints.

The fonts come from hjem's own assets, never from the system, so every machine prints the same.
Helpers measure, wrap and shorten text to a width in points.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hjem.resources import asset

REGULAR = "HjemSans"
BOLD = "HjemSans-Bold"
ELLIPSIS = "…"


@cache
def register() -> tuple[str, str]:
    """Register the two faces with reportlab once; returns (regular, bold)."""
    folder = asset("fonts")
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    return REGULAR, BOLD


def width(text: str, font: str, points: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, points))


def shorten(text: str, font: str, points: float, room: float) -> str:
    """`text`, cut with "…" if it is wider than `room` points."""
    if width(text, font, points) <= room:
        return text
    while text and width(text + ELLIPSIS, font, points) > room:
        text = text[:-1]
    return text.rstrip(" ,·") + ELLIPSIS


def wrap(text: str, font: str, points: float, room: float, lines: int = 2) -> list[str]:
    """`text` in at most `lines` lines of `room` points; what does not fit ends in "…"."""
    words, result = text.split(), list[str]()
    while words:
        line = words.pop(0)
        while words and width(f"{line} {words[0]}", font, points) <= room:
            line += " " + words.pop(0)
        if len(result) == lines - 1 and words:
            line, words = " ".join([line, *words]), []
        result.append(shorten(line, font, points, room))
    return result or [""]


def fitting(text: str, font: str, points: float, room: float, smallest: float = 6.0) -> float:
    """`points`, or smaller (not below `smallest`) if that is what it takes to fit `room`."""
    needed = width(text, font, 1.0)
    return points if needed * points <= room else max(smallest, room / needed)
