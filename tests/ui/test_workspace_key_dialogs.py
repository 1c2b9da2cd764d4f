"""The workspace key's dialogs on a volunteer's laptop screen (1366 × 768) in Danish and
English, nothing cut off; with HJEM_WORKSPACE_KEY (CI, screenshots) no dialog at all; a
screenshot or the start-up probe never waits on one; and the recovery code shown again from
the Settings menu."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel

from hjem.db import keystore, recovery_code
from hjem.db.workspace import Workspace
from hjem.i18n import set_language, tr
from hjem.ui.workspace_key import open_gate
from hjem.ui.workspace_key.code_dialog import RecoveryCodeDialog
from hjem.ui.workspace_key.conversion_dialog import ConversionDialog
from hjem.ui.workspace_key.passphrase_dialogs import ChoosePassphraseDialog, UnlockDialog
from hjem.ui.workspace_key.recover_dialog import RecoverDialog, Why
from tests.conftest import ROOT
from tests.ui.workspace_key_helpers import PASSPHRASE, Person, StandIn, text_of
from tests.workspace_file import session_key

KEY = bytes(range(32))


def _dialogs(path) -> list[QDialog]:
    encrypting = ConversionDialog(path, lambda: None, StandIn())
    encrypting.bar.show()
    encrypting.rows_did_copy.emit(41_250, 100_000)
    return [
        ChoosePassphraseDialog(),
        UnlockDialog(path),
        RecoverDialog(path, Why.MISSING),
        RecoverDialog(path, Why.WRONG),
        RecoverDialog(path, Why.FORGOTTEN),
        RecoveryCodeDialog(recovery_code.encode(KEY)),
        encrypting,
    ]


def _cut_off(dialog: QDialog) -> list[str]:
    """The texts that do not fit their place: a wrapped label shorter than its lines, a
    button narrower than its words."""
    cut = [
        label.text()[:40]
        for label in dialog.findChildren(QLabel)
        if label.isVisible()
        and label.wordWrap()
        and label.heightForWidth(label.width()) > label.height()
    ]
    cut += [
        button.text()
        for button in dialog.findChildren(QAbstractButton)
        if button.isVisible() and button.width() < button.sizeHint().width()
    ]
    return cut


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_dialog_fits_the_laptop_screen_with_nothing_cut_off(qtbot, tmp_path, lang):
    set_language(lang)
    try:
        for dialog in _dialogs(tmp_path / "workspace.sqlite"):
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            screen = QGuiApplication.primaryScreen().availableGeometry()
            assert screen.contains(dialog.frameGeometry()), dialog.objectName()
            assert _cut_off(dialog) == [], dialog.objectName()
            dialog.close()
    finally:
        set_language("da")


def test_the_code_is_shown_in_groups_of_four_and_typed_back_as_shown(qtbot):
    dialog = RecoveryCodeDialog(recovery_code.encode(KEY))
    qtbot.addWidget(dialog)
    shown = text_of(dialog, "recovery_code_shown")
    assert [len(group) for group in shown.split()] == [4] * 13
    assert recovery_code.decode(shown) == KEY  # copied off the screen as it is


def test_with_the_key_in_the_environment_no_dialog_appears(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path))
    keystore.forget_all()
    Workspace(f"sqlite:///{tmp_path / 'workspace.sqlite'}").close()  # its code not confirmed
    keystore.forget_all()
    person = Person()
    person.answers("none", lambda dialog: None)  # would note and close a dialog that came up
    try:
        assert open_gate(None, team_server=False)
        assert open_gate(None, team_server=True)
    finally:
        person.stop()
    assert person.unexpected == []


def test_with_the_key_in_the_environment_the_gate_loads_no_database_layer(tmp_path):
    probe = (
        "import sys\n"
        "from hjem.ui.workspace_key import open_gate\n"
        "print(open_gate(None, False), [m for m in ('sqlalchemy', 'sqlcipher3', 'argon2')"
        " if m in sys.modules])\n"
    )
    env = {**os.environ, "HJEM_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )
    assert result.stdout.strip() == "True []", result.stderr


@pytest.mark.parametrize("how", ["screenshot", "probe"])
def test_a_screenshot_or_the_start_up_probe_never_waits_on_a_dialog(
    tmp_path, monkeypatch, no_keyring, how
):
    """Without HJEM_WORKSPACE_KEY, on a workspace under a passphrase: hjem goes on (the
    window says it cannot open the workspace) instead of waiting for someone to type."""
    monkeypatch.delenv("HJEM_WORKSPACE_KEY")
    path = tmp_path / "workspace.sqlite"
    keystore.forget_all()
    keystore.new_key(path, PASSPHRASE)
    Workspace(f"sqlite:///{path}").close()
    keystore.forget_all()
    env = {**os.environ, "HJEM_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("HJEM_WORKSPACE_KEY", None)
    arguments = ["--screenshot", str(tmp_path / "start.png")] if how == "screenshot" else []
    if how == "probe":
        env["HJEM_STARTUP_PROBE"] = "1"
    code = f"from hjem.cli import main; raise SystemExit(main({arguments!r}))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert (
        (tmp_path / "start.png").exists()
        if how == "screenshot"
        else "first_window" in result.stdout
    )


def test_the_settings_menu_shows_the_code_of_the_open_workspace_again(qtbot, window):
    menu_texts = [action.text() for action in window.menus.menus["menu.title.settings"].actions()]
    assert (
        tr("workspace_ui.menu.show_code") == "Vis gendannelseskode …"
        and "Vis gendannelseskode …" in menu_texts
    )
    person, seen = Person(), {}

    def look(dialog):
        seen["code"] = text_of(dialog, "recovery_code_shown")
        dialog.reject()

    person.answers("recovery_code_dialog", look)
    window.menus.actions["workspace_ui.menu.show_code"].trigger()
    assert person.unexpected == []
    assert recovery_code.decode(seen["code"]) == session_key()
