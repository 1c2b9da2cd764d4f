"""Menus, shortcuts and the tool bar. Shortcuts follow desktop conventions (Ctrl+Z, Ctrl+S,
Del, Esc); one-letter keys pick a drawing tool."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu, QToolBar

from hjem.floorplan.model import FixtureKind, OpeningKind
from hjem.i18n import tr

if TYPE_CHECKING:
    from hjem.ui.editor import Editor
    from hjem.ui.main_window import MainWindow

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
    def __init__(self, window: MainWindow):
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.editing: list[QAction] = []  # enabled only while a plan is open
        self.tool_group = QActionGroup(window)
        self.toolbar = QToolBar(tr("menu.title.tools"), window)
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
        action = QAction(tr(key) if text is None else text, self.window)
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
        self.window.addToolBar(self.toolbar)


def build_menus(window: MainWindow) -> Menus:
    m = Menus(window)
    bar = window.menuBar()
    _file_menu(m, bar.addMenu(tr("menu.title.file")))
    _edit_menu(m, bar.addMenu(tr("menu.title.edit")))
    _draw_menu(m, bar.addMenu(tr("menu.title.draw")))
    _background_menu(m, bar.addMenu(tr("menu.title.background")))
    _view_menu(m, bar.addMenu(tr("menu.title.view")))
    inventory = bar.addMenu(tr("menu.title.inventory"))
    inventory.addAction(m.action("menu.inventory", window.open_inventory, "Ctrl+L", editing=False))
    _settings_menu(m, bar.addMenu(tr("menu.title.settings")))
    return m


def _file_menu(m: Menus, menu: QMenu) -> None:
    w = m.window
    menu.addAction(m.action("menu.new", w.new_plan, QKeySequence.StandardKey.New, editing=False))
    menu.addAction(
        m.action("menu.open", w.open_dialog, QKeySequence.StandardKey.Open, editing=False)
    )
    recent = menu.addMenu(tr("menu.title.recent"))
    recent.aboutToShow.connect(lambda: _fill_recent(w, recent))
    menu.addSeparator()
    menu.addAction(m.action("menu.save", w.save, QKeySequence.StandardKey.Save))
    menu.addAction(m.action("menu.save_as", w.save_as, "Ctrl+Shift+S"))
    menu.addSeparator()
    menu.addAction(m.action("menu.plan_details", lambda: _edit(w, "plan_details")))
    menu.addAction(
        m.action("menu.handover", lambda: _print_plan(w), QKeySequence.StandardKey.Print)
    )
    menu.addSeparator()
    menu.addAction(m.action("menu.quit", w.close, QKeySequence.StandardKey.Quit, editing=False))


def _print_plan(window: MainWindow) -> None:
    from hjem.ui.printing.open import print_open_plan  # reportlab loads when first printing

    print_open_plan(window)


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    paths = window.settings.recent_files()
    for path in paths:
        action = menu.addAction(path.name)
        action.setToolTip(str(path))
        action.triggered.connect(lambda _=False, p=path: window.open_path(p))
    if not paths:
        menu.addAction(tr("start.no_recent")).setEnabled(False)


def _edit(window: MainWindow, name: str) -> None:
    from hjem.ui import edit_actions  # it loads the editor's scene; not needed at start-up

    getattr(edit_actions, name)(window)


def _edit_menu(m: Menus, menu: QMenu) -> None:
    w = m.window
    menu.addAction(
        m.action("menu.undo", lambda: w.document.undo_stack.undo(), QKeySequence.StandardKey.Undo)
    )
    redo = m.action("menu.redo", lambda: w.document.undo_stack.redo())
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    menu.addAction(redo)
    menu.addSeparator()
    for key, name, shortcut in (
        ("menu.copy", "copy", QKeySequence.StandardKey.Copy),
        ("menu.paste", "paste", QKeySequence.StandardKey.Paste),
        ("menu.delete", "delete", QKeySequence.StandardKey.Delete),
        ("menu.select_all", "select_all", QKeySequence.StandardKey.SelectAll),
        ("menu.rotate", "rotate", "R"),
    ):
        menu.addAction(m.action(key, lambda _=False, n=name: _edit(w, n), shortcut))
    menu.addSeparator()
    menu.addAction(m.action("menu.walls_around_room", lambda: _edit(w, "walls_around_room")))


def _draw_menu(m: Menus, menu: QMenu) -> None:
    for name, key, shortcut in TOOLS:
        action = m.action(
            f"tool:{name}",
            lambda _=False, n=name: m.window.editor.use_tool(n),
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
    widths = QComboBox()
    widths.setObjectName("door_width")
    widths.setToolTip(tr("toolbar.door_width"))
    for width in DOOR_WIDTHS:
        widths.addItem(f"{width} cm", float(width))
    widths.setCurrentIndex(1)
    widths.activated.connect(
        lambda _i: setattr(m.window.editor, "door_width", widths.currentData())
    )
    thickness = QComboBox()
    thickness.setObjectName("wall_thickness")
    thickness.setToolTip(tr("toolbar.wall_thickness"))
    for cm in WALL_THICKNESSES:
        thickness.addItem(tr("toolbar.wall_cm", cm=cm), float(cm))
    thickness.setCurrentIndex(WALL_THICKNESSES.index(12))
    thickness.activated.connect(
        lambda _i: setattr(m.window.editor, "wall_thickness", thickness.currentData())
    )
    m.toolbar.addSeparator()
    m.toolbar.addWidget(thickness)
    m.toolbar.addWidget(widths)


def _background_menu(m: Menus, menu: QMenu) -> None:
    from hjem.ui import background_actions as b

    w = m.window
    menu.addAction(m.action("menu.background.import", lambda: b.import_background(w)))
    menu.addAction(m.action("menu.background.calibrate", lambda: w.editor.use_tool("calibrate")))
    menu.addAction(m.action("menu.background.move", lambda: w.editor.use_tool("move_background")))
    opacity = menu.addMenu(tr("menu.background.opacity"))
    for percent in (25, 50, 75, 100):
        opacity.addAction(
            m.action(
                f"menu.background.opacity_{percent}",
                lambda _=False, p=percent: b.set_opacity(w, p / 100),
                text=f"{percent} %",
            )
        )
    menu.addAction(
        m.action("menu.background.lock", lambda checked: b.set_locked(w, checked), checkable=True)
    )
    menu.addAction(
        m.action("menu.background.hide", lambda checked: b.set_hidden(w, checked), checkable=True)
    )
    menu.addAction(m.action("menu.background.remove", lambda: b.remove(w)))


def _view_menu(m: Menus, menu: QMenu) -> None:
    w = m.window
    menu.addAction(m.action("menu.fit", lambda: w.editor.view.fit_to_plan(), "Ctrl+0"))
    menu.addAction(
        m.action("menu.zoom_in", lambda: w.editor.view.zoom(1.25), QKeySequence.StandardKey.ZoomIn)
    )
    menu.addAction(
        m.action("menu.zoom_out", lambda: w.editor.view.zoom(0.8), QKeySequence.StandardKey.ZoomOut)
    )
    menu.addSeparator()
    grid = m.action("menu.grid", lambda checked: _set_grid(w, checked), checkable=True)
    grid.setChecked(True)
    menu.addAction(grid)
    snap = m.action("menu.snap", lambda checked: _set_snap(w, checked), checkable=True)
    snap.setChecked(w.settings.grid_snap())
    menu.addAction(snap)
    magnetism = m.action(
        "menu.magnetism", lambda checked: _set_magnetism(w, checked), checkable=True
    )
    magnetism.setChecked(w.settings.magnetism())
    menu.addAction(magnetism)


def _set_grid(window: MainWindow, on: bool) -> None:
    window.editor.view.grid_visible = on
    window.editor.view.resetCachedContent()
    window.editor.view.viewport().update()


def _set_snap(window: MainWindow, on: bool) -> None:
    window.editor.grid_snap = on
    window.settings.set_grid_snap(on)


def _set_magnetism(window: MainWindow, on: bool) -> None:
    window.editor.magnetism = on
    window.settings.set_magnetism(on)


def _settings_menu(m: Menus, menu: QMenu) -> None:
    from hjem.ui.preferences import ask_user_name, choose_language, set_autosave

    w = m.window
    menu.addAction(m.action("menu.user_name", lambda: ask_user_name(w), editing=False))
    language = menu.addMenu(tr("menu.title.language"))
    for lang in ("da", "en"):
        language.addAction(
            m.action(
                f"menu.languages.{lang}",
                lambda _=False, code=lang: choose_language(w, code),
                editing=False,
            )
        )
    autosave = menu.addMenu(tr("menu.title.autosave"))
    for seconds in AUTOSAVE_CHOICES:
        key = f"menu.autosave_every.{seconds}"
        autosave.addAction(
            m.action(key, lambda _=False, s=seconds: set_autosave(w, s), editing=False)
        )
