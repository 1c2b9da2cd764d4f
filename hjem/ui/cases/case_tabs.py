"""The case window's plan, reservations and visits tabs. Each shows the case as the window last
read it (`show_case`, plain values) and changes it through the window's `run`, one unit of work
per change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hjem.cases.cases import add_visit
from hjem.cases.overview import CaseOverview
from hjem.cases.plans import export_case_plan, import_case_plan
from hjem.cases.privacy import refuse_cpr
from hjem.errors import UserError
from hjem.i18n import tr
from hjem.ids import ItemCode
from hjem.ui.cases.common import (
    confirm,
    day,
    fill_table,
    read_only_table,
    selected_key,
    when,
)
from hjem.ui.cases.host import CaseHost
from hjem.ui.dates import date_box, day_of
from hjem.ui.operations import NOTHING, Change
from hjem.ui.sync.work import release_work

RELEASED = frozenset({Change.INVENTORY, Change.CASES, Change.BUDGET})

PLAN_FILES = "files.filter"  # "hjem-planer (*.hjem)"


def _button(name: str, key: str) -> QPushButton:
    button = QPushButton(tr(key))
    button.setObjectName(name)
    return button


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #6b6b6b;")
    return label


class PlanTab(QWidget):
    """When the plan was saved and by whom; open it, or bring it in and out as a .hjem file."""

    def __init__(self, case_window: CaseHost):
        super().__init__()
        self.host = case_window
        self.has_plan = False
        self.info = QLabel()
        self.info.setObjectName("case_plan_info")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("font-size: 11pt;")
        open_plan = _button("case_open_plan", "case_window.plan.open")
        open_plan.setStyleSheet("font-weight: 600; padding: 6px 18px;")
        open_plan.clicked.connect(lambda: self.host.ask_open_plan())
        self.import_button = _button("case_import_plan", "case_window.plan.import")
        self.import_button.clicked.connect(self.import_file)
        self.export_button = _button("case_export_plan", "case_window.plan.export")
        self.export_button.clicked.connect(self.export_file)
        self.print_button = _button("case_print_plan", "handover_dialog.open")
        self.print_button.clicked.connect(lambda: self.host.ask_print())
        buttons = QHBoxLayout()
        for button in (open_plan, self.import_button, self.export_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(buttons)
        layout.addWidget(_hint(tr("case_window.plan.hint")))
        layout.addStretch(1)

    def show_case(self, case: CaseOverview) -> None:
        saved = case.plan  # who and when only: the plan's document itself is not read
        self.has_plan = saved is not None
        self.export_button.setEnabled(self.has_plan)
        self.print_button.setEnabled(self.has_plan)
        if saved is None:
            self.info.setText(tr("case_window.plan.none"))
        else:
            who = saved.saved_by or tr("case_window.plan.someone")
            self.info.setText(tr("case_window.plan.saved", when=when(saved.saved_at), who=who))

    def import_file(self) -> None:
        title = tr("case_window.plan.import")
        if self.has_plan and not confirm(
            self, title, tr("case_window.plan.replace"), tr("case_window.plan.replace_yes"), _no()
        ):
            return
        name, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), tr(PLAN_FILES))
        if not name:
            return
        host, path = self.host, Path(name)
        if host.run(lambda session: import_case_plan(session, host.code, path, host.who)):
            host.saved(tr("case_window.plan.imported", name=path.name))

    def export_file(self) -> None:
        # The file is named by the case's number: never the alias or anything sensitive.
        suggested = Path.home() / f"{self.host.code}.hjem"
        name, _ = QFileDialog.getSaveFileName(
            self, tr("case_window.plan.export"), str(suggested), tr(PLAN_FILES)
        )
        if not name:
            return
        path = Path(name) if name.endswith(".hjem") else Path(f"{name}.hjem")
        host = self.host
        if host.run(lambda session: export_case_plan(session, host.code, path), changes=NOTHING):
            host.note(tr("case_window.plan.exported", name=path.name))


class ReservationsTab(QWidget):
    """The items reserved for the family, and releasing one so another family can have it."""

    def __init__(self, case_window: CaseHost):
        super().__init__()
        self.host = case_window
        self.names: dict[str, str] = {}
        columns = ("code", "name", "since", "by")
        self.table = read_only_table(
            "case_reservations", [tr(f"case_window.reservations.{key}") for key in columns]
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.itemSelectionChanged.connect(self._enable)
        self.empty = _hint()
        self.release_button = _button("case_release", "case_window.reservations.release")
        self.release_button.clicked.connect(self.release_selected)
        row = QHBoxLayout()
        row.addWidget(self.empty, 1)
        row.addWidget(self.release_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def show_case(self, case: CaseOverview) -> None:
        reservations = case.reservations
        self.names = {r.code: r.name for r in reservations}
        rows = [(r.code, r.name, when(r.reserved_at), r.reserved_by) for r in reservations]
        fill_table(self.table, rows, [r.code for r in reservations])
        self.empty.setText(_count_hint("case_window.reservations", len(rows)))
        self._enable()

    def _enable(self) -> None:
        self.release_button.setEnabled(selected_key(self.table) is not None)

    def release_selected(self) -> None:
        host, key = self.host, selected_key(self.table)
        if key is None:
            return
        code = ItemCode(key)  # the table keeps each reservation's item code as its key
        name = self.names.get(code, code)
        if not confirm(
            self,
            tr("case_window.reservations.release"),
            tr("case_window.reservations.confirm", name=name, code=code),
            tr("case_window.reservations.release"),
            _no(),
        ):
            return
        # The case's number is the reason in the item's history, as reserving does.
        work = release_work(host.operations, code, host.who, host.code)
        if host.run(work, changes=RELEASED):
            host.saved(tr("case_window.reservations.released", name=name))
            host.reservations_released()
        else:
            host.reload()  # someone may have released or delivered it meanwhile


class VisitsTab(QWidget):
    def __init__(self, case_window: CaseHost):
        super().__init__()
        self.host = case_window
        self.table = read_only_table(
            "case_visits", [tr("case_window.visits.date"), tr("case_window.visits.notes")]
        )
        self.empty = _hint()
        new = _button("case_new_visit", "case_window.visits.new")
        new.clicked.connect(self.new_visit)
        # Holds on the items for the visit and the case on the laptop (a team server only).
        self.prepare = _button("case_prepare_visit", "visit.prepare.button")
        self.prepare.clicked.connect(case_window.ask_prepare_visit)
        self.prepare.hide()
        row = QHBoxLayout()
        row.addWidget(self.empty, 1)
        row.addWidget(self.prepare)
        row.addWidget(new)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def show_case(self, case: CaseOverview) -> None:
        visits = case.visits  # newest first
        rows = [(day(v.visited_on), " ".join(v.notes.split())) for v in visits]
        fill_table(self.table, rows, [str(v.id) for v in visits])
        self.empty.setText(_count_hint("case_window.visits", len(visits)))

    def new_visit(self) -> None:
        dialog = VisitDialog(self)
        accepted = dialog.exec()
        visited_on, notes = dialog.visited_on(), dialog.notes.toPlainText()
        dialog.deleteLater()
        if not accepted:
            return
        host = self.host
        if host.run(lambda session: add_visit(session, host.code, visited_on, notes)):
            host.saved(tr("case_window.visits.saved", date=day(visited_on)))


class VisitDialog(QDialog):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("visit_dialog")
        self.setWindowTitle(tr("case_window.visits.title"))
        self.date = date_box(name="visit_date")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("visit_notes")
        self.notes.setPlaceholderText(tr("case_window.visits.notes_hint"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("case_window.visits.save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("case_window.visits.date"), self.date)
        form.addRow(tr("case_window.visits.notes"), self.notes)
        self.problem = QLabel()
        self.problem.setObjectName("visit_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e; font-weight: 600;")
        form.addRow(self.problem)
        form.addRow(buttons)
        self.resize(460, 260)

    def accept(self) -> None:
        """A CPR number is refused here, in the open dialog, so the notes are not lost."""
        try:
            refuse_cpr("visit_notes", self.notes.toPlainText())
        except UserError as refused:
            self.problem.setText(refused.message.text())
            return
        super().accept()

    def visited_on(self) -> dt.date:
        return day_of(self.date)


def _no() -> str:
    return tr("files.cancel")


def _count_hint(prefix: str, count: int) -> str:
    return tr(f"{prefix}.hint", count=count) if count else tr(f"{prefix}.none")
