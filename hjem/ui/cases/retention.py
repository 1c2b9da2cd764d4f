"""The start screen's list of closed cases past the workspace's retention period, each with its
own erase button and the same question as the case window's: nothing is erased until a person
confirms it. Hidden when there are none. Reads `cases_past_retention` only: code, alias and
when the case was closed, never the household."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hjem.cases.erase import ErasureReport
from hjem.cases.retention import ClosedCase, cases_past_retention, retention_months
from hjem.i18n import format_day, tr
from hjem.ui.cases.common import empty_layout
from hjem.ui.cases.erase_dialog import (
    confirm_erase,
    erase_in_background,
    show_summary,
    tell_problem,
)
from hjem.ui.operations import Change, Changes, Operations, Outcome

BOX_STYLE = (
    "QFrame#retention { background: #fbf3e4; border: 1px solid #e2c99a; border-radius: 6px; }"
    "QFrame#retention QLabel { background: transparent; }"
)
ROWS_SHOWN = 3  # more scroll: the case list below keeps its room on a laptop
ROW_HEIGHT = 34


class RetentionSection(QFrame):
    def __init__(self, operations: Operations, who: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("retention")
        self.setStyleSheet(BOX_STYLE)
        self.operations, self.who = operations, who
        self.due: list[ClosedCase] = []
        self.heading = QLabel()
        self.heading.setObjectName("retention_heading")
        self.heading.setStyleSheet("font-weight: 600; font-size: 11pt;")
        hint = QLabel(tr("erase.retention.hint"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b5b5b;")
        self.rows = QGridLayout()
        self.rows.setColumnStretch(1, 1)
        self.rows.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        inner.setLayout(self.rows)
        self.list_area = QScrollArea()
        self.list_area.setWidget(inner)
        self.list_area.setWidgetResizable(True)
        self.list_area.setFrameShape(QFrame.Shape.NoFrame)
        self.list_area.setStyleSheet("background: transparent;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.heading)
        layout.addWidget(hint)
        layout.addWidget(self.list_area)
        self.hide()
        operations.workspace_did_change.connect(self._workspace_changed)

    def refresh(self) -> None:
        """Read the cases past the period again; hidden when there are none."""
        if self.operations.available() is None:
            self._show(0, [])
            return

        def due(session: Any) -> tuple[int, list[ClosedCase]]:
            return retention_months(session), cases_past_retention(session)

        found = self.operations.read(due)
        months, cases = found if found is not None else (0, [])
        self._show(months, cases)

    def _workspace_changed(self, changes: Changes) -> None:
        if Change.CASES in changes:
            self.refresh()

    def _show(self, months: int, cases: list[ClosedCase]) -> None:
        self.due = cases
        self.heading.setText(tr("erase.retention.heading", count=months))
        empty_layout(self.rows)
        for row, case in enumerate(cases):
            self._add_row(row, case)
        shown = min(len(cases), ROWS_SHOWN)
        self.list_area.setFixedHeight(shown * ROW_HEIGHT + 4)
        self.setVisible(bool(cases))

    def _add_row(self, row: int, case: ClosedCase) -> None:
        code = QLabel(case.code)
        code.setStyleSheet("font-weight: 600;")
        closed = QLabel(tr("erase.retention.closed", when=format_day(case.closed_at.date())))
        closed.setStyleSheet("color: #5b5b5b;")
        button = QPushButton(tr("erase.retention.erase"))
        button.setObjectName(f"retention_erase_{case.code}")
        button.setToolTip(tr("erase.retention.erase_tip", code=case.code))
        button.setStyleSheet("color: #a12b1f; padding: 3px 14px;")
        button.clicked.connect(lambda _=False, c=case: self.ask_erase(c))
        self.rows.addWidget(code, row, 0)
        alias = QLabel(case.alias)
        alias.setTextFormat(Qt.TextFormat.PlainText)  # a person's text, never markup
        self.rows.addWidget(alias, row, 1)
        self.rows.addWidget(closed, row, 2)
        self.rows.addWidget(button, row, 3, Qt.AlignmentFlag.AlignRight)

    def ask_erase(self, case: ClosedCase) -> None:
        if not confirm_erase(self, case.code, case.alias):
            return
        self.setEnabled(False)
        erase_in_background(self, self.operations, case.code, self.who, self._erased)

    def _erased(self, outcome: Outcome[ErasureReport]) -> None:
        self.setEnabled(True)
        if outcome.problem is not None:
            tell_problem(self, outcome.problem.message)
        elif outcome.value is not None:
            show_summary(self, outcome.value)
        self.refresh()
