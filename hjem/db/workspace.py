"""A workspace: the database hjem works in, migrated to the newest schema when it opens, and
short sessions that commit when the work inside them succeeds and roll back when it fails.

Work that only reads goes through `read`: on SQLite it takes no write lock, so a list shows
while another hjem writes. Work that writes goes through `run` and waits its turn."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from hjem.db import cipher
from hjem.db.engine import database_url, make_engine, reader
from hjem.db.migrate import upgrade
from hjem.db.problems import explain
from hjem.errors import DatabaseProblem

T = TypeVar("T")
# What the database, its drivers or the disk raise when they refuse (a key check and the
# backup run on SQLCipher's driver itself).
REFUSALS = (SQLAlchemyError, OSError, sqlite3.Error, cipher.Error)


class Workspace:
    def __init__(self, url: str | None = None, migrate: bool = True, key: bytes | None = None):
        self.url = database_url(url)
        self.engine: Engine = make_engine(self.url, key)
        try:
            self.backup: Path | None = upgrade(self.engine) if migrate else None
        except BaseException:
            self.engine.dispose()
            raise
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(reader(self.engine), expire_on_commit=False)

    @contextmanager
    def session(self, read_only: bool = False) -> Iterator[Session]:
        """One unit of work: committed if it succeeds, rolled back (nothing kept) if not.
        A `read_only` one takes no write lock and may not write."""
        session = (self._readers if read_only else self._sessions)()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def run(self, work: Callable[[Session], T]) -> T:
        """`work` in one unit of work. The database's or the disk's refusal becomes a
        `DatabaseProblem` (a `UserError`), so callers handle one kind of error."""
        return self._attempt(work, read_only=False)

    def read(self, work: Callable[[Session], T]) -> T:
        """`work` that only reads, as `run` but beside another hjem's write."""
        return self._attempt(work, read_only=True)

    def _attempt(self, work: Callable[[Session], T], read_only: bool) -> T:
        try:
            with self.session(read_only) as session:
                return work(session)
        except REFUSALS as error:
            raise self.problem(error) from error

    def problem(self, error: BaseException) -> DatabaseProblem:
        """`error`, raised by work in this workspace, as the message a person reads."""
        return DatabaseProblem(error, explain(error, self.url))

    def close(self) -> None:
        self.engine.dispose()


def open_workspace(url: str | None = None, migrate: bool = True) -> Workspace:
    """The workspace at `url`, opened and migrated; a UserError that says why if it cannot be
    (DatabaseProblem, or NewerWorkspace when a newer hjem upgraded it)."""
    try:
        address = database_url(url)
    except OSError as error:  # the data folder cannot be made
        raise DatabaseProblem(error, explain(error, None)) from error
    try:
        return Workspace(address, migrate)
    except REFUSALS as error:
        raise DatabaseProblem(error, explain(error, address)) from error
