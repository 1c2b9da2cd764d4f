"""The document's conflict report: a value recomputed, debounced, after the plan changes.

The computing is the engine's (`floorplan.report.full_report`); this only decides when. The
conflicts panel lists the report and the scene marks its elements; neither computes it. A drag
that ends has checked the walkway of the plan it stores already: that result is handed over
(`walkway_checked`) and taken instead of checking the walkway again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from hjem.floorplan.model import Plan

if TYPE_CHECKING:  # the engine loads with the first plan, not at start-up (bench/startup.py)
    from hjem.floorplan.conflicts import Conflict
    from hjem.floorplan.drag import WalkwayAtRelease
    from hjem.ui.document import PlanDocument

REFRESH_DELAY_MS = 120  # let a burst of edits (typing, undo) settle before checking


class ConflictReport(QObject):
    did_change = Signal(object)  # the new list[Conflict]

    def __init__(self, document: PlanDocument):
        super().__init__(document)
        self._document = document
        self._conflicts: list[Conflict] = []
        self._plan: Plan | None = None  # the plan the conflicts are of
        self._walkway: WalkwayAtRelease | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        document.plan_did_change.connect(self._plan_did_change)

    @property
    def conflicts(self) -> list[Conflict]:
        return self._conflicts

    @property
    def is_current(self) -> bool:
        """Whether the conflicts are those of the document's plan as it is now."""
        return self._plan is self._document.plan

    def _plan_did_change(self, _plan: Plan) -> None:
        self._timer.start()

    def walkway_checked(self, walkway: WalkwayAtRelease) -> None:
        """A drag has checked the walkway of the plan its move stores."""
        self._walkway = walkway

    def refresh(self) -> None:
        """Bring the report up to date now (when it is not already)."""
        self._timer.stop()
        plan = self._document.plan
        if self.is_current:
            return
        from hjem.floorplan.report import full_report  # the engine loads when first needed

        known = self._walkway
        walkway = known.conflicts if known is not None and known.holds_for(plan) else None
        self._walkway = None
        self._conflicts = full_report(plan, walkway_found=walkway)
        self._plan = plan
        self.did_change.emit(self._conflicts)
