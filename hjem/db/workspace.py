"""A workspace: the database hjem works in, migrated to the newest schema when it opens, and
short sessions that commit when the work inside them succeeds and roll back when it fails."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hjem.db.engine import database_url, make_engine
from hjem.db.migrate import upgrade


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

    def close(self) -> None:
        self.engine.dispose()
