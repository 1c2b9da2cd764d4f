"""Signing in to the team's server from the window, with real key and mouse events, against the
suite's real PostgreSQL server (which checks passwords): the dialog's messages within 5 s, the
remembered password in a keyring (the test's own), and nothing secret in the settings."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from hjem.i18n import set_language
from hjem.ui.signin.dialog import SignInDialog
from hjem.ui.signin.passwords import PasswordKeeper
from hjem.ui.signin.server_dialog import TeamServerDialog
from tests.db.team_server import Team
from tests.ui.conftest import _main_window
from tests.ui.driver import choose
from tests.ui.signin_helpers import (
    answer_sign_in,
    fill_in,
    message,
    password_of,
    press,
    suite_server,
    type_into,
)

QUICK_S = 5.0
SHOTS = os.environ.get("HJEM_SIGNIN_SHOTS")  # a folder: keep the pictures for the docs


@pytest.fixture
def dialog(qtbot, team: Team, memory_keyring):
    set_language("da")
    shown = SignInDialog(suite_server(team), "", PasswordKeeper(), lambda: None)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _refused(qtbot, dialog, name: str, password: str) -> str:
    fill_in(dialog, name, password)
    started = time.monotonic()
    press(dialog, "signin_ok")
    qtbot.waitUntil(lambda: dialog.findChild(QLineEdit, "signin_name").isEnabled(), timeout=8000)
    assert time.monotonic() - started < QUICK_S
    assert dialog.signed_in is None and dialog.isVisible()
    return message(dialog)


def test_a_wrong_password_is_said_in_the_dialog_which_stays_open(qtbot, dialog, team: Team):
    said = _refused(qtbot, dialog, team.logins["ada"], "not-her-password")
    assert "Navnet eller adgangskoden passer ikke" in said
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "signin.png"))


def test_a_disabled_person_is_told_so_in_the_dialog(qtbot, dialog, team: Team):
    said = _refused(qtbot, dialog, team.logins["dina"], password_of(team, "dina"))
    assert "spærret" in said


def test_an_expired_account_is_refused_in_the_dialog(qtbot, dialog, team: Team):
    with team.admin.begin() as connection:
        connection.exec_driver_sql(f"ALTER ROLE \"{team.logins['bo']}\" VALID UNTIL 'yesterday'")
    said = _refused(qtbot, dialog, team.logins["bo"], password_of(team, "bo"))
    assert "udløbet" in said


def test_an_unreachable_server_is_said_within_5_s(qtbot, team: Team, memory_keyring):
    set_language("da")
    server = suite_server(team)
    closed = type(server)("127.0.0.1", 1, server.database, "disable")
    shown = SignInDialog(closed, "", PasswordKeeper(), lambda: None)
    qtbot.addWidget(shown)
    shown.show()
    said = _refused(qtbot, shown, "ada", "x")
    assert "kan ikke nås" in said


def test_an_empty_password_is_asked_for_without_connecting(qtbot, dialog, team: Team):
    fill_in(dialog, team.logins["ada"], "")
    press(dialog, "signin_ok")
    assert message(dialog) == "Skriv din adgangskode."


def test_without_a_keyring_the_box_is_disabled_and_says_why(qtbot, team: Team, no_keyring):
    set_language("da")
    shown = SignInDialog(suite_server(team), "ada", PasswordKeeper(), lambda: None)
    qtbot.addWidget(shown)
    shown.show()
    assert not shown.findChild(QCheckBox, "signin_remember").isEnabled()
    assert "ingen nøglering" in shown.findChild(QLabel, "signin_remember_note").text()


def test_a_remembered_password_is_in_the_keyring_and_nowhere_in_the_settings(
    qtbot, team: Team, settings, recovery_folder, memory_keyring, monkeypatch, tmp_path
):
    monkeypatch.delenv("HJEM_DATABASE_URL", raising=False)
    settings.set_team_server(suite_server(team))
    window = next(_main_window(qtbot, settings, recovery_folder, size=(1200, 800)))
    password = password_of(team, "ada")
    answer_sign_in(team.logins["ada"], password, remember=True)
    assert window.team.sign_in()
    assert list(memory_keyring.kept.values()) == [password]
    settings._q.sync()
    assert password not in (tmp_path / "settings.ini").read_text()
    again = SignInDialog(suite_server(team), settings.team_login(), PasswordKeeper(), lambda: None)
    qtbot.addWidget(again)
    assert again.findChild(QLineEdit, "signin_password").text() == password
    assert again.findChild(QCheckBox, "signin_remember").isChecked()
    window.close()


def test_unticking_the_box_forgets_the_password(qtbot, team: Team, memory_keyring):
    server = suite_server(team)
    memory_keyring.set_password(server.keyring_service, team.logins["ada"], "old")
    set_language("da")
    shown = SignInDialog(server, team.logins["ada"], PasswordKeeper(), lambda: None)
    qtbot.addWidget(shown)
    shown.show()
    fill_in(shown, team.logins["ada"], password_of(team, "ada"), remember=False)
    press(shown, "signin_ok")
    qtbot.waitUntil(lambda: shown.signed_in is not None, timeout=8000)
    shown.signed_in.workspace.close()
    assert memory_keyring.kept == {}


def test_the_team_server_settings_refuse_no_tls_to_another_computer(qtbot, settings):
    set_language("da")
    dialog = TeamServerDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.findChild(QLineEdit, "team_server_host"), "hjem.example.org")
    choose(dialog.findChild(QComboBox, "team_server_tls"), "disable", qtbot.waitUntil)
    press(dialog, "team_server_save")
    said = dialog.findChild(QLabel, "team_server_message").text()
    assert "sslmode=disable" in said and dialog.isVisible()
    choose(dialog.findChild(QComboBox, "team_server_tls"), "verify-full", qtbot.waitUntil)
    type_into(dialog.findChild(QLineEdit, "team_server_ca"), "/home/ada/hjem-ca.crt")
    press(dialog, "team_server_save")
    assert not dialog.isVisible()
    assert dialog.server is not None and dialog.server.sslmode == "verify-full"
    settings.set_team_server(dialog.server)
    assert settings.team_server() == dialog.server
