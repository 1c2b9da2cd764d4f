"""The families' cases in the main window: their list on the start screen, a window per case,
and each case's plan and budget kept in step with the editor.

The list is read just after the window first appears: reading the workspace (and loading the
database layer) must not delay the first window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaObject, QObject, QTimer
from PySide6.QtWidgets import QWidget

from hjem.i18n import tr
from hjem.ids import CaseCode
from hjem.ui import files
from hjem.ui.document import PlanDocument
from hjem.ui.operations import Change, Changes, Operations
from hjem.ui.settings import Settings
from hjem.ui.signin.access import EVERYTHING, Access
from hjem.ui.start_screen import StartScreen

if TYPE_CHECKING:
    from hjem.ui.cases.budget_tab import BudgetTab
    from hjem.ui.cases.case_list import CaseList
    from hjem.ui.cases.case_window import CaseWindow
    from hjem.ui.cases.retention import RetentionSection

LIST_DELAY_MS = 150  # after the first paint


class CaseWindows:
    def __init__(
        self,
        operations: Operations,
        settings: Settings,
        document: PlanDocument,
        start: StartScreen,
        parent: QWidget,
        open_plan: Callable[[CaseCode], object],
        print_case: Callable[[CaseCode], object],
    ):
        self.operations, self.settings, self.document = operations, settings, document
        self.start, self.parent = start, parent
        self._open_plan, self._print = open_plan, print_case
        self.list: CaseList | None = None
        self.retention: RetentionSection | None = None  # closed cases due for erasure
        self.open: dict[CaseCode, CaseWindow] = {}
        # Each window's budget follows the editor's document: cut when the window goes.
        self._links: dict[CaseCode, list[QMetaObject.Connection]] = {}
        self.access = EVERYTHING  # what the signed-in person's group may do with cases
        # *Forbered besøg*, offered in each case window once a team server is set (hjem.ui.sync)
        self.prepare_visit: Callable[[str], object] | None = None
        operations.workspace_did_change.connect(self._workspace_changed)

    def load_list_soon(self) -> None:
        # Tied to the start screen: the timer is dropped if it goes first.
        QTimer.singleShot(LIST_DELAY_MS, self.start, self._load_list)

    def set_access(self, access: Access) -> None:
        """Cases for the person now signed in, or none: their list hidden, windows closed."""
        self.access = access
        allowed = access.cases
        if self.list is not None:
            self.list.setVisible(allowed)
            self.list.set_access(access.new_cases, access.mine_by_name)
        if self.retention is not None:
            self.retention.hide()  # shown again below, if this person has any due
        if allowed and self.list is None:
            self.load_list_soon()
        elif allowed and self.list is not None:
            self.list.refresh()
            self._refresh_retention()

    def close_all(self) -> None:
        """Close every case window (another person signs in: they were the last one's)."""
        for code in list(self.open):
            self._forget(code)

    def _load_list(self) -> None:
        if self.list is not None or not self.access.cases or not self.parent.isVisible():
            return
        # Opening may mean connecting to a server far away: off the window's thread.
        self.operations.open_in_background(self._show_list)

    def _show_list(self) -> None:
        from hjem.ui.cases.case_list import CaseList
        from hjem.ui.cases.retention import RetentionSection

        if self.list is not None or not self.access.cases or not self.parent.isVisible():
            return
        self.retention = RetentionSection(self.operations, self.settings.user_name())
        self.start.show_retention(self.retention)
        self.list = CaseList(self.operations, self.settings.user_name())
        self.list.set_access(self.access.new_cases, self.access.mine_by_name)
        self.list.case_chosen.connect(self.show_case)
        self.list.new_case_requested.connect(self.new_case)
        self.start.show_cases(self.list)
        self.list.refresh()
        self._refresh_retention()

    def _refresh_retention(self) -> None:
        if self.retention is not None and self.access.cases:
            self.retention.refresh()

    def new_case(self) -> None:
        from hjem.ui.cases.case_form import ask_new_case

        if not (self.access.cases and self.access.new_cases):
            return
        code = ask_new_case(self.parent, self.operations, self.settings.user_name())
        if code:
            if self.list is not None:
                self.list.refresh(select_code=code)
            self.show_case(code)

    def show_case(self, code: CaseCode) -> None:
        if not self.access.cases:
            return
        window = self.open.get(code) or self._case_window(code)
        if window is None:
            return
        window.reload()
        window.show()
        window.raise_()
        window.activateWindow()

    def _case_window(self, code: CaseCode) -> CaseWindow | None:
        from hjem.ui.cases.case_window import CaseWindow

        if self.operations.available() is None:
            files.show_error(self.parent, "case_list.title", tr("case_list.no_workspace"))
            return None
        who = self.settings.user_name()
        case_window = CaseWindow(self.operations, code, who, self.parent)
        case_window.open_plan_requested.connect(self._open_plan)
        case_window.print_requested.connect(self._print)
        if self.prepare_visit is not None:
            case_window.prepare_visit_requested.connect(self.prepare_visit)
            case_window.visits.prepare.show()
        case_window.case_erased.connect(self._forget)
        case_window.set_budget_widget(self._budget_tab(code, case_window))
        self.open[code] = case_window
        return case_window

    def _forget(self, code: str) -> None:
        """Close the case's window and let it go (erased, or another person signs in): no
        change may reload it, and the editor's document no longer reaches its budget."""
        for link in self._links.pop(CaseCode(code), []):
            QObject.disconnect(link)
        case_window = self.open.pop(CaseCode(code), None)
        if case_window is not None:
            case_window.close()
            case_window.deleteLater()

    def _budget_tab(self, code: CaseCode, case_window: CaseWindow) -> BudgetTab:
        """The budget, following the case's plan while it is open in the editor."""
        from hjem.ui.cases.budget_tab import BudgetTab

        document = self.document
        tab = BudgetTab(
            self.operations, code, lambda: document.plan if document.case_code == code else None
        )

        def plan_changed(_plan: object) -> None:
            if document.case_code == code:
                tab.plan_did_change()

        self._links[code] = [
            document.plan_did_change.connect(plan_changed),
            document.path_did_change.connect(lambda _path: tab.plan_did_change()),
        ]
        tab.refresh()
        return tab

    def _workspace_changed(self, changes: Changes) -> None:
        """Reservations, a household, a status or a case's plan changed (here or in the
        editor): every case window and the list show the workspace as it now is."""
        if changes & {Change.INVENTORY, Change.CASES}:
            for case_window in self.open.values():
                case_window.reload()
        if Change.CASES in changes and self.list is not None:
            self.list.refresh()
