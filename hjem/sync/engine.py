"""One sync of a working copy with its team server: push the outbox, then pull. Used by
`hjem sync` and, later, by the window's *Synkronisér nu* (off the UI thread: every step may
wait on the network, within the server engine's connect and statement timeouts)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hjem.db.workspace import REFUSALS, Workspace
from hjem.sync.models import SyncConflict
from hjem.sync.pull import PullReport, pull
from hjem.sync.push import push
from hjem.sync.state import SYNCED_AT, set_state

# Called as work goes on: (stage, done, total), the stage "push" or "pull".
Progress = Callable[[str, int, int], None]
PUSH, PULL = "push", "pull"


@dataclass(frozen=True)
class SyncReport:
    applied: int  # operations the server applied
    conflicts: list[SyncConflict]  # operations it did not, kept for the person
    pulled: PullReport


def sync(server: Workspace, copy: Workspace, progress: Progress | None = None) -> SyncReport:
    """Push then pull. A DatabaseProblem (the server out of reach, a refusal) ends it where
    it stands: what was pushed is settled on the copy, the rest still waits."""
    tell = progress or (lambda _stage, _done, _total: None)
    pushed = push(server, copy, lambda done, total: tell(PUSH, done, total))
    tell(PULL, 0, 1)
    pulled = refresh(server, copy)
    tell(PULL, 1, 1)
    return SyncReport(pushed.applied, pushed.conflicts, pulled)


def refresh(server: Workspace, copy: Workspace) -> PullReport:
    """Pull alone, in one transaction on each side: all of it, or the copy as it was."""
    try:
        with server.session(read_only=True) as remote, copy.session() as local:
            report = pull(remote, local)
            set_state(local, SYNCED_AT, report.pulled_at.isoformat())
            return report
    except REFUSALS as error:
        raise server.problem(error) from error
