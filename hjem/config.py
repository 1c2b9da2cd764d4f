"""Where hjem keeps its files: the user data folder (platformdirs), or HJEM_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME, APP_AUTHOR = "hjem", "RodeKors"


def data_dir() -> Path:
    """The folder for the workspace and recovery files (created on first use)."""
    override = os.environ.get("HJEM_DATA_DIR")
    if override:
        folder = Path(override)
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def recovery_dir() -> Path:
    folder = data_dir() / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
