"""The encrypted workspace file: SQLCipher 4 with a random 256-bit raw key.

A raw key (`PRAGMA key = "x'…'"`) is used as it is: no key derivation runs when a connection
opens, so opening costs what a plain SQLite file costs (bench.workspace). Every page, the WAL's
and the rollback journal's included, is AES-256 encrypted and HMAC-SHA512 checked; temporary
tables and sorts stay in memory (the library is built with TEMP_STORE=2), so no temporary
file holds a row.

SQLCipher's own log (a failed HMAC check, a wrong key) would go to the standard error, where a
person would read it as a crash: it is switched off before the key is given.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy.engine import URL

from hjem.config import private_file

PLAIN_HEADER = b"SQLite format 3\x00"
Error = sqlcipher3.dbapi2.Error
DRIVER = "sqlite+pysqlcipher"


def is_plain(path: Path) -> bool:
    """Whether `path` is a plain (unencrypted) SQLite database: an older hjem's workspace."""
    try:
        with path.open("rb") as file:
            return file.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


def is_empty(path: Path) -> bool:
    """Whether `path` holds no database yet (missing, or made empty by `private_file`)."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def key_pragma(key: bytes) -> str:
    """The key as SQLCipher's raw-key literal (kept out of any URL that is rendered)."""
    return f"x'{key.hex()}'"


def engine_url(path: Path, key: bytes) -> URL:
    """The URL an engine of the encrypted workspace is made from: SQLAlchemy's pysqlcipher
    dialect gives the password as the key. A URL object hides it when printed."""
    return URL.create(DRIVER, password=key_pragma(key), database=str(path))


def quiet(connection: Any) -> None:
    """SQLCipher says nothing on the standard error (the person reads hjem's message)."""
    connection.execute("PRAGMA cipher_log_level = NONE")


def connect(path: Path, key: bytes) -> Any:
    """A driver connection to the encrypted database at `path` (no SQLAlchemy: the key checks,
    the backup and the conversion work below it)."""
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    quiet(connection)
    connection.execute(f'PRAGMA key = "{key_pragma(key)}"')
    return connection


@contextlib.contextmanager
def opened(path: Path, key: bytes) -> Iterator[Any]:
    connection = connect(path, key)
    try:
        yield connection
    finally:
        connection.close()


def key_fits(path: Path, key: bytes) -> bool:
    """Whether `key` opens the database at `path` (SQLCipher checks page 1's HMAC). Any
    other refusal (a folder hjem may not write in, a full disk) is raised as it is."""
    with opened(path, key) as connection:
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as error:
            if getattr(error, "sqlite_errorname", "") != "SQLITE_NOTADB":
                raise
            return False
    return True


def plain_readable(path: Path) -> bool:
    """Whether the plain SQLite file at `path` can be read at all (its schema): a damaged
    file is said to be damaged, not offered for encryption."""
    connection = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.dbapi2.DatabaseError as error:
        if getattr(error, "sqlite_errorname", "").startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
            return False
        raise
    finally:
        connection.close()
    return True


def encrypted_copy(path: Path, key: bytes, target: Path) -> Path:
    """A consistent copy of the encrypted database at `path` in `target`, under the same key
    (sqlcipher_export reads one snapshot; the WAL's committed pages are in it)."""
    private_file(target)
    with opened(path, key) as connection:
        attach(connection, target, "copy", key)
        connection.execute("SELECT sqlcipher_export('copy')")
        connection.execute("DETACH DATABASE copy")
    return target


def attach(connection: Any, path: Path, name: str, key: bytes | None) -> None:
    """Attach `path` as `name`, encrypted under `key` (None: a plain file)."""
    literal = '""' if key is None else f'"{key_pragma(key)}"'
    connection.execute(f"ATTACH DATABASE ? AS {name} KEY {literal}", (str(path),))


def rekey(path: Path, key: bytes, new_key: bytes) -> None:
    """Re-encrypt every page of the database at `path` under `new_key` (PRAGMA rekey)."""
    with opened(path, key) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute(f'PRAGMA rekey = "{key_pragma(new_key)}"')
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
