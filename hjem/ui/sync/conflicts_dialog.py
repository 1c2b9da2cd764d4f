"""The conflicts a sync left, in plain Danish, each with its way out: *Find et lignende* for an
item another family got first, *Åbn min plan som kopi* for a plan someone else saved
meanwhile, and *Forstået* to take it off the list. Nothing is settled for the person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hjem.i18n import tr
from hjem.sync.conflicts import ConflictView, WayOut

WAY_OUT_BUTTONS = {
    WayOut.SIMILAR: "sync.window.find_similar",
    WayOut.PLAN_COPY: "sync.window.open_copy",
}


@dataclass(frozen=True)
class ConflictActions:
    """What the buttons do; each returns whether the conflict is dealt with."""

    way_out: Callable[[ConflictView], bool]  # the ConflictView's way out
    settle: Callable[[ConflictView], None]  # take it off the list


class ConflictsDialog(QDialog):
    def __init__(self, views: list[ConflictView], actions: ConflictActions, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("sync_conflicts")
        self.setWindowTitle(tr("sync.window.conflicts_title"))
        self.conflict_actions = actions
        self.rows: dict[str, QFrame] = {}
        intro = QLabel(tr("sync.window.conflicts_intro"))
        intro.setWordWrap(True)
        self.empty = QLabel(tr("sync.window.no_conflicts"))
        self.empty.setObjectName("sync_no_conflicts")
        inner = QWidget()
        self.list_layout = QVBoxLayout(inner)
        for view in views:
            self._add_row(view)
        self.list_layout.addWidget(self.empty)
        self.list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("sync.window.close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(close)
        self._show_empty()
        self.resize(680, 340)

    def _add_row(self, view: ConflictView) -> None:
        op_id = view.op_id
        row = QFrame()
        row.setObjectName(f"conflict_{op_id}")
        row.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(view.text.text())
        text.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        way_out = WAY_OUT_BUTTONS.get(view.way_out)
        if way_out is not None:
            button = QPushButton(tr(way_out))
            button.setObjectName("conflict_way_out")
            button.clicked.connect(lambda: self._try_way_out(view))
            buttons.addWidget(button)
        done = QPushButton(tr("sync.window.understood"))
        done.setObjectName("conflict_understood")
        done.clicked.connect(lambda: self._settle(view))
        buttons.addWidget(done)
        layout = QVBoxLayout(row)
        layout.addWidget(text)
        layout.addLayout(buttons)
        self.rows[op_id] = row
        self.list_layout.addWidget(row)

    def _try_way_out(self, view: ConflictView) -> None:
        if self.conflict_actions.way_out(view):
            self._settle(view)

    def _settle(self, view: ConflictView) -> None:
        self.conflict_actions.settle(view)
        row = self.rows.pop(view.op_id)
        row.hide()
        row.deleteLater()
        self._show_empty()

    def _show_empty(self) -> None:
        self.empty.setVisible(not self.rows)
