"""The main window's side of the team's server: signing in at start and from the menu, the
server's settings, who is signed in (the status line: name, group, host/database, never the
password), and showing only what their group may use.

Without a team server (the local workspace) hjem is as it always was: everything. With an
address from --database or HJEM_DATABASE_URL, hjem asks the server who that login is, off the
window's thread, and shows what their group may use; no dialog.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from hjem.db.server_address import TeamServer
from hjem.errors import UserError
from hjem.i18n import msg, tr
from hjem.ui.case_windows import LIST_DELAY_MS, CaseWindows
from hjem.ui.menus import Menus
from hjem.ui.operations import Operations, Outcome
from hjem.ui.settings import Settings
from hjem.ui.signin.access import (
    EVERYTHING,
    NO_CASES,
    NOT_SIGNED_IN,
    Access,
    access_for,
    offline_access,
    show_in_menus,
)
from hjem.ui.signin.passwords import PasswordKeeper
from hjem.ui.start_screen import StartScreen
from hjem.ui.status import StatusLine
from hjem.ui.sync.control import Mode, SyncControl

if TYPE_CHECKING:
    from hjem.db.roles import Identity
    from hjem.db.signin import SignedIn
    from hjem.ui.document import PlanDocument

ENV_URL = "HJEM_DATABASE_URL"  # as hjem.db.engine reads it (not imported: no database yet)


@dataclass(frozen=True)
class SignInParts:
    """What signing in changes in the main window."""

    window: QMainWindow
    settings: Settings
    operations: Operations
    start: StartScreen
    menus: Menus
    cases: CaseWindows
    status: StatusLine
    forget_views: Callable[[], None]  # the last person's windows close
    address: str | None  # --database
    document: PlanDocument  # the plan open in the editor (a conflict's way out may edit it)
    show_plan: Callable[..., None]  # (plan, path): a plan in the editor


class TeamSignIn:
    def __init__(self, parts: SignInParts, keeper: PasswordKeeper | None = None):
        self.parts = parts
        self.keeper = keeper or PasswordKeeper()
        # Read here, on the window's thread: the workspace opener asks from a worker.
        self.server = parts.settings.team_server()
        self.identity: Identity | None = None
        self.access = EVERYTHING  # until a team server says otherwise
        self._started = False
        self.label = QLabel()
        self.label.setObjectName("signed_in")
        parts.window.statusBar().addPermanentWidget(self.label)
        self._add_menu_actions()
        self.sync = SyncControl(parts.operations, parts.window)
        self._connect_sync()

    def _connect_sync(self) -> None:
        from hjem.ui.sync.window import SyncWindow

        self.sync.went_offline.connect(self._offline)
        self.sync.reconnected.connect(self._reconnected)
        self.sync.sign_in_wanted.connect(self.sign_in)
        self.sync.server_answers.connect(
            lambda: self.parts.status.say(tr("sync.window.server_answers"))
        )
        self.parts.operations.server_lost.connect(self._server_lost)
        self.sync_window = SyncWindow(self.sync, self.parts)

    def _add_menu_actions(self) -> None:
        menus = self.parts.menus
        settings_menu = menus.menus["menu.title.settings"]
        settings_menu.addSeparator()
        settings_menu.addAction(menus.action("menu.team_server", self.edit_server, editing=False))
        settings_menu.addAction(menus.action("menu.sign_in", self.sign_in, editing=False))

    @property
    def address_given(self) -> bool:
        return bool(self.parts.address or os.environ.get(ENV_URL))

    @property
    def awaiting_sign_in(self) -> bool:
        """A team server is set, no address given, and nobody has signed in yet."""
        return self.server is not None and not self.address_given and self.identity is None

    def not_signed_in(self) -> UserError:
        host = self.server.host if self.server else ""
        return UserError(msg("signin.not_signed_in", host=host))

    # --- at start --------------------------------------------------------------------------------

    def window_shown(self) -> None:
        """The first time the window shows: what the start screen may show, and its cases."""
        if self._started:
            return
        self._started = True
        if self.awaiting_sign_in:  # the sign-in dialog comes with the greeting
            self._show(NOT_SIGNED_IN)
        elif self._given_server_address():
            self.parts.cases.set_access(NO_CASES)  # until the server says who this is
            QTimer.singleShot(LIST_DELAY_MS, self.parts.start, self._start_with_address)
        else:
            self.parts.cases.load_list_soon()

    def sign_in_at_start(self) -> None:
        """Sign in, or with a working copy on this laptop, start on it at once: quietly
        signing in with a remembered password, else asking (Cancel: work offline)."""
        if not self.awaiting_sign_in:
            return
        assert self.server is not None
        login = self.parts.settings.team_login()
        password = self.keeper.recall(self.server, login) if login else ""
        url = self.server.url(login, password) if login else ""
        if not url or not self.sync.has_copy(url):
            self.sign_in()
        elif password:
            self.sync.offline(url, password_known=True, try_server=True)
        else:
            self.sync.offline(url, password_known=False)
            self.sign_in()

    def _address(self) -> str:
        return self.parts.address or os.environ.get(ENV_URL) or ""

    def _given_server_address(self) -> bool:
        return self._address().startswith("postgres")

    def _start_with_address(self) -> None:
        """After the first paint: with a working copy, on it at once while the server is
        asked off the window's thread; else ask the server who this is first."""
        if self.sync.has_copy(self._address()):
            self.sync.offline(self._address(), password_known=True, try_server=True)
        else:
            self._ask_who()

    def _ask_who(self) -> None:
        self.parts.operations.open_in_background(self._opened)

    def _opened(self) -> None:
        operations = self.parts.operations
        address = self._address()
        if operations.problem is not None and self.sync.has_copy(address):
            self.sync.offline(address, password_known=True)
            return
        if operations.problem is not None:  # the case list says why
            self.parts.cases.set_access(EVERYTHING)
            return
        from hjem.db.roles import identify_in

        operations.run_in_background(identify_in, self._identified)

    def _identified(self, outcome: Outcome[Identity]) -> None:
        if outcome.value is None:
            self.parts.cases.set_access(EVERYTHING)
            return
        self._apply(outcome.value)
        if outcome.value.group is not None and outcome.value.server:
            self.sync.online(self._address(), outcome.value)

    # --- signing in ------------------------------------------------------------------------------

    def sign_in(self) -> bool:
        """Ask name and password (the server's settings first, if there are none)."""
        if self.server is None and self.edit_server() is None:
            return False
        assert self.server is not None
        from hjem.ui.signin.dialog import SignInDialog

        dialog = SignInDialog(
            self.server,
            self.parts.settings.team_login(),
            self.keeper,
            self.edit_server,
            self.parts.window,
        )
        signed_in = dialog.signed_in if dialog.exec() else None
        if signed_in is not None:
            self._adopt(signed_in, keyring_failed=dialog.keyring_failed)
        dialog.deleteLater()
        return signed_in is not None

    def _adopt(self, signed_in: SignedIn, keyring_failed: bool) -> None:
        """Work on the server as the person who signed in. Back from working offline as the
        same person, their windows stay open: the copy held the server's rows."""
        offline = self.sync.mode is Mode.OFFLINE
        same = (
            offline and self.identity is not None and self.identity.user == signed_in.identity.user
        )
        if not same:
            self.parts.forget_views()
        self.parts.operations.use(signed_in.workspace, close_before=not offline)
        self.parts.settings.set_team_login(signed_in.identity.user)
        self._apply(signed_in.identity)
        self.sync.online(signed_in.workspace.url, signed_in.identity)
        if keyring_failed:
            self.parts.status.say(tr("signin.keyring_failed"))

    # --- offline ---------------------------------------------------------------------------------

    def _offline(self, identity: Identity | None) -> None:
        """Working on the laptop's copy: what the person's group may use, less what only the
        server can do (new cases, the grant schemes, the demo)."""
        self.identity = identity
        group = identity.group if identity is not None else None
        self._show(offline_access(access_for(group)))
        user = identity.user if identity is not None else ""
        self.label.setText(tr("sync.window.signed_in_offline", user=user))

    def _reconnected(self, signed_in: SignedIn) -> None:
        self._adopt(signed_in, keyring_failed=False)
        self.parts.status.say(tr("sync.window.back_online"))

    def _server_lost(self) -> None:
        if self.sync.mode is Mode.ONLINE:
            self.parts.status.say(tr("sync.window.lost"), error=True)
            self.sync.server_lost()

    def _apply(self, identity: Identity) -> None:
        self.identity = identity
        self._show(access_for(identity.group))
        role = tr(ROLES[identity.group]) if identity.group in ROLES else ""
        key = "signin.status" if role else "signin.status_no_role"
        self.label.setText(tr(key, user=identity.user, role=role, server=identity.server))

    def _show(self, access: Access) -> None:
        self.access = access
        intro = tr("signin.inventory_intro") if not (access.plans or access.cases) else ""
        self.parts.start.show_parts(access.plans, access.demo, intro)
        show_in_menus(self.parts.menus, access)
        self.parts.cases.set_access(access)

    # --- the server's settings ------------------------------------------------------------------

    def edit_server(self) -> TeamServer | None:
        """Settings → Team server …; the server now set (None: none, or cancelled)."""
        from hjem.ui.signin.server_dialog import REMOVED, TeamServerDialog

        dialog = TeamServerDialog(self.server, self.parts.window)
        result = dialog.exec()
        if result == REMOVED or (result and dialog.server is not None):
            self.server = dialog.server
            self.parts.settings.set_team_server(self.server)
        if result and self.address_given:
            self.parts.status.say(tr("team_server.address_given"))
        dialog.deleteLater()
        return self.server if result and result != REMOVED else None


ROLES = {  # a group's name as the status line says it
    "coordinator": "role.coordinator",
    "architect": "role.architect",
    "inventory": "role.inventory",
}
