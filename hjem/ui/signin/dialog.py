"""The sign-in dialog: a person's name and password for the team's server, and whether to keep
the password in the OS keyring.

Signing in connects to a server that may be far away, so it runs on a worker thread; the
dialog stays responsive, says what it is doing, and ends in a message within 5 s (the sign-in
gives up connecting after 4). The password lives in the field and in the address hjem
connects with; it is never logged, and the field is emptied when the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hjem.db.server_address import TeamServer
from hjem.i18n import tr
from hjem.ui.operations import Outcome, run_off_ui_thread
from hjem.ui.signin.passwords import PasswordKeeper

if TYPE_CHECKING:
    from hjem.db.signin import SignedIn

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #6b6b6b;"


@dataclass(frozen=True)
class Attempt:
    signed_in: SignedIn
    kept: bool  # False: the person asked to remember the password and the keyring refused


class SignInDialog(QDialog):
    def __init__(
        self,
        server: TeamServer,
        login: str,
        keeper: PasswordKeeper,
        edit_server: Callable[[], TeamServer | None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("signin_dialog")
        self.setWindowTitle(tr("signin.title"))
        self.server, self.keeper, self._edit_server = server, keeper, edit_server
        self.signed_in: SignedIn | None = None
        self.keyring_failed = False
        self._keyring_works = keeper.available()
        self.name = self._field("signin_name", login)
        self.password = self._field("signin_password", keeper.recall(server, login))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(tr("signin.remember"))
        self.remember.setObjectName("signin_remember")
        self.remember_note = _note("signin_remember_note", NOTE_STYLE)
        self.message = _note("signin_message", ERROR_STYLE)
        self.server_label = QLabel()
        self.server_label.setObjectName("signin_server")
        self.buttons = self._buttons()
        self._offer_keyring(remembered=bool(self.password.text()))
        self._show_server()
        self._lay_out()
        (self.password if login else self.name).setFocus()

    # --- building ------------------------------------------------------------------------------

    @staticmethod
    def _field(name: str, text: str) -> QLineEdit:
        field = QLineEdit(text)
        field.setObjectName(name)
        field.setMinimumWidth(260)
        return field

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        sign_in = buttons.addButton(tr("signin.sign_in"), QDialogButtonBox.ButtonRole.AcceptRole)
        sign_in.setObjectName("signin_ok")
        sign_in.setDefault(True)
        self.sign_in_button = sign_in
        cancel = buttons.addButton(tr("signin.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("signin_cancel")
        buttons.accepted.connect(self._sign_in)
        buttons.rejected.connect(self.reject)
        return buttons

    def _offer_keyring(self, remembered: bool) -> None:
        if self._keyring_works:
            self.remember.setChecked(remembered)
            self.remember_note.setText(tr("signin.remember_hint"))
            return
        self.remember.setEnabled(False)
        self.remember_note.setText(tr("signin.no_keyring"))

    def _lay_out(self) -> None:
        heading = QLabel(tr("signin.heading"))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        change = QPushButton(tr("signin.change_server"))
        change.setObjectName("signin_change_server")
        change.setAutoDefault(False)
        change.clicked.connect(self._change_server)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_label, 1)
        server_row.addWidget(change)
        form = QFormLayout()
        form.addRow(tr("signin.name"), self.name)
        form.addRow(tr("signin.password"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(heading)
        layout.addLayout(server_row)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_note)
        layout.addSpacing(4)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(540)

    def _show_server(self) -> None:
        self.server_label.setText(tr("signin.server", server=self.server.label))

    def _change_server(self) -> None:
        server = self._edit_server()
        if server is not None:
            self.server = server
            self._show_server()

    # --- signing in ----------------------------------------------------------------------------

    def _sign_in(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        if not name or not password:
            missing = "signin.name_missing" if not name else "signin.password_missing"
            self._say(tr(missing), error=True)
            (self.name if not name else self.password).setFocus()
            return
        self._set_busy(True)
        self._say(tr("signin.signing_in", host=self.server.host), error=False)
        server, remember, keeper = self.server, self.remember.isChecked(), self.keeper
        run_off_ui_thread(
            self, lambda: _attempt(server, name, password, remember, keeper), self._finished
        )

    def _finished(self, outcome: Outcome[Attempt]) -> None:
        self._set_busy(False)
        if outcome.value is None:
            self._say(outcome.problem.message.text() if outcome.problem else "", error=True)
            self.password.setFocus()
            self.password.selectAll()
            return
        if not self.isVisible():  # cancelled while the server answered
            outcome.value.signed_in.workspace.close()
            return
        self.signed_in, self.keyring_failed = outcome.value.signed_in, not outcome.value.kept
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        """While the server is asked, the fields wait (Cancel stays: the person may give up)."""
        for widget in (self.name, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        self.remember.setEnabled(not busy and self._keyring_works)

    def _say(self, text: str, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.message.setText(text)
        self.adjustSize()  # room for a message of two or three lines

    def done(self, result: int) -> None:
        self.password.clear()  # the password leaves the dialog with the address, nowhere else
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.password.clear()
        super().closeEvent(event)


def _attempt(
    server: TeamServer, name: str, password: str, remember: bool, keeper: PasswordKeeper
) -> Attempt:
    """On the worker thread: sign in, then keep or forget the password as the person asked
    (the keyring may be slow too)."""
    from hjem.db.signin import sign_in

    signed_in = sign_in(server.url(name, password))
    kept = True
    if remember:
        kept = keeper.remember(server, name, password)
    else:
        keeper.forget(server, name)
    return Attempt(signed_in, kept)


def _note(name: str, style: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label
