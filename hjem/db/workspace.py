"""A workspace: the database hjem works in, migrated to the newest schema when it opens, and
short sessions that commit when the work inside them succeeds and roll back when it fails."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from hjem.db.engine import database_url, make_engine
from hjem.db.migrate import upgrade
from hjem.errors import DatabaseProblem

T = TypeVar("T")


class Workspace:
    def __init__(self, url: str | None = None, migrate: bool = True):
        self.url = database_url(url)
        self.engine: Engine = make_engine(self.url)
        self.backup: Path | None = upgrade(self.engine) if migrate else None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed if it succeeds, rolled back (nothing kept) if not."""
        session = self._sessions()
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
        try:
            with self.session() as session:
                return work(session)
        except (SQLAlchemyError, OSError) as error:
            raise DatabaseProblem(error) from error

    def close(self) -> None:
        self.engine.dispose()


def open_workspace(url: str | None = None) -> Workspace:
    """The workspace at `url`, opened and migrated; DatabaseProblem if it cannot be."""
    try:
        return Workspace(url)
    except (SQLAlchemyError, OSError) as error:
        raise DatabaseProblem(error) from error
