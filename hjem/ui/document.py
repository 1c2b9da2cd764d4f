"""The open plan: the current `Plan` value, the selected elements, its file, and the undo
stack of edits.

Every change goes through `apply`, which runs a floorplan command first (so a refused edit
never reaches the stack) and then pushes its undo adapter, which remembers the selection
before and after the edit so undo and redo bring it back. Views listen to `plan_did_change`
and `selection_did_change` and redraw from the new values. The document also owns the
plan's conflict report (`report`, recomputed debounced after changes); the panel and the scene
display it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from hjem.floorplan.commands import Command
from hjem.floorplan.model import Plan
from hjem.ids import CaseCode, ElementId
from hjem.ui.conflict_report import ConflictReport
from hjem.ui.undo import PlanCommand


class PlanDocument(QObject):
    plan_did_change = Signal(object)  # the new Plan
    path_did_change = Signal(object)  # Path | None
    selection_did_change = Signal(object)  # the selected ids, a tuple

    def __init__(
        self, plan: Plan | None = None, path: Path | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._plan = plan or Plan()
        self._selection: tuple[ElementId, ...] = ()
        self.path = path
        self.undo_stack = QUndoStack(self)
        self._restored = False  # a plan brought back after a crash has never been saved
        # When the plan is a family case's (kept in the workspace, not in a file): its code,
        # and the stored version it was opened at, so a save can tell if someone saved since.
        self.case_code: CaseCode | None = None
        self.case_version: int | None = None
        self.report = ConflictReport(self)

    @property
    def plan(self) -> Plan:
        return self._plan

    def set_plan(self, plan: Plan, selection: Iterable[str] | None = None) -> None:
        """Show a new plan value and select `selection` in it (used by undo commands; edits
        go through `apply`). Without one, elements that are gone leave the selection."""
        self._plan = plan
        self.plan_did_change.emit(plan)
        self.select(self._selection if selection is None else selection)

    @property
    def selection(self) -> tuple[ElementId, ...]:
        """The ids of the selected elements, in the order they were selected."""
        return self._selection

    def select(self, ids: Iterable[str]) -> None:
        """Select these elements (and no others); ids not in the plan are left out."""
        # An id found in the plan is one of its elements' ids.
        selection = tuple(ElementId(i) for i in dict.fromkeys(ids) if i in self._plan)
        if selection != self._selection:
            self._selection = selection
            self.selection_did_change.emit(selection)

    def apply(self, command: Command, text: str, mergeable: bool = False) -> None:
        """Apply an edit as one undo step (`mergeable`: a nudge that joins the step before).

        Raises PlanError, changing nothing, if the edit is refused.
        """
        new_plan, inverse = command.apply(self._plan)
        self.undo_stack.push(PlanCommand(self, command, inverse, new_plan, text, mergeable))

    def replace(self, plan: Plan, path: Path | None) -> None:
        """Start over with another plan (new or opened): no undo across files."""
        self._restored = False
        self.undo_stack.clear()
        self.path = path
        self.case_code = self.case_version = None
        self.select(())
        self.set_plan(plan)
        self.undo_stack.setClean()
        self.path_did_change.emit(path)

    def mark_unsaved(self) -> None:
        self._restored = True
        self.undo_stack.cleanChanged.emit(False)

    def mark_saved(self, path: Path | None) -> None:
        """Saved to `path`, or (None) to its case in the workspace."""
        self._restored = False
        self.path = path
        if path is not None:
            self.case_code = self.case_version = None  # a file of its own from now on
        self.undo_stack.setClean()
        self.path_did_change.emit(path)

    @property
    def is_modified(self) -> bool:
        return self._restored or not self.undo_stack.isClean()
