"""Making deleted bytes unreadable in the files of a SQLite workspace.

Deleting rows frees their space in the database file; without more, the old bytes stay in free
pages, in the write-ahead log and in the backups made before each migration until something
overwrites them. Erasing a case therefore does three things:

- its transaction runs with `PRAGMA secure_delete=ON`, so SQLite overwrites the freed cells
  and pages with zeros (hjem.cases.erase turns it on for the erasing connection);
- after the commit, `scrub_after_erase` checkpoints the WAL with TRUNCATE: the zeroed pages
  reach the database file and the log, which still held the old page versions, is cut to
  nothing; another hjem reading at that moment can hold the checkpoint back, so it is tried a
  few times, and the report says honestly when the file is cleaned only at the next checkpoint;
- the migration backups beside the workspace (`<file>.backup-*`, hjem.db.migrate) hold the
  case as it was, so they are shredded.

What overwriting cannot promise: an SSD remaps the blocks it writes (wear levelling), and a
copy-on-write file system (btrfs, APFS, ZFS) writes new blocks instead of the old ones, so
earlier copies of the bytes may survive on the device out of any program's reach; the same
holds for the old WAL blocks freed by the truncation, and for snapshots and backups of the
disk. That is why the workspace itself is encrypted (SQLCipher): what overwriting misses is
ciphertext. `shred` is a second line of defence, not the first.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hjem.db.cipher import Error as CipherError
from hjem.db.local_file import sqlite_path

if TYPE_CHECKING:
    from hjem.db.workspace import Workspace

CHUNK = 1 << 20  # zeros written 1 MiB at a time: a big file never needs its size in memory
SIBLINGS = ("-wal", "-shm", "-journal")  # SQLite's files beside a database
CHECKPOINT_TRIES = 5
CHECKPOINT_PAUSE_S = 0.2
CHECKPOINT_WAIT_MS = 200  # per try, instead of the busy timeout of a whole write


@dataclass(frozen=True)
class ScrubReport:
    checkpointed: bool  # False: a reader held the WAL; it is cleaned at the next checkpoint
    backups_removed: int
    backups_left: tuple[Path, ...] = ()  # backups that could not be removed (said to the person)


def shred(path: Path, siblings: bool = False) -> list[Path]:
    """Overwrite the file at `path` with zeros, flush it to the disk and delete it; with
    `siblings`, SQLite's `-wal`, `-shm` and `-journal` files beside it too. A missing file is
    no error. Returns the files shredded. See the module's note on what this cannot reach."""
    targets = [path, *(path.with_name(path.name + end) for end in SIBLINGS)] if siblings else [path]
    return [target for target in targets if _shred_one(target)]


def _shred_one(path: Path) -> bool:
    try:
        handle = path.open("r+b", buffering=0)
    except FileNotFoundError:
        return False
    with handle:
        left = os.fstat(handle.fileno()).st_size
        zeros = bytes(CHUNK)
        while left > 0:
            left -= handle.write(zeros[: min(left, CHUNK)])
        os.fsync(handle.fileno())
    path.unlink()
    return True


def backups_of(database: Path) -> list[Path]:
    """The migration backups of the SQLite workspace at `database` (hjem.db.migrate)."""
    return sorted(database.parent.glob(f"{_glob_escape(database.name)}.backup-*"))


def _glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)


def scrub_after_erase(workspace: Workspace) -> ScrubReport:
    """After an erasure was committed: checkpoint and truncate the WAL, and shred the
    migration backups. On a team server there is nothing of this to do (the server's own
    storage is its administrator's), and the report says all is done."""
    path = sqlite_path(workspace.url)
    if path is None:
        return ScrubReport(checkpointed=True, backups_removed=0)
    checkpointed = checkpoint(workspace)
    removed, left = _shred_all(backups_of(path))
    return ScrubReport(checkpointed, removed, left)


def checkpoint(workspace: Workspace) -> bool:
    """`PRAGMA wal_checkpoint(TRUNCATE)` on the workspace's own connection (its key, its
    settings), tried a few times while another reader holds the log; True when it completed.
    Each try waits briefly, not the workspace's busy timeout: a person is waiting."""
    raw = workspace.engine.raw_connection()  # autocommit: a checkpoint runs outside any BEGIN
    cursor = raw.cursor()
    (usual_wait,) = cursor.execute("PRAGMA busy_timeout").fetchone()
    cursor.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
    try:
        for attempt in range(CHECKPOINT_TRIES):
            if attempt:
                time.sleep(CHECKPOINT_PAUSE_S)
            if _checkpointed(cursor):
                return True
        return False
    finally:
        cursor.execute(f"PRAGMA busy_timeout={int(usual_wait)}")
        cursor.close()
        raw.close()


def _checkpointed(cursor: Any) -> bool:
    try:
        busy, _log, _done = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except CipherError:  # locked by another writer this moment
        return False
    return bool(busy == 0)


def _shred_all(paths: Iterable[Path]) -> tuple[int, tuple[Path, ...]]:
    removed, left = 0, []
    for path in paths:
        try:
            shred(path, siblings=True)
            removed += 1
        except OSError:  # read-only, or held open elsewhere: the person is told which
            left.append(path)
    return removed, tuple(left)
