"""Menus, shortcuts and the tool bar. Shortcuts follow desktop conventions (Ctrl+Z, Ctrl+S,
Del, Esc); one-letter keys pick a drawing tool."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QMainWindow, QMenu, QToolBar

from hjem.floorplan.model import FixtureKind, OpeningKind
from hjem.i18n import tr
from hjem.ui.cases.open_schemes import open_schemes
from hjem.ui.preferences import Preferences
from hjem.ui.settings import Settings

if TYPE_CHECKING:  # the editor loads with the first plan, not with the menus
    from pathlib import Path

    from hjem.ui.editor import Editor
    from hjem.ui.session import EditingSession


@dataclass(frozen=True)
class FileActions:
    """What the File menu does with plans: the main window's own work."""

    new_plan: Callable[[], object]
    open_dialog: Callable[[], object]
    open_path: Callable[[Path], object]
    save: Callable[[], object]
    save_as: Callable[[], object]
    quit: Callable[[], object]
    back_to_start: Callable[[], object]  # the cases and plans, without restarting


@dataclass(frozen=True)
class MenuContext:
    host: QMainWindow  # the menu bar and tool bar go here
    settings: Settings
    session: Callable[[], EditingSession]  # the editing session (built with the first plan)
    files: FileActions
    open_inventory: Callable[[], object]
    print_plan: Callable[[], object]
    preferences: Preferences


TOOLS = [  # tool name, catalog key, shortcut
    ("select", "tool.select.name", "V"),
    ("wall", "tool.wall.name", "W"),
    ("rect_room", "tool.rect_room.name", "Q"),
    ("polygon_room", "tool.polygon_room.name", "P"),
    (OpeningKind.DOOR.value, "tool.door.name", "D"),
    (OpeningKind.WINDOW.value, "tool.window.name", "N"),
    (OpeningKind.FRENCH_DOOR.value, "tool.french_door.name", ""),
    (FixtureKind.RADIATOR.value, "fixture.radiator.name", ""),
    (FixtureKind.KITCHEN_COUNTER.value, "fixture.kitchen_counter.name", ""),
    (FixtureKind.COLUMN.value, "fixture.column.name", ""),
    (FixtureKind.BUILTIN_WARDROBE.value, "fixture.builtin_wardrobe.name", ""),
    ("dimension", "tool.dimension.name", "M"),
    ("label", "tool.label.name", "T"),
]
DOOR_WIDTHS = (70, 80, 90, 100)
WALL_THICKNESSES = (10, 12, 15, 20, 25, 30, 35, 40)
AUTOSAVE_CHOICES = (30, 60, 120, 300, 0)


class Menus:
    def __init__(self, context: MenuContext):
        self.context = context
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}  # by their title's catalog key
        self.editing: list[QAction] = []  # enabled only while a plan is open
        self.tool_group = QActionGroup(context.host)
        self.toolbar = QToolBar(tr("menu.title.tools"), context.host)
        self.toolbar.setObjectName("tools")

    def action(
        self,
        key: str,
        handler,
        shortcut: str | QKeySequence.StandardKey | None = None,
        editing: bool = True,
        checkable: bool = False,
        text: str | None = None,
    ) -> QAction:
        action = QAction(tr(key) if text is None else text, self.context.host)
        action.setObjectName(key)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(handler)
        self.actions[key] = action
        if editing:
            self.editing.append(action)
            action.setEnabled(False)
        return action

    def set_editing(self, on: bool) -> None:
        for action in self.editing:
            action.setEnabled(on)

    def attach(self, editor: Editor) -> None:
        """Connect what needs the editor once it exists (undo, tool state)."""
        stack = editor.document.undo_stack
        self.actions["menu.undo"].setEnabled(stack.canUndo())
        stack.canUndoChanged.connect(self.actions["menu.undo"].setEnabled)
        stack.canRedoChanged.connect(self.actions["menu.redo"].setEnabled)
        editor.tool_did_change.connect(
            lambda name: (
                self.actions[f"tool:{name}"].setChecked(True)
                if f"tool:{name}" in self.actions
                else None
            )
        )
        self.context.host.addToolBar(self.toolbar)
        from hjem.ui.plan_menu import attach_plan_menu

        attach_plan_menu(
            editor, self.actions["furnish_room.lock.menu"], self.actions["furnish_room.menu"]
        )

    def editor(self) -> Editor:
        return self.context.session().editor


def build_menus(context: MenuContext) -> Menus:
    m = Menus(context)
    bar = context.host.menuBar()

    def menu(key: str) -> QMenu:
        m.menus[key] = bar.addMenu(tr(key))
        return m.menus[key]

    _file_menu(m, menu("menu.title.file"))
    _edit_menu(m, menu("menu.title.edit"))
    _draw_menu(m, menu("menu.title.draw"))
    _background_menu(m, menu("menu.title.background"))
    _view_menu(m, menu("menu.title.view"))
    inventory = menu("menu.title.inventory")
    inventory.addAction(m.action("menu.inventory", context.open_inventory, "Ctrl+L", editing=False))
    _settings_menu(m, menu("menu.title.settings"))
    _help_menu(m, menu("menu.title.help"))
    return m


def _file_menu(m: Menus, menu: QMenu) -> None:
    f = m.context.files
    back = m.action("menu.cases_and_plans", f.back_to_start)
    back.setToolTip(tr("menu.cases_and_plans_hint"))
    menu.addAction(back)
    m.toolbar.addAction(back)  # first on the tool bar, before the drawing tools
    m.toolbar.addSeparator()
    menu.addSeparator()
    menu.addAction(m.action("menu.new", f.new_plan, QKeySequence.StandardKey.New, editing=False))
    menu.addAction(
        m.action("menu.open", f.open_dialog, QKeySequence.StandardKey.Open, editing=False)
    )
    from hjem.ui.import_home import import_sweet_home  # the .sh3d reader loads with the menu

    menu.addAction(
        m.action("sh3d.ui.menu", lambda: import_sweet_home(m.context.host), editing=False)
    )
    recent = m.menus["menu.title.recent"] = menu.addMenu(tr("menu.title.recent"))
    recent.aboutToShow.connect(lambda: _fill_recent(m.context, recent))
    menu.addSeparator()
    menu.addAction(m.action("menu.save", f.save, QKeySequence.StandardKey.Save))
    menu.addAction(m.action("menu.save_as", f.save_as, "Ctrl+Shift+S"))
    menu.addSeparator()
    menu.addAction(m.action("menu.plan_details", lambda: _plan_details(m.context)))
    menu.addAction(m.action("menu.handover", m.context.print_plan, QKeySequence.StandardKey.Print))
    menu.addSeparator()
    menu.addAction(m.action("menu.quit", f.quit, QKeySequence.StandardKey.Quit, editing=False))


def _fill_recent(context: MenuContext, menu: QMenu) -> None:
    menu.clear()
    paths = context.settings.recent_files()
    for path in paths:
        action = menu.addAction(path.name)
        action.setToolTip(str(path))
        action.triggered.connect(lambda _=False, p=path: context.files.open_path(p))
    if not paths:
        menu.addAction(tr("start.no_recent")).setEnabled(False)


def _plan_details(context: MenuContext) -> None:
    from hjem.ui.edit_actions import plan_details

    session = context.session()
    plan_details(session.editor, session.furnishing.furniture, context.host)


def _furnish_room(context: MenuContext) -> None:
    from hjem.ui.furnish_room.action import furnish_room  # the layout engine loads when asked

    furnish_room(context.session(), context.host)


def _edit_actions() -> dict[str, Callable[[Editor], object]]:
    """The Edit menu's work on the selection, by menu key. Imported at the first use: the
    module loads the editor's scene, which start-up does not need."""
    from hjem.ui import edit_actions as edit

    return {
        "menu.copy": edit.copy,
        "menu.paste": edit.paste,
        "menu.delete": edit.delete,
        "menu.select_all": edit.select_all,
        "menu.rotate": edit.rotate,
        "menu.walls_around_room": edit.walls_around_room,
        "furnish_room.lock.menu": edit.toggle_lock,
    }


def _edit_menu(m: Menus, menu: QMenu) -> None:
    def edit(key: str) -> Callable[[], object]:
        return lambda: _edit_actions()[key](m.editor())

    undo_stack = lambda: m.context.session().document.undo_stack  # noqa: E731
    menu.addAction(
        m.action("menu.undo", lambda: undo_stack().undo(), QKeySequence.StandardKey.Undo)
    )
    redo = m.action("menu.redo", lambda: undo_stack().redo())
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    menu.addAction(redo)
    menu.addSeparator()
    shortcuts: tuple[tuple[str, str | QKeySequence.StandardKey], ...] = (
        ("menu.copy", QKeySequence.StandardKey.Copy),
        ("menu.paste", QKeySequence.StandardKey.Paste),
        ("menu.delete", QKeySequence.StandardKey.Delete),
        ("menu.select_all", QKeySequence.StandardKey.SelectAll),
        ("menu.rotate", "R"),
    )
    for key, shortcut in shortcuts:
        menu.addAction(m.action(key, edit(key), shortcut))
    menu.addAction(m.action("furnish_room.lock.menu", edit("furnish_room.lock.menu"), "Ctrl+K"))
    menu.addSeparator()
    menu.addAction(m.action("menu.walls_around_room", edit("menu.walls_around_room")))
    menu.addAction(m.action("furnish_room.menu", lambda: _furnish_room(m.context), "Ctrl+Shift+F"))


def _draw_menu(m: Menus, menu: QMenu) -> None:
    for name, key, shortcut in TOOLS:
        action = m.action(
            f"tool:{name}",
            lambda _=False, n=name: m.editor().use_tool(n),
            shortcut or None,
            checkable=True,
            text=tr(key),
        )
        m.tool_group.addAction(action)
        menu.addAction(action)
        if name in (
            "select",
            "wall",
            "rect_room",
            "polygon_room",
            "door",
            "window",
            "dimension",
            "label",
        ):
            m.toolbar.addAction(action)
    menu.addSeparator()
    walls = m.action(
        "menu.walls_with_rooms", lambda on: _set_walls_with_rooms(m, on), checkable=True
    )
    walls.setChecked(True)
    menu.addAction(walls)
    widths = QComboBox()
    widths.setObjectName("door_width")
    widths.setToolTip(tr("toolbar.door_width"))
    for width in DOOR_WIDTHS:
        widths.addItem(f"{width} cm", float(width))
    widths.setCurrentIndex(1)
    widths.activated.connect(lambda _i: setattr(m.editor(), "door_width", widths.currentData()))
    thickness = QComboBox()
    thickness.setObjectName("wall_thickness")
    thickness.setToolTip(tr("toolbar.wall_thickness"))
    for cm in WALL_THICKNESSES:
        thickness.addItem(tr("toolbar.wall_cm", cm=cm), float(cm))
    thickness.setCurrentIndex(WALL_THICKNESSES.index(12))
    thickness.activated.connect(
        lambda _i: setattr(m.editor(), "wall_thickness", thickness.currentData())
    )
    m.toolbar.addSeparator()
    m.toolbar.addWidget(thickness)
    m.toolbar.addWidget(widths)


def _set_walls_with_rooms(m: Menus, on: bool) -> None:
    m.editor().walls_with_rooms = on


def _background_menu(m: Menus, menu: QMenu) -> None:
    from hjem.ui import background_actions as b

    host, editor = m.context.host, m.editor
    menu.addAction(m.action("menu.background.import", lambda: b.import_background(editor(), host)))
    menu.addAction(m.action("menu.background.import_dxf", lambda: b.import_dxf(editor(), host)))
    menu.addAction(m.action("menu.background.calibrate", lambda: editor().use_tool("calibrate")))
    menu.addAction(m.action("menu.background.move", lambda: editor().use_tool("move_background")))
    opacity = menu.addMenu(tr("menu.background.opacity"))
    for percent in (25, 50, 75, 100):
        opacity.addAction(
            m.action(
                f"menu.background.opacity_{percent}",
                lambda _=False, p=percent: b.set_opacity(editor(), p / 100),
                text=f"{percent} %",
            )
        )
    menu.addAction(
        m.action(
            "menu.background.lock", lambda checked: b.set_locked(editor(), checked), checkable=True
        )
    )
    menu.addAction(
        m.action(
            "menu.background.hide", lambda checked: b.set_hidden(editor(), checked), checkable=True
        )
    )
    menu.addAction(m.action("menu.background.remove", lambda: b.remove(editor())))


def _view_menu(m: Menus, menu: QMenu) -> None:
    editor, settings = m.editor, m.context.settings
    menu.addAction(m.action("menu.fit", lambda: editor().view.fit_to_plan(), "Ctrl+0"))
    menu.addAction(
        m.action("menu.zoom_in", lambda: editor().view.zoom(1.25), QKeySequence.StandardKey.ZoomIn)
    )
    menu.addAction(
        m.action("menu.zoom_out", lambda: editor().view.zoom(0.8), QKeySequence.StandardKey.ZoomOut)
    )
    menu.addSeparator()
    grid = m.action("menu.grid", lambda checked: _set_grid(editor(), checked), checkable=True)
    grid.setChecked(True)
    menu.addAction(grid)
    snap = m.action(
        "menu.snap", lambda checked: _set_snap(editor(), settings, checked), checkable=True
    )
    snap.setChecked(settings.grid_snap())
    menu.addAction(snap)
    magnetism = m.action(
        "menu.magnetism",
        lambda checked: _set_magnetism(editor(), settings, checked),
        checkable=True,
    )
    magnetism.setChecked(settings.magnetism())
    menu.addAction(magnetism)


def _set_grid(editor: Editor, on: bool) -> None:
    editor.view.grid_visible = on
    editor.view.resetCachedContent()
    editor.view.viewport().update()


def _set_snap(editor: Editor, settings: Settings, on: bool) -> None:
    editor.grid_snap = on
    settings.set_grid_snap(on)


def _set_magnetism(editor: Editor, settings: Settings, on: bool) -> None:
    editor.magnetism = on
    settings.set_magnetism(on)


def _settings_menu(m: Menus, menu: QMenu) -> None:
    preferences = m.context.preferences
    menu.addAction(m.action("menu.user_name", preferences.ask_user_name, editing=False))
    menu.addAction(m.action("menu.schemes", lambda: open_schemes(m.context.host), editing=False))
    language = menu.addMenu(tr("menu.title.language"))
    for lang in ("da", "en"):
        language.addAction(
            m.action(
                f"menu.languages.{lang}",
                lambda _=False, code=lang: preferences.choose_language(code),
                editing=False,
            )
        )
    autosave = menu.addMenu(tr("menu.title.autosave"))
    for seconds in AUTOSAVE_CHOICES:
        key = f"menu.autosave_every.{seconds}"
        autosave.addAction(
            m.action(key, lambda _=False, s=seconds: preferences.set_autosave(s), editing=False)
        )


def _help_menu(m: Menus, menu: QMenu) -> None:
    def show() -> None:
        from hjem.ui.about_dialog import show_about  # its licence list is read when asked for

        show_about(m.context.host)

    about = m.action("menu.about", show, editing=False)
    about.setMenuRole(QAction.MenuRole.AboutRole)  # macOS puts it in the app's own menu
    menu.addAction(about)
