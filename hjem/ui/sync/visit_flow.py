"""*Forbered besøg* from a case window: the shortlist read on the server, the architect's
choice, then the holds placed and the case copied to the laptop off the window's thread (by
the server's clock), and the result said in words."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from hjem.i18n import msg, tr
from hjem.ids import CaseCode
from hjem.ui.operations import Change, Operations, Outcome, message_box, run_off_ui_thread
from hjem.ui.sync.control import Mode, SyncControl

if TYPE_CHECKING:
    from hjem.sync.visit import ShortlistEntry, VisitReport

HELD = frozenset({Change.INVENTORY, Change.CASES})


class VisitFlow:
    def __init__(
        self,
        control: SyncControl,
        operations: Operations,
        who: Callable[[], str],  # the volunteer's name as the settings have it now
        parent: QWidget,
    ):
        self.control, self.operations, self.who, self.parent = control, operations, who, parent

    def prepare(self, code: str) -> None:
        """Read the shortlist on the server (off the window's thread), then ask."""
        from hjem.sync.visit import visit_shortlist

        tell = message_box(self.parent, tr("visit.report.title"))
        if self.control.mode is not Mode.ONLINE:
            tell(msg("visit.prepare.needs_server"))
            return
        self.operations.run_in_background(
            lambda s: visit_shortlist(s, CaseCode(code)),
            lambda outcome: self._choose(code, outcome.value),
            tell=tell,
        )

    def _choose(self, code: str, shortlist: list[ShortlistEntry] | None) -> None:
        from hjem.ui.sync.prepare_visit_dialog import PrepareVisitDialog

        if shortlist is None:  # told already
            return
        dialog = PrepareVisitDialog(code, shortlist, self.parent)
        chosen = dialog.chosen_codes if dialog.exec() else None
        dialog.deleteLater()
        if chosen is None:
            return
        names = {entry.code: entry.name for entry in shortlist}
        self._hold(code, chosen, names)

    def _hold(self, code: str, chosen: list[str], names: dict[str, str]) -> None:
        from hjem.sync.visit import prepare_visit

        server, copy = self.operations.workspace(), self.control.copy
        if copy is None:
            return
        who = self.who()

        def done(outcome: Outcome[VisitReport]) -> None:
            from hjem.ui.sync.prepare_visit_dialog import show_visit_report

            self.control.read_status()
            if outcome.value is None:
                if outcome.problem is not None:
                    message_box(self.parent, tr("visit.report.title"))(outcome.problem.message)
                return
            self.operations.announce(HELD)
            show_visit_report(self.parent, outcome.value, names)

        run_off_ui_thread(self.parent, lambda: prepare_visit(server, copy, code, chosen, who), done)
