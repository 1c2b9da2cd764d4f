"""DejaVu Sans, embedded: every Danish letter and any name typed (Олена, Łucja, Ağca) prints.

The fonts come from hjem's own assets, never from the system, so every machine prints the same.
Text is measured, wrapped and shortened by `hjem.pdf_text`, offered here too.
"""

from __future__ import annotations

import re
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hjem.pdf_text import fitting, shorten, width, wrap
from hjem.resources import asset

_GLUED = re.compile(r"(\d) × (\d)")
REGULAR = "HjemSans"
BOLD = "HjemSans-Bold"
__all__ = ["BOLD", "REGULAR", "fitting", "register", "shorten", "width", "wrap", "wrap_whole"]


@cache
def register() -> tuple[str, str]:
    """Register the two faces with reportlab once; returns (regular, bold)."""
    folder = asset("fonts")
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    return REGULAR, BOLD


def wrap_whole(text: str, font: str, points: float, room: float) -> list[str]:
    """`text` on as many lines of `room` points as it takes, nothing left out: a word wider
    than a whole line (rare in a name) is broken between two letters. A size such as
    "160 × 90" stays on one line (joined by no-break spaces)."""
    lines: list[str] = []
    for word in _GLUED.sub("\\1\u00a0×\u00a0\\2", text).split(" "):
        if not word.strip():
            continue
        if lines and width(f"{lines[-1]} {word}", font, points) <= room:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while len(word) > 1 and width(word, font, points) > room:
            cut = _longest_prefix(word, font, points, room)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines or [""]


def _longest_prefix(word: str, font: str, points: float, room: float) -> int:
    """How many letters of `word` fit `room` (one at least, fewer than all). A binary search,
    as a prefix's width only grows with its length: trying every length from the longest took
    seconds for a label of 500 emoji (cubic in the word's length)."""
    low, high = 1, len(word) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if width(word[:middle], font, points) <= room:
            low = middle
        else:
            high = middle - 1
    return low
