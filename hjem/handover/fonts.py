"""DejaVu Sans, embedded: every Danish letter and any name typed (Олена, Łucja, Ağca) prints.

The fonts come from hjem's own assets, never from the system, so every machine prints the same.
Text is measured, wrapped and shortened by `hjem.pdf_text`, offered here too.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hjem.pdf_text import fitting, shorten, width, wrap
from hjem.resources import asset

REGULAR = "HjemSans"
BOLD = "HjemSans-Bold"
__all__ = ["BOLD", "REGULAR", "fitting", "register", "shorten", "width", "wrap"]


@cache
def register() -> tuple[str, str]:
    """Register the two faces with reportlab once; returns (regular, bold)."""
    folder = asset("fonts")
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    return REGULAR, BOLD
