"""What the inventory window shows instead of a blank table: for an empty inventory, the way
to the first donation (or an import, or a demo inventory to try hjem with); for a search that
finds nothing, the way back to every item."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hjem.i18n import tr


class EmptyState(QWidget):
    def __init__(
        self,
        new: Callable[[], None],
        import_file: Callable[[], None],
        demo: Callable[[], None],
        show_all: Callable[[], None],
    ):
        super().__init__()
        self.setObjectName("inventory_empty")
        self.text = QLabel()
        self.text.setObjectName("inventory_empty_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet("font-size: 12pt;")
        self.new = _button("empty_new", "inventory_window.action.new", new)
        self.import_file = _button("empty_import", "inventory_window.empty.import", import_file)
        self.show_all = _button("empty_show_all", "inventory_window.empty.show_all", show_all)
        self.demo = _button("empty_demo", "inventory_window.empty.demo", demo)
        self.demo.setFlat(True)  # a way to try hjem out, not an action on the inventory
        self.demo.setStyleSheet("color: palette(link); text-decoration: underline;")
        self.demo.setToolTip(tr("inventory_window.empty.demo_hint"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.show_all, self.new, self.import_file):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addWidget(self.demo, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_empty_inventory(self) -> None:
        """Nothing in the inventory yet: start with a donation, an import, or the demo."""
        self.text.setText(tr("inventory_window.empty.inventory"))
        self._offer(self.new, self.import_file, self.demo)

    def show_no_match(self) -> None:
        """The search finds nothing: show every item again, or log what is missing."""
        self.text.setText(tr("inventory_window.empty.no_match"))
        self._offer(self.show_all, self.new)

    def _offer(self, *offered: QPushButton) -> None:
        for button in (self.new, self.import_file, self.show_all, self.demo):
            button.setVisible(button in offered)


def _button(name: str, key: str, clicked: Callable[[], None]) -> QPushButton:
    button = QPushButton(tr(key))
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: clicked())
    return button
