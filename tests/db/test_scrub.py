"""Erasing reaches the bytes: shredding overwrites a file before deleting it, and after a case
is erased neither the SQLite workspace file nor its WAL nor a migration backup holds its
address, while before the erasure they did. The workspace is encrypted, so its pages are
decrypted here with the key (tests.sqlcipher_pages): the address must be gone from the pages
themselves, free ones included, not only from what a query shows."""

import os

import pytest

from hjem.cases.cases import set_address
from hjem.cases.erase import erase_everywhere
from hjem.db import scrub
from hjem.db.migrate import backup_sqlite
from hjem.db.scrub import backups_of, shred
from hjem.db.workspace import Workspace
from tests.cases.helpers_erase import ADDRESS, MOON, SUN, full_case
from tests.sqlcipher_pages import found_in_pages
from tests.workspace_file import session_key, workspace_file

NEEDLE = ADDRESS.encode()


def test_shred_overwrites_the_bytes_before_it_deletes_the_file(tmp_path):
    secret = tmp_path / "plain.sqlite"
    secret.write_bytes(NEEDLE * 100_000)  # several chunks of zeros
    other_name = tmp_path / "still-linked"
    os.link(secret, other_name)  # a second name sees what happens to the same bytes
    assert shred(secret) == [secret]
    assert not secret.exists()
    left = other_name.read_bytes()
    assert len(left) == len(NEEDLE) * 100_000 and left.count(0) == len(left)


def test_shred_takes_sqlites_files_beside_a_database_when_asked(tmp_path):
    database = tmp_path / "w.sqlite"
    files = [database, *(tmp_path / f"w.sqlite{end}" for end in ("-wal", "-shm", "-journal"))]
    for path in files:
        path.write_bytes(NEEDLE)
    neighbour = tmp_path / "w.sqlite.backup-20260101-000000"
    neighbour.write_bytes(NEEDLE)
    assert shred(database, siblings=True) == files
    assert [p for p in files if p.exists()] == []
    assert neighbour.exists()  # a backup is shredded by name, never as a sibling


def test_shredding_a_missing_file_is_no_error(tmp_path):
    assert shred(tmp_path / "gone.sqlite", siblings=True) == []


def _raw(path) -> bytes:
    """Every byte of the database file and its WAL, as a thief with `strings` reads them."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _in_pages(path, text: str) -> bool:
    """Whether any page of the database or its WAL holds `text`, decrypted with the key."""
    return found_in_pages(session_key(), path, text)


@pytest.fixture
def sqlite_workspace(tmp_path):
    path = tmp_path / "workspace.sqlite"
    space = Workspace(f"sqlite:///{path}")
    yield space, path
    space.close()


def test_after_erasing_neither_the_file_nor_its_wal_nor_a_backup_holds_the_address(
    sqlite_workspace,
):
    workspace, path = sqlite_workspace
    with workspace.session() as session:
        full_case(session)
        full_case(session, MOON, "Månevej 2, 5000 Odense C")
    backup = backup_sqlite(workspace.engine, path)  # as a migration leaves one
    assert _in_pages(path, ADDRESS) and _in_pages(backup, ADDRESS)
    assert NEEDLE not in _raw(path) + backup.read_bytes()  # encrypted on the disk

    report = erase_everywhere(workspace, SUN.code, "Mette")

    assert report.scrub is not None and report.scrub.checkpointed
    assert report.scrub.backups_removed == 1 and backups_of(path) == []
    assert not _in_pages(path, ADDRESS)
    assert _in_pages(path, "Månevej 2")  # the other family's case is still there
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # truncated
    with workspace_file(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_changed_address_leaves_no_trace_of_the_old_one(sqlite_workspace):
    """The old address's bytes are freed when it changes: secure_delete (SQLCipher's default,
    and set again by hjem on every connection) overwrites them then, not only when a case is
    erased."""
    workspace, path = sqlite_workspace
    with workspace.session() as session:
        full_case(session)
        full_case(session, MOON, "Månevej 2, 5000 Odense C")
    with workspace.session() as session:
        set_address(session, SUN.code, "Flyttevej 9, 7000 Fredericia")
    assert scrub.checkpoint(workspace)
    assert _in_pages(path, "Flyttevej 9") and not _in_pages(path, ADDRESS)


def test_a_reader_holding_the_wal_is_reported_and_the_next_checkpoint_cleans(
    sqlite_workspace, monkeypatch
):
    monkeypatch.setattr(scrub, "CHECKPOINT_PAUSE_S", 0.01)
    workspace, path = sqlite_workspace
    with workspace.session() as session:
        full_case(session)
    with workspace_file(path) as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM cases").fetchone()  # holds its snapshot
        try:
            report = erase_everywhere(workspace, SUN.code, "Mette")
        finally:
            reader.execute("COMMIT")
    assert report.scrub is not None and not report.scrub.checkpointed
    assert _in_pages(path, ADDRESS), "the WAL still holds the pages from before"
    assert scrub.checkpoint(workspace)
    assert not _in_pages(path, ADDRESS)
