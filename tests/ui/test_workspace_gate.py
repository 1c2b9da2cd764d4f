"""The workspace gate at start (issue 14), on a laptop of the test's own without
HJEM_WORKSPACE_KEY: real dialogs answered with real key presses and clicks, a real SQLCipher
file, the real keystore, Argon2id and the real conversion (a slow stand-in only where the
test watches the bar move, or a disk fills up)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QProgressBar, QPushButton

from hjem.db import cipher, keystore, recovery_code
from hjem.db.workspace import Workspace, open_workspace
from hjem.ui.workspace_key import open_gate
from hjem.ui.workspace_key.gate import Found, found
from tests.ui.workspace_key_helpers import (
    PASSPHRASE,
    Person,
    StandIn,
    click,
    field,
    plain_workspace,
    run_gate,
    text_of,
    tick_and_ok,
    type_and_enter,
    wait_until,
)

ROWS = 12_000


def _workspace(path, passphrase=None, confirmed=True) -> bytes:
    """A workspace made as hjem makes one (its key in the keyring or under `passphrase`),
    then hjem closed: nothing of it left in memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    key = keystore.new_key(path, passphrase)
    Workspace(f"sqlite:///{path}").close()
    if confirmed:
        keystore.confirm_code_written(path)
    keystore.forget_all()
    return key


def _opens(path) -> None:
    open_workspace(f"sqlite:///{path}").close()


def test_first_start_without_a_keyring_chooses_a_passphrase_then_shows_the_code(
    qtbot, laptop, no_keyring
):
    person, seen = Person(), {}

    def choose(dialog):
        first, second = field(dialog, "passphrase_new"), field(dialog, "passphrase_repeat")
        QTest.mouseClick(first, Qt.MouseButton.LeftButton)
        for key in "sofa":
            QTest.keyClick(first, key)
        seen["hint"] = text_of(dialog, "passphrase_hint")
        type_and_enter(first, PASSPHRASE)
        type_and_enter(second, PASSPHRASE + "t")  # a slip of the finger
        seen["mismatch"] = text_of(dialog, "passphrase_message")
        person.answers("recovery_code_dialog", lambda code: tick_and_ok(code, seen))
        type_and_enter(second, PASSPHRASE)

    person.answers("choose_passphrase", choose)
    assert open_gate(None, team_server=False)
    assert person.unexpected == []
    assert seen["hint"] == "Mindst 8 tegn: skriv 4 tegn mere."
    assert "ikke ens" in seen["mismatch"]
    assert seen["ok_before_tick"] is False
    _opens(laptop)
    assert not cipher.is_empty(laptop) and not cipher.is_plain(laptop)
    keys = keystore.read_key_file(laptop)
    assert keys.passphrase is not None and not keys.in_keyring and keys.code_confirmed
    assert recovery_code.decode(seen["code"]) == keystore.key_for(laptop)
    assert PASSPHRASE not in keystore.key_file_path(laptop).read_text()


def test_at_the_next_start_a_wrong_passphrase_is_refused_in_the_dialog_and_the_right_opens(
    qtbot, laptop, no_keyring
):
    key = _workspace(laptop, PASSPHRASE)
    person, seen = Person(), {}

    def unlock(dialog):
        line = field(dialog, "passphrase")
        type_and_enter(line, "sofaen står i køkkenet")
        seen["waits_off_the_window_thread"] = not line.isEnabled()
        wait_until(lambda: line.isEnabled())
        seen["wrong"] = text_of(dialog, "passphrase_message")
        seen["still_open"] = dialog.isVisible()
        type_and_enter(line, PASSPHRASE)

    person.answers("unlock_workspace", unlock)
    assert run_gate(laptop)
    assert person.answered == ["unlock_workspace"]  # the code was written down already
    assert seen["waits_off_the_window_thread"] and seen["still_open"]
    assert "Adgangssætningen passer ikke" in seen["wrong"]
    assert keystore.key_for(laptop) == key
    _opens(laptop)


def test_a_missing_key_is_recovered_with_the_code_typed_and_kept_in_the_keyring(
    qtbot, laptop, memory_keyring
):
    key = _workspace(laptop)
    memory_keyring.kept.clear()  # a new laptop: the keyring does not have it
    code = recovery_code.encode(key)
    mistyped = _caught_typo(code)
    another = recovery_code.encode(os.urandom(32))
    person, seen = Person(), {}

    def recover(dialog):
        line = field(dialog, "recovery_code")
        type_and_enter(line, mistyped.lower().replace("-", " "))
        seen["typo"] = text_of(dialog, "recovery_message")
        type_and_enter(line, another)
        seen["another"] = text_of(dialog, "recovery_message")
        type_and_enter(line, code.lower().replace("0", "o"))  # as a person may read it

    person.answers("recover_workspace", recover)
    assert found(laptop) is Found.MISSING
    assert run_gate(laptop)
    assert person.unexpected == [] and person.answered == ["recover_workspace"]
    assert "ikke skrevet rigtigt" in seen["typo"]
    assert "passer ikke til dette arbejdsområde" in seen["another"]
    keystore.forget_all()  # the next start: the keyring has the key again, no code asked
    assert found(laptop) is Found.OPENS
    assert keystore.read_key_file(laptop).code_confirmed
    _opens(laptop)


def _caught_typo(code: str) -> str:
    """`code` with one character changed so that its check catches it."""
    for position, character in enumerate(code):
        if character == "-":
            continue
        typo = code[:position] + ("7" if character != "7" else "8") + code[position + 1 :]
        try:
            recovery_code.decode(typo)
        except recovery_code.BadRecoveryCode:
            return typo
    raise AssertionError("no typo caught")


def test_a_forgotten_passphrase_gives_way_to_the_code_and_a_new_passphrase(
    qtbot, laptop, no_keyring
):
    key = _workspace(laptop, PASSPHRASE)
    person = Person()

    def choose_new(dialog):
        type_and_enter(field(dialog, "passphrase_new"), "gardinerne er blå")
        type_and_enter(field(dialog, "passphrase_repeat"), "gardinerne er blå")

    def recover(dialog):
        person.answers("choose_passphrase", choose_new)
        type_and_enter(field(dialog, "recovery_code"), recovery_code.encode(key))

    person.answers("unlock_workspace", lambda dialog: click(dialog, "use_recovery_code"))
    person.answers("recover_workspace", recover)
    assert run_gate(laptop)
    assert person.unexpected == []
    keystore.forget_all()
    assert keystore.unlock_with_passphrase(laptop, "gardinerne er blå") == key


def test_an_older_plain_workspace_is_encrypted_with_progress_then_the_code_shown(
    qtbot, laptop, memory_keyring
):
    plain_workspace(laptop, rows=ROWS)  # several of the conversion's batches
    person, seen, steps = Person(), {}, []

    def convert(dialog):
        person.answers("recovery_code_dialog", lambda code: tick_and_ok(code, seen))
        dialog.rows_did_copy.connect(lambda done, total: steps.append((done, total)))
        click(dialog, "encrypt_start")
        seen["no_cancel"] = not dialog.findChild(QPushButton, "workspace_quit").isVisible()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)  # nothing stops it half-way
        seen["escape_ignored"] = dialog.isVisible()

    person.answers("encrypt_workspace", convert)
    assert found(laptop) is Found.PLAIN
    assert run_gate(laptop)  # the real hjem.db.conversion.encrypt_plain
    assert person.unexpected == []
    assert len(steps) >= 3 and steps[-1] == (ROWS, ROWS)
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert seen["no_cancel"] and seen["escape_ignored"]
    assert not cipher.is_plain(laptop) and keystore.read_key_file(laptop).code_confirmed
    assert recovery_code.decode(seen["code"]) == keystore.key_for(laptop)
    with cipher.opened(laptop, keystore.key_for(laptop)) as connection:
        assert connection.execute("SELECT count(*) FROM item").fetchone()[0] == ROWS


def test_the_progress_is_shown_in_words_while_it_runs(qtbot, laptop, memory_keyring):
    plain_workspace(laptop, rows=40)
    encrypt, person, seen = StandIn(), Person(), {}  # slow enough to watch the bar move

    def convert(dialog):
        person.answers("recovery_code_dialog", lambda code: tick_and_ok(code, seen))
        click(dialog, "encrypt_start")
        bar = dialog.findChild(QProgressBar, "encrypt_progress")
        wait_until(lambda: 0 < bar.value() < bar.maximum())
        seen["progress"] = text_of(dialog, "encrypt_status")

    person.answers("encrypt_workspace", convert)
    assert run_gate(laptop, encrypt)
    assert seen["progress"].endswith("af 40 poster er krypteret")


def test_without_a_keyring_the_conversion_asks_a_passphrase_first(qtbot, laptop, no_keyring):
    plain_workspace(laptop)
    person = Person()

    def choose(dialog):
        person.answers("recovery_code_dialog", lambda code: tick_and_ok(code, {}))
        type_and_enter(field(dialog, "passphrase_new"), PASSPHRASE)
        type_and_enter(field(dialog, "passphrase_repeat"), PASSPHRASE)

    def convert(dialog):
        person.answers("choose_passphrase", choose)
        click(dialog, "encrypt_start")

    person.answers("encrypt_workspace", convert)
    assert run_gate(laptop)  # the real conversion, refused for want of a keyring, then again
    assert person.unexpected == []
    keystore.forget_all()
    assert found(laptop) is Found.PASSPHRASE
    keystore.unlock_with_passphrase(laptop, PASSPHRASE)
    assert not cipher.is_plain(laptop)


def test_a_conversion_that_fails_is_said_and_hjem_quits_with_the_file_untouched(
    qtbot, laptop, memory_keyring
):
    from hjem.errors import DatabaseProblem

    plain_workspace(laptop)
    before = laptop.read_bytes()
    encrypt, person, seen = (
        StandIn(fail=DatabaseProblem(OSError(28, "No space left"))),
        Person(),
        {},
    )

    def told(box):
        seen["text"] = box.text()
        box.accept()

    def convert(dialog):
        person.answers("encrypt_failed", told)
        click(dialog, "encrypt_start")

    person.answers("encrypt_workspace", convert)
    assert not run_gate(laptop, encrypt)
    assert person.unexpected == []
    assert "No space left" in seen["text"]
    assert laptop.read_bytes() == before and keystore.read_key_file(laptop) is None


def test_later_asks_again_at_the_next_start_and_the_keyboard_alone_confirms(
    qtbot, laptop, memory_keyring
):
    _workspace(laptop, confirmed=False)
    person = Person()
    person.answers("recovery_code_dialog", lambda dialog: QTest.keyClick(dialog, Qt.Key.Key_Escape))
    assert run_gate(laptop)
    assert not keystore.read_key_file(laptop).code_confirmed

    def by_keyboard(dialog):
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)  # the box has the focus
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    person.answers("recovery_code_dialog", by_keyboard)
    keystore.forget_all()
    assert run_gate(laptop)
    assert person.answered == ["recovery_code_dialog"] * 2 and person.unexpected == []
    assert keystore.read_key_file(laptop).code_confirmed


def test_quitting_at_the_passphrase_leaves_hjem_without_opening(qtbot, laptop, no_keyring):
    _workspace(laptop, PASSPHRASE)
    person = Person()
    person.answers(
        "unlock_workspace",
        lambda dialog: QTest.keyClick(dialog.findChild(QLineEdit, "passphrase"), Qt.Key.Key_Escape),
    )
    assert not open_gate(None, team_server=False)
    assert found(laptop) is Found.PASSPHRASE
