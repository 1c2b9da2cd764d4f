"""Schema changes only through Alembic migrations, applied automatically when a workspace opens
(`hjem db upgrade` does it by hand). A SQLite workspace is copied to an encrypted backup first.

The revision is looked at without the write lock (another hjem may be writing); the lock is
taken only when there is something to upgrade. A workspace at a revision this hjem does not
know was made by a newer hjem: it is left untouched, and the person is asked to update."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from hjem.config import private_file
from hjem.db.engine import reader, sqlite_path
from hjem.errors import UserError
from hjem.i18n import msg

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
OWNER_ROLE = "hjem_owner"  # owns a team server's tables (hjem.db.server sets it up)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


class NewerWorkspace(UserError):
    """The workspace was upgraded by a newer hjem than this one (another computer on a team
    server): this hjem does not know its tables, so it touches nothing."""

    def __init__(self, revision: str):
        super().__init__(msg("database.newer", revision=revision))
        self.revision = revision


class SchemaBehind(UserError):
    """The team server's schema is older than this hjem, and this person's login may not
    change it: only the coordinator's `hjem server init`, as the tables' owner, migrates."""

    def __init__(self) -> None:
        super().__init__(msg("database.schema_behind"))


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, f"the migrations have {len(heads)} heads"
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with reader(engine).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revision(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:  # "Can't locate revision"
        return False


def backup_sqlite(engine: Engine, path: Path) -> Path:
    """A consistent copy of the encrypted workspace at `path`, encrypted under the same key
    (an attached database takes the main one's key; sqlcipher_export reads one snapshot, the
    WAL's committed pages in it)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = private_file(path.with_name(f"{path.name}.backup-{stamp}"))
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA query_only=OFF")  # a pooled connection may come from a reader
        cursor.execute("ATTACH DATABASE ? AS backup", (str(target),))
        try:
            cursor.execute("SELECT sqlcipher_export('backup')")
        finally:
            cursor.execute("DETACH DATABASE backup")
    finally:
        connection.close()
    return target


# Alembic keeps the running migration in module-level proxies (`alembic.context`, `op`): two
# migrations at once in one process, on two threads (the window opening a working copy on a
# worker while the workspace is migrated), would run each other's steps on the wrong database.
_ONE_AT_A_TIME = threading.Lock()


def upgrade(engine: Engine, as_role: str | None = None) -> Path | None:
    """Bring the schema to the newest version; returns the backup made, if any. On a team
    server `as_role` is the role that owns the tables (`hjem server init` migrates as it)."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    if current is not None and not known_revision(current):
        raise NewerWorkspace(current)
    if as_role is None and not _may_migrate(engine):
        raise SchemaBehind()
    backup = None
    path = sqlite_path(str(engine.url))
    if current is not None and path is not None and path.exists():
        backup = backup_sqlite(engine, path)
    config = alembic_config()
    with _ONE_AT_A_TIME, engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # a schema change is not cut off
            connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
        if as_role is not None:
            role = connection.dialect.identifier_preparer.quote_identifier(as_role)
            connection.exec_driver_sql(f"SET LOCAL ROLE {role}")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup


# Whether this login may change a team server's schema: always on SQLite and on a server that
# `hjem server init` never set up (one shared login owns the tables); else only a member of
# the owner role (a superuser counts as a member of every role).
_MAY_MIGRATE = """
    SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %(owner)s)
        OR pg_has_role(current_user, %(owner)s, 'USAGE')
"""


def _may_migrate(engine: Engine) -> bool:
    if engine.dialect.name != "postgresql":
        return True
    with reader(engine).connect() as connection:
        allowed = connection.exec_driver_sql(_MAY_MIGRATE, {"owner": OWNER_ROLE}).scalar()
    return bool(allowed)
