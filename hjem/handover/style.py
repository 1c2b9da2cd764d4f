"""The handover's look: page, margins, type sizes and a calm palette that prints in grey.

The accent is a deep, quiet teal: on a black-and-white printer it becomes a dark grey that
white numbers still stand out on. Backgrounds are warm creams that print as the lightest grey.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN = 18 * mm
TOP_MARGIN = 16 * mm
BOTTOM_MARGIN = 20 * mm  # the footer sits in it
FOOTER_Y = 10 * mm

ACCENT = HexColor("#2e6b66")
ACCENT_DARK = HexColor("#1f4d49")
ACCENT_SOFT = HexColor("#dcebe7")  # the room of a room page, the cover's panels
CREAM = HexColor("#faf5ec")
FLOOR = HexColor("#f5eee2")  # every room's floor on the drawings
INK = HexColor("#262626")
MUTED = HexColor("#5f5f5f")
RULE = HexColor("#cfc8bc")
WARNING = HexColor("#9a3b1e")  # over budget, not found: a dark rust that prints dark
WHITE = HexColor("#ffffff")
MISSING = HexColor("#dedede")  # the badge of a piece not found: light, in a dashed ring

# Drawings: the walls and the scale bar's blocks have fills of their own (the tests find them).
WALL = Color(0.2, 0.2, 0.2)
SCALE_BAR = Color(0.08, 0.08, 0.08)
FURNITURE_LINE = Color(0.15, 0.15, 0.15)

TITLE_PT = 32
HEADING_PT = 17
BODY_PT = 10
SMALL_PT = 8.5
