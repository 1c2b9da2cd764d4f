"""The keys of the laptop's working copies of team servers (hjem.sync.copy), kept beside the
workspace in `copies/`: each derived from the workspace's key (HMAC-SHA256 with a label and the
copy's file name), so whatever opens the workspace opens them and no second secret is kept;
and re-encrypted when the workspace's key changes (hjem.db.change_key), so a copy, with the
operations waiting in its outbox, still opens afterwards."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
from pathlib import Path

from hjem.config import private_file
from hjem.db import cipher

log = logging.getLogger(__name__)
COPIES_FOLDER = "copies"
LABEL = b"hjem working copy "
REKEYING = ".rekeying"


def copy_key(root: bytes, name: str) -> bytes:
    """The key of the copy named `name` under the workspace key `root`."""
    return hmac.new(root, LABEL + name.encode(), hashlib.sha256).digest()


def copies_of(workspace: Path) -> list[Path]:
    return sorted((workspace.parent / COPIES_FOLDER).glob("copy-*.sqlite"))


def rekey_copies(workspace: Path, old_root: bytes, new_root: bytes) -> int:
    """Every working copy beside `workspace` re-encrypted from `old_root`'s key to
    `new_root`'s; how many. A copy the old key does not open is left as it is (hjem says so
    when it is next opened, and never deletes it)."""
    done = 0
    for path in copies_of(workspace):
        old, new = copy_key(old_root, path.name), copy_key(new_root, path.name)
        if cipher.is_empty(path) or not cipher.key_fits(path, old):
            log.warning("a working copy was left under its old key")
            continue
        _rekey(path, old, new)
        done += 1
    return done


def _rekey(path: Path, old: bytes, new: bytes) -> None:
    """Export under `new` beside the copy, check it, and rename it over the copy. The WAL is
    emptied first, and the old file's WAL and shared-memory files go with it: they belong to
    the old file and must never be read against the new one."""
    target = private_file(path.with_name(path.name + REKEYING))
    with cipher.opened(path, old) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cipher.attach(connection, target, "rekeyed", new)
        connection.execute("SELECT sqlcipher_export('rekeyed')")
        connection.execute("DETACH DATABASE rekeyed")
    with cipher.opened(target, new) as check:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            target.unlink()
            raise OSError(f"the re-encrypted copy {path.name} did not verify")
    os.replace(target, path)
    for end in ("-wal", "-shm"):
        path.with_name(path.name + end).unlink(missing_ok=True)
