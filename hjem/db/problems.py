"""What went wrong with the workspace's database, said so that a person knows what to do: a
workspace another hjem is writing to, a damaged file, a full disk, a folder hjem may not write
in, a server that does not answer or cannot be reached.

Only the kind of the error and the driver's error code are looked at, never shown: the
database's own text may quote the SQL and its values (an address), and an address of a server
may hold a password.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from hjem.db.cipher import Error as CipherError
from hjem.db.tls import tls_problem
from hjem.i18n import Message, msg

DISK_FULL = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
NOT_ALLOWED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EISDIR})
# PostgreSQL's SQLSTATEs: the statement timed out; the login was refused; no such database;
# the person's role may not do it (a table their role has no grant on: permission denied).
QUERY_CANCELED, LOGIN_REFUSED, NO_DATABASE = "57014", ("28000", "28P01"), "3D000"
INSUFFICIENT_PRIVILEGE = "42501"


def explain(error: BaseException, url: str | None) -> Message | None:
    """What `error`, raised while working in the workspace at `url` (None: before it had
    one), means to a person; None when it is nothing this module knows (the caller says it
    in general terms)."""
    url = url or "sqlite://"
    cause = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(cause, (sqlite3.Error, CipherError)):
        return _sqlite_problem(cause, url)
    if isinstance(cause, OSError):
        return _file_problem(cause, url)
    if _sqlstate(error) == INSUFFICIENT_PRIVILEGE and not _is_sqlite(url):
        return msg("database.not_permitted", host=make_url(url).host or "localhost")
    # A refused write (a constraint) is the caller's to say; these are the connection's.
    if isinstance(error, (OperationalError, InterfaceError)) and not _is_sqlite(url):
        return _server_problem(error, url)
    return None


def _sqlite_problem(error: sqlite3.Error | CipherError, url: str) -> Message | None:
    code = getattr(error, "sqlite_errorname", "") or ""
    file = _file(url)
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return msg("database.busy")
    if code.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return damaged(file)
    if code.startswith("SQLITE_FULL"):
        return msg("database.disk_full", file=file)
    if code.startswith("SQLITE_IOERR"):  # a write the disk refused: full, or failing
        return msg("database.not_written", file=file)
    if code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return msg("database.not_allowed", folder=Path(file).parent)
    return None


def _file_problem(error: OSError, url: str) -> Message | None:
    """A file the work wrote (the workspace, its backup, an export) could not be written."""
    file = str(error.filename or _file(url))
    if error.errno in DISK_FULL:
        return msg("database.disk_full", file=file)
    if error.errno in NOT_ALLOWED:
        return msg("database.not_allowed", folder=Path(file).parent)
    return None


def damaged(file: str) -> Message:
    """The workspace file cannot be read as a database: where the newest backup is, if any.
    Nothing is deleted; the file stays for someone to rescue."""
    backups = sorted(Path(file).parent.glob(f"{Path(file).name}.backup-*"))
    if backups:
        return msg("database.damaged_backup", file=file, backup=backups[-1])
    return msg("database.damaged", file=file)


def _server_problem(error: DBAPIError, url: str) -> Message:
    address = make_url(url)
    host = address.host or "localhost"
    sqlstate = _sqlstate(error)
    text = str(error.orig).lower()  # looked at, never shown
    # A refused login comes as the server's text, with no SQLSTATE, while connecting.
    refused_role = 'role "' in text and "does not exist" in text
    if "not permitted to log in" in text:  # NOLOGIN: the coordinator disabled the person
        return msg("database.login_disabled", user=address.username or "", host=host)
    if sqlstate in LOGIN_REFUSED or "authentication failed" in text or refused_role:
        return msg("database.login_refused", user=address.username or "", host=host)
    if sqlstate == NO_DATABASE or ('database "' in text and "does not exist" in text):
        return msg("database.no_such_database", name=address.database or "", host=host)
    if (tls := tls_problem(text, host)) is not None:
        return tls
    if (
        type(error.orig).__name__ == "ConnectionTimeout"
        or sqlstate == QUERY_CANCELED
        or error.connection_invalidated
        or "timeout" in text
    ):
        return msg("database.no_answer", host=host)
    return msg("database.unreachable", host=host)


def _sqlstate(error: BaseException) -> str | None:
    cause = error.orig if isinstance(error, DBAPIError) else error
    return getattr(cause, "sqlstate", None)


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _file(url: str) -> str:
    return make_url(url).database or ""
