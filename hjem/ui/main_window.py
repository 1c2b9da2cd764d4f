"""The main window: a start screen until a plan is open, then the plan editor with its tools,
panels and menus. File handling, autosave and crash recovery live here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget

from hjem.floorplan.model import Plan
from hjem.i18n import tr
from hjem.ui import files
from hjem.ui.document import PlanDocument
from hjem.ui.recovery import Recovery
from hjem.ui.settings import Settings
from hjem.ui.start_screen import StartScreen


class MainWindow(QMainWindow):
    plan_did_save = Signal(str)  # a case's code, when its plan was saved to the workspace

    def __init__(self, settings: Settings, recovery: Recovery, database: str | None = None):
        super().__init__()
        self.settings = settings
        self.recovery = recovery
        self.database = database  # --database; else HJEM_DATABASE_URL; else the local file
        self._workspace = None
        self.inventory_window = None
        self.handover_dialog = None  # the print dialog while it is open
        self.furnishing = None  # the inventory panel and furniture list, with the editor
        self.document = PlanDocument(parent=self)
        self.editor = None  # built when the first plan opens (it loads the geometry engine)
        self._autosaved_index: int | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.start = StartScreen(settings.recent_files())
        self.start.new_requested.connect(self.new_plan)
        self.start.open_requested.connect(self.open_dialog)
        self.start.path_chosen.connect(self.open_path)
        self.start.inventory_requested.connect(self.open_inventory)
        self.start.demo_requested.connect(self.open_demo)
        self.stack.addWidget(self.start)
        self.hint = QLabel()
        self.typed = QLabel()
        self.statusBar().addWidget(self.hint, 1)
        self.statusBar().addPermanentWidget(self.typed)
        self.document.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self.document.path_did_change.connect(lambda _path: self._update_title())
        self._autosave = QTimer(self)
        self._autosave.timeout.connect(self.autosave)
        self.set_autosave_seconds(settings.autosave_seconds())
        from hjem.ui.menus import build_menus

        self.menus = build_menus(self)
        from hjem.ui.case_windows import CaseWindows

        self.cases = CaseWindows(self)
        self.resize(1280, 820)
        self._update_title()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.cases.load_list_soon()

    # --- the editor --------------------------------------------------------------------------

    def ensure_editor(self):
        if self.editor is None:
            from hjem.ui.workspace import build_workspace

            self.editor = build_workspace(self)
        self.stack.setCurrentWidget(self.editor.view)
        self.menus.set_editing(True)
        return self.editor

    def show_plan(self, plan: Plan, path: Path | None) -> None:
        editor = self.ensure_editor()
        self.document.replace(plan, path)
        editor.scene.clearSelection()
        editor.view.fit_to_plan()
        editor.use_tool("select")
        self._autosaved_index = None
        self.furnishing.panel.refresh()

    # --- files ---------------------------------------------------------------------------------

    def new_plan(self) -> None:
        if self.maybe_save():
            self.show_plan(Plan(), None)
            self.editor.use_tool("wall")

    def open_dialog(self) -> None:
        folder = self.document.path.parent if self.document.path else None
        path = files.ask_open_path(self, folder)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        from hjem.floorplan.codec import PlanFileError
        from hjem.floorplan.hjemfile import load_plan

        if not self.maybe_save():
            return False
        try:
            plan = load_plan(path)
        except PlanFileError as error:
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
            from hjem.ui.case_plans import save_to_case

            return save_to_case(self)
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
        if self._workspace is not None:
            self._workspace.close()
        self.document.undo_stack.blockSignals(True)  # the window goes; nothing left to retitle
        event.accept()

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
            self.hint.setText(tr("recovery.autosave_failed"))
            return
        self._autosaved_index = index

    def offer_recovery(self) -> bool:
        """After a crash: offer the plan the last session was working on. True if restored."""
        orphans = self.recovery.orphans()
        if not orphans:
            return False
        from hjem.floorplan.codec import PlanFileError
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
            except PlanFileError as error:
                files.show_error(self, "recovery.title", error.message.text())
        for orphan in orphans:
            Recovery.remove(orphan)
        return restored

    # --- the shared inventory ---------------------------------------------------------------------

    def workspace(self):
        """The workspace database, opened (and migrated) the first time it is needed."""
        if self._workspace is None:
            from hjem.db.workspace import Workspace

            self._workspace = Workspace(self.database)
        return self._workspace

    def try_workspace(self):
        """The workspace, or None when it cannot be opened (the plan editor works on)."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            return self.workspace()
        except (SQLAlchemyError, OSError):
            return None

    def inventory_did_change(self) -> None:
        """Reservations were made or released here: show the inventory as it now is."""
        if self.furnishing is not None:
            self.furnishing.panel.refresh()
            self.furnishing.furniture.refresh()
        if self.inventory_window is not None:
            self.inventory_window.refresh()
        self.cases.reload_all()

    def open_demo(self) -> None:
        """Fill the workspace with the demo inventory (once) and show it."""
        from hjem.budget.demo import add_demo_case
        from hjem.inventory.demo import demo_is_present, fill_demo

        with self.workspace().session() as session:
            if not demo_is_present(session):
                fill_demo(session, self.settings.user_name())
        with self.workspace().session() as session:
            add_demo_case(session, self.settings.user_name(), dt.date.today())
        if self.cases.list is not None:
            self.cases.list.refresh()
        self.open_inventory()
        if self.inventory_window is not None:
            self.inventory_window.refresh()

    def open_inventory(self) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        from hjem.ui.inventory.window import InventoryWindow

        try:
            if self.inventory_window is None:
                self.inventory_window = InventoryWindow(
                    self.workspace(), self.settings.user_name(), self
                )
        except (SQLAlchemyError, OSError) as error:
            files.show_error(
                self, "inventory_window.title", tr("cli.no_database", reason=type(error).__name__)
            )
            return
        self.inventory_window.show()
        self.inventory_window.raise_()

    # --- title -----------------------------------------------------------------------------------

    def _update_title(self) -> None:
        if self.document.case_code is not None:
            name = tr("case_plan.window_title", code=self.document.case_code)
        else:
            name = self.document.path.stem if self.document.path else tr("files.untitled")
        marker = "*" if self.document.is_modified else ""
        self.setWindowTitle(f"{marker}{name} – hjem" if self.editor else "hjem")
