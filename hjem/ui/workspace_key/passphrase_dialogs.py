"""The passphrase, where the computer has no keyring: choosing one (typed twice) and typing
it at every start. Checking it runs Argon2id, so it runs off the window's thread and a
wrong one is said in the dialog, which stays open for the next try."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from hjem.db import keystore
from hjem.db.passphrase import MIN_LENGTH, WeakPassphrase, check_strength
from hjem.i18n import tr
from hjem.ui.operations import Outcome
from hjem.ui.workspace_key.common import (
    ERROR_STYLE,
    NOTE_STYLE,
    WIDTH,
    WaitingDialog,
    dialog_layout,
    heading,
    paragraph,
    secret_field,
    show_typed_box,
)

STRONG_LENGTH = 20  # a short sentence: the hint says "strong" from here


def strength_hint(typed: str) -> str:
    """What the person reads under the field while typing: how far from the minimum, or
    how good it is (length is what counts against guessing)."""
    length = len(typed.strip())
    if length < MIN_LENGTH:
        return tr("workspace_ui.choose.short", length=MIN_LENGTH, count=MIN_LENGTH - length)
    return tr(
        "workspace_ui.choose.strong" if length >= STRONG_LENGTH else "workspace_ui.choose.fair"
    )


def _buttons(ok_key: str, ok_name: str) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox()
    ok = buttons.addButton(tr(ok_key), QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName(ok_name)
    ok.setDefault(True)
    quit_button = buttons.addButton(tr("workspace_ui.quit"), QDialogButtonBox.ButtonRole.RejectRole)
    quit_button.setObjectName("workspace_quit")
    quit_button.setAutoDefault(False)
    return buttons, ok


class ChoosePassphraseDialog(WaitingDialog):
    """A new passphrase, typed twice. `keep(passphrase)`, if given, keeps the key under it
    before the dialog closes (off the window's thread); `chosen` is the passphrase then."""

    def __init__(self, keep: Callable[[str], object] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("choose_passphrase")
        self.setWindowTitle(tr("workspace_ui.choose.title"))
        self.chosen: str | None = None
        self._keep = keep
        self.first = secret_field("passphrase_new")
        self.second = secret_field("passphrase_repeat")
        self.hint = paragraph(strength_hint(""), "passphrase_hint", NOTE_STYLE)
        self.message = paragraph("", "passphrase_message", ERROR_STYLE)
        self.buttons, self.ok = _buttons("workspace_ui.choose.ok", "passphrase_ok")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.first.textChanged.connect(lambda typed: self.hint.setText(strength_hint(typed)))
        self._lay_out()
        self.first.setFocus()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("workspace_ui.choose.passphrase"), self.first)
        form.addRow("", self.hint)
        form.addRow(tr("workspace_ui.choose.repeat"), self.second)
        form.addRow("", show_typed_box([self.first, self.second]))
        layout = dialog_layout(self)
        layout.addWidget(heading(tr("workspace_ui.choose.title")))
        layout.addWidget(paragraph(tr("workspace_ui.choose.text")))
        layout.addWidget(paragraph(tr("workspace_ui.choose.advice"), style=NOTE_STYLE))
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(WIDTH)

    def _submit(self) -> None:
        typed = self.first.text()
        try:
            check_strength(typed)
        except WeakPassphrase as weak:
            self._refuse(weak.message.text(), self.first)
            return
        if typed != self.second.text():
            self._refuse(tr("workspace_ui.choose.mismatch"), self.second)
            return
        if self._keep is None:
            self._chosen(typed)
            return
        keep = self._keep
        self.message.setStyleSheet(NOTE_STYLE)
        self.message.setText(tr("workspace_ui.saving"))
        self.wait_for(
            [self.first, self.second, self.buttons],
            lambda: keep(typed),
            lambda outcome: self._kept(outcome, typed),
        )

    def _kept(self, outcome: Outcome[object], typed: str) -> None:
        if outcome.problem is not None:
            self._refuse(outcome.problem.message.text(), self.first)
            return
        self._chosen(typed)

    def _chosen(self, typed: str) -> None:
        self.chosen = typed
        self.accept()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        field.setFocus()
        field.selectAll()

    def done(self, result: int) -> None:
        self.first.clear()  # the passphrase leaves with `chosen`, not in the fields
        self.second.clear()
        super().done(result)


def choose_passphrase(
    keep: Callable[[str], object] | None = None, parent: QWidget | None = None
) -> str | None:
    """The passphrase chosen (and the key kept under it by `keep`), or None: "Afslut"."""
    dialog = ChoosePassphraseDialog(keep, parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog.chosen


class Unlock(Enum):
    UNLOCKED = "unlocked"  # the key is in this process's memory now
    RECOVER = "recover"  # the person asked for the recovery code instead
    QUIT = "quit"


class UnlockDialog(WaitingDialog):
    """The passphrase of a workspace locked with one, asked at the start."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlock_workspace")
        self.setWindowTitle(tr("workspace_ui.unlock.title"))
        self.path = path
        self.choice = Unlock.QUIT
        self.field = secret_field("passphrase")
        self.message = paragraph("", "passphrase_message", ERROR_STYLE)
        self.buttons, self.ok = _buttons("workspace_ui.unlock.ok", "unlock_ok")
        self.use_code = QPushButton(tr("workspace_ui.unlock.use_code"))
        self.use_code.setObjectName("use_recovery_code")
        self.use_code.setAutoDefault(False)
        self.use_code.clicked.connect(lambda: self._close_with(Unlock.RECOVER))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.field.setFocus()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("workspace_ui.unlock.passphrase"), self.field)
        form.addRow("", show_typed_box([self.field]))
        layout = dialog_layout(self)
        layout.addWidget(heading(tr("workspace_ui.unlock.title")))
        layout.addWidget(paragraph(tr("workspace_ui.unlock.text")))
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        row = QHBoxLayout()  # the way out of a forgotten passphrase, apart from the answers
        row.addWidget(self.use_code)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.setMinimumWidth(WIDTH)

    def _submit(self) -> None:
        typed = self.field.text()
        if not typed:
            self._say(tr("workspace_ui.unlock.empty"), ERROR_STYLE)
            return
        self._say(tr("workspace_ui.unlock.checking"), NOTE_STYLE)
        path = self.path
        self.wait_for(
            [self.field, self.buttons, self.use_code],
            lambda: keystore.unlock_with_passphrase(path, typed),
            self._checked,
        )

    def _checked(self, outcome: Outcome[bytes]) -> None:
        if isinstance(outcome.problem, keystore.KeyMissing):  # the key file went meanwhile
            self._close_with(Unlock.RECOVER)
        elif outcome.problem is not None:
            self._say(outcome.problem.message.text(), ERROR_STYLE)
            self.field.setFocus()
            self.field.selectAll()
        else:
            self._close_with(Unlock.UNLOCKED)

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)

    def _close_with(self, choice: Unlock) -> None:
        self.choice = choice
        self.accept()

    def done(self, result: int) -> None:
        self.field.clear()
        super().done(result)


def ask_to_unlock(path: Path, parent: QWidget | None = None) -> Unlock:
    dialog = UnlockDialog(path, parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog.choice
