"""The main window: a start screen until a plan is open, then the plan editor with its tools,
panels and menus. File handling, autosave and crash recovery live here.

The window builds its parts and hands each the narrow thing it needs (the editor, the
document, the operations runner, the settings); no other module is given the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QStackedWidget

from hjem.errors import UserError
from hjem.floorplan.model import Plan
from hjem.i18n import tr
from hjem.ids import CaseCode
from hjem.ui import files
from hjem.ui.document import PlanDocument
from hjem.ui.operations import Change, Operations, Outcome, message_box
from hjem.ui.recovery import Recovery
from hjem.ui.screen_fit import open_within_screen
from hjem.ui.session import EditingSession
from hjem.ui.settings import Settings
from hjem.ui.start_screen import StartScreen
from hjem.ui.status import StatusLine
from hjem.ui.surroundings import Surroundings

if TYPE_CHECKING:  # the database layer and the editor load when first needed
    from hjem.db.workspace import Workspace
    from hjem.ui.inventory.window import InventoryWindow
    from hjem.ui.signin.team import TeamSignIn

DEMO_CHANGES = frozenset({Change.INVENTORY, Change.CASES, Change.BUDGET})
PREFERRED_SIZE = QSize(1440, 900)  # a laptop's screen gets all of its room instead


class PageStack(QStackedWidget):
    """The start screen or the plan, sized by the page shown: the start screen's row of
    buttons must not make the editor (with its panels beside it) wider than a laptop."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()


class MainWindow(QMainWindow):
    plan_did_save = Signal(str)  # a case's code, when its plan was saved to the workspace

    def __init__(self, settings: Settings, recovery: Recovery, database: str | None = None):
        super().__init__()
        self.settings = settings
        self.recovery = recovery
        self.database = database  # --database; else HJEM_DATABASE_URL; else the local file
        self.operations = Operations(self._open_workspace, self)
        self.inventory_window: InventoryWindow | None = None
        self.document = PlanDocument(parent=self)
        self._session: EditingSession | None = None  # built when the first plan opens
        self._autosaved_index: int | None = None
        # The panels and tool bar as they were, while the start screen is shown again.
        self._editor_layout: QByteArray | None = None
        self.stack = PageStack()
        self.setCentralWidget(self.stack)
        self.start = StartScreen(settings.recent_files())
        self.start.new_requested.connect(self.new_plan)
        self.start.open_requested.connect(self.open_dialog)
        self.start.path_chosen.connect(self.open_path)
        self.start.inventory_requested.connect(self.open_inventory)
        self.start.demo_requested.connect(self.open_demo)
        self.stack.addWidget(self.start)
        self.status = StatusLine(self.statusBar())
        self.document.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self.document.path_did_change.connect(lambda _path: self._update_title())
        # An edit, an undo or a redo since a refusal: the red words no longer apply.
        self.document.undo_stack.indexChanged.connect(lambda _index: self.status.clear_error())
        self._autosave = QTimer(self)
        self._autosave.timeout.connect(self.autosave)
        self.set_autosave_seconds(settings.autosave_seconds())
        self._build_parts()
        open_within_screen(self, PREFERRED_SIZE)
        self._update_title()

    def _build_parts(self) -> None:
        from hjem.ui.case_windows import CaseWindows
        from hjem.ui.menus import FileActions, MenuContext, build_menus
        from hjem.ui.preferences import Preferences
        from hjem.ui.printing.open import Printing
        from hjem.ui.workspace_key.menu import add_show_code_action

        self.printing = Printing(self.operations, self.settings, self.document, self)
        self.preferences = Preferences(
            self.settings, self.status, self, self.set_autosave_seconds, self._name_did_change
        )
        actions = FileActions(
            self.new_plan,
            self.open_dialog,
            self.open_path,
            self.save,
            self.save_as,
            self.close,
            self.back_to_start,
        )
        self.menus = build_menus(
            MenuContext(
                self,
                self.settings,
                lambda: self.session,
                actions,
                self.open_inventory,
                self.printing.print_open_plan,
                self.preferences,
            )
        )
        add_show_code_action(self.menus, self.operations, self)
        self.cases = CaseWindows(
            self.operations,
            self.settings,
            self.document,
            self.start,
            self,
            self.open_case_plan,
            self.printing.print_case,
        )
        self.team = _team_sign_in(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.team.window_shown()

    # --- the editing session -------------------------------------------------------------------

    @property
    def session(self) -> EditingSession:
        """The editor with its scene, view and panels, built together the first time."""
        if self._session is None:
            from hjem.ui.workspace import build_session

            around = Surroundings(self, self.document, self.settings, self.operations, self.status)
            self._session = build_session(around, self.stack)
            self.menus.attach(self._session.editor)
        return self._session

    @property
    def has_editor(self) -> bool:
        """Whether a plan was ever opened (the start screen loads no editor)."""
        return self._session is not None

    @property
    def is_editing(self) -> bool:
        """Whether a plan is open in the editor (not the start screen)."""
        return self._session is not None and self.stack.currentWidget() is self._session.view

    def show_plan(self, plan: Plan, path: Path | None) -> None:
        session = self.session
        if self._editor_layout is not None:  # back from the start screen: the panels return
            self.restoreState(self._editor_layout)
            self._editor_layout = None
        self.stack.setCurrentWidget(session.view)
        self.menus.set_editing(True)
        self.document.replace(plan, path)
        session.scene.clearSelection()
        session.view.fit_to_plan()
        session.editor.use_tool("select")
        self._autosaved_index = None
        session.furnishing.panel.refresh()

    def back_to_start(self) -> bool:
        """Close the plan (asking first whether to save it) and show the cases and plans."""
        if not self.is_editing:
            return True
        if not self.maybe_save():
            return False
        self.recovery.discard()
        self._editor_layout = self.saveState()
        for dock in self.findChildren(
            QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            dock.hide()
        self.menus.toolbar.hide()
        self.menus.set_editing(False)
        self.document.replace(Plan(), None)
        self.stack.setCurrentWidget(self.start)
        self.start.show_recent(self.settings.recent_files())
        self.status.say("")
        self._update_title()
        return True

    # --- files ---------------------------------------------------------------------------------

    def new_plan(self) -> None:
        if self.maybe_save():
            self.show_plan(Plan(), None)
            self.session.editor.use_tool("wall")

    def open_dialog(self) -> None:
        folder = self.document.path.parent if self.document.path else None
        path = files.ask_open_path(self, folder)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        from hjem.floorplan.hjemfile import load_plan

        if not self.maybe_save():
            return False
        try:
            plan = load_plan(path)
        except UserError as error:
            files.show_error(
                self,
                "files.open_failed",
                tr("files.cannot_open", name=Path(path).name, problem=error.message),
            )
            return False
        self.show_plan(plan, Path(path))
        if not self._is_sample(path):
            self.settings.add_recent(Path(path))
        return True

    @staticmethod
    def _is_sample(path: Path) -> bool:
        from hjem.resources import asset

        return Path(path).resolve().parent == asset("samples").resolve()

    def save(self) -> bool:
        if self.document.case_code is not None:
            return self.save_to_case()
        if self.document.path is None or self._is_sample(self.document.path):
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        path = files.ask_save_path(self, self.document.path)
        return path is not None and self._write(path)

    def _write(self, path: Path) -> bool:
        from hjem.floorplan.hjemfile import save_plan

        try:
            save_plan(self.document.plan, path)
        except OSError as error:
            files.show_error(
                self,
                "files.save_failed",
                tr("files.cannot_save", name=path.name, reason=error.strerror or ""),
            )
            return False
        self.document.mark_saved(path)
        self.settings.add_recent(path)
        self.recovery.discard()
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current plan (saved, discarded, or nothing to lose)."""
        if not self.document.is_modified:
            return True
        answer = files.ask_save_changes(self)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self._autosave.stop()
        self.recovery.close()
        self.team.sync.close()
        self.operations.close()
        self.document.undo_stack.blockSignals(True)  # the window goes; nothing left to retitle
        event.accept()

    # --- a family case's plan ------------------------------------------------------------------

    def open_case_plan(self, code: CaseCode) -> bool:
        """Show the case's plan in the editor (an empty one if it has none yet)."""
        from hjem.ui.case_plans import load_case_plan_for

        if self.operations.available() is None or not self.maybe_save():
            return False
        stored = load_case_plan_for(self.operations, code, self)
        if not stored:
            return False
        plan, version = stored.value or (Plan(case_code=code), None)
        self.show_plan(plan, None)
        self.document.case_code = code
        self.document.case_version = version
        self.document.path_did_change.emit(None)
        self.raise_()  # from the case's window: the editor comes to the front
        self.activateWindow()
        return True

    def save_to_case(self) -> bool:
        from hjem.ui.case_plans import StaleSave, save_case_plan_of

        saved = save_case_plan_of(self.operations, self.document, self.settings.user_name(), self)
        if isinstance(saved, StaleSave):
            return saved.keep_as_file and self.save_as()
        if not saved:
            return False
        self.recovery.discard()
        self.plan_did_save.emit(self.document.case_code)
        return True

    # --- autosave and recovery -------------------------------------------------------------------

    def set_autosave_seconds(self, seconds: int) -> None:
        self._autosave.stop()
        if seconds > 0:
            self._autosave.start(seconds * 1000)

    def autosave(self) -> None:
        """Write the plan to the recovery file if it changed since the last autosave."""
        index = self.document.undo_stack.index()
        if not self.document.is_modified or index == self._autosaved_index:
            return
        try:
            self.recovery.write(self.document.plan)
        except OSError:
            self.status.say(tr("recovery.autosave_failed"))
            return
        self._autosaved_index = index

    def offer_recovery(self) -> bool:
        """After a crash: offer the plan the last session was working on. True if restored."""
        orphans = self.recovery.orphans()
        if not orphans:
            return False
        from hjem.floorplan.hjemfile import load_plan

        newest = orphans[0]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("recovery.title"),
            tr("recovery.text"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("recovery_box")
        box.button(QMessageBox.StandardButton.Yes).setText(tr("recovery.restore"))
        box.button(QMessageBox.StandardButton.No).setText(tr("recovery.discard"))
        restored = False
        if box.exec() == QMessageBox.StandardButton.Yes:
            try:
                self.show_plan(load_plan(newest), None)
                self.document.mark_unsaved()
                restored = True
            except UserError as error:
                files.show_error(self, "recovery.title", error.message.text())
        for orphan in orphans:
            Recovery.remove(orphan)
        return restored

    # --- the shared inventory ---------------------------------------------------------------------

    def _open_workspace(self) -> Workspace:
        from hjem.db.workspace import open_workspace

        if self.team.awaiting_sign_in:  # never the local file instead of the team's server
            raise self.team.not_signed_in()
        return open_workspace(self.database)

    def forget_views(self) -> None:
        """Another person signs in: the last one's inventory, cases and case plan close."""
        if self.is_editing and self.document.case_code is not None:
            self.back_to_start()
        if self.inventory_window is not None:
            self.inventory_window.close()
            self.inventory_window.deleteLater()
            self.inventory_window = None
        self.cases.close_all()

    def workspace(self) -> Workspace:
        """The workspace database, opened (and migrated) the first time it is needed."""
        return self.operations.workspace()

    @property
    def handover_dialog(self) -> Any:
        """The print dialog while it is open (for tests and screenshots to find it)."""
        return self.printing.dialog

    def open_demo(self) -> None:
        """Fill the workspace with the demo inventory and a demo case (once), then show it."""
        from hjem.budget.demo import fill_demo_workspace

        who = self.settings.user_name()

        def filled(outcome: Outcome[None]) -> None:
            if outcome.ok:
                self.open_inventory()

        self.operations.run_in_background(
            lambda session: fill_demo_workspace(session, who, dt.date.today()),
            filled,
            DEMO_CHANGES,
            message_box(self, tr("inventory_window.title")),
        )

    def open_inventory(self) -> None:
        from hjem.ui.inventory.window import InventoryWindow

        if self.inventory_window is None:
            try:
                self.operations.workspace()
            except UserError as problem:
                files.show_error(self, "inventory_window.title", problem.message.text())
                return
            self.inventory_window = InventoryWindow(
                self.operations, self.settings.user_name(), self
            )
        self.inventory_window.show()
        self.inventory_window.raise_()

    def _name_did_change(self, name: str) -> None:
        if self.inventory_window is not None:
            self.inventory_window.who = name
        if self.cases.list is not None:
            self.cases.list.set_me(name)

    # --- title -----------------------------------------------------------------------------------

    def _update_title(self) -> None:
        if self.document.case_code is not None:
            name = tr("case_plan.window_title", code=self.document.case_code)
        else:
            name = self.document.path.stem if self.document.path else tr("files.untitled")
        marker = "*" if self.document.is_modified else ""
        self.setWindowTitle(f"{marker}{name} – hjem" if self.is_editing else "hjem")


def _team_sign_in(window: MainWindow) -> TeamSignIn:
    from hjem.ui.signin.team import SignInParts, TeamSignIn

    parts = SignInParts(
        window,
        window.settings,
        window.operations,
        window.start,
        window.menus,
        window.cases,
        window.status,
        window.forget_views,
        window.database,
        window.document,
        window.show_plan,
    )
    return TeamSignIn(parts)
