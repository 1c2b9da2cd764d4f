"""*Forbered besøg*: the architect checks which items to hold for the family before a home
visit (the plan's free items are checked already), and is told afterwards what was held,
until when by the server's clock, and what could not be held and why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hjem.i18n import format_moment, format_number, tr
from hjem.sync.operations import HOLD_HOURS
from hjem.sync.visit import ShortlistEntry, VisitReport
from hjem.sync.visit_words import visit_paragraphs

_CODE = Qt.ItemDataRole.UserRole
CHECKABLE = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
)
LIST_HEIGHT = 300  # about ten rows; the dialog stays well inside a 768 px screen
REPORT_WIDTH = 460
HEADING_HEIGHT = 28  # a heading stands a little apart from the group above it


class PrepareVisitDialog(QDialog):
    def __init__(
        self, case_code: str, shortlist: Sequence[ShortlistEntry], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("prepare_visit_dialog")
        self.setWindowTitle(tr("visit.dialog.title", case=case_code))
        explanation = QLabel(tr("visit.dialog.explanation", hours=HOLD_HOURS))
        explanation.setObjectName("prepare_visit_explanation")
        explanation.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("prepare_visit_items")
        self.items.setMinimumHeight(LIST_HEIGHT)
        self.items.setSpacing(1)
        self._fill(shortlist)
        # The first item to choose is current (Space toggles it), not highlighted as chosen.
        self.items.setCurrentRow(self._first_choice(), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.items.itemChanged.connect(lambda _item: self._count())
        self.chosen = QLabel()
        self.chosen.setObjectName("prepare_visit_chosen")
        layout = QVBoxLayout(self)
        for widget in (explanation, self.items, self.chosen, self._buttons()):
            layout.addWidget(widget)
        self.setMinimumWidth(600)
        self._count()

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("prepare_visit_buttons")
        self.hold = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.hold.setObjectName("prepare_visit_hold")
        self.hold.setText(tr("visit.dialog.hold"))
        self.hold.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("prepare_visit_cancel")
        cancel.setText(tr("visit.dialog.cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _fill(self, shortlist: Sequence[ShortlistEntry]) -> None:
        """The entries in three groups, each under its heading, empty groups left out."""
        groups = (
            ("visit.dialog.in_plan", [e for e in shortlist if e.preselected]),
            ("visit.dialog.suggested", [e for e in shortlist if _suggested(e)]),
            ("visit.dialog.ours", [e for e in shortlist if e.already_ours]),
        )
        for heading, entries in groups:
            if entries:
                self.items.addItem(_heading(tr(heading)))
                for entry in entries:
                    self.items.addItem(_row(entry))
        if not any(entries for _heading_key, entries in groups):
            self.items.addItem(_heading(tr("visit.dialog.empty"), bold=False))

    def _first_choice(self) -> int:
        rows = range(self.items.count())
        checkable = (
            r for r in rows if self.items.item(r).flags() & Qt.ItemFlag.ItemIsUserCheckable
        )
        return next(checkable, -1)

    def _count(self) -> None:
        self.chosen.setText(tr("visit.dialog.chosen", count=len(self.chosen_codes)))

    @property
    def chosen_codes(self) -> list[str]:
        """The checked items' codes, top to bottom (the case's own items are not chosen)."""
        rows = (self.items.item(r) for r in range(self.items.count()))
        return [
            str(row.data(_CODE))
            for row in rows
            if _choosable(row) and row.checkState() == Qt.CheckState.Checked
        ]


def _choosable(row: QListWidgetItem) -> bool:
    return bool(row.flags() & Qt.ItemFlag.ItemIsUserCheckable)


def _suggested(entry: ShortlistEntry) -> bool:
    return not entry.preselected and not entry.already_ours


def _heading(text: str, bold: bool = True) -> QListWidgetItem:
    row = QListWidgetItem(text)
    row.setFlags(Qt.ItemFlag.ItemIsEnabled)  # drawn as text, never chosen
    if bold:
        font = QFont(row.font())
        font.setBold(True)
        row.setFont(font)
        row.setSizeHint(QSize(0, HEADING_HEIGHT))
        row.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
    return row


def _row(entry: ShortlistEntry) -> QListWidgetItem:
    row = QListWidgetItem(row_text(entry))
    row.setData(_CODE, entry.code)
    if entry.already_ours:  # a greyed tick: the case's already, nothing to choose
        row.setFlags(Qt.ItemFlag.NoItemFlags)
        row.setCheckState(Qt.CheckState.Checked)
    else:
        row.setFlags(CHECKABLE)
        row.setCheckState(Qt.CheckState.Checked if entry.preselected else Qt.CheckState.Unchecked)
    return row


def row_text(entry: ShortlistEntry) -> str:
    """ "Sofa, grå · A1B2C3 · 200 × 90 × 80 cm", and for the case's own how long it is held."""
    width, depth, height = (format_number(v) for v in entry.size)
    parts = [entry.name, entry.code, tr("visit.size", width=width, depth=depth, height=height)]
    if entry.already_ours and entry.held_until is not None:
        parts.append(tr("visit.dialog.held_until", until=format_moment(entry.held_until)))
    elif entry.already_ours:
        parts.append(tr("visit.dialog.reserved"))
    return "  ·  ".join(parts)


def visit_report_text(report: VisitReport, names: Mapping[str, str] | None = None) -> str:
    paragraphs = visit_paragraphs(report, names)
    return "\n\n".join("\n".join(line.text() for line in lines) for lines in paragraphs)


def show_visit_report(
    parent: QWidget | None, report: VisitReport, names: Mapping[str, str] | None = None
) -> None:
    """The result in a message box: a warning when something could not be held."""
    trouble = report.not_held or not report.case_copied
    icon = QMessageBox.Icon.Warning if trouble else QMessageBox.Icon.Information
    text = visit_report_text(report, names)
    box = QMessageBox(icon, tr("visit.report.title"), text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("prepare_visit_report")
    box.setStyleSheet(f"QLabel#qt_msgbox_label {{ min-width: {REPORT_WIDTH}px; }}")  # wrap less
    box.exec()
    box.deleteLater()
