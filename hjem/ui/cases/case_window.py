"""One family case in its own window: the household and its status, the plan, the budget, the
items reserved for the family and the visits.

Every change is one short session through the cases and inventory domain functions: all of it
is kept, or none of it and a message says why. Edits name the version the window read; if
someone changed the case since, the edit is refused, the window says so and reads it again.
The title and every tab show the case's number and alias, never the address."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from hjem.budget.schemes import scheme_choices
from hjem.cases.cases import get_case
from hjem.cases.erase import ErasureReport
from hjem.cases.errors import CaseEditConflict
from hjem.cases.overview import CaseOverview, case_overview
from hjem.i18n import Message, tr
from hjem.ids import CaseCode
from hjem.ui.cases.case_tabs import PlanTab, ReservationsTab, VisitsTab
from hjem.ui.cases.common import empty_layout, tell
from hjem.ui.cases.erase_dialog import confirm_erase, erase_in_background, show_summary
from hjem.ui.cases.household_tab import HouseholdTab
from hjem.ui.operations import Change, Changes, Operations, Outcome, Work

CASE_CHANGED = frozenset({Change.CASES})
NOTE_MS = 8000


class CaseWindow(QMainWindow):
    open_plan_requested = Signal(str)  # the case's code: show its plan in the editor
    print_requested = Signal(str)  # the case's code: the family's handover plan
    prepare_visit_requested = Signal(str)  # the case's code: holds and the laptop's copy
    case_did_change = Signal(str)  # household, status, visits or plan were saved here
    reservations_did_change = Signal(str)  # an item was released: the inventory changed
    case_erased = Signal(str)  # the case's code: erased for good, the window closes

    def __init__(
        self, operations: Operations, code: CaseCode, who: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("case_window")
        self.operations, self.code, self.who = operations, CaseCode(code.strip()), who
        self.version: int | None = None  # the case's version as this window last read it
        self.alias = ""  # as last read: the erase question names it
        self.household = HouseholdTab(self)
        self.plan = PlanTab(self)
        self.budget_tab = QWidget()  # the budget widget goes here: set_budget_widget
        self.budget_tab.setObjectName("case_budget")
        self.budget_layout = QVBoxLayout(self.budget_tab)
        self.budget_layout.setContentsMargins(0, 0, 0, 0)
        self.reservations = ReservationsTab(self)
        self.visits = VisitsTab(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        for key, tab in (
            ("household", self.household),
            ("plan", self.plan),
            ("budget", self.budget_tab),
            ("reservations", self.reservations),
            ("visits", self.visits),
        ):
            self.tabs.addTab(tab, tr(f"case_window.tab.{key}"))
        self.setCentralWidget(self.tabs)
        self.statusBar()
        self.resize(880, 600)
        self.reload()

    def reload(self) -> bool:
        """Show the case as the database holds it now; False (and a message) if it cannot."""
        code = self.code
        read: Outcome[tuple[CaseOverview, list[tuple[int, str]]]] = self.operations.run(
            lambda session: (case_overview(session, code), scheme_choices(session)),
            tell=self._tell_message,
        )
        if read.value is None:
            return False
        case, schemes = read.value
        self.version, self.alias = case.version, case.data.alias
        self.setWindowTitle(tr("case_window.title", code=case.data.code, alias=case.data.alias))
        self.household.show_case(case, dict(schemes))
        for tab in (self.plan, self.reservations, self.visits):
            tab.show_case(case)
        return True

    def run(self, work: Work[object], guard: bool = False, changes: Changes = CASE_CHANGED) -> bool:
        """One change in its own unit of work, kept whole or not at all. With `guard`, refused
        when someone changed the case after this window read it."""
        code, version = self.code, self.version

        def guarded(session: Any) -> object:
            if guard and get_case(session, code).version != version:
                raise CaseEditConflict(code)
            return work(session)

        done = self.operations.run(guarded if guard else work, changes)
        if isinstance(done.problem, CaseEditConflict):
            self.someone_changed_it()
        elif done.problem is not None:
            self._tell_message(done.problem.message)
        return done.ok

    def someone_changed_it(self) -> None:
        self.tell(tr("case_window.conflict", code=self.code))
        self.reload()

    def saved(self, note: str = "") -> None:
        """A change was kept: show the case anew and tell whoever shows it elsewhere."""
        self.reload()
        if note:
            self.note(note)
        self.case_did_change.emit(self.code)

    def note(self, text: str) -> None:
        self.statusBar().showMessage(text, NOTE_MS)

    def tell(self, text: str) -> None:
        tell(self, self.windowTitle() or tr("case_window.tab.household"), text)

    def _tell_message(self, message: Message) -> None:
        self.tell(message.text())

    def ask_open_plan(self) -> None:
        self.open_plan_requested.emit(self.code)

    def ask_print(self) -> None:
        self.print_requested.emit(self.code)

    def ask_prepare_visit(self) -> None:
        self.prepare_visit_requested.emit(self.code)

    def reservations_released(self) -> None:
        self.reservations_did_change.emit(self.code)

    def ask_erase(self) -> None:
        """Erase the case for good once the person confirms; the window closes after it."""
        if not confirm_erase(self, self.code, self.alias):
            return
        self.setEnabled(False)  # nothing more to change in a case being erased
        self.note(tr("erase.dialog.working", code=self.code))
        erase_in_background(self, self.operations, self.code, self.who, self._erased)

    def _erased(self, outcome: Outcome[ErasureReport]) -> None:
        self.setEnabled(True)
        if outcome.problem is not None or outcome.value is None:
            if outcome.problem is not None:
                self._tell_message(outcome.problem.message)
            return
        self.case_erased.emit(self.code)  # forgotten by whoever keeps it, before any reload
        self.close()
        show_summary(self.parentWidget(), outcome.value)

    def set_budget_widget(self, widget: QWidget) -> None:
        """Put the case's budget in its tab (replacing the one there before)."""
        empty_layout(self.budget_layout, keep=widget)
        self.budget_layout.addWidget(widget)
