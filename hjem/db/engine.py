"""Which database the workspace uses, and engines configured for it.

The default is an embedded SQLite file in the user data folder, encrypted with SQLCipher
(hjem.db.cipher; its key from hjem.db.keystore): WAL, foreign keys on, synchronous=FULL, and
secure_delete, so a deleted row's bytes are overwritten, not left in free pages. Work that
writes begins IMMEDIATE, so two processes writing at once queue up instead of failing when a
read lock would have to become a write lock; work that only reads (an engine from `reader`)
begins DEFERRED and, in WAL, never waits for a writer. A team shares one PostgreSQL server
when HJEM_DATABASE_URL (or --database) points at it; the driver is psycopg 3, with timeouts so
a server that does not answer ends in a message, not a hang, and TLS for any server but this
computer (hjem.db.tls).

Engines hide statement parameters from logs and error messages: a family's address is a
parameter when it is saved, and must not reach a log even with SQL logging switched on. For
the same reason the rows a query returns are never logged, whatever the log level.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from hjem.config import data_dir, private_file
from hjem.db import change_key, cipher, conversion
from hjem.db.local_file import sqlite_path
from hjem.db.tls import with_tls
from hjem.db.unlock import PlainWorkspace, checked_key
from hjem.errors import DatabaseProblem
from hjem.i18n import msg

__all__ = ["PlainWorkspace", "database_url", "make_engine", "sqlite_path", "workspace_key"]

ENV_URL = "HJEM_DATABASE_URL"
SQLITE_FILE = "workspace.sqlite"
# How long a writer waits for another hjem's write to end before saying the workspace is busy:
# a person waits that long for a click, and hjem's own writes (an import included) are shorter.
BUSY_TIMEOUT_MS = 15_000
BUSY_ENV = "HJEM_BUSY_TIMEOUT_MS"  # another wait (the tests' busy workspace)
READ_ONLY = "hjem_read_only"  # execution option: this work only reads
SUPPORTED_SCHEMES = ("sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg")

# PostgreSQL: a server that takes the connection and never answers is given up on after
# CONNECT_TIMEOUT_S (a person sees the message within 10 s); one statement may run for
# STATEMENT_TIMEOUT_MS (no statement of hjem's own comes near it; a lock another computer
# keeps ends in a message instead of a wait). Migrations lift the statement timeout: a schema
# change on a big team server must not be cut off half-way. TCP keepalives and the user
# timeout notice a server that goes away in the middle of a session.
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 30_000
POSTGRES_CONNECT_ARGS = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
    "keepalives": 1,
    "keepalives_idle": 15,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,
}


# Every SQLite connection's settings (the busy timeout comes on top).
SQLITE_PRAGMAS = (
    "journal_mode=WAL",
    "foreign_keys=ON",
    "synchronous=FULL",
    "secure_delete=ON",
    "temp_store=MEMORY",  # a sort's or a temporary table's rows never go to a file
    "cache_size=-65536",  # 64 MiB: decrypted pages stay in memory (bench.workspace)
)


class _NoResultRows(logging.Filter):
    """Drops SQLAlchemy's debug record of each row fetched: a row may hold an address."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.startswith("Row "))


_ENGINE_LOG = logging.getLogger("sqlalchemy.engine.Engine")
if not any(isinstance(f, _NoResultRows) for f in _ENGINE_LOG.filters):
    _ENGINE_LOG.addFilter(_NoResultRows())


def database_url(override: str | None = None) -> str:
    """The workspace's URL: --database, else HJEM_DATABASE_URL, else the local SQLite file.
    An address hjem cannot use is a DatabaseProblem that names what is wrong with it, never
    the address itself: it may hold a password."""
    url = override or os.environ.get(ENV_URL)
    if not url:
        return f"sqlite:///{data_dir() / SQLITE_FILE}"
    parsed = _checked_url(url)
    if parsed.get_backend_name() in ("postgresql", "postgres"):
        # TLS is required for a server on another computer (hjem.db.tls).
        parsed = with_tls(parsed.set(drivername="postgresql+psycopg"))
    return parsed.render_as_string(hide_password=False)


def _checked_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:  # no scheme; a port that is not a number
        raise DatabaseProblem(error, msg("database.bad_address")) from None
    scheme = parsed.drivername
    if scheme not in SUPPORTED_SCHEMES:
        problem = ValueError("unsupported database")
        raise DatabaseProblem(problem, msg("database.unsupported", scheme=scheme)) from None
    if parsed.port is not None and not 0 < parsed.port < 65_536:
        problem = ValueError("port out of range")
        raise DatabaseProblem(problem, msg("database.bad_port", port=parsed.port)) from None
    return parsed


def make_engine(url: str, key: bytes | None = None) -> Engine:
    """An engine for `url`; a SQLite file is opened with `key` when one is given (a working
    copy's key is derived from the workspace's: hjem.sync.copy), else with the workspace key
    the keystore has for it."""
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url, key)
    return create_engine(
        url, pool_pre_ping=True, hide_parameters=True, connect_args=POSTGRES_CONNECT_ARGS
    )


def reader(engine: Engine) -> Engine:
    """`engine` for work that only reads: on SQLite its transactions begin DEFERRED and may
    not write (PRAGMA query_only), so they run beside another process's write."""
    return engine.execution_options(**{READ_ONLY: True})


def busy_timeout_ms() -> int:
    """How long a SQLite writer waits for another: BUSY_TIMEOUT_MS, or HJEM_BUSY_TIMEOUT_MS."""
    try:
        return max(0, int(os.environ.get(BUSY_ENV, BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def workspace_key(path: Path) -> bytes:
    """The key that opens the workspace file at `path` (hjem.db.unlock.checked_key). What a
    crash stopped (a conversion, a change of key) is finished or undone first: else an
    interrupted swap could look like no database, and get a new key."""
    change_key.finish_interrupted(path)
    conversion.finish_interrupted(path)
    return checked_key(path)


def _sqlite_engine(url: str, key: bytes | None = None) -> Engine:
    path = sqlite_path(url)
    wait_ms = busy_timeout_ms()
    connect_args = {"timeout": wait_ms / 1000}
    if path is None:  # in memory: no file to steal
        engine = create_engine(url, connect_args=connect_args, hide_parameters=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Made private before SQLite opens it: its WAL and shared-memory files take its mode.
        private_file(path)
        key = key or workspace_key(path)
        engine = create_engine(
            cipher.engine_url(path, key),
            connect_args=connect_args,
            hide_parameters=True,
            poolclass=QueuePool,  # connections for the window's and the workers' threads
        )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy, not the driver, begin transactions, so they can begin IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (*SQLITE_PRAGMAS, f"busy_timeout={wait_ms}"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # query_only is the connection's, so it is set at every begin, both ways: a pooled
        # connection may come from the other kind of work.
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("PRAGMA query_only=ON")
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("PRAGMA query_only=OFF")
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
