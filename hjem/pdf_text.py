"""Text measured in points for reportlab drawings: its width, and the same text shortened or
wrapped to a width, ending in "…" where it does not fit. The handover plan and the inventory's
labels both use it."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfbase import pdfmetrics

ELLIPSIS = "…"
Measure = Callable[[str, str, float], float]  # (text, font, points) → width in points


def width(text: str, font: str, points: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, points))


def shorten(text: str, font: str, points: float, room: float, *, measure: Measure = width) -> str:
    """`text`, cut with "…" if it is wider than `room` points (as `measure` measures it: the
    handover's measures joined Arabic letters and faces behind faces)."""
    if measure(text, font, points) <= room:
        return text
    while text and measure(text + ELLIPSIS, font, points) > room:
        text = text[:-1]
    return text.rstrip(" ,·") + ELLIPSIS


def wrap(
    text: str,
    font: str,
    points: float,
    room: float,
    lines: int = 2,
    *,
    measure: Measure = width,
) -> list[str]:
    """`text` in at most `lines` lines of `room` points; what does not fit ends in "…"."""
    words, result = text.split(), list[str]()
    while words:
        line = words.pop(0)
        while words and measure(f"{line} {words[0]}", font, points) <= room:
            line += " " + words.pop(0)
        if len(result) == lines - 1 and words:  # the last line takes the rest, shortened
            line, words = " ".join([line, *words]), []
        result.append(shorten(line, font, points, room, measure=measure))
    return result or [""]


def fitting(
    text: str,
    font: str,
    points: float,
    room: float,
    smallest: float = 6.0,
    *,
    measure: Measure = width,
) -> float:
    """`points`, or smaller (not below `smallest`) if that is what it takes to fit `room`."""
    needed = measure(text, font, 1.0)
    return points if needed * points <= room else max(smallest, room / needed)
