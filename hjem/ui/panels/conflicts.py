"""The conflicts panel: what the engine finds in the plan, in words; click one to select the
elements involved and bring them into view."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hjem.floorplan.conflicts import Conflict
from hjem.floorplan.model import Plan
from hjem.i18n import tr
from hjem.ui.editor import Editor

REFRESH_DELAY_MS = 120  # let a burst of edits (typing, undo) settle before checking


class ConflictsPanel(QWidget):
    def __init__(self, editor: Editor):
        super().__init__()
        self.editor = editor
        self.conflicts: list[Conflict] = []
        self.setMinimumWidth(300)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._show)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        editor.document.plan_did_change.connect(lambda _plan: self._timer.start())
        self.refresh()

    def refresh(self) -> None:
        from hjem.floorplan.report import full_report  # the engine loads when first needed

        plan: Plan = self.editor.plan
        self.conflicts = full_report(plan)
        self.list.clear()
        for conflict in self.conflicts:
            text = f"{tr(f'conflict_kind.{conflict.kind.value}')}: {conflict.message.text()}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, conflict)
            self.list.addItem(item)
        if self.conflicts:
            self.summary.setText(tr("panel.conflicts.count", count=len(self.conflicts)))
        elif plan.placements and plan.entrance() is None:
            self.summary.setText(tr("panel.conflicts.no_entrance"))
        else:
            self.summary.setText(tr("panel.conflicts.none"))
        self.editor.scene.set_conflicts({e for c in self.conflicts for e in c.elements})

    def _show(self, item: QListWidgetItem) -> None:
        conflict: Conflict = item.data(Qt.ItemDataRole.UserRole)
        self.editor.scene.select_ids(conflict.elements)
        view = self.editor.view
        if view.pixels_per_cm < 0.8:
            view.zoom(0.8 / view.pixels_per_cm)
        view.centerOn(QPointF(*conflict.where))
