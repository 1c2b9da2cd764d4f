"""The family's printed plan of their new home ("Jeres nye hjem"), drawn with reportlab from
plain data (`HandoverData`). No Qt, no database: the caller gathers the data.

    from hjem.handover import HandoverData, HandoverItem, build_handover
    build_handover(data, "plan.pdf", progress=lambda done, total: ...)
"""

from hjem.handover.data import BudgetRow, HandoverData, HandoverItem
from hjem.handover.document import build_handover
from hjem.handover.wording import room_name

__all__ = ["BudgetRow", "HandoverData", "HandoverItem", "build_handover", "room_name"]
