"""Online or offline: the window's hold on the team server and on the laptop's working copy.

Online, the windows work on the server as before, and the working copy is brought up to date
in the background (at sign-in, every quarter of an hour, and on *Synkronisér nu*): the outbox
is pushed, then what changed is pulled. When the server cannot be reached (at start, or an
operation finds it gone), the windows move to the working copy: the plan, the inventory and
printing work from it, reservations and plan saves wait in its outbox, and every half
minute hjem quietly tries the server again; when it answers, hjem signs in again and syncs.

Every step that may wait on the network runs on a worker thread, within the server engine's
connect and statement timeouts; the window only ever waits for the local file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from hjem.errors import UserError
from hjem.ui.operations import Change, Operations, Outcome, is_unreachable, run_off_ui_thread

if TYPE_CHECKING:
    from hjem.db.roles import Identity
    from hjem.db.signin import SignedIn
    from hjem.db.workspace import Workspace
    from hjem.sync.engine import SyncReport
    from hjem.sync.status import CopyStatus

RECONNECT_MS = 30_000  # offline: how often the server is tried again
REFRESH_MS = 15 * 60_000  # online: how often the working copy is brought up to date
TICK_MS = 60_000  # "Lager opdateret for 2 minutter siden" moves on
T = TypeVar("T")
EVERYTHING_CHANGED = frozenset({Change.INVENTORY, Change.CASES, Change.BUDGET})


class Mode(StrEnum):
    LOCAL = "local"  # the laptop's own workspace: no team server, nothing to sync
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True)
class Progress:
    stage: str  # "push" or "pull" (hjem.sync.engine)
    done: int
    total: int


class SyncControl(QObject):
    changed = Signal()  # the mode, a sync's progress or the copy's status
    went_offline = Signal(object)  # the Identity the copy remembers (or None)
    reconnected = Signal(object)  # SignedIn: the server answered a quiet sign-in
    server_answers = Signal()  # offline, the server answers, but hjem cannot sign in alone
    sign_in_wanted = Signal()  # the person asked to sync, and hjem has no password to do it
    synced = Signal(object)  # SyncReport
    _progressed = Signal(str, int, int)  # from the worker thread

    def __init__(self, operations: Operations, parent: QObject | None = None):
        super().__init__(parent)
        self.operations = operations
        self.mode = Mode.LOCAL
        self.since: dt.datetime | None = None  # offline since (the laptop's clock)
        self.progress: Progress | None = None  # a sync under way
        self.status: CopyStatus | None = None  # the copy's, as last read
        self.problem = ""  # why the last sync or reconnection did not work
        self._url: str | None = None  # the person's server address, in memory only
        self._password_known = False  # whether `_url` can sign in without asking
        self._copy: Workspace | None = None
        self._copy_of: str | None = None  # the file name of `_copy` (hjem.sync.copy)
        self._trying = False  # a quiet reconnection is under way
        self._progressed.connect(self._show_progress)
        operations.workspace_did_change.connect(self._workspace_changed)
        self._reconnect = self._timer(RECONNECT_MS, self._try_server)
        self._refresh = self._timer(REFRESH_MS, self.sync_now)
        self._tick = self._timer(TICK_MS, self.changed.emit)

    def _timer(self, interval_ms: int, call: Callable[[], Any]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(call)
        return timer

    # --- the copy --------------------------------------------------------------------------------

    @staticmethod
    def has_copy(url: str) -> bool:
        from hjem.sync.copy import has_copy

        return has_copy(url)

    def _with_copy(self, url: str, then: Callable[[Workspace], None]) -> None:
        """The person's working copy, opened on a worker (made on first use), then `then`."""
        from hjem.sync.copy import copy_name, open_copy

        try:
            name = copy_name(url)  # the same file, however the address is written
        except UserError as problem:  # an address hjem cannot use
            self._fail(problem)
            return
        if self._copy is not None and self._copy_of == name:
            then(self._copy)
            return

        def opened(outcome: Outcome[Workspace]) -> None:
            if outcome.value is None:
                self._fail(outcome.problem)
                return
            if self._copy is not None and self._copy is not outcome.value:
                self._copy.close()
            self._copy, self._copy_of = outcome.value, name
            then(outcome.value)

        run_off_ui_thread(self, lambda: open_copy(url), opened)

    def on_copy(self, work: Callable[[Any], T], write: bool = False) -> T | None:
        """`work` on the working copy, here and now (a local file); None when there is no
        copy or it cannot be read (the status says why)."""
        if self._copy is None:
            return None
        try:
            return self._copy.run(work) if write else self._copy.read(work)
        except UserError as problem:
            self.problem = problem.message.text()
            self.changed.emit()
            return None

    @property
    def copy(self) -> Workspace | None:
        """The working copy, once opened (online: after the first sync began)."""
        return self._copy

    def _workspace_changed(self, _changes: object) -> None:
        if self.mode is Mode.OFFLINE:  # a change may wait in the outbox now
            self.read_status()

    def read_status(self) -> None:
        """Read the copy's status (a local file: quick) and say it."""
        if self._copy is not None:
            from hjem.sync.status import copy_status

            try:
                self.status = self._copy.read(copy_status)
            except UserError as problem:
                self.problem = problem.message.text()
        self.changed.emit()

    # --- online ----------------------------------------------------------------------------------

    def online(self, url: str, identity: Identity, password_known: bool = True) -> None:
        """The person signed in to the server at `url`: bring their copy up to date."""
        self.mode, self.since, self.problem = Mode.ONLINE, None, ""
        self._url, self._password_known = url, password_known
        self._reconnect.stop()
        self._refresh.start()
        self._tick.start()

        def remember(copy: Workspace) -> None:
            from hjem.sync.state import remember_person

            try:
                copy.run(lambda session: remember_person(session, identity))
            except UserError as problem:
                self._fail(problem)
                return
            self.sync_now()

        self._with_copy(url, remember)
        self.changed.emit()

    # --- offline ---------------------------------------------------------------------------------

    def offline(self, url: str, password_known: bool, try_server: bool = False) -> None:
        """Work on the copy of the server at `url` (it must exist: `has_copy`); with
        `try_server`, try to sign in quietly at once."""
        self._url, self._password_known = url, password_known

        def use(copy: Workspace) -> None:
            from hjem.sync.state import remembered_person

            self.operations.use(copy, offline=True, close_before=self.mode is Mode.ONLINE)
            self.mode, self.since = Mode.OFFLINE, dt.datetime.now()
            self.problem = ""  # the server out of reach is what offline means, not a fault
            self._refresh.stop()
            self._reconnect.start()
            self._tick.start()
            self.read_status()
            self.went_offline.emit(copy.read(remembered_person))
            self.operations.announce(EVERYTHING_CHANGED)
            if try_server:
                self._try_server()

        self._with_copy(url, use)

    def server_lost(self) -> None:
        """An operation found the server gone: carry on offline, if there is a copy."""
        if self.mode is Mode.ONLINE and self._url and self.has_copy(self._url):
            self.offline(self._url, self._password_known)

    def _try_server(self) -> None:
        """Offline, now and then: sign in again quietly, or say that the server answers."""
        if self.mode is not Mode.OFFLINE or self._trying or self._url is None:
            return
        self._trying = True
        url, quiet = self._url, self._password_known

        def attempt() -> SignedIn | bool:
            from hjem.db.signin import sign_in, sign_in_reachable

            return sign_in(url) if quiet else sign_in_reachable(url)

        run_off_ui_thread(self, attempt, self._tried)

    def _tried(self, outcome: Outcome[SignedIn | bool]) -> None:
        self._trying = False
        value = outcome.value
        if isinstance(value, bool) or value is None:
            answered = outcome.problem is not None and _answered(outcome.problem)
            if answered:  # the password changed: not tried again every half minute
                self._password_known = False
            if value or answered:
                self.server_answers.emit()  # a password to type
            return
        if self.mode is not Mode.OFFLINE:  # signed in by hand meanwhile
            value.workspace.close()
            return
        self.reconnected.emit(value)

    # --- syncing ---------------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Push the outbox, then pull; offline, sign in again first."""
        if self.progress is not None or self._url is None:
            return
        if self.mode is Mode.OFFLINE and not self._password_known:
            self.sign_in_wanted.emit()
            return
        if self.mode is Mode.OFFLINE:
            self._reconnect.start()  # the next quiet try comes a full interval after this
            self._try_server()
            return
        if self.mode is not Mode.ONLINE:
            return
        try:
            server = self.operations.workspace()
        except UserError as problem:
            self._fail(problem)
            return
        self._with_copy(self._url, lambda copy: self._sync(server, copy))

    def _sync(self, server: Workspace, copy: Workspace) -> None:
        from hjem.sync.engine import sync

        self.progress = Progress("push", 0, 0)
        self.changed.emit()
        tell = self._progressed.emit
        run_off_ui_thread(self, lambda: sync(server, copy, tell), self._synced)

    def _show_progress(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress = Progress(stage, done, total)
            self.changed.emit()

    def _synced(self, outcome: Outcome[SyncReport]) -> None:
        self.progress = None
        if outcome.value is None:
            self._fail(outcome.problem)
            if is_unreachable(outcome.problem):
                self.server_lost()
            return
        self.problem = ""
        self.read_status()
        self.synced.emit(outcome.value)

    def _fail(self, problem: UserError | None) -> None:
        self.progress = None
        self.problem = problem.message.text() if problem is not None else ""
        self.read_status()

    def close(self) -> None:
        """The window closes: no more tries or syncs; the copy is let go (offline, the
        windows' operations close it with their workspace)."""
        for timer in (self._reconnect, self._refresh, self._tick):
            timer.stop()
        if self._copy is not None and not self.operations.offline:
            self._copy.close()


def _answered(problem: UserError) -> bool:
    """Whether a failed sign-in heard from the server (a wrong password, TLS) rather than
    nothing at all."""
    from hjem.db.signin import NO_ANSWER

    return problem.message.key not in NO_ANSWER
