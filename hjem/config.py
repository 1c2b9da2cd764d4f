"""Where hjem keeps its files: the user data folder (platformdirs), or HJEM_DATA_DIR.

The folder holds the workspace (a family's new address among it): it and the files hjem makes
in it are private to the person (0700 and 0600), on a shared machine too."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP_NAME, APP_AUTHOR = "hjem", "RodeKors"
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600


def private_folder(folder: Path) -> Path:
    """`folder`, made if missing and readable by its owner only (its parents are left alone)."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    _tighten(folder, PRIVATE_FOLDER)
    return folder


def private_file(path: Path) -> Path:
    """`path`, made empty if missing and readable by its owner only; an existing file keeps
    its content and loses the others' access (a workspace made by an older hjem)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    _tighten(path, PRIVATE_FILE)
    return path


def _tighten(path: Path, mode: int) -> None:
    # Not the owner (a file someone else made), or a read-only disk: it stays as it is, and
    # hjem still works (or says why not when it tries to write).
    with contextlib.suppress(OSError):
        path.chmod(mode)


def data_dir() -> Path:
    """The folder for the workspace and recovery files (created on first use)."""
    return private_folder(data_dir_path())


def data_dir_path() -> Path:
    """Where that folder is, without making it: `hjem --version` says where, and writes nothing."""
    override = os.environ.get("HJEM_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def recovery_dir() -> Path:
    return private_folder(data_dir() / "recovery")
