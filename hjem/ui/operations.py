"""Operations: the one way the windows touch the workspace (after Anki's `CollectionOp`).

A window hands `Operations.run` a domain function of a session. The runner opens the session
(one unit of work), calls the function, turns a `UserError` (a refused edit, a database that
does not answer) into a message for the person, and announces what changed with
`workspace_did_change(changes)`. Views listen and decide for themselves whether to look again;
no window refreshes another.

Slow work (files, a server far away) goes through `run_in_background`: the function runs on a
worker thread and its result comes back on the window's thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from hjem.errors import DatabaseProblem, UserError
from hjem.i18n import Message, msg

if TYPE_CHECKING:  # the database layer loads when the workspace is first opened
    from hjem.db.workspace import Workspace

T = TypeVar("T")
# After the workspace could not be opened, asking again within this many seconds gets the same
# answer at once: each attempt on a server that does not answer would freeze the window for
# the connect timeout.
RETRY_AFTER_S = 10.0
Work = Callable[[Any], T]  # a domain function of a session (hjem.ui imports no SQLAlchemy)
OFFLINE_READY = "hjem_offline_ready"  # an attribute of work that may run on a working copy
# The message keys of a server out of reach: no connection, or no answer in time.
UNREACHABLE = frozenset({"database.unreachable", "database.no_answer"})


def offline_ready(work: Work[T]) -> Work[T]:
    """Mark `work` as fit for the laptop's working copy: it records what it does in the
    outbox (hjem.sync.outbox), so the server hears of it at the next sync."""
    setattr(work, OFFLINE_READY, True)
    return work


class Change(StrEnum):
    """What an operation changed in the workspace; views refresh on the kinds they show."""

    INVENTORY = "inventory"  # items, their photos, status and reservations
    CASES = "cases"  # households, status, visits, a case's stored plan
    BUDGET = "budget"  # budget lines and schemes


Changes = frozenset[Change]
NOTHING: Changes = frozenset()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How an operation went: its value when it worked, the person's message when not."""

    value: T | None = None
    problem: UserError | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def __bool__(self) -> bool:
        return self.ok


Tell = Callable[[Message], None]  # shows a problem to the person (a dialog, a status line)


def message_box(parent: QWidget | None, title: str, name: str = "operation_message") -> Tell:
    """Say a problem in a warning box over `parent`."""

    def tell(message: Message) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message.text(), QMessageBox.StandardButton.Ok, parent
        )
        box.setObjectName(name)
        box.exec()

    return tell


class Operations(QObject):
    workspace_did_change = Signal(object)  # the Changes an operation made
    server_lost = Signal()  # an operation found the team server out of reach

    def __init__(self, open_workspace: Callable[[], Workspace], parent: QObject | None = None):
        super().__init__(parent)
        self._open = open_workspace
        self._workspace: Workspace | None = None
        self.problem: UserError | None = None  # why the workspace could not be opened
        self._failed_at = 0.0
        self._opening = threading.Lock()  # the window's thread and a worker may both ask
        # Working offline on the laptop's copy of the team server (hjem.ui.sync): a change
        # that is not recorded in the outbox would be lost at the next sync, so it is refused.
        self.offline = False

    @classmethod
    def over(cls, workspace: Workspace, parent: QObject | None = None) -> Operations:
        """Operations on a workspace that is already open (a test's, a tool's)."""
        return cls(lambda: workspace, parent)

    # --- the workspace -------------------------------------------------------------------------

    def workspace(self) -> Workspace:
        """The workspace, opened (and migrated) the first time; UserError if it cannot be."""
        with self._opening:
            if self._workspace is not None:
                return self._workspace
            if self.problem is not None and time.monotonic() - self._failed_at < RETRY_AFTER_S:
                raise self.problem
            try:
                self._workspace = self._open()
            except UserError as problem:  # kept, so a view can say why (a damaged file)
                self.problem, self._failed_at = problem, time.monotonic()
                raise
            self.problem = None
            return self._workspace

    def open_in_background(self, done: Callable[[], None]) -> None:
        """Open the workspace on a worker thread, then call `done()` on this one, opened or
        not (`problem` says why not): connecting to a server far away may take seconds, and
        the window must not freeze meanwhile."""
        if self._workspace is not None:
            done()
            return
        relay = _relay()
        job = _Job(
            self._try_open, lambda outcome: relay.finished.emit((self, lambda _o: done()), outcome)
        )
        QThreadPool.globalInstance().start(job)

    def _try_open(self) -> Outcome[None]:
        try:
            self.workspace()
        except UserError as problem:
            return Outcome(problem=problem)
        return Outcome()

    def available(self) -> Workspace | None:
        """The workspace, or None when it cannot be opened (the plan editor works on)."""
        try:
            return self.workspace()
        except UserError:
            return None

    def use(self, workspace: Workspace, offline: bool = False, close_before: bool = True) -> None:
        """Work in `workspace` from now on (a person signed in, or went offline on their
        working copy); the one before is closed unless someone else still holds it."""
        with self._opening:
            before, self._workspace, self.problem = self._workspace, workspace, None
            self.offline = offline
        if close_before and before is not None and before is not workspace:
            before.close()

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()

    # --- running ---------------------------------------------------------------------------------

    def run(
        self, work: Work[T], changes: Changes = NOTHING, tell: Tell | None = None
    ) -> Outcome[T]:
        """`work` in one unit of work, here and now. A problem is told (if `tell`) and
        returned; what changed is announced once the work is kept."""
        refused = self._refused_offline(work, changes)  # an Outcome is falsy when refused
        outcome = self._attempt(work) if refused is None else refused
        self._conclude(outcome, changes, tell)
        return outcome

    def read(self, work: Work[T], tell: Tell | None = None) -> T | None:
        """A read that changes nothing: its value, or None (told) when it cannot be had. It
        takes no write lock, so it answers while another hjem writes (and may not write)."""
        outcome = self._attempt(work, read_only=True)
        self._conclude(outcome, NOTHING, tell)
        return outcome.value

    def run_in_background(
        self,
        work: Work[T],
        done: Callable[[Outcome[T]], None],
        changes: Changes = NOTHING,
        tell: Tell | None = None,
    ) -> None:
        """`work` on a worker thread; `done(outcome)` and the announcement follow on this
        thread. The workspace is opened here first, so opening never races."""

        def conclude(outcome: Outcome[T]) -> None:
            self._conclude(outcome, changes, tell)
            done(outcome)

        if (refused := self._refused_offline(work, changes)) is not None:
            conclude(refused)
            return
        try:
            workspace = self.workspace()
        except UserError as problem:
            conclude(Outcome(problem=problem))
            return
        relay = _relay()
        job = _Job(
            lambda: _attempt_on(workspace, work),
            lambda outcome: relay.finished.emit((self, conclude), outcome),
        )
        QThreadPool.globalInstance().start(job)

    def _attempt(self, work: Work[T], read_only: bool = False) -> Outcome[T]:
        try:
            workspace = self.workspace()
        except UserError as problem:
            return Outcome(problem=problem)
        return _attempt_on(workspace, work, read_only)

    def _refused_offline(self, work: Work[Any], changes: Changes) -> Outcome[Any] | None:
        """Offline, a change the outbox does not carry is refused before it is made."""
        if not (self.offline and changes) or getattr(work, OFFLINE_READY, False):
            return None
        return Outcome(problem=UserError(msg("sync.offline.not_now")))

    def _conclude(self, outcome: Outcome[Any], changes: Changes, tell: Tell | None) -> None:
        if is_unreachable(outcome.problem) and not self.offline:
            self.server_lost.emit()
        if outcome.problem is not None:
            if tell is not None:
                tell(outcome.problem.message)
        elif changes:
            self.workspace_did_change.emit(changes)

    def announce(self, changes: Changes) -> None:
        """Say that something changed the workspace outside an operation (a dialog's save)."""
        if changes:
            self.workspace_did_change.emit(changes)


def is_unreachable(problem: UserError | None) -> bool:
    return isinstance(problem, DatabaseProblem) and problem.message.key in UNREACHABLE


def run_off_ui_thread(
    owner: QObject, work: Callable[[], T], done: Callable[[Outcome[T]], None]
) -> None:
    """`work()`, which needs no workspace (signing in opens one), on a worker thread;
    `done(outcome)` follows on this thread unless `owner` has gone by then. A UserError is the
    outcome's problem."""

    def attempt() -> Outcome[T]:
        try:
            return Outcome(value=work())
        except UserError as problem:
            return Outcome(problem=problem)

    relay = _relay()
    job = _Job(attempt, lambda outcome: relay.finished.emit((owner, done), outcome))
    QThreadPool.globalInstance().start(job)


def _attempt_on(workspace: Workspace, work: Work[T], read_only: bool = False) -> Outcome[T]:
    try:
        return Outcome(value=workspace.read(work) if read_only else workspace.run(work))
    except UserError as problem:
        return Outcome(problem=problem)


class _Relay(QObject):
    """Carries a finished job's outcome to the window's thread. It lives as long as the
    application, so a job that ends after its window has gone still has somewhere to report."""

    finished = Signal(object, object)  # (owner, conclude), outcome or the bug raised

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._deliver)  # a method: queued onto this object's thread

    @Slot(object, object)
    def _deliver(self, target: tuple[QObject, Callable[[Any], None]], outcome: Any) -> None:
        owner, conclude = target
        if not shiboken6.isValid(owner):
            return  # its window has gone: nobody is left to tell
        if isinstance(outcome, BaseException):
            raise outcome  # a bug in the work: raised here, where it can be seen
        conclude(outcome)


_relays: list[_Relay] = []


def _relay() -> _Relay:
    if not _relays:  # made on the window's thread, at the first background job
        _relays.append(_Relay())
    return _relays[0]


class _Job(QRunnable):
    def __init__(
        self,
        attempt: Callable[[], Outcome[Any]],
        deliver: Callable[[Outcome[Any] | BaseException], None],
    ):
        super().__init__()
        self._attempt, self._deliver = attempt, deliver

    def run(self) -> None:
        try:
            outcome: Outcome[Any] | BaseException = self._attempt()
        except Exception as error:  # not a UserError: handed to the window's thread to raise
            outcome = error
        self._deliver(outcome)
