"""Text measured in points for reportlab drawings: its width, and the same text shortened or
wrapped to a width, ending in "…" where it does not fit. The handover plan and the inventory's
labels both use it."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

ELLIPSIS = "…"


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
        if len(result) == lines - 1 and words:  # the last line takes the rest, shortened
            line, words = " ".join([line, *words]), []
        result.append(shorten(line, font, points, room))
    return result or [""]


def fitting(text: str, font: str, points: float, room: float, smallest: float = 6.0) -> float:
    """`points`, or smaller (not below `smallest`) if that is what it takes to fit `room`."""
    needed = width(text, font, 1.0)
    return points if needed * points <= room else max(smallest, room / needed)
