"""An older hjem's plain workspace becomes an encrypted one: nothing lost, the plain files
overwritten and gone, and a crash at any moment leaves a workspace the next start finds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hjem.cases.cases import address_of
from hjem.db import cipher, conversion, keystore
from hjem.db.engine import PlainWorkspace
from hjem.db.migrate import current_revision, head_revision
from hjem.db.workspace import Workspace, open_workspace
from hjem.errors import DatabaseProblem
from tests.conftest import ROOT
from tests.db.plain_workspace import (
    ADDRESS,
    CASE,
    HOUSEHOLD,
    checksums,
    plain_backup,
    plain_checksums,
    plain_workspace,
)
from tests.workspace_file import workspace_file

ITEMS = 100_000


def _household_in_files(folder: Path) -> list[tuple[str, str]]:
    found = []
    for file in folder.rglob("*"):
        content = file.read_bytes()
        for field in HOUSEHOLD:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if field.encode(encoding) in content:
                    found.append((file.name, field))
    return found


def _encrypted_checksums(path: Path) -> dict[str, tuple[int, str]]:
    with workspace_file(path) as connection:
        return checksums(connection)


def test_a_100000_item_workspace_converts_with_progress_and_loses_nothing(tmp_path):
    path = plain_workspace(tmp_path / "workspace.sqlite", items=ITEMS)
    backup = plain_backup(path)
    before = plain_checksums(path)
    assert before["items"][0] == ITEMS and _household_in_files(tmp_path)
    calls: list[tuple[int, int]] = []

    report = conversion.encrypt_plain(path, progress=lambda *call: calls.append(call))

    assert _encrypted_checksums(path) == before
    total = sum(count for count, _ in before.values())
    assert (report.tables, report.rows) == (len(before), total)
    assert len(calls) >= ITEMS // conversion.BATCH and calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert not cipher.is_plain(path) and not backup.exists()
    assert {path, backup} <= set(report.removed)
    assert _household_in_files(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, path.name + ".keys.json"]


def test_the_previous_versions_workspace_converts_then_opens_and_migrates(tmp_path):
    path = plain_workspace(tmp_path / "workspace.sqlite", revision="0005", items=10)
    with pytest.raises(PlainWorkspace):
        open_workspace(f"sqlite:///{path}")
    conversion.encrypt_plain(path)
    workspace = Workspace(f"sqlite:///{path}")
    assert current_revision(workspace.engine) == head_revision()
    with workspace.session(read_only=True) as session:
        assert address_of(session, CASE) == ADDRESS
    workspace.close()
    assert workspace.backup is not None and not cipher.is_plain(workspace.backup)
    assert _household_in_files(tmp_path) == []


KILLED_MIDWAY = """
import os, signal, sys
from pathlib import Path
from hjem.db.conversion import encrypt_plain

calls = []
def progress(done, total):
    calls.append(done)
    if len(calls) == 4:  # a few batches into the items
        os.kill(os.getpid(), signal.SIGKILL)

encrypt_plain(Path(sys.argv[1]), progress)
"""


def test_a_conversion_killed_midway_leaves_the_plain_workspace_for_the_next_attempt(tmp_path):
    path = plain_workspace(tmp_path / "workspace.sqlite", items=30_000)
    before = plain_checksums(path)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_MIDWAY, str(path)], cwd=ROOT, capture_output=True
    )
    assert killed.returncode == -signal.SIGKILL
    assert cipher.is_plain(path) and plain_checksums(path) == before
    assert (tmp_path / "workspace.sqlite.encrypting").exists()  # the half-made copy

    conversion.encrypt_plain(path)
    assert _encrypted_checksums(path) == before
    assert not (tmp_path / "workspace.sqlite.encrypting").exists()
    assert _household_in_files(tmp_path) == []


def _convert_until(path: Path, stop: str) -> None:
    """encrypt_plain's steps up to `stop`, then nothing more: as if the power went."""
    conversion.check_plain(path)
    with conversion.hold_plain(path) as lock:
        counts = conversion.plain_counts(path)
        key = keystore.new_key(path)
        copy = conversion.copy_encrypted(path, key, counts, lambda done, total: None)
        if stop == "copied":
            return
        verified = conversion.verify(copy, key, counts)
        if stop == "verified":
            return
        kept = conversion.release(lock, path, verified)
    if stop == "released":
        return
    conversion.swap_in(verified, path)
    assert stop == "swapped", stop
    assert kept and (path.parent / "workspace.sqlite.replaced").exists()


def _next_start(path: Path) -> Workspace:
    """What a start of hjem does: opens the workspace, converting a plain one first."""
    keystore.forget_all()
    try:
        return Workspace(f"sqlite:///{path}")
    except PlainWorkspace:
        conversion.encrypt_plain(path)
        return Workspace(f"sqlite:///{path}")


@pytest.mark.parametrize("stop", ["copied", "verified", "released", "swapped"])
def test_a_crash_between_any_two_steps_leaves_a_workspace_the_next_start_finds(tmp_path, stop):
    path = plain_workspace(tmp_path / "workspace.sqlite", items=2_000)
    plain_backup(path)
    before = plain_checksums(path)
    _convert_until(path, stop)
    assert cipher.is_plain(path) == (stop != "swapped")

    _next_start(path).close()
    assert _encrypted_checksums(path) == before
    assert _household_in_files(tmp_path) == []
    names = {p.name for p in tmp_path.iterdir()}
    assert not {n for n in names if n.endswith((".encrypting", ".encrypted", ".replaced"))}


def test_without_hard_links_a_crash_between_the_two_renames_is_finished(tmp_path, monkeypatch):
    path = plain_workspace(tmp_path / "workspace.sqlite", items=500)
    before = plain_checksums(path)
    _convert_until(path, "verified")
    old, verified = tmp_path / "workspace.sqlite.replaced", tmp_path / "workspace.sqlite.encrypted"

    def no_links(*_args):
        raise OSError("no hard links on this file system")

    monkeypatch.setattr(os, "link", no_links)
    os.replace(path, old)  # the first of swap_in's two renames; then the power goes
    assert not path.exists() and verified.exists()

    _next_start(path).close()
    assert _encrypted_checksums(path) == before
    assert not old.exists() and not verified.exists()
    assert _household_in_files(tmp_path) == []


WRITER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE" if sys.argv[2] == "write" else "BEGIN")
db.execute("SELECT count(*) FROM items").fetchone()
print("holding", flush=True)
sys.stdin.read()
"""


@pytest.mark.parametrize("holds", ["write", "read"])
def test_another_process_using_the_plain_workspace_refuses_the_conversion(tmp_path, holds):
    path = plain_workspace(tmp_path / "workspace.sqlite", items=200)
    before = plain_checksums(path)
    other = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), holds],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "holding"
        with pytest.raises(conversion.WorkspaceBusy) as refused:
            conversion.encrypt_plain(path)
    finally:
        assert other.stdin is not None
        other.stdin.close()
        other.wait(timeout=30)
    assert "Et andet program bruger arbejdsområdet" in refused.value.message.text("da")
    assert cipher.is_plain(path) and plain_checksums(path) == before
    assert not [p for p in tmp_path.iterdir() if ".encrypt" in p.name or "replaced" in p.name]


def test_a_damaged_plain_workspace_is_said_to_be_damaged_and_nothing_is_removed(tmp_path):
    path = plain_workspace(tmp_path / "workspace.sqlite", items=10)
    backup = plain_backup(path)
    damaged = bytearray(path.read_bytes())
    damaged[16:4096] = bytes(4080)  # the header's fields and the schema page zeroed
    path.write_bytes(bytes(damaged))
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(DatabaseProblem) as refused:
        conversion.encrypt_plain(path)
    assert "beskadiget" in refused.value.message.text("da")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files
    assert backup.exists()


def test_without_a_keyring_nothing_is_written_until_a_passphrase_is_given(
    tmp_path, monkeypatch, no_keyring
):
    monkeypatch.delenv("HJEM_WORKSPACE_KEY")
    path = plain_workspace(tmp_path / "workspace.sqlite", items=10)
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(keystore.NoKeyring):
        conversion.encrypt_plain(path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files

    conversion.encrypt_plain(path, passphrase="sofaen står i stuen")
    keystore.forget_all()
    with pytest.raises(keystore.PassphraseNeeded):
        open_workspace(f"sqlite:///{path}")
    keystore.unlock_with_passphrase(path, "sofaen står i stuen")
    open_workspace(f"sqlite:///{path}").close()


def test_an_encrypted_workspace_is_not_converted_again(tmp_path):
    path = tmp_path / "workspace.sqlite"
    Workspace(f"sqlite:///{path}").close()
    with pytest.raises(conversion.AlreadyEncrypted):
        conversion.encrypt_plain(path)
