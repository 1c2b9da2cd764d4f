"""A new key for the encrypted workspace (`hjem workspace change-key`), for when the recovery
code or the passphrase may have been seen by someone else.

The steps:
1. the old key opens the workspace; a key from HJEM_WORKSPACE_KEY is not changed here (the
   environment would go on giving the old one);
2. a new random key is kept first, for the copy: `<name>.rekeying.keys.json` (the keyring, or
   under a passphrase), so NoKeyring comes before anything is copied;
3. under the workspace's write lock (another writer refuses the change), `sqlcipher_export`
   copies it into `<name>.rekeying` (ATTACH … KEY), which is then verified: integrity_check
   and every table's rows;
4. the migration backups are overwritten and deleted: they are encrypted under the old key,
   which is exactly what the change is to shut out, and re-encrypting them would keep older
   states of the households (a case erased since) under the new key; the next migration
   makes a new backup under the new key;
5. the pending key file is renamed `<name>.rekeyed.keys.json`: from here the change goes
   forward; the copy replaces the workspace in one rename (the old file kept by a hard link
   as `<name>.replaced`), the key file replaces the old one, the old keyring entry goes;
6. the old file and its WAL are overwritten and deleted (hjem.db.conversion).

After a crash (`finish_interrupted`, at every opening): a `<name>.rekeying.keys.json` means
the copy was never verified, so it and its key go, and the old key still opens the
workspace; a `<name>.rekeyed.keys.json` beside a copy means the swap did not happen, so the
same; one without a copy means the workspace is already under the new key, so the key file
follows it.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hjem.config import private_file
from hjem.db import cipher, conversion, copy_keys, keystore
from hjem.db.unlock import checked_key
from hjem.errors import UserError
from hjem.i18n import msg

COPY, DECIDED = ".rekeying", ".rekeyed"


class KeyFromEnvironment(UserError):
    def __init__(self) -> None:
        super().__init__(msg("change_key.from_environment"))


@dataclass(frozen=True)
class KeyChange:
    backups_removed: int
    seconds: float


def change_key(path: Path, passphrase: str | None = None) -> KeyChange:
    """Encrypt the workspace at `path` under a new random key, kept in the keyring or under
    `passphrase` (and in this process's memory, for the recovery code to be shown). A
    UserError says why not; then the workspace is as it was, under the old key."""
    started = time.monotonic()
    if keystore.environment_key() is not None:
        raise KeyFromEnvironment()
    finish_interrupted(path)
    old_key = checked_key(path)  # PassphraseNeeded, KeyMissing, WrongKey, damaged …
    copy = conversion.sibling(path, COPY)
    new_key = os.urandom(len(old_key))
    keystore.keep_key(copy, new_key, passphrase)
    try:
        with _held(path, old_key) as lock:
            counts = _export(path, old_key, copy, new_key)
            _verify(copy, new_key, counts)
            removed = conversion.remove_files(_backups(path))
            kept = conversion.release(lock, path, copy)
    except BaseException:
        _discard(path)
        raise
    os.replace(keystore.key_file_path(copy), _decided_key_file(path))
    conversion.swap_in(copy, path)
    _finish(path, kept)
    keystore.remember(path, new_key)  # for the recovery code to be shown
    copy_keys.rekey_copies(path, old_key, new_key)
    return KeyChange(len(removed), time.monotonic() - started)


@contextlib.contextmanager
def _held(path: Path, key: bytes) -> Any:
    """The workspace's write lock, as hjem.db.conversion.hold_plain holds a plain one's."""
    lock = cipher.connect(path, key)
    lock.execute(f"PRAGMA busy_timeout = {int(conversion.LOCK_WAIT_S * 1000)}")
    try:
        lock.execute("BEGIN IMMEDIATE")
    except cipher.Error as error:
        lock.close()
        if getattr(error, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise conversion.WorkspaceBusy(path) from None
        raise
    try:
        yield lock
    finally:
        with contextlib.suppress(cipher.Error):  # `release` may have closed it
            lock.close()


def _export(path: Path, key: bytes, copy: Path, new_key: bytes) -> dict[str, int]:
    """The workspace exported into `copy` under `new_key`; its tables' row counts."""
    private_file(copy)
    with cipher.opened(path, key) as connection:
        names = [row[0] for row in connection.execute(conversion.TABLES.format(schema="main"))]
        counts = {name: conversion.count_rows(connection, "main", name) for name in names}
        version = int(connection.execute("PRAGMA main.user_version").fetchone()[0])
        cipher.attach(connection, copy, "rekeyed", new_key)
        connection.execute("SELECT sqlcipher_export('rekeyed')")
        connection.execute(f"PRAGMA rekeyed.user_version = {version}")
        connection.execute("DETACH DATABASE rekeyed")
    return counts


def _verify(copy: Path, key: bytes, counts: dict[str, int]) -> None:
    with cipher.opened(copy, key) as connection:
        healthy = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = {name: conversion.count_rows(connection, "main", name) for name in counts}
    if not healthy or found != counts:
        raise conversion.NotVerified()
    conversion.fsync(copy)


def _backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{conversion.glob_escape(path.name)}.backup-*"))


def _decided_key_file(path: Path) -> Path:
    return keystore.key_file_path(conversion.sibling(path, DECIDED))


def _discard(path: Path) -> None:
    """An unfinished change undone: the copy deleted (encrypted, so deleting is enough), the
    new key forgotten, its keyring entry deleted."""
    copy = conversion.sibling(path, COPY)
    for end in ("", *conversion.SIBLINGS):
        conversion.sibling(copy, end).unlink(missing_ok=True)
    keystore.drop_key_file(copy)
    keystore.drop_key_file(conversion.sibling(path, DECIDED))


def _finish(path: Path, kept: list[Path] | None = None) -> None:
    """The key file follows the workspace to the new key; the old file is overwritten."""
    keystore.move_key_file(conversion.sibling(path, DECIDED), path)
    conversion.remove_plain(path, kept)


def finish_interrupted(path: Path) -> None:
    """What a crashed key change left beside `path`, undone or finished (module note)."""
    copy, decided = conversion.sibling(path, COPY), _decided_key_file(path)
    if decided.exists() and copy.exists() and cipher.is_empty(path):
        os.replace(copy, path)  # the second of two renames on a file system without hard links
    if decided.exists() and not copy.exists():
        _finish(path)
    elif decided.exists() or copy.exists() or keystore.key_file_path(copy).exists():
        _discard(path)
