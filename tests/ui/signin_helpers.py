"""Driving the sign-in dialog as a person would, and a keyring of the test's own (never the
real user's)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QPushButton
from sqlalchemy.engine import make_url

from hjem.db.server_address import TeamServer
from tests.db.team_server import Team
from tests.ui.driver import when_dialog

LEFT = Qt.MouseButton.LeftButton


def suite_server(team: Team) -> TeamServer:
    """The suite's server as the settings would keep it (this computer: no TLS needed)."""
    address = make_url(team.admin_url)
    assert address.host and address.port and address.database
    return TeamServer(address.host, address.port, address.database, "disable")


def password_of(team: Team, person: str) -> str:
    return make_url(team.urls[person]).password or ""


def type_into(field: QLineEdit, text: str) -> None:
    QTest.mouseClick(field, LEFT)
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, text)


def fill_in(dialog: QDialog, name: str, password: str, remember: bool | None = None) -> None:
    type_into(dialog.findChild(QLineEdit, "signin_name"), name)
    type_into(dialog.findChild(QLineEdit, "signin_password"), password)
    box = dialog.findChild(QCheckBox, "signin_remember")
    if remember is not None and box.isChecked() != remember:
        QTest.mouseClick(box, LEFT)


def press(dialog: QDialog, name: str) -> None:
    QTest.mouseClick(dialog.findChild(QPushButton, name), LEFT)


def message(dialog: QDialog) -> str:
    return dialog.findChild(QLabel, "signin_message").text()


def answer_sign_in(name: str, password: str, remember: bool | None = None) -> None:
    """Fill in the next sign-in dialog and press "Log ind"."""

    def answer(dialog: QDialog) -> None:
        fill_in(dialog, name, password, remember)
        press(dialog, "signin_ok")

    when_dialog(answer)
