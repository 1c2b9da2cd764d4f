"""One family case in its own window: the household and its status, the plan, the budget, the
items reserved for the family and the visits.

Every change is one short session through the cases and inventory domain functions: all of it
is kept, or none of it and a message says why. Edits name the version the window read; if
someone changed the case since, the edit is refused, the window says so and reads it again.
The title and every tab show the case's number and alias, never the address."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.budget.models import GrantScheme
from hjem.cases.cases import (
    NEXT_STATUS,
    CaseData,
    address_of,
    data_of,
    get_case,
    set_address,
    set_status,
    update_case,
)
from hjem.cases.errors import CaseEditConflict
from hjem.cases.models import Case, CaseStatus
from hjem.db.workspace import Workspace
from hjem.i18n import Message, tr
from hjem.ui.cases.case_form import CaseDialog, grant_schemes
from hjem.ui.cases.case_tabs import PlanTab, ReservationsTab, VisitsTab
from hjem.ui.cases.common import PROBLEMS, message_of, tell, when

STATUS_COLOURS = {
    CaseStatus.REFERRED: "#e3ebf6",
    CaseStatus.ACTIVE: "#dcefdc",
    CaseStatus.PLAN_DELIVERED: "#f6e9c8",
    CaseStatus.CLOSED: "#e6e6e6",
}
STATUS_STYLE = (
    "font-size: 12pt; font-weight: 600; padding: 4px 14px; border-radius: 11px;"
    " background: {colour};"
)
FACTS = ("code", "alias", "municipality", "architect", "adults", "children", "scheme", "address")


class CaseWindow(QMainWindow):
    open_plan_requested = Signal(str)  # the case's code: show its plan in the editor
    print_requested = Signal(str)  # the case's code: the family's handover plan
    case_did_change = Signal(str)  # household, status, visits or plan were saved here
    reservations_did_change = Signal(str)  # an item was released: the inventory changed

    def __init__(self, workspace: Workspace, code: str, who: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("case_window")
        self.workspace, self.code, self.who = workspace, code.strip(), who
        self.version: int | None = None  # the case's version as this window last read it
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
        try:
            with self.workspace.session() as session:
                case = get_case(session, self.code)
                self.version = case.version
                self.setWindowTitle(tr("case_window.title", code=case.code, alias=case.alias))
                for tab in (self.household, self.plan, self.reservations, self.visits):
                    tab.show_case(session, case)
        except PROBLEMS as error:
            self.tell(message_of(error).text())
            return False
        return True

    def run(self, work: Callable[[Session], object], guard: bool = False) -> bool:
        """One change in its own session, kept whole or not at all. With `guard`, refused when
        someone changed the case after this window read it."""
        try:
            with self.workspace.session() as session:
                if guard and get_case(session, self.code).version != self.version:
                    raise CaseEditConflict(self.code)
                work(session)
        except CaseEditConflict:
            self.someone_changed_it()
            return False
        except PROBLEMS as error:
            self.tell(message_of(error).text())
            return False
        return True

    def someone_changed_it(self) -> None:
        self.tell(tr("case_window.conflict", code=self.code))
        self.reload()

    def saved(self, note: str = "") -> None:
        """A change was kept: show the case anew and tell whoever shows it elsewhere."""
        self.reload()
        if note:
            self.statusBar().showMessage(note, 8000)
        self.case_did_change.emit(self.code)

    def tell(self, text: str) -> None:
        tell(self, self.windowTitle() or tr("case_window.tab.household"), text)

    def set_budget_widget(self, widget: QWidget) -> None:
        """Put the case's budget in its tab (replacing the one there before)."""
        _empty(self.budget_layout, keep=widget)
        self.budget_layout.addWidget(widget)


class HouseholdTab(QWidget):
    """The case's facts, its status and the ways on from it, and the household form."""

    def __init__(self, case_window: CaseWindow):
        super().__init__()
        self.host = case_window
        self.heading = QLabel()
        self.heading.setObjectName("case_heading")
        self.heading.setStyleSheet("font-size: 18pt; font-weight: 600; color: #2b2b2b;")
        self.created = QLabel()
        self.created.setStyleSheet("color: #6b6b6b;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.heading)
        layout.addWidget(self.created)
        layout.addSpacing(8)
        layout.addWidget(self._status_box())
        layout.addWidget(self._facts_box())
        layout.addStretch(1)

    def _status_box(self) -> QGroupBox:
        self.status = QLabel()
        self.status.setObjectName("case_status")
        self.moves = QHBoxLayout()
        box = QGroupBox(tr("case_list.column.status"))
        row = QHBoxLayout(box)
        row.addWidget(self.status)
        row.addSpacing(16)
        row.addWidget(QLabel(tr("case_window.move_to")))
        row.addLayout(self.moves, 1)
        return box

    def _facts_box(self) -> QGroupBox:
        self.facts = {key: QLabel() for key in FACTS}
        form = QFormLayout()
        for key, label in self.facts.items():
            label.setObjectName(f"case_fact_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            form.addRow(tr(f"case.field.{key}") + ":", label)
        edit = QPushButton(tr("case_window.edit"))
        edit.setObjectName("case_edit")
        edit.clicked.connect(self.edit)
        box = QGroupBox(tr("case_window.tab.household"))
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(edit, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def show_case(self, session: Session, case: Case) -> None:
        bands = [tr(f"age_band.{child.age_band}") for child in case.children]
        scheme = session.get(GrantScheme, case.scheme_id) if case.scheme_id else None
        values = {
            "code": case.code,
            "alias": case.alias,
            "municipality": case.municipality or "–",
            "architect": case.architect or "–",
            "adults": str(case.adults),
            "children": ", ".join(bands) or tr("case_window.none"),
            "scheme": scheme.name if scheme else tr("case_form.no_scheme"),
            "address": tr(f"case_window.address.{_address_state(session, case)}"),
        }
        for key, value in values.items():
            self.facts[key].setText(value)
        self.heading.setText(tr("case_window.heading", alias=case.alias, code=case.code))
        self.created.setText(
            tr("case_window.dates", created=when(case.created_at), updated=when(case.updated_at))
        )
        self._show_status(CaseStatus(case.status))

    def _show_status(self, status: CaseStatus) -> None:
        self.status.setText(tr(f"case_status.{status.value}").capitalize())
        self.status.setStyleSheet(STATUS_STYLE.format(colour=STATUS_COLOURS[status]))
        _empty(self.moves)
        for target in NEXT_STATUS[status]:
            button = QPushButton(tr(f"case_window.status_to.{target.value}"))
            button.setObjectName(f"case_to_{target.value}")
            button.clicked.connect(lambda _=False, t=target: self.move_to(t))
            self.moves.addWidget(button)
        self.moves.addStretch(1)

    def move_to(self, status: CaseStatus) -> None:
        code = self.host.code
        if self.host.run(lambda session: set_status(session, code, status), guard=True):
            self.host.saved(tr("case_window.status_saved", status=tr(f"case_status.{status}")))

    def edit(self) -> None:
        host, conflict = self.host, []
        try:
            with host.workspace.session() as session:
                case = get_case(session, host.code)
                data, version, schemes = data_of(case), case.version, grant_schemes(session)
        except PROBLEMS as error:
            host.tell(message_of(error).text())
            return
        if version != host.version:  # changed since the window read it: show what the form shows
            host.reload()

        def save(changed: CaseData, address: str | None) -> Message | None:
            try:
                with host.workspace.session() as session:
                    update_case(session, host.code, changed, version)
                    if address is not None:
                        set_address(session, host.code, address)
            except CaseEditConflict:
                conflict.append(True)  # the form closes; the window says so and reloads
            except PROBLEMS as error:
                return message_of(error)
            return None

        dialog = CaseDialog(self, save, schemes, data, self._read_address)
        accepted = dialog.exec()
        dialog.deleteLater()
        if not accepted:
            return
        if conflict:
            host.someone_changed_it()
        else:
            host.saved(tr("case_window.household_saved"))

    def _read_address(self) -> str | None:
        """The address, read only when the architect asks to see it in the form."""
        try:
            with self.host.workspace.session() as session:
                return address_of(session, self.host.code)
        except PROBLEMS as error:
            self.host.tell(message_of(error).text())
            return None


def _address_state(session: Session, case: Case) -> str:
    """Whether an address is registered, asked of the database without reading it."""
    query = select(Case.address != "").where(Case.id == case.id)
    return "registered" if session.scalar(query) else "missing"


def _empty(layout: QLayout, keep: QWidget | None = None) -> None:
    """Take everything out of `layout`; its widgets (but `keep`) are deleted."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()  # None for a stretch
        if widget is not None and widget is not keep:
            widget.deleteLater()
