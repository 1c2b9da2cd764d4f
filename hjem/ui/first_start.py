"""The first start: hjem asks the volunteer's name, for the inventory's history and their own
cases. The login name of the computer is never taken for a person's name (it is often "root",
a shared account, or a family member's)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hjem.i18n import tr

MAX_NAME = 120  # as the history and the cases keep it


class NameDialog(QDialog):
    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("first_start")
        self.setWindowTitle(tr("first_start.title"))
        text = QLabel(tr("first_start.text"))
        text.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("first_start_name")
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(tr("first_start.placeholder"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("first_start.ok"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("first_start.later"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda typed: self.ok.setEnabled(bool(typed.strip())))
        self.ok.setEnabled(False)  # a name, or "later": never an empty one kept
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.name)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def chosen(self) -> str:
        return self.name.text().strip()


def ask_name(parent: QWidget | None) -> str | None:
    """The name typed, or None when the volunteer chose "later" (asked again next start)."""
    dialog = NameDialog(parent)
    name = dialog.chosen() if dialog.exec() else None
    dialog.deleteLater()
    return name or None
