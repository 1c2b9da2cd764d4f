"""A new key for the workspace: the old key (and so the old recovery code) no longer opens it
or its backups, nothing is lost, and a crash at any moment leaves one key that opens it."""

from __future__ import annotations

from pathlib import Path

import pytest

from hjem.cases.cases import CaseData, address_of, create_case, set_address
from hjem.db import change_key, cipher, conversion, keystore
from hjem.db.migrate import backup_sqlite
from hjem.db.workspace import Workspace
from tests.db.hjem_process import write_lock_held

ADDRESS = "Nøglevej 3ZP8W, st., 9993 Skjulby"


@pytest.fixture(autouse=True)
def _no_key_in_the_environment(monkeypatch):
    monkeypatch.delenv("HJEM_WORKSPACE_KEY")


def _workspace(folder: Path, passphrase: str | None = None) -> Path:
    path = folder / "workspace.sqlite"
    if passphrase is not None:
        keystore.new_key(path, passphrase)
    workspace = Workspace(f"sqlite:///{path}")
    with workspace.session() as session:
        create_case(session, CaseData("FBH-2026-777", "Familien Lund", "Skjulby Kommune"))
        set_address(session, "FBH-2026-777", ADDRESS)
    backup_sqlite(workspace.engine, path)
    workspace.close()
    return path


def _address(path: Path) -> str:
    workspace = Workspace(f"sqlite:///{path}")
    with workspace.session(read_only=True) as session:
        found = address_of(session, "FBH-2026-777")
    workspace.close()
    return found


def _leftovers(folder: Path) -> list[str]:
    ends = (".rekeying", ".rekeyed", ".replaced", ".keys.json")
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.name != "workspace.sqlite.keys.json" and any(end in p.name for end in ends)
    )


def test_the_old_key_no_longer_opens_the_workspace_nor_its_backups(tmp_path, memory_keyring):
    path = _workspace(tmp_path)
    old = keystore.key_for(path)
    change = change_key.change_key(path)
    new = keystore.key_for(path)
    assert new != old and change.backups_removed == 1
    assert cipher.key_fits(path, new) and not cipher.key_fits(path, old)
    assert not list(tmp_path.glob("*.backup-*")) and _leftovers(tmp_path) == []
    assert list(memory_keyring.kept.values()) == [new.hex()]  # the old entry is gone
    keystore.forget_all()  # a new start: the new key comes from the keyring
    assert _address(path) == ADDRESS


def test_a_key_under_a_passphrase_is_kept_under_the_one_given(tmp_path, no_keyring):
    path = _workspace(tmp_path, passphrase="sofaen står i stuen")
    old = keystore.key_for(path)
    change_key.change_key(path, passphrase="reolen står i gangen")
    keystore.forget_all()
    new = keystore.unlock_with_passphrase(path, "reolen står i gangen")
    assert new != old and not cipher.key_fits(path, old)
    assert _address(path) == ADDRESS


def test_a_key_from_the_environment_is_not_changed(tmp_path, monkeypatch, memory_keyring):
    path = _workspace(tmp_path)
    monkeypatch.setenv("HJEM_WORKSPACE_KEY", keystore.key_for(path).hex())
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(change_key.KeyFromEnvironment):
        change_key.change_key(path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files


class PowerCut(BaseException):
    pass


def _cut(*_args, **_kwargs):
    raise PowerCut()


@pytest.mark.parametrize("where", ["export", "swap", "key file"])
def test_a_crash_leaves_one_key_that_opens_the_workspace(
    tmp_path, monkeypatch, memory_keyring, where
):
    path = _workspace(tmp_path)
    old = keystore.key_for(path)
    target = {
        "export": (change_key, "_verify"),
        "swap": (conversion, "swap_in"),
        "key file": (keystore, "move_key_file"),
    }[where]
    with monkeypatch.context() as patched:
        patched.setattr(*target, _cut)
        with pytest.raises(PowerCut):
            change_key.change_key(path)
    keystore.forget_all()
    assert _address(path) == ADDRESS  # the next start: finished or undone
    now = keystore.key_for(path)
    assert (now == old) == (where != "key file")
    assert cipher.key_fits(path, now) and len(memory_keyring.kept) == 1
    assert _leftovers(tmp_path) == []


def test_another_process_writing_refuses_the_change(tmp_path, memory_keyring):
    path = _workspace(tmp_path)
    old = keystore.key_for(path)
    with write_lock_held(path, old), pytest.raises(conversion.WorkspaceBusy):
        change_key.change_key(path)
    assert cipher.key_fits(path, old) and _leftovers(tmp_path) == []
    assert len(memory_keyring.kept) == 1


def test_a_working_copy_and_its_waiting_operations_follow_the_new_key(
    tmp_path, monkeypatch, memory_keyring
):
    from hjem.db.copy_keys import copy_key
    from hjem.sync.copy import copy_path, open_copy
    from hjem.sync.operations import Kind, Operation
    from hjem.sync.outbox import record, waiting

    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path))
    path = _workspace(tmp_path)
    server = "postgresql://ada@team.example.org/hjem"
    copy = open_copy(server)
    op = Operation(Kind.RESERVE, "FBH-2026-777", "Ada", item_code="A0001")
    copy.run(lambda session: record(session, op))
    copy.close()
    old = keystore.key_for(path)

    change_key.change_key(path)

    new = keystore.key_for(path)
    file = copy_path(server)
    assert cipher.key_fits(file, copy_key(new, file.name))
    assert not cipher.key_fits(file, copy_key(old, file.name))
    copy = open_copy(server)
    assert [entry.op_id for entry in copy.read(waiting)] == [op.id]
    copy.close()
    assert sorted(p.name for p in file.parent.iterdir()) == [file.name]
