"""Typed ids: a case code, an inventory code and a plan element's id are all strings, but never
interchangeable. `NewType` costs nothing at run time; mypy refuses one where another is meant.

The bottom layer, so the floorplan (which may not import inventory) can name an item's code.
"""

from __future__ import annotations

from typing import NewType

CaseCode = NewType("CaseCode", str)  # a family case, e.g. "FBH-2026-014"; never a name
ItemCode = NewType("ItemCode", str)  # a donated item in the inventory, e.g. "H-0123"
ElementId = NewType("ElementId", str)  # an element of a plan, e.g. "w3", "p7"

# The longest case code: the cases table, the reservations that name a case, a plan's case
# and the forms that take one all hold this many characters.
CASE_CODE_LENGTH = 40
