"""Answering the workspace key's dialogs as a person would (real key presses and clicks), a
laptop of the test's own without HJEM_WORKSPACE_KEY, and a small stand-in for
hjem.db.conversion.encrypt_plain."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLabel, QLineEdit, QPushButton

from hjem.db import cipher, keystore
from hjem.errors import UserError
from hjem.ui.workspace_key.gate import WorkspaceGate
from tests.ui.driver import type_text

LEFT = Qt.MouseButton.LeftButton
PASSPHRASE = "sofaen står i stuen"
WAIT_TRIES = 1000  # 10 s in steps of 10 ms: Argon2id and a conversion take their time


class Person:
    """Answers the gate's dialogs in the order they come; a dialog nobody expected is noted
    and closed, so a test fails instead of waiting for ever."""

    def __init__(self) -> None:
        self.unexpected: list[str] = []
        self.answered: list[str] = []
        self.done = False

    def stop(self) -> None:
        """Answer nothing more (no later test's dialog is answered by this one's person)."""
        self.done = True

    def answers(self, name: str, answer: Callable[[QDialog], None]) -> None:
        """Answer the next modal dialog called `name` once it is up."""

        def attempt(left: int = WAIT_TRIES) -> None:
            if self.done:
                return
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QDialog) and dialog.isVisible() and dialog.objectName() == name:
                self.answered.append(name)
                try:
                    answer(dialog)
                except BaseException as error:  # said by the test, not lost in Qt's loop
                    self.unexpected.append(f"{name}: {error!r}")
                    dialog.done(0)
                return
            if left:
                QTimer.singleShot(10, lambda: attempt(left - 1))
            elif isinstance(dialog, QDialog):
                self.unexpected.append(dialog.objectName())
                dialog.reject()
            else:
                self.unexpected.append(f"no {name}")

        QTimer.singleShot(0, attempt)


def click(dialog: QDialog, name: str) -> None:
    QTest.mouseClick(dialog.findChild(QPushButton, name), LEFT)


def field(dialog: QDialog, name: str) -> QLineEdit:
    found = dialog.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def text_of(dialog: QDialog, name: str) -> str:
    return dialog.findChild(QLabel, name).text()


def type_and_enter(line: QLineEdit, text: str) -> None:
    """Click into the field, empty it, type `text` key by key and press Enter."""
    QTest.mouseClick(line, LEFT)
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_Delete)
    type_text(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


def wait_until(condition: Callable[[], bool], seconds: float = 10) -> None:
    """Let Qt work (inside a dialog's own loop) until `condition` holds."""
    ends = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < ends, "waited in vain"
        QTest.qWait(10)


def tick_and_ok(dialog: QDialog, seen: dict[str, object]) -> None:
    """The recovery code dialog: note the code and whether OK waited, tick, press OK."""
    seen["code"] = text_of(dialog, "recovery_code_shown")
    seen["ok_before_tick"] = dialog.findChild(QPushButton, "code_ok").isEnabled()
    box = dialog.findChild(QCheckBox, "code_written")
    # On the box itself: a check box stretched across the dialog takes no click right of its text.
    QTest.mouseClick(box, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(8, box.height() // 2))
    click(dialog, "code_ok")


def plain_workspace(path: Path, rows: int = 40) -> None:
    """A plain SQLite workspace as an older hjem left it (a table of rows)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = cipher.sqlcipher3.connect(str(path))  # no key: plain
    connection.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)")
    connection.executemany(
        "INSERT INTO item (name) VALUES (?)", [(f"stol {i}",) for i in range(rows)]
    )
    connection.commit()
    connection.close()


class StandIn:
    """Encrypts as hjem.db.conversion.encrypt_plain does, in small and with the same
    signature: NoKeyring before anything is touched when there is neither keyring nor
    passphrase; the rows reported as they go; the plain file replaced by an encrypted copy
    under a new key kept like a new workspace's. `fail` makes it refuse instead."""

    def __init__(self, fail: UserError | None = None):
        self.fail = fail
        self.calls: list[str | None] = []  # the passphrase of each call

    def __call__(self, path: Path, progress=None, passphrase: str | None = None) -> dict:
        self.calls.append(passphrase)
        if self.fail is not None:
            raise self.fail
        key = keystore.new_key(path, passphrase)
        copy = path.with_name("converting.sqlite")
        with cipher.opened(copy, key) as connection:
            cipher.attach(connection, path, "plain", None)
            total = connection.execute("SELECT count(*) FROM plain.item").fetchone()[0]
            connection.execute("SELECT sqlcipher_export('main', 'plain')")
            connection.execute("DETACH DATABASE plain")
        for done in range(0, total + 1, max(total // 4, 1)):
            if progress is not None:
                progress(done, total)
            time.sleep(0.08)  # long enough for the test to see the bar move
        copy.replace(path)
        return {"item": total}


def run_gate(path: Path, encrypt: StandIn | None = None) -> bool:
    gate = WorkspaceGate(path) if encrypt is None else WorkspaceGate(path, encrypt=encrypt)
    return gate.run()
