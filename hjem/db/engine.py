"""Which database the workspace uses, and engines configured for it.

The default is an embedded SQLite file in the user data folder: WAL, foreign keys on,
synchronous=FULL, and every transaction begun IMMEDIATE so two processes writing at once
queue up instead of failing. A team shares one PostgreSQL server when HJEM_DATABASE_URL (or
--database) points at it; the driver is psycopg 3.

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
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

from hjem.config import data_dir, private_file

ENV_URL = "HJEM_DATABASE_URL"
SQLITE_FILE = "workspace.sqlite"
BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another before giving up


class _NoResultRows(logging.Filter):
    """Drops SQLAlchemy's debug record of each row fetched: a row may hold an address."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.startswith("Row "))


_ENGINE_LOG = logging.getLogger("sqlalchemy.engine.Engine")
if not any(isinstance(f, _NoResultRows) for f in _ENGINE_LOG.filters):
    _ENGINE_LOG.addFilter(_NoResultRows())


def database_url(override: str | None = None) -> str:
    """The workspace's URL: --database, else HJEM_DATABASE_URL, else the local SQLite file."""
    url = override or os.environ.get(ENV_URL)
    if not url:
        return f"sqlite:///{data_dir() / SQLITE_FILE}"
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def _sqlite_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Made private before SQLite opens it: its WAL and shared-memory files take its mode.
        private_file(path)
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy, not the driver, begin transactions, so they can begin IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode=WAL",
            "foreign_keys=ON",
            "synchronous=FULL",
            f"busy_timeout={BUSY_TIMEOUT_MS}",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
