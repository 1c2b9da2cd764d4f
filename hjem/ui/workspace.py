"""The editing workspace inside the main window: scene, view, tools, docked panels.

Built when the first plan opens, so the start screen comes up without loading the geometry
engine."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from hjem.floorplan.model import FixtureKind, OpeningKind
from hjem.i18n import tr
from hjem.ui.editor import Editor
from hjem.ui.furnishing import Furnishing
from hjem.ui.panels.conflicts import ConflictsPanel
from hjem.ui.panels.properties import PropertiesPanel
from hjem.ui.scene.plan_scene import PlanScene
from hjem.ui.tools.background import CalibrateTool, MoveBackgroundTool
from hjem.ui.tools.fixture import FixtureTool
from hjem.ui.tools.notes import DimensionTool, LabelTool
from hjem.ui.tools.opening import OpeningTool
from hjem.ui.tools.room import PolygonRoomTool, RectRoomTool
from hjem.ui.tools.select import SelectTool
from hjem.ui.tools.wall import WallTool
from hjem.ui.tools.what_fits import WhatFitsTool
from hjem.ui.view import PlanView

if TYPE_CHECKING:
    from hjem.ui.main_window import MainWindow


def register_tools(editor: Editor) -> None:
    editor.register("select", partial(SelectTool, editor))
    editor.register("wall", partial(WallTool, editor))
    editor.register("rect_room", partial(RectRoomTool, editor))
    editor.register("polygon_room", partial(PolygonRoomTool, editor))
    for kind in OpeningKind:
        editor.register(kind.value, partial(OpeningTool, editor, kind))
    for kind in FixtureKind:
        editor.register(kind.value, partial(FixtureTool, editor, kind))
    editor.register("dimension", partial(DimensionTool, editor))
    editor.register("label", partial(LabelTool, editor))
    editor.register("calibrate", partial(CalibrateTool, editor))
    editor.register("move_background", partial(MoveBackgroundTool, editor))
    editor.register("what_fits", partial(WhatFitsTool, editor))


def _dock(window: MainWindow, key: str, widget, area: Qt.DockWidgetArea) -> QDockWidget:
    dock = QDockWidget(tr(key), window)
    dock.setObjectName(key)
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock


def build_workspace(window: MainWindow) -> Editor:
    scene = PlanScene()
    view = PlanView(scene)
    view.setObjectName("plan_view")
    editor = Editor(window.document, scene, view)
    editor.grid_snap = window.settings.grid_snap()
    editor.magnetism = window.settings.magnetism()
    register_tools(editor)
    window.document.plan_did_change.connect(scene.show_plan)
    window.document.report.did_change.connect(scene.show_report)
    editor.hint_did_change.connect(lambda text: _status(window, text, error=False))
    editor.error_did_happen.connect(lambda text: _status(window, text, error=True))
    editor.typed_did_change.connect(
        lambda text: window.typed.setText(tr("status.typed", text=text) if text else "")
    )
    window.stack.addWidget(view)
    window.properties = PropertiesPanel(editor)
    window.conflicts = ConflictsPanel(editor)
    _dock(
        window, "panel.properties.title", window.properties, Qt.DockWidgetArea.RightDockWidgetArea
    )
    conflicts = _dock(
        window, "panel.conflicts.title", window.conflicts, Qt.DockWidgetArea.RightDockWidgetArea
    )
    window.furnishing = Furnishing(window, editor)
    _dock(
        window, "furnish.panel_title", window.furnishing.panel, Qt.DockWidgetArea.LeftDockWidgetArea
    )
    furniture = _dock(
        window,
        "furnish.list_title",
        window.furnishing.furniture,
        Qt.DockWidgetArea.RightDockWidgetArea,
    )
    window.tabifyDockWidget(conflicts, furniture)
    conflicts.raise_()
    window.menus.attach(editor)
    return editor


def _status(window: MainWindow, text: str, error: bool) -> None:
    window.hint.setStyleSheet("color: #b3261e;" if error else "")
    window.hint.setText(text)
