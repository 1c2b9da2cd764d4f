"""The one thin QUndoCommand: it wraps a floorplan command value and keeps its inverse.

After Orange3's owpaintdata: the model's commands are plain values that know their inverse;
this adapter only stores them, with the selection before the edit and after it, so undo and
redo bring back what was selected too. Consecutive nudges of the same elements merge into
one step.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from hjem.floorplan.commands import Command, MoveElements, ReplaceElements
from hjem.floorplan.model import Plan

MOVE_ID = 1  # QUndoCommand.id() for moves, which may merge


class Edited(Protocol):
    """What an undo step changes: the plan and the selection (the document, to us)."""

    @property
    def plan(self) -> Plan: ...

    @property
    def selection(self) -> tuple[str, ...]: ...

    def set_plan(self, plan: Plan, selection: Iterable[str] | None = None) -> None: ...


class PlanCommand(QUndoCommand):
    def __init__(
        self,
        document: Edited,
        command: Command,
        inverse: Command,
        result: Plan,
        text: str,
        mergeable: bool = False,
    ):
        super().__init__(text)
        self._document = document
        self._command = command
        self._inverse = inverse
        self._result: Plan | None = result  # computed before the push; used by the first redo
        self._selected_before = document.selection
        # What was selected once the edit was done (a paste selects what it pasted): known
        # for sure only when the step is undone, so taken then.
        self._selected_after: tuple[str, ...] | None = None
        # Only nudges merge: each drag stays its own undo step.
        moved = command.element_ids if isinstance(command, MoveElements) else None
        self._moved = moved if mergeable else None

    @property
    def merges_with(self) -> object:
        """What another step must move to merge with this one (None: it never merges)."""
        return self._moved

    def redo(self) -> None:
        if self._result is not None:
            plan, self._result = self._result, None
        else:
            plan, self._inverse = self._command.apply(self._document.plan)
        self._document.set_plan(plan, self._selected_after)

    def undo(self) -> None:
        self._selected_after = self._document.selection
        plan, self._command = self._inverse.apply(self._document.plan)
        self._document.set_plan(plan, self._selected_before)

    def id(self) -> int:
        return MOVE_ID if self._moved is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Nudges of the same selection become one undo step.

        Qt has already applied `other`; redoing the merged step restores exactly the elements
        as they are now (not a sum of moves, which floating point would not reproduce).
        """
        if not isinstance(other, PlanCommand) or other.merges_with != self._moved:
            return False
        plan = self._document.plan
        self._command = ReplaceElements(tuple(plan[i] for i in dict.fromkeys(self._moved or ())))
        return True
