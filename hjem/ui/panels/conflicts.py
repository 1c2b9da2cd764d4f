"""The conflicts panel: the document's conflict report, in words; click one to select the
elements involved and bring them into view. The report is the document's (`ConflictReport`):
the panel only lists it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hjem.floorplan.conflicts import Conflict
from hjem.i18n import tr
from hjem.ui.editor import Editor


class ConflictsPanel(QWidget):
    def __init__(self, editor: Editor):
        super().__init__()
        self.editor = editor
        self.setMinimumWidth(300)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)  # where one conflict's words end
        self.list.itemClicked.connect(self._show)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        editor.document.report.did_change.connect(self._display)
        self.refresh()

    @property
    def conflicts(self) -> list[Conflict]:
        """What the panel lists: the document's report."""
        return self.editor.document.report.conflicts

    def refresh(self) -> None:
        """Show the report of the plan as it is now (worked out now if it is not yet)."""
        report = self.editor.document.report
        if report.is_current:
            self._display(report.conflicts)
        else:
            report.refresh()  # it announces the new report, which the panel then displays

    def _display(self, conflicts: list[Conflict]) -> None:
        self.list.clear()
        for conflict in conflicts:
            text = f"{tr(f'conflict_kind.{conflict.kind.value}')}: {conflict.message.text()}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, conflict)
            self.list.addItem(item)
        plan = self.editor.plan
        if conflicts:
            self.summary.setText(tr("panel.conflicts.count", count=len(conflicts)))
        elif plan.placements and plan.entrance() is None:
            self.summary.setText(tr("panel.conflicts.no_entrance"))
        else:
            self.summary.setText(tr("panel.conflicts.none"))

    def _show(self, item: QListWidgetItem) -> None:
        conflict: Conflict = item.data(Qt.ItemDataRole.UserRole)
        self.editor.scene.select_ids(conflict.elements)
        view = self.editor.view
        if view.pixels_per_cm < 0.8:
            view.zoom(0.8 / view.pixels_per_cm)
        view.centerOn(QPointF(*conflict.where))
