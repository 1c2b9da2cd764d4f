"""Where the laptop's working copy of a team server lives, and the key that opens it.

One copy per (server, login): a second person on the same laptop, or a training server beside
the real one, never sees the other's copy. The file's name is a hash of the server's address
and the login, so it names no family and nothing of an address (a file name may reach a
backup's list or a support screenshot).

The copy is encrypted like the workspace (SQLCipher), under a key derived from the
workspace's own key (hjem.db.copy_keys): whatever opens the workspace (the keyring, the
passphrase, the recovery code) opens the copies too, no second secret is kept anywhere, and
changing the workspace's key re-encrypts the copies with it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy.engine import make_url

from hjem.config import data_dir, private_folder
from hjem.db import cipher
from hjem.db.copy_keys import COPIES_FOLDER
from hjem.db.copy_keys import copy_key as derived_key
from hjem.db.engine import SQLITE_FILE, database_url, workspace_key
from hjem.db.workspace import Workspace
from hjem.errors import DatabaseProblem
from hjem.i18n import msg


def copy_name(server_url: str) -> str:
    """The copy's file name: the same for the same server, database and login, whatever the
    password or the TLS settings in the address."""
    url = make_url(database_url(server_url))
    where = f"{url.host or ''}|{url.port or ''}|{url.database or ''}|{url.username or ''}"
    return f"copy-{hashlib.sha256(where.encode()).hexdigest()[:24]}.sqlite"


def copy_path(server_url: str) -> Path:
    return private_folder(data_dir() / COPIES_FOLDER) / copy_name(server_url)


def copy_key(server_url: str) -> bytes:
    """The copy's key, derived from the laptop workspace's key (made first if the laptop
    has none yet: its key is the root of every copy's)."""
    workspace = data_dir() / SQLITE_FILE
    if cipher.is_empty(workspace):  # the laptop's own file, whatever HJEM_DATABASE_URL says
        Workspace(f"sqlite:///{workspace}").close()
    return derived_key(workspace_key(workspace), copy_name(server_url))


def open_copy(server_url: str) -> Workspace:
    """The working copy for the person and server of `server_url`, made and migrated on
    first use. A copy the key does not open (the workspace's key was changed without it) is
    a DatabaseProblem that says so; it is never replaced, as it may hold waiting work."""
    path = copy_path(server_url)
    key = copy_key(server_url)
    if not cipher.is_empty(path) and not cipher.key_fits(path, key):
        raise DatabaseProblem(ValueError("copy key"), msg("sync.copy_key_changed", file=path))
    return Workspace(f"sqlite:///{path}", key=key)


def has_copy(server_url: str) -> bool:
    """Whether this laptop has a working copy for the person and server of `server_url` (an
    address hjem cannot use has none)."""
    try:
        return not cipher.is_empty(copy_path(server_url))
    except DatabaseProblem:
        return False
