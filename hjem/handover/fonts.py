"""The printout's fonts, embedded: a face per script, chosen by the document's language, and
DejaVu Sans behind it for whatever the face lacks (a Latin name in an Arabic printout).

DejaVu Sans draws Latin and Cyrillic (every Danish letter and any name typed: Олена, Łucja,
Ağca), Noto Naskh Arabic draws Arabic and Farsi, Noto Sans Ethiopic draws Tigrinya. The fonts
come from hjem's own assets, never from the system, so every machine prints the same.

A face is named by its role (`register()` → regular, bold, for the language being drawn);
a text is measured and drawn in runs, each in the first face of the chain that has all its
characters. Widths are those of the shaped text (`script.shaped`), as it is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hjem import pdf_text
from hjem.handover.script import shaped
from hjem.resources import asset

_GLUED = re.compile(r"(\d) × (\d)")
REGULAR = "HjemSans"
BOLD = "HjemSans-Bold"
# Faces by script: (regular, bold) and the files they are read from.
FACES = {
    "latin": ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")),
    "arabic": (
        ("HjemArabic", "NotoNaskhArabic-Regular.ttf"),
        ("HjemArabic-Bold", "NotoNaskhArabic-Bold.ttf"),
    ),
    "ethiopic": (
        ("HjemEthiopic", "NotoSansEthiopic-Regular.ttf"),
        ("HjemEthiopic-Bold", "NotoSansEthiopic-Bold.ttf"),
    ),
}
SCRIPTS = {"ar": "arabic", "fa": "arabic", "ti": "ethiopic"}  # every other language: Latin
FALLBACK = {
    "HjemArabic": REGULAR,
    "HjemArabic-Bold": BOLD,
    "HjemEthiopic": REGULAR,
    "HjemEthiopic-Bold": BOLD,
}
_script: ContextVar[str] = ContextVar("hjem_print_script", default="latin")
__all__ = ["BOLD", "REGULAR", "fitting", "register", "shorten", "width", "wrap", "wrap_whole"]


def script_of(lang: str) -> str:
    return SCRIPTS.get(lang, "latin")


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Draw in `lang`'s faces until the block ends (one document, one thread)."""
    token = _script.set(script_of(lang))
    try:
        yield
    finally:
        _script.reset(token)


def register() -> tuple[str, str]:
    """The regular and bold face of the language being drawn, registered with reportlab."""
    return _registered(_script.get())


@cache
def _registered(script: str) -> tuple[str, str]:
    names = []
    for name, file in (*FACES["latin"], *FACES[script]):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(asset("fonts", file))))
        names.append(name)
    return names[-2], names[-1]


@cache
def glyphs(font: str) -> frozenset[int]:
    """The characters `font` has a glyph for."""
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
    return frozenset(face.charToGlyph)


def face_for(char: str, font: str) -> str:
    """The face that draws `char`: `font`, or its fallback when `font` lacks it."""
    fallback = FALLBACK.get(font)
    if fallback is None or ord(char) in glyphs(font):
        return font
    return fallback


def missing(text: str, font: str) -> set[str]:
    """The characters of `text` (shaped) that no face of `font`'s chain has."""
    return {c for c in shaped(text) if not c.isspace() and ord(c) not in glyphs(face_for(c, font))}


@lru_cache(maxsize=16384)
def runs(text: str, font: str) -> tuple[tuple[str, str], ...]:
    """`text` (already in drawing order) cut into (face, part) runs. A letter goes to the first
    face that has it; a space, digit or mark of punctuation stays in the run it stands in when
    that face has it, so "Reol, sortbejdset" keeps DejaVu's comma in an Arabic printout."""
    if font not in FALLBACK:
        return ((font, text),)
    result: list[tuple[str, str]] = []
    for char in text:
        face = face_for(char, font)
        if result and not char.isalpha() and ord(char) in glyphs(result[-1][0]):
            face = result[-1][0]
        if result and result[-1][0] == face:
            result[-1] = (face, result[-1][1] + char)
        else:
            result.append((face, char))
    return tuple(result)


@lru_cache(maxsize=65536)
def width(text: str, font: str, points: float) -> float:
    """The width of `text` in points, as drawn (shaped, each run in its face)."""
    return line_width(shaped(text), font, points)


@lru_cache(maxsize=65536)
def line_width(line: str, font: str, points: float) -> float:
    """The width of a line already shaped (and maybe ordered for drawing)."""
    return sum(pdfmetrics.stringWidth(part, face, points) for face, part in runs(line, font))


def shorten(text: str, font: str, points: float, room: float) -> str:
    return pdf_text.shorten(text, font, points, room, measure=width)


def wrap(text: str, font: str, points: float, room: float, lines: int = 2) -> list[str]:
    return pdf_text.wrap(text, font, points, room, lines, measure=width)


def fitting(text: str, font: str, points: float, room: float, smallest: float = 6.0) -> float:
    return pdf_text.fitting(text, font, points, room, smallest, measure=width)


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
