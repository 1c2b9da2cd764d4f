"""The families' cases in the main window: their list on the start screen, a window per case,
and each case's plan and budget kept in step with the editor.

The list is read just after the window first appears: reading the workspace (and loading the
database layer) must not delay the first window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from hjem.i18n import tr
from hjem.ui import files

if TYPE_CHECKING:
    from hjem.ui.cases.budget_tab import BudgetTab
    from hjem.ui.cases.case_list import CaseList
    from hjem.ui.cases.case_window import CaseWindow
    from hjem.ui.main_window import MainWindow

LIST_DELAY_MS = 150  # after the first paint


class CaseWindows:
    def __init__(self, window: MainWindow):
        self.window = window
        self.list: CaseList | None = None
        self.open: dict[str, CaseWindow] = {}
        window.plan_did_save.connect(self._reload)

    def load_list_soon(self) -> None:
        # Tied to the window: the timer is dropped if the window goes first.
        QTimer.singleShot(LIST_DELAY_MS, self.window.start, self._load_list)

    def _load_list(self) -> None:
        from hjem.ui.cases.case_list import CaseList

        if self.list is not None or not self.window.isVisible():
            return
        self.list = CaseList(self.window.try_workspace, self.window.settings.user_name())
        self.list.case_chosen.connect(self.show_case)
        self.list.new_case_requested.connect(self.new_case)
        self.window.start.show_cases(self.list)
        self.list.refresh()

    def new_case(self) -> None:
        from hjem.ui.cases.case_form import ask_new_case

        workspace = self.window.try_workspace()
        code = workspace and ask_new_case(self.window, workspace, self.window.settings.user_name())
        if code:
            if self.list is not None:
                self.list.refresh(select_code=code)
            self.show_case(code)

    def show_case(self, code: str) -> None:
        window = self.open.get(code) or self._case_window(code)
        if window is None:
            return
        window.reload()
        window.show()
        window.raise_()
        window.activateWindow()

    def _case_window(self, code: str) -> CaseWindow | None:
        from hjem.ui.case_plans import open_case_plan
        from hjem.ui.cases.case_window import CaseWindow

        workspace = self.window.try_workspace()
        if workspace is None:
            files.show_error(self.window, "case_list.title", tr("case_list.no_workspace"))
            return None
        case_window = CaseWindow(workspace, code, self.window.settings.user_name(), self.window)
        case_window.open_plan_requested.connect(lambda c: open_case_plan(self.window, c))
        case_window.print_requested.connect(self._print)
        case_window.case_did_change.connect(lambda _c: self.list and self.list.refresh())
        case_window.reservations_did_change.connect(lambda _c: self.window.inventory_did_change())
        case_window.set_budget_widget(self._budget_tab(workspace, code, case_window))
        self.open[code] = case_window
        return case_window

    def _print(self, code: str) -> None:
        from hjem.ui.printing.open import print_case

        print_case(self.window, code)

    def _budget_tab(self, workspace, code: str, case_window: CaseWindow) -> BudgetTab:
        """The budget, following the case's plan while it is open in the editor."""
        from hjem.ui.cases.budget_tab import BudgetTab

        document = self.window.document
        tab = BudgetTab(
            workspace, code, lambda: document.plan if document.case_code == code else None
        )
        document.plan_did_change.connect(
            lambda _plan: document.case_code == code and tab.plan_did_change()
        )
        document.path_did_change.connect(lambda _path: tab.plan_did_change())
        case_window.case_did_change.connect(lambda _c: tab.refresh())
        case_window.reservations_did_change.connect(lambda _c: tab.refresh())
        tab.refresh()
        return tab

    def _reload(self, code: str) -> None:
        from hjem.ui.cases.budget_tab import BudgetTab

        if code in self.open:
            self.open[code].reload()
            budget = self.open[code].budget_tab.findChild(BudgetTab)
            if budget is not None:
                budget.refresh()

    def reload_all(self) -> None:
        for case_window in self.open.values():
            case_window.reload()
