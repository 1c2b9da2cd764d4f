"""Opening the workspace with its recovery code, when this computer has no key for it (a new
laptop, a reset keyring) or a key that does not fit, or the passphrase is forgotten.

The code is the key itself (hjem.db.recovery_code): a mistyped code is caught by its check
and said so; a well-typed code of another workspace is told apart by trying it on the file,
which with a raw key takes milliseconds, so it runs on the window's thread."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from hjem.db import cipher, recovery_code
from hjem.errors import DatabaseProblem
from hjem.i18n import tr
from hjem.ui.workspace_key.common import (
    ERROR_STYLE,
    NOTE_STYLE,
    WIDTH,
    dialog_layout,
    heading,
    monospace,
    paragraph,
)

TYPED_MAX = 2 * recovery_code.LENGTH  # room for spaces and dashes however it is grouped


class Why(Enum):
    """Why the code is asked for: each has its own first paragraph."""

    MISSING = "missing"
    WRONG = "wrong"
    FORGOTTEN = "forgotten"  # from the passphrase dialog, which "Tilbage" goes back to


WHY_TEXT = {
    Why.MISSING: lambda: tr("workspace_ui.recover.missing"),
    Why.WRONG: lambda: tr("workspace_ui.recover.wrong"),
    Why.FORGOTTEN: lambda: tr("workspace_ui.recover.forgotten"),
}


def characters_typed(code: str) -> int:
    """The code's characters typed so far, without what `recovery_code.decode` ignores."""
    return sum(1 for character in code if character.isalnum())


class RecoverDialog(QDialog):
    """The recovery code, typed; `key` is the key once a code fits the workspace at `path`."""

    def __init__(self, path: Path, why: Why, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recover_workspace")
        self.setWindowTitle(tr("workspace_ui.recover.title"))
        self.path = path
        self.key: bytes | None = None
        self.field = QLineEdit()
        self.field.setObjectName("recovery_code")
        self.field.setFont(monospace(13))
        self.field.setMaxLength(TYPED_MAX)
        self.field.setPlaceholderText("XXXX-XXXX-XXXX-…")
        # A whole code, grouped with dashes, in view: a person checks it against the paper.
        whole = self.field.fontMetrics().horizontalAdvance("W" * (recovery_code.LENGTH + 14))
        self.field.setMinimumWidth(whole)
        self.counter = paragraph("", "recovery_code_count", NOTE_STYLE)
        self.message = paragraph("", "recovery_message", ERROR_STYLE)
        self.field.textChanged.connect(self._count)
        self._count("")
        self.buttons = self._buttons(back=why is Why.FORGOTTEN)
        self._lay_out(WHY_TEXT[why]())
        self.field.setFocus()

    def _buttons(self, back: bool) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        ok = buttons.addButton(
            tr("workspace_ui.recover.ok"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        ok.setObjectName("recover_ok")
        ok.setDefault(True)
        leave = tr("workspace_ui.recover.back") if back else tr("workspace_ui.quit")
        cancel = buttons.addButton(leave, QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("recover_cancel")
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        return buttons

    def _lay_out(self, why: str) -> None:
        layout = dialog_layout(self)
        layout.addWidget(heading(tr("workspace_ui.recover.title")))
        layout.addWidget(paragraph(why))
        layout.addWidget(paragraph(tr("workspace_ui.recover.how", length=recovery_code.LENGTH)))
        layout.addSpacing(6)
        label = QLabel(tr("workspace_ui.recover.code"))
        label.setBuddy(self.field)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.counter)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(WIDTH)

    def _count(self, typed: str) -> None:
        self.counter.setText(
            tr(
                "workspace_ui.recover.typed",
                typed=characters_typed(typed),
                length=recovery_code.LENGTH,
            )
        )

    def _submit(self) -> None:
        try:
            key = recovery_code.decode(self.field.text())
            fits = cipher.key_fits(self.path, key)
        except recovery_code.BadRecoveryCode as bad:
            self._refuse(bad.message.text())
            return
        except (cipher.Error, OSError) as refused:  # the file cannot be read at all
            self._refuse(DatabaseProblem(refused).message.text())
            return
        if not fits:
            self._refuse(tr("workspace_ui.recover.not_this"))
            return
        self.key = key
        self.accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.field.setFocus()

    def done(self, result: int) -> None:
        self.field.clear()  # the code is the key: it leaves the dialog as `key` only
        super().done(result)


def ask_recovery_code(path: Path, why: Why, parent: QWidget | None = None) -> bytes | None:
    """The key the typed code stands for, checked against the file; None if the person left."""
    dialog = RecoverDialog(path, why, parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog.key
