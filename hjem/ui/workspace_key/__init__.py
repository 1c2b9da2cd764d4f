"""The laptop's encrypted workspace in the window: the gate at start (hjem.ui.workspace_key.gate)
and its dialogs. This module stays light: with the key in HJEM_WORKSPACE_KEY (tests, CI,
screenshots) the gate passes without loading the database layer or showing anything."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget

ENV_KEY = "HJEM_WORKSPACE_KEY"  # as hjem.db.keystore reads it (not imported: no database yet)
ENV_URL = "HJEM_DATABASE_URL"  # as hjem.db.engine reads it


def open_gate(address: str | None, team_server: bool, parent: QWidget | None = None) -> bool:
    """Whether the window may go on to open its workspace: the local file's key is known
    (asked for, recovered, or made), or there is no local file to open. False: the person
    chose to quit. `address` is --database; `team_server` whether the settings name one."""
    if os.environ.get(ENV_KEY, "").strip():
        return True
    path = embedded_path(address, team_server)
    if path is None:
        return True
    from hjem.ui.workspace_key.gate import WorkspaceGate

    return WorkspaceGate(path, parent).run()


def embedded_path(address: str | None, team_server: bool) -> Path | None:
    """The SQLite file the window will work in, or None: a team's server (given, or set in
    the settings and signed in to from the window), or an address the window will refuse."""
    if not (address or os.environ.get(ENV_URL)) and team_server:
        return None
    from hjem.db.engine import database_url, sqlite_path
    from hjem.errors import UserError

    try:
        return sqlite_path(database_url(address))
    except (UserError, OSError):  # a bad address, a data folder that cannot be made
        return None
