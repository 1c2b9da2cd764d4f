"""The start screen: a new plan, open one, a recent one, or a sample to look around in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hjem.i18n import tr
from hjem.resources import asset

SAMPLES = ("2-vaerelser", "3-vaerelser", "3-vaerelser-konflikter")
LIST_STYLE = (
    "QListWidget { font-size: 11pt; border: 1px solid #d8d2c6; background: #fffdf8; }"
    "QListWidget::item { padding: 8px 10px; border-bottom: 1px solid #eee7da; }"
    "QListWidget::item:hover { background: #f3ecdf; }"
)


class StartScreen(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    path_chosen = Signal(object)  # Path
    inventory_requested = Signal()
    demo_requested = Signal()

    def __init__(self, recent: list[Path]):
        super().__init__()
        title = QLabel(tr("start.title"))
        title.setStyleSheet("font-size: 28pt; font-weight: 600; color: #2b2b2b;")
        subtitle = QLabel(tr("start.subtitle"))
        subtitle.setStyleSheet("font-size: 12pt; color: #5b5b5b;")
        new_button = QPushButton(tr("start.new"))
        new_button.setObjectName("start_new")
        open_button = QPushButton(tr("start.open"))
        open_button.setObjectName("start_open")
        inventory_button = QPushButton(tr("start.inventory"))
        inventory_button.setObjectName("start_inventory")
        demo_button = QPushButton(tr("start.demo"))
        demo_button.setObjectName("start_demo")
        demo_button.setToolTip(tr("start.demo_hint"))
        demo_button.clicked.connect(self.demo_requested)
        self.plan_buttons, self.demo_button = (new_button, open_button), demo_button
        for button in (new_button, open_button, inventory_button, demo_button):
            button.setMinimumHeight(40)
            button.setStyleSheet("font-size: 11pt; padding: 6px 18px;")
        new_button.clicked.connect(self.new_requested)
        open_button.clicked.connect(self.open_requested)
        inventory_button.clicked.connect(self.inventory_requested)

        self.recent = self._list("start_recent", [])
        samples = [
            (tr(f"start.sample.{name}"), asset("samples", f"{name}.hjem")) for name in SAMPLES
        ]
        self.samples = self._list("start_samples", samples)

        buttons = QHBoxLayout()
        buttons.addWidget(new_button)
        buttons.addWidget(open_button)
        buttons.addWidget(inventory_button)
        buttons.addWidget(demo_button)
        buttons.addStretch(1)
        self.recent_heading = QLabel()
        self.show_recent(recent)
        self.samples_heading = QLabel(tr("start.samples"))
        lists = QHBoxLayout()
        lists.addLayout(self._column(self.recent_heading, self.recent))
        lists.addLayout(self._column(self.samples_heading, self.samples))
        # Said instead of the plans to an inventory manager, whose work is the inventory.
        self.role_intro = QLabel()
        self.role_intro.setObjectName("start_role_intro")
        self.role_intro.setWordWrap(True)
        self.role_intro.setStyleSheet("font-size: 12pt; color: #3b3b3b; margin-bottom: 8px;")
        self.role_intro.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 16)  # a laptop's 768 px: room for the lists
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        layout.addWidget(self.role_intro)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        # The families' cases come first once the workspace is read (`show_cases`).
        self._cases_slot = QVBoxLayout()
        layout.addLayout(self._cases_slot, 2)
        layout.addLayout(lists, 1)
        self.hint = QLabel(tr("start.hint"))
        self.hint.setStyleSheet("color: #6b6b6b;")
        layout.addWidget(self.hint)
        # Takes the room of the hidden lists, so what is left stays at the top.
        self._filler = QWidget()
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._filler.hide()
        layout.addWidget(self._filler, 1)

    def show_parts(self, plans: bool, demo: bool, intro: str = "") -> None:
        """Only what the signed-in person's group may use: plans (new, open, recent, samples)
        and the demo; `intro` says what is theirs instead."""
        widgets = (*self.plan_buttons, self.recent_heading, self.recent, self.hint)
        for widget in (*widgets, self.samples_heading, self.samples):
            widget.setVisible(plans)
        self.demo_button.setVisible(demo)
        self.role_intro.setText(intro)
        self.role_intro.setVisible(bool(intro))
        self._filler.setVisible(not plans)

    def show_recent(self, recent: list[Path]) -> None:
        """The recently opened plans (again, when the editor goes back to this screen)."""
        self.recent_heading.setText(tr("start.recent") if recent else tr("start.no_recent"))
        self.recent.clear()
        for path in recent:
            self.recent.addItem(_entry(path.stem, path))

    def show_retention(self, section: QWidget) -> None:
        """The closed cases due for erasure, above the case list (hidden when there are none:
        it keeps no room of its own then)."""
        self._cases_slot.insertWidget(0, section)

    def show_cases(self, cases: QWidget) -> None:
        self._cases_slot.addWidget(cases)
        self._cases_slot.addSpacing(16)

    def _list(self, name: str, entries: list[tuple[str, Path]]) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setStyleSheet(LIST_STYLE)
        for label, path in entries:
            widget.addItem(_entry(label, path))
        # Activated: a double-click, or Enter on the keyboard.
        widget.itemActivated.connect(
            lambda item: self.path_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        return widget

    @staticmethod
    def _column(heading: QLabel, widget: QListWidget) -> QVBoxLayout:
        column = QVBoxLayout()
        heading.setStyleSheet("font-weight: 600;")
        column.addWidget(heading)
        column.addWidget(widget, 1)
        return column


def _entry(label: str, path: Path) -> QListWidgetItem:
    item = QListWidgetItem(label)
    item.setData(Qt.ItemDataRole.UserRole, path)
    item.setToolTip(str(path))
    return item
