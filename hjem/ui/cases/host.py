"""What a case window's tabs need of the window they sit in (and nothing more): the case, the
person working, one way to change the workspace, and ways to say what happened."""

from __future__ import annotations

from typing import Protocol

from hjem.ids import CaseCode
from hjem.ui.operations import Changes, Operations, Work


class CaseHost(Protocol):
    code: CaseCode
    who: str
    version: int | None  # the case's version as the window last read it
    operations: Operations

    def run(self, work: Work[object], guard: bool = False, changes: Changes = ...) -> bool:
        """One change in its own unit of work; False (and told) when refused."""
        ...

    def reload(self) -> bool: ...

    def saved(self, note: str = "") -> None: ...

    def someone_changed_it(self) -> None: ...

    def tell(self, text: str) -> None: ...

    def note(self, text: str) -> None:
        """A passing word in the window's status bar."""
        ...

    def ask_open_plan(self) -> None: ...

    def ask_print(self) -> None: ...

    def ask_prepare_visit(self) -> None: ...

    def reservations_released(self) -> None: ...

    def ask_erase(self) -> None:
        """Erase the case for good, once the person confirms it."""
        ...
