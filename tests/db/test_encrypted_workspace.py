"""The workspace on the laptop is encrypted: a stolen copy of the data folder reveals nothing,
and a workspace whose key is missing, wrong or under a passphrase is said so in Danish,
quickly, with nothing written."""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from hjem.cases.cases import CaseData, create_case, set_address
from hjem.db import cipher, keystore, recovery_code
from hjem.db.engine import PlainWorkspace
from hjem.db.passphrase import WeakPassphrase, WrongPassphrase
from hjem.db.workspace import Workspace, open_workspace
from hjem.errors import UserError
from tests.db.hjem_process import hjem, said
from tests.sqlcipher_pages import found_in_pages
from tests.workspace_file import session_key, workspace_file

ADDRESS = "Gemmevej 4K9QZ, 2. tv., 9991 Skjulby"
HOUSEHOLD = (ADDRESS, "4K9QZ", "Familien Qvist", "Skjulby Kommune")
ANSWER_BOUND_S = 2.0


def _workspace_with_a_family(data: Path) -> Path:
    path = data / "workspace.sqlite"
    workspace = Workspace(f"sqlite:///{path}")
    with workspace.session() as session:
        create_case(session, CaseData("FBH-2026-501", "Familien Qvist", "Skjulby Kommune"))
        set_address(session, "FBH-2026-501", ADDRESS)
    workspace.close()
    keystore.forget_all()  # as after a restart: the key comes from where it is kept
    return path


def _without_key() -> dict[str, str]:
    return {"HJEM_WORKSPACE_KEY": ""}


def test_a_stolen_data_folder_reveals_nothing_and_says_so_quickly(tmp_path):
    home = tmp_path / "laptop"
    home.mkdir()
    path = _workspace_with_a_family(home)
    assert found_in_pages(session_key(), path, "4K9QZ"), "the address is in the workspace"
    stolen = tmp_path / "thief"
    shutil.copytree(home, stolen)

    for file in stolen.rglob("*"):
        content = file.read_bytes()
        for field in HOUSEHOLD:
            for encoding in ("utf-8", "utf-16-le", "latin-1"):
                assert field.encode(encoding, "ignore") not in content, (file.name, field)
    assert not cipher.is_plain(stolen / "workspace.sqlite")

    started = time.monotonic()
    result = hjem("case", "list", data=stolen, **_without_key())
    assert time.monotonic() - started < ANSWER_BOUND_S + 3  # a process start included
    assert result.returncode == 2
    assert "Arbejdsområdet er krypteret, og nøglen findes ikke på denne computer" in said(result)
    assert "ERROR" not in result.stderr and "hmac" not in result.stderr  # SQLCipher's own log


def test_a_wrong_key_is_said_in_danish_and_nothing_is_written(tmp_path):
    path = _workspace_with_a_family(tmp_path)
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    other = os.urandom(32).hex()
    for command in (("case", "list"), ("db", "upgrade"), ("demo",)):
        result = hjem(*command, data=tmp_path, HJEM_WORKSPACE_KEY=other)
        assert result.returncode == 2
        assert "Arbejdsområdet er krypteret, og nøglen passer ikke" in said(result)
        assert "file is not a database" not in result.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files
    assert path.exists()


def test_opening_with_a_wrong_key_answers_within_two_seconds(tmp_path):
    path = _workspace_with_a_family(tmp_path)
    os.environ["HJEM_WORKSPACE_KEY"], key = os.urandom(32).hex(), os.environ["HJEM_WORKSPACE_KEY"]
    try:
        started = time.monotonic()
        with pytest.raises(keystore.WrongKey):
            open_workspace(f"sqlite:///{path}")
        assert time.monotonic() - started < ANSWER_BOUND_S
    finally:
        os.environ["HJEM_WORKSPACE_KEY"] = key


def test_the_recovery_code_opens_the_workspace_where_the_key_is_missing(tmp_path, monkeypatch):
    path = _workspace_with_a_family(tmp_path)
    code = recovery_code.encode(session_key())
    assert len(code) == 52 + 12 and code.count("-") == 12
    monkeypatch.delenv("HJEM_WORKSPACE_KEY")
    with pytest.raises(keystore.KeyMissing):
        open_workspace(f"sqlite:///{path}")
    typed = code.lower().replace("-", " ").replace("0", "o")  # as a person may type it
    keystore.remember(path, recovery_code.decode(typed))
    open_workspace(f"sqlite:///{path}").close()


def test_a_mistyped_recovery_code_is_told_apart_from_a_wrong_one():
    code = recovery_code.encode(os.urandom(32))
    with pytest.raises(recovery_code.BadRecoveryCode):
        recovery_code.decode(code[:-1])
    with pytest.raises(recovery_code.BadRecoveryCode):
        recovery_code.decode(code[:-1] + "!")
    caught = 0
    for position in range(0, len(code)):
        if code[position] == "-":
            continue
        changed = code[:position] + ("7" if code[position] != "7" else "8") + code[position + 1 :]
        try:
            recovery_code.decode(changed)
        except recovery_code.BadRecoveryCode:
            caught += 1
    assert caught >= 30  # of 52 single typos, the 4-bit check catches about 15 in 16


def test_a_new_workspace_keeps_its_key_in_the_keyring(tmp_path, monkeypatch, memory_keyring):
    monkeypatch.delenv("HJEM_WORKSPACE_KEY")
    path = tmp_path / "workspace.sqlite"
    Workspace(f"sqlite:///{path}").close()
    keys = keystore.read_key_file(path)
    assert keys is not None and keys.in_keyring and keys.passphrase is None
    stored = memory_keyring.kept[(keystore.KEYRING_SERVICE, keys.workspace)]
    assert keys.fits(bytes.fromhex(stored))
    keystore.forget_all()  # a new start: the key comes from the keyring again
    Workspace(f"sqlite:///{path}").close()
    keystore.forget_all()
    keystore.key_file_path(path).unlink()  # the key file lost: only the code opens it
    with pytest.raises(keystore.KeyMissing):
        open_workspace(f"sqlite:///{path}")


def test_without_a_keyring_the_key_is_under_a_passphrase(tmp_path, monkeypatch, no_keyring):
    monkeypatch.delenv("HJEM_WORKSPACE_KEY")
    path = tmp_path / "workspace.sqlite"
    with pytest.raises(keystore.NoKeyring):
        open_workspace(f"sqlite:///{path}")
    with pytest.raises(WeakPassphrase):
        keystore.new_key(path, "kort")
    key = keystore.new_key(path, "sofaen står i stuen")
    Workspace(f"sqlite:///{path}").close()
    assert "sofaen" not in keystore.key_file_path(path).read_text()
    keystore.forget_all()
    with pytest.raises(keystore.PassphraseNeeded):
        open_workspace(f"sqlite:///{path}")
    with pytest.raises(WrongPassphrase):
        keystore.unlock_with_passphrase(path, "sofaen står i køkkenet")
    assert keystore.unlock_with_passphrase(path, "sofaen står i stuen") == key
    open_workspace(f"sqlite:///{path}").close()


def test_a_damaged_key_file_falls_back_to_the_recovery_code(tmp_path, monkeypatch):
    path = _workspace_with_a_family(tmp_path)
    keystore.key_file_path(path).write_text('{"workspace": "not a uuid"')
    monkeypatch.delenv("HJEM_WORKSPACE_KEY")
    with pytest.raises(keystore.KeyMissing):
        open_workspace(f"sqlite:///{path}")


def test_the_migration_backup_is_encrypted_under_the_same_key(tmp_path):
    from hjem.db.migrate import backup_sqlite

    path = _workspace_with_a_family(tmp_path)
    workspace = Workspace(f"sqlite:///{path}")
    backup = backup_sqlite(workspace.engine, path)
    workspace.close()
    assert not cipher.is_plain(backup) and b"4K9QZ" not in backup.read_bytes()
    assert found_in_pages(session_key(), backup, "4K9QZ")
    with workspace_file(backup) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_plain_workspace_is_not_worked_in_as_it_is(tmp_path):
    path = tmp_path / "workspace.sqlite"
    connection = cipher.sqlcipher3.connect(str(path))  # no key: a plain SQLite file
    connection.execute("CREATE TABLE t (a)")
    connection.commit()
    connection.close()
    with pytest.raises(PlainWorkspace) as refused:
        open_workspace(f"sqlite:///{path}")
    assert isinstance(refused.value, UserError)
    assert "ikke krypteret" in refused.value.message.text("da")


class _SilentKeyring(KeyringBackend):
    """A desktop keyring service that never answers (locked, with no prompt to unlock it)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(30)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        time.sleep(30)

    def delete_password(self, service: str, username: str) -> None:
        time.sleep(30)


def test_a_keyring_that_never_answers_does_not_hold_hjem_up(tmp_path, monkeypatch):
    path = _workspace_with_a_family(tmp_path)
    keys = keystore.read_key_file(path)
    assert keys is not None
    keystore.write_key_file(path, replace(keys, in_keyring=True))
    monkeypatch.delenv("HJEM_WORKSPACE_KEY")
    before = keyring.get_keyring()
    keyring.set_keyring(_SilentKeyring())
    try:
        started = time.monotonic()
        with pytest.raises(keystore.KeyMissing):
            open_workspace(f"sqlite:///{path}")
        with pytest.raises(keystore.NoKeyring):
            open_workspace(f"sqlite:///{tmp_path / 'new.sqlite'}")
        assert time.monotonic() - started < 2 * ANSWER_BOUND_S
    finally:
        keyring.set_keyring(before)


def test_the_key_reaches_no_log(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("sqlalchemy.engine", "sqlalchemy.pool", "sqlalchemy.dialects"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        path = _workspace_with_a_family(tmp_path)
        workspace = open_workspace(f"sqlite:///{path}")
        with workspace.session() as session:
            create_case(session, CaseData("FBH-2026-502", "Familien Ulv"))
        shown = f"{workspace.engine!r} {workspace.engine.url} {workspace.url}"
        workspace.close()
    finally:
        for name in ("sqlalchemy.engine", "sqlalchemy.pool", "sqlalchemy.dialects"):
            logging.getLogger(name).setLevel(logging.WARNING)
    assert len(caplog.records) > 20, "the engine logged its work"
    key = session_key()
    written = caplog.text + shown + "".join(str(r.args) for r in caplog.records)
    for secret in (key.hex(), key.hex().upper(), recovery_code.encode(key)):
        assert secret not in written
