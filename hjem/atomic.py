"""Writing a whole file or none: a temporary file beside the target, synced, then renamed over
it, so a crash or a full disk leaves the old file (or no file) and never half a new one.

The `.hjem` plan file has its own writer (`floorplan.hjemfile`), which also syncs the folder and
is tested failing at every write; exports and printouts use this one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], write: Callable[[Path], object]) -> None:
    """`write(temporary)` fills a temporary file beside `path`, which then replaces `path`.
    OSError propagates; the temporary file is gone either way."""
    target = Path(path)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".hjem-", suffix=".part")
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    write_atomically(path, lambda temporary: temporary.write_bytes(data))


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no folder handles to sync."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
