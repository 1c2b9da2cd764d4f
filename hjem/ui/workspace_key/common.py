"""What the workspace key's dialogs share: a heading, wrapped text, a line for what went
wrong, a field for a secret, and work that runs off the window's thread while the dialog
waits (a passphrase costs Argon2id a third of a second; a conversion, minutes)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from hjem.errors import DatabaseProblem, UserError
from hjem.i18n import tr
from hjem.ui.operations import Outcome, run_off_ui_thread

log = logging.getLogger(__name__)
T = TypeVar("T")
ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #4a4a4a;"
WIDTH = 560  # room for the recovery code's groups and two lines of Danish per paragraph


def dialog_layout(dialog: QDialog) -> QVBoxLayout:
    """The dialogs' column: margins and room between paragraphs, so the text reads easily."""
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(20, 16, 20, 16)
    layout.setSpacing(10)
    return layout


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 14pt; font-weight: 600;")
    label.setWordWrap(True)
    return label


def paragraph(text: str, name: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName(name)
    label.setStyleSheet(style)
    return label


def secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(280)
    return field


def show_typed_box(fields: Sequence[QLineEdit]) -> QCheckBox:
    """A box that shows the secret as typed: a long passphrase is easier to get right when
    one sees it (and nobody else is looking at a volunteer's screen at home)."""
    box = QCheckBox(tr("workspace_ui.show_typed"))
    box.setObjectName("workspace_show_typed")

    def show(on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        for field in fields:
            field.setEchoMode(mode)

    box.toggled.connect(show)
    return box


def monospace(points: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(points)
    return font


def _said_as_user_error(work: Callable[[], T]) -> T:
    """`work()`, on the worker thread. Anything but a UserError (a refusing disk, a bug)
    becomes a DatabaseProblem named by its kind: the dialog must stop waiting, and the
    error's own text may quote a row or a key."""
    try:
        return work()
    except UserError:
        raise
    except Exception as error:
        log.warning("workspace key work failed: %s", type(error).__name__)
        raise DatabaseProblem(error) from None


class WaitingDialog(QDialog):
    """A dialog that can run a piece of work off the window's thread: its fields wait, the
    pointer says so, and Escape or closing does nothing until the work has ended (a key half
    kept must not be left behind)."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.waiting = False

    def wait_for(
        self, widgets: Sequence[QWidget], work: Callable[[], T], done: Callable[[Outcome[T]], None]
    ) -> None:
        self._set_waiting(True, widgets)

        def finished(outcome: Outcome[T]) -> None:
            self._set_waiting(False, widgets)
            done(outcome)

        run_off_ui_thread(self, lambda: _said_as_user_error(work), finished)

    def _set_waiting(self, on: bool, widgets: Sequence[QWidget]) -> None:
        self.waiting = on
        for widget in widgets:
            widget.setEnabled(not on)
        if on:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()

    def reject(self) -> None:
        if not self.waiting:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.waiting:
            event.ignore()
        else:
            super().closeEvent(event)
