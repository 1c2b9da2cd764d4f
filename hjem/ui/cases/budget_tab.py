"""The case's budget against its grant scheme: per category cash (against the limits), in kind
(donated items' value, against no limit) and what is left; the warnings; the lines with their
status. While the case's plan is open in the editor the figures follow it, unsaved edits
included, a moment after each change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hjem.budget.arithmetic import BudgetSummary, CategoryTotal, Line, WarningKind
from hjem.budget.export import export_budget
from hjem.budget.lines import add_service_line, budget_summary, remove_line, set_line_status
from hjem.budget.models import LineStatus, SchemeState
from hjem.budget.schemes import scheme_label
from hjem.floorplan.model import Plan
from hjem.i18n import Message, format_day, tr
from hjem.ids import CaseCode
from hjem.money import format_kroner
from hjem.ui.cases.common import hidden_note, read_only_table
from hjem.ui.cases.scheme_editor import open_scheme_editor
from hjem.ui.cases.service_dialog import ServiceDialog
from hjem.ui.operations import NOTHING, Change, Changes, Operations, Work

TOTAL_COLUMNS = ("category", "cash", "in_kind", "limit", "remaining")
LINE_COLUMNS = ("description", "category", "source", "cash", "in_kind", "status", "date")
AMOUNTS = frozenset({"cash", "in_kind", "limit", "remaining"})  # right-aligned, header too
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
EXAMPLE_STYLE = (
    "background: #fdf0d5; color: #7a4b00; padding: 6px; border-radius: 3px; font-weight: 600;"
)
NEXT = {
    LineStatus.PLANNED.value: LineStatus.APPLIED,
    LineStatus.APPLIED.value: LineStatus.APPROVED,
    LineStatus.APPROVED.value: LineStatus.PAID,
}
OVER = QColor("#b3261e")
SETTLE_MS = 300
LINES_CHANGED = frozenset({Change.BUDGET})
SHOWN = frozenset({Change.BUDGET, Change.CASES, Change.INVENTORY})  # what the figures follow


class BudgetTab(QWidget):
    def __init__(
        self, operations: Operations, code: CaseCode, open_plan: Callable[[], Plan | None]
    ):
        super().__init__()
        self.operations, self.code = operations, code
        self._open_plan = open_plan  # the case's plan if it is open in the editor, else None
        self.summary: BudgetSummary | None = None
        self.heading = QLabel()
        self.heading.setObjectName("budget_heading")
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.example = hidden_note("budget_example", EXAMPLE_STYLE)
        self.version_note = hidden_note("budget_scheme_version", "color: #555;")
        self.note = hidden_note("budget_note", "color: #555;")
        self.totals = _table("budget_totals", "budget.total", TOTAL_COLUMNS)
        self.warnings = QLabel()
        self.warnings.setObjectName("budget_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #b3261e;")
        self.lines = _table("budget_lines", "budget.column", LINE_COLUMNS)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.example)
        layout.addWidget(self.version_note)
        layout.addWidget(self.note)
        self.totals.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.totals)  # every category at once, no scrolling
        layout.addWidget(self.warnings)
        layout.addWidget(self.lines, 1)
        layout.addLayout(self._buttons())
        operations.workspace_did_change.connect(self._workspace_changed)

    def _workspace_changed(self, changes: Changes) -> None:
        if changes & SHOWN:
            self.refresh()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for name, key, handler in (
            ("budget_add_service", "budget_tab.add_service", self.add_service),
            ("budget_next_status", "budget_tab.next_status", self.next_status),
            ("budget_remove", "budget_tab.remove", self.remove),
            ("budget_export", "budget_tab.export", self.export),
            ("budget_edit_schemes", "budget_tab.edit_schemes", self.edit_schemes),
        ):
            button = QPushButton(tr(key))
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, h=handler: h())
            row.addWidget(button)
        row.addStretch(1)
        return row

    def plan_did_change(self) -> None:
        """The open plan changed: look again once the edits settle."""
        self._timer.start()

    def refresh(self) -> None:
        code, plan = self.code, self._open_plan()
        summary = self.operations.read(
            lambda session: budget_summary(session, code, plan), tell=self._warn
        )
        if summary is not None:
            self.summary = summary
            self._show(summary)

    def _warn(self, message: Message) -> None:
        self.warnings.setText(message.text())

    def _show(self, summary: BudgetSummary) -> None:
        scheme = summary.scheme
        self.heading.setText(tr("budget_tab.heading", scheme=scheme_label(scheme).text()))
        _say(self.example, tr("budget_tab.example_banner", scheme=scheme.name), scheme.example)
        superseded = scheme.state == SchemeState.SUPERSEDED
        text = tr("budget_tab.superseded", version=scheme.version, scheme=scheme.name)
        _say(self.version_note, text, superseded)
        in_kind = scheme.limits_include_in_kind
        _say(self.note, tr("budget_tab.note_with_in_kind" if in_kind else "budget_tab.note"))
        rows = [_total_cells(t) for t in summary.categories]
        rows.append(_total_cells(_overall(summary)))
        over = [t.over for t in summary.categories] + [summary.over]
        _fill(self.totals, TOTAL_COLUMNS, rows, over)
        warnings = [w for w in summary.warnings if w.kind != WarningKind.EXAMPLE_SCHEME]
        self.warnings.setText("\n".join(f"⚠ {w.message.text()}" for w in warnings))
        _fill(self.lines, LINE_COLUMNS, [_line_cells(line) for line in summary.lines], [])

    # --- changes -------------------------------------------------------------------------------

    def _selected_line(self) -> Line | None:
        row = self.lines.currentRow()
        if self.summary is None or not 0 <= row < len(self.summary.lines):
            return None
        return self.summary.lines[row]

    def _change(self, work: Work[object], changes: Changes = LINES_CHANGED) -> None:
        """A change to the budget; the tab (and whoever shows it) looks again once it is kept."""
        if not self.operations.run(work, changes, tell=self._warn) or not changes:
            self.refresh()

    def add_service(self) -> None:
        dialog = ServiceDialog(self)
        if dialog.exec() and dialog.line is not None:
            description, category, cash = dialog.line
            self._change(lambda s: add_service_line(s, self.code, description, category, cash))

    def next_status(self) -> None:
        line = self._selected_line()
        if line is not None and line.id is not None and line.status in NEXT:
            target, line_id = NEXT[line.status].value, line.id
            self._change(lambda s: set_line_status(s, line_id, target, dt.date.today()))

    def remove(self) -> None:
        line = self._selected_line()
        if line is not None and line.id is not None and line.source == "service":
            line_id = line.id
            self._change(lambda s: remove_line(s, line_id))

    def edit_schemes(self) -> None:
        """The grant schemes window, on the scheme this budget is summed against."""
        scheme_id = self.summary.scheme.id if self.summary is not None else None
        open_scheme_editor(self.operations, self.window(), scheme_id)

    def export(self) -> None:
        suggestion = str(Path.home() / f"{self.code}-budget.xlsx")
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("budget_tab.export"), suggestion, tr("budget_tab.export_filter")
        )
        if name:
            self._change(lambda s: export_budget(s, self.code, Path(name)), NOTHING)


def _say(label: QLabel, text: str, shown: bool = True) -> None:
    label.setText(text)
    label.setVisible(shown)


def _table(name: str, prefix: str, columns: tuple[str, ...]) -> QTableWidget:
    table = read_only_table(name, [tr(f"{prefix}.{c}") for c in columns])
    for index, column in enumerate(columns):
        item = table.horizontalHeaderItem(index)
        if item is not None and column in AMOUNTS:  # the header over its right-aligned amounts
            item.setTextAlignment(RIGHT)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # amounts, whole
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names take the rest
    header.setStretchLastSection(False)
    return table


def _fill(
    table: QTableWidget, columns: tuple[str, ...], rows: list[list[str]], over: list[bool]
) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            if columns[c] in AMOUNTS:
                cell.setTextAlignment(RIGHT)
            if r < len(over) and over[r]:
                cell.setForeground(OVER)
            table.setItem(r, c, cell)


def _money(ore: int | None) -> str:
    return "" if ore is None else format_kroner(ore)


def _total_cells(total: CategoryTotal) -> list[str]:
    name = tr(f"budget_category.{total.category}") if total.category else tr("budget.total.all")
    return [
        name,
        _money(total.cash_ore),
        _money(total.in_kind_ore),
        _money(total.limit_ore),
        _money(total.remaining_ore),
    ]


def _overall(summary: BudgetSummary) -> CategoryTotal:
    """The total as a row like the categories' (no slug: it is named "I alt")."""
    return CategoryTotal("", summary.cash_ore, summary.in_kind_ore, 0, summary.limit_ore)


def _line_cells(line: Line) -> list[str]:
    return [
        line.description,
        tr(f"budget_category.{line.category}"),
        tr(f"line_source.{line.source}"),
        _money(line.cash_ore),
        _money(line.in_kind_ore),
        tr(f"line_status.{line.status}"),
        _status_day(line),
    ]


def _status_day(line: Line) -> str:
    """The date of the line's latest step (applied, approved, paid), the reader's way."""
    when = line.paid_on or line.approved_on or line.applied_on
    return "" if when is None else format_day(when)
