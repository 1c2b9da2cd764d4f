"""Autosave to a recovery file, and an offer to restore after a crash.

Each running window has its own recovery file and holds a lock beside it. At start, a recovery
file whose lock nobody holds belonged to a hjem that did not close properly: it is offered
back. A clean exit deletes the file. The file holds the plan and nothing more, and its name
says nothing about whose plan it is.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QLockFile

from hjem.floorplan.model import Plan

PREFIX = "recovery-"


def _lock_path(recovery_file: Path) -> Path:
    return recovery_file.with_suffix(".lock")


class Recovery:
    def __init__(self, folder: Path):
        self.folder = folder
        self.path = folder / f"{PREFIX}{uuid.uuid4().hex}.hjem"
        self._lock = QLockFile(str(_lock_path(self.path)))
        self._lock.setStaleLockTime(0)  # a lock is stale only when its owner is gone
        self._lock.tryLock(0)

    def orphans(self) -> list[Path]:
        """Recovery files left by a hjem that is no longer running (newest first)."""
        found = []
        for candidate in self.folder.glob(f"{PREFIX}*.hjem"):
            if candidate == self.path:
                continue
            lock = QLockFile(str(_lock_path(candidate)))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):  # nobody holds it: its hjem has gone
                lock.unlock()
                found.append(candidate)
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def write(self, plan: Plan) -> None:
        from hjem.floorplan.hjemfile import save_plan  # Pillow loads at the first autosave

        save_plan(plan, self.path)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """A clean exit: no recovery file stays behind."""
        self.discard()
        self._lock.unlock()

    @staticmethod
    def remove(orphan: Path) -> None:
        orphan.unlink(missing_ok=True)
        _lock_path(orphan).unlink(missing_ok=True)
