"""Encrypting a workspace an older hjem left plain, at the first start of this version.

The person reads what happens and starts it (or quits: nothing is touched before the
start); then hjem.db.conversion.encrypt_plain runs on a worker thread and reports the rows
it has copied. Once it runs it cannot be cancelled: the conversion keeps the plain file until
the encrypted copy is verified, and stopping half-way would only leave work to redo. Where
the computer has no keyring, a passphrase is chosen first (encrypt_plain would raise
NoKeyring without one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from hjem.db import keystore
from hjem.errors import UserError
from hjem.i18n import format_number, tr
from hjem.ui.operations import Outcome
from hjem.ui.workspace_key.common import (
    NOTE_STYLE,
    WIDTH,
    WaitingDialog,
    dialog_layout,
    heading,
    paragraph,
)

Progress = Callable[[int, int], None]
# encrypt_plain(path, progress=None, passphrase=None) -> ConversionReport (not read here)
Encrypt = Callable[..., Any]
ChoosePassphrase = Callable[[], str | None]


def encrypt_plain(
    path: Path, progress: Progress | None = None, passphrase: str | None = None
) -> Any:
    """The real conversion, loaded only when an old workspace is found."""
    from hjem.db.conversion import encrypt_plain as convert

    return convert(path, progress=progress, passphrase=passphrase)


class ConversionDialog(WaitingDialog):
    rows_did_copy = Signal(int, int)  # (done, total), from the worker to the window's thread

    def __init__(
        self,
        path: Path,
        choose_passphrase: ChoosePassphrase,
        encrypt: Encrypt = encrypt_plain,  # tests give a stand-in
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("encrypt_workspace")
        self.setWindowTitle(tr("workspace_ui.convert.title"))
        self.path, self._choose_passphrase, self._encrypt = path, choose_passphrase, encrypt
        self.problem: UserError | None = None
        self.bar = QProgressBar()
        self.bar.setObjectName("encrypt_progress")
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.status = paragraph("", "encrypt_status", NOTE_STYLE)
        self.buttons, self.start = self._buttons()
        self.rows_did_copy.connect(self._show_progress)
        self._lay_out()

    def _buttons(self) -> tuple[QDialogButtonBox, QPushButton]:
        buttons = QDialogButtonBox()
        start = buttons.addButton(
            tr("workspace_ui.convert.start"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        start.setObjectName("encrypt_start")
        start.setDefault(True)
        leave = buttons.addButton(tr("workspace_ui.quit"), QDialogButtonBox.ButtonRole.RejectRole)
        leave.setObjectName("workspace_quit")
        leave.setAutoDefault(False)
        buttons.accepted.connect(self._begin)
        buttons.rejected.connect(self.reject)
        return buttons, start

    def _lay_out(self) -> None:
        layout = dialog_layout(self)
        layout.addWidget(heading(tr("workspace_ui.convert.title")))
        layout.addWidget(paragraph(tr("workspace_ui.convert.text")))
        layout.addWidget(paragraph(tr("workspace_ui.convert.time")))
        layout.addSpacing(6)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(WIDTH)

    def _begin(self) -> None:
        passphrase = None
        if not keystore.keyring_available():
            passphrase = self._choose_passphrase()
            if passphrase is None:
                return  # nothing started: the person may still quit or start again
        self._run(passphrase)

    def _run(self, passphrase: str | None) -> None:
        self.bar.setRange(0, 0)  # moving until the first rows are counted
        self.bar.show()
        self.buttons.hide()  # no cancel once it runs
        self.status.setText(tr("workspace_ui.convert.preparing"))
        path, encrypt, report = self.path, self._encrypt, self.rows_did_copy.emit
        self.wait_for(
            [self.buttons],
            lambda: encrypt(path, progress=report, passphrase=passphrase),
            self._finished,
        )

    def _show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self.status.setText(
            tr(
                "workspace_ui.convert.progress",
                done=format_number(done, decimals=0),
                total=format_number(total, decimals=0),
            )
        )

    def _finished(self, outcome: Outcome[Any]) -> None:
        if isinstance(outcome.problem, keystore.NoKeyring):  # the keyring refused the key
            passphrase = self._choose_passphrase()
            if passphrase is not None:
                self._run(passphrase)
                return
            self._back_to_start()
        elif outcome.problem is not None:
            self.problem = outcome.problem
            self._tell_failure(outcome.problem)
            self.reject()
        else:
            self.accept()

    def _back_to_start(self) -> None:
        """Nothing was converted: the person may start again, or quit."""
        self.bar.hide()
        self.status.clear()
        self.buttons.show()

    def _tell_failure(self, problem: UserError) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("workspace_ui.convert.failed"),
            problem.message.text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("encrypt_failed")
        box.setInformativeText(tr("workspace_ui.convert.closing"))
        box.exec()
