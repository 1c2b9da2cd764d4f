"""Converting an older hjem's plain SQLite workspace into an encrypted one (issue 14).

`encrypt_plain` runs these steps; each is a function of its own, so the tests can stop between
any two as a crash would:

1. `finish_interrupted`: what a crashed attempt left is finished or removed (below).
2. `hold_plain`: the plain workspace's write lock, taken at once or not at all (another process
   writing refuses the conversion) and held until the copy is verified, so no write is lost.
3. `copy_encrypted`: into `<name>.encrypting`, under the new key, table by table in batches of
   BATCH rows (each batch reports progress), then the indexes, views and triggers (building an
   index once over all rows is faster than keeping it up to date row by row), `user_version`
   and the AUTOINCREMENT counters.
4. `verify`: `PRAGMA integrity_check` says ok and every table has the plain one's rows; only
   then is the copy renamed `<name>.encrypted`, the sign that it may replace the plain file.
5. `release` and `swap_in`: the plain file (and its WAL, which holds rows too) gets a second
   name, `<name>.replaced`, by a hard link, and the verified copy is renamed over `path` in
   one step (os.replace): `path` holds a whole workspace at every moment.
6. `remove_plain`: the plain migration backups (`<name>.backup-*`, made by an older hjem; the
   same household data, unencrypted), then the old plain file, are overwritten and deleted.

Where the next start finds things after a crash (`finish_interrupted`, run by every opening
of the workspace): a plain `path` with a copy beside it, half-made or verified, means the
conversion did not finish; the start finds the plain workspace and converts it again, and
that attempt deletes the copy first (it is encrypted: no plain byte in it). An encrypted
`path` with `<name>.replaced` beside it means only the removal was left; it is done. A file
system without hard links (FAT) renames the plain file away first; a crash between the two
renames leaves no `path` but a verified copy, which is put in place.

Overwriting is a best effort: an SSD or a copy-on-write file system may keep older copies of
the blocks, and the WAL files an older hjem deleted on earlier closes are beyond reach; see
docs/workspace-encryption.md.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from hjem.atomic import sync_folder
from hjem.config import private_file
from hjem.db import cipher, keystore
from hjem.db.problems import damaged, explain
from hjem.db.scrub import shred
from hjem.errors import DatabaseProblem, UserError
from hjem.i18n import msg

Progress = Callable[[int, int], None]
BATCH = 5_000  # rows a progress step: 20 steps for 100 000 items, each well under a second
LOCK_WAIT_S = 2.0  # how long another writer may take to finish before the conversion refuses
HALF_MADE, VERIFIED, REPLACED = ".encrypting", ".encrypted", ".replaced"
SIBLINGS = ("-wal", "-shm", "-journal")
DAMAGED_CODES = ("SQLITE_NOTADB", "SQLITE_CORRUPT")


class AlreadyEncrypted(UserError):
    def __init__(self, path: Path):
        super().__init__(msg("conversion.already", file=path))


class WorkspaceBusy(UserError):
    """Another process writes to (or still reads) the workspace: nothing is converted."""

    def __init__(self, path: Path):
        super().__init__(msg("conversion.busy", file=path))


class NotVerified(UserError):
    """The encrypted copy did not pass the checks: it is deleted, the plain file untouched."""

    def __init__(self) -> None:
        super().__init__(msg("conversion.not_verified"))


@dataclass(frozen=True)
class ConversionReport:
    tables: int
    rows: int
    seconds: float
    removed: tuple[Path, ...]  # the plain files overwritten and deleted, by their old names


def encrypt_plain(
    path: Path, progress: Progress | None = None, passphrase: str | None = None
) -> ConversionReport:
    """Convert the plain workspace at `path` into an encrypted one under a new key (kept by
    `keystore.new_key`: HJEM_WORKSPACE_KEY's, the keyring, or under `passphrase`; NoKeyring
    when there is neither, before anything is written). A UserError says why it cannot be
    done; then the plain workspace is as it was."""
    started = time.monotonic()
    finish_interrupted(path)
    check_plain(path)
    with hold_plain(path) as lock:  # no other conversion runs now: its leftovers may go
        counts = plain_counts(path)
        key = keystore.new_key(path, passphrase)
        copy = copy_encrypted(path, key, counts, progress or _no_progress)
        verified = verify(copy, key, counts)
        keep = release(lock, path, verified)
    swap_in(verified, path)
    removed = remove_plain(path, keep)
    seconds = time.monotonic() - started
    return ConversionReport(len(counts), sum(counts.values()), seconds, tuple(removed))


def _no_progress(_done: int, _total: int) -> None:
    pass


def sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def check_plain(path: Path) -> None:
    """A plain, readable workspace is at `path`: else AlreadyEncrypted or the damaged message
    (the file stays for someone to rescue)."""
    if not cipher.is_plain(path):
        raise AlreadyEncrypted(path)
    if not cipher.plain_readable(path):
        raise DatabaseProblem(ValueError("damaged"), damaged(str(path)))


@contextlib.contextmanager
def hold_plain(path: Path) -> Iterator[Any]:
    """A connection to the plain workspace holding its write lock (BEGIN IMMEDIATE): readers
    may go on, no one may write. WorkspaceBusy if another process is writing."""
    lock = sqlcipher3.connect(str(path), isolation_level=None, timeout=LOCK_WAIT_S)
    try:
        lock.execute("BEGIN IMMEDIATE")
    except sqlcipher3.dbapi2.OperationalError as error:
        lock.close()
        if getattr(error, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise WorkspaceBusy(path) from None
        raise _problem(error, path) from None
    try:
        yield lock
    finally:
        with contextlib.suppress(sqlcipher3.dbapi2.Error):  # `release` may have closed it
            lock.close()


def plain_counts(path: Path) -> dict[str, int]:
    """Every table of the plain workspace (SQLite's own but the AUTOINCREMENT counters left
    out) and its rows, in the order they were made."""
    with _guarded(path), contextlib.closing(sqlcipher3.connect(str(path))) as plain:
        names = [row[0] for row in plain.execute(TABLES.format(schema="main"))]
        return {name: count_rows(plain, "main", name) for name in names}


TABLES = (
    "SELECT name FROM {schema}.sqlite_master WHERE type = 'table'"
    " AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
)


def count_rows(connection: Any, schema: str, table: str) -> int:
    return int(connection.execute(f"SELECT count(*) FROM {schema}.{_quote(table)}").fetchone()[0])


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def copy_encrypted(path: Path, key: bytes, counts: dict[str, int], progress: Progress) -> Path:
    """The plain workspace copied into `<name>.encrypting` under `key`. A half-made copy is
    deleted when the copying fails (and by `finish_interrupted` after a crash)."""
    copy = sibling(path, HALF_MADE)
    _remove_copies(path)
    private_file(copy)
    try:
        with _guarded(path), cipher.opened(copy, key) as connection:
            _fill(connection, path, counts, progress)
    except BaseException:
        _remove_copies(path)
        raise
    return copy


def _fill(connection: Any, path: Path, counts: dict[str, int], progress: Progress) -> None:
    # No journal and no syncing while the copy is made: a failed copy is deleted, never
    # rolled back; `verify` syncs the finished file.
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -65536"):
        connection.execute(f"PRAGMA main.{pragma}")
    cipher.attach(connection, path, "plain", None)
    connection.execute("BEGIN")
    for name in counts:
        connection.execute(_schema_sql(connection, "table", name))
    total, done = sum(counts.values()), 0
    progress(0, total)
    for name in counts:
        done = _copy_table(connection, name, done, total, progress)
    _copy_schema_rest(connection)
    connection.execute("COMMIT")
    connection.execute("DETACH DATABASE plain")
    connection.execute("PRAGMA main.journal_mode = DELETE")


def _schema_sql(connection: Any, kind: str, name: str) -> str:
    row = connection.execute(
        "SELECT sql FROM plain.sqlite_master WHERE type = ? AND name = ?", (kind, name)
    ).fetchone()
    return str(row[0])


def _copy_table(connection: Any, name: str, done: int, total: int, progress: Progress) -> int:
    """The rows of one table, BATCH at a time in rowid order; the count done so far after."""
    table = _quote(name)
    # Generated columns (hidden 2 and 3) are computed, never inserted.
    columns = ", ".join(
        _quote(row[1])
        for row in connection.execute(f"PRAGMA plain.table_xinfo({table})")
        if row[6] == 0
    )
    copy = f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM plain.{table}"
    if _without_rowid(connection, name):  # hjem has none; copied whole, in one step
        done += connection.execute(copy).rowcount
        progress(done, total)
        return done
    last: int | None = None
    while True:
        after = "" if last is None else f" WHERE rowid > {last}"
        bound = connection.execute(
            f"SELECT max(rowid) FROM (SELECT rowid FROM plain.{table}{after}"
            f" ORDER BY rowid LIMIT {BATCH})"
        ).fetchone()[0]
        if bound is None:
            return done
        within = f"rowid <= {int(bound)}" + ("" if last is None else f" AND rowid > {last}")
        done += connection.execute(f"{copy} WHERE {within}").rowcount
        progress(done, total)
        last = int(bound)


def _without_rowid(connection: Any, name: str) -> bool:
    row = connection.execute(
        "SELECT wr FROM pragma_table_list WHERE schema = 'plain' AND name = ?", (name,)
    ).fetchone()
    return bool(row and row[0])


def _copy_schema_rest(connection: Any) -> None:
    """Indexes, views and triggers (after the rows), the counters, the schema's version."""
    made = connection.execute(
        "SELECT sql FROM plain.sqlite_master WHERE type IN ('index', 'view', 'trigger')"
        " AND sql IS NOT NULL ORDER BY CASE type WHEN 'index' THEN 0 WHEN 'view' THEN 1"
        " ELSE 2 END, rowid"
    ).fetchall()
    for (sql,) in made:
        connection.execute(sql)
    kinds = {row[0] for row in connection.execute("SELECT name FROM plain.sqlite_master")}
    if "sqlite_sequence" in kinds:  # a counter stays past deleted rows: no id is used twice
        connection.execute("DELETE FROM main.sqlite_sequence")
        connection.execute("INSERT INTO main.sqlite_sequence SELECT * FROM plain.sqlite_sequence")
    if "sqlite_stat1" in kinds:
        connection.execute("ANALYZE main")
    version = int(connection.execute("PRAGMA plain.user_version").fetchone()[0])
    connection.execute(f"PRAGMA main.user_version = {version}")


def verify(copy: Path, key: bytes, counts: dict[str, int]) -> Path:
    """The copy checked (integrity, every table's rows), synced and renamed to its verified
    name; NotVerified (and the copy deleted) if a check fails."""
    path = copy.with_name(copy.name.removesuffix(HALF_MADE))
    with cipher.opened(copy, key) as connection:
        healthy = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = {name: count_rows(connection, "main", name) for name in counts}
    if not healthy or found != counts:
        _remove_copies(path)
        raise NotVerified()
    fsync(copy)
    verified = sibling(path, VERIFIED)
    os.replace(copy, verified)
    sync_folder(path.parent)
    return verified


def release(lock: Any, path: Path, verified: Path) -> list[Path]:
    """The workspace's lock released and its connection closed, its WAL and shared memory
    kept under second names to be overwritten (SQLite deletes them when the last connection
    closes, without overwriting). WorkspaceBusy, and the verified copy deleted, if another
    process still has the file open: replacing it under them would lose what they write.
    (Shared with hjem.db.change_key, where the old file is encrypted under the old key.)"""
    kept = []
    for end in ("-wal", "-shm"):
        live, keep = sibling(path, end), sibling(path, REPLACED + end)
        with contextlib.suppress(OSError):  # no such file, or no hard links here
            keep.unlink(missing_ok=True)
            os.link(live, keep)
            kept.append(keep)
    lock.execute("ROLLBACK")
    lock.close()
    if sibling(path, "-wal").exists():
        for keep in kept:
            keep.unlink()  # only the second name: the live WAL keeps its rows
        verified.unlink()
        raise WorkspaceBusy(path)
    return kept


def swap_in(verified: Path, path: Path) -> None:
    """The verified copy takes `path`'s place in one rename, the plain file kept as
    `<name>.replaced` until `remove_plain` overwrites it."""
    old = sibling(path, REPLACED)
    old.unlink(missing_ok=True)
    try:
        os.link(path, old)
    except OSError:  # no hard links (FAT): two renames; finish_interrupted bridges the gap
        os.replace(path, old)
    os.replace(verified, path)
    sync_folder(path.parent)


def remove_plain(path: Path, kept: list[Path] | None = None) -> list[Path]:
    """Overwrite and delete the plain backups, the kept WAL files and, last, the replaced
    file (whose presence tells `finish_interrupted` that this is not done). Returns the
    files removed, by the names they had."""
    removed = remove_files(_plain_backups(path))
    for keep in kept or [sibling(path, REPLACED + end) for end in ("-wal", "-shm")]:
        held_rows = keep.exists() and keep.stat().st_size > 0  # not the empty one hjem opened
        if _shredded(keep) and held_rows:
            removed.append(sibling(path, keep.name.removeprefix(path.name + REPLACED)))
    if _shredded(sibling(path, REPLACED)):
        removed.append(path)
    sync_folder(path.parent)
    return removed


def remove_files(paths: list[Path]) -> list[Path]:
    """The files of `paths` overwritten and deleted (those there were)."""
    return [path for path in paths if _shredded(path)]


def _plain_backups(path: Path) -> list[Path]:
    backups = path.parent.glob(f"{glob_escape(path.name)}.backup-*")
    return sorted(backup for backup in backups if cipher.is_plain(backup))


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def finish_interrupted(path: Path) -> None:
    """Whatever a crashed conversion left beside `path`, finished or removed (module note).
    Cheap when there is nothing: a few look-ups of files."""
    verified, old = sibling(path, VERIFIED), sibling(path, REPLACED)
    if cipher.is_empty(path) and old.exists():
        # The two renames on a file system without hard links: the verified copy goes
        # forward; without one, the old file comes back. `old` is never lost to a new file.
        os.replace(verified if verified.exists() else old, path)
    # A copy beside a plain workspace is removed by the next conversion, under the plain
    # file's lock: here it may be another process's conversion under way.
    if old.exists() and not (cipher.is_plain(path) or cipher.is_empty(path)):
        remove_plain(path)
    elif not old.exists():
        _remove_kept_logs(path)


def _remove_kept_logs(path: Path) -> None:
    """The WAL files `release` kept, when the swap never came: overwritten, unless a crash
    came before the connection closed and the second name is still the live log's."""
    for end in ("-wal", "-shm"):
        keep, live = sibling(path, REPLACED + end), sibling(path, end)
        if not keep.exists():
            continue
        if live.exists() and os.path.samefile(live, keep):
            keep.unlink()  # only the second name: the live log's rows are still to come
        else:
            _shredded(keep)


def _remove_copies(path: Path) -> None:
    """Delete copies of an unfinished conversion: encrypted, so deleting them is enough."""
    for suffix in (HALF_MADE, VERIFIED):
        for end in ("", *SIBLINGS):
            sibling(path, suffix + end).unlink(missing_ok=True)


def fsync(path: Path) -> None:
    with path.open("rb") as file:
        os.fsync(file.fileno())


@contextlib.contextmanager
def _guarded(path: Path) -> Iterator[None]:
    """The driver's refusals while reading the plain file or writing the copy, as the
    message a person reads (damaged, disk full, not allowed); never SQLite's own text."""
    try:
        yield
    except (sqlcipher3.dbapi2.Error, OSError) as error:
        raise _problem(error, path) from None


def _problem(error: BaseException, path: Path) -> DatabaseProblem:
    code = getattr(error, "sqlite_errorname", "") or ""
    if code.startswith(DAMAGED_CODES):
        return DatabaseProblem(error, damaged(str(path)))
    return DatabaseProblem(error, explain(error, f"sqlite:///{path}"))


def _shredded(path: Path) -> bool:
    """Whether there was a file at `path` to overwrite and delete (hjem.db.scrub.shred)."""
    return bool(shred(path))
