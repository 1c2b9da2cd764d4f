"""The editing workspace inside the main window: scene, view, tools, docked panels.

Built when the first plan opens, so the start screen comes up without loading the geometry
engine."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStackedWidget, QWidget

from hjem.floorplan.model import FixtureKind, OpeningKind
from hjem.i18n import tr
from hjem.ui.editor import Editor
from hjem.ui.furnishing import Furnishing
from hjem.ui.panels.conflicts import ConflictsPanel
from hjem.ui.panels.properties import PANEL_WIDTH, PropertiesPanel
from hjem.ui.scene.plan_scene import PlanScene
from hjem.ui.session import EditingSession
from hjem.ui.surroundings import Surroundings
from hjem.ui.tools.background import CalibrateTool, MoveBackgroundTool
from hjem.ui.tools.fixture import FixtureTool
from hjem.ui.tools.notes import DimensionTool, LabelTool
from hjem.ui.tools.opening import OpeningTool
from hjem.ui.tools.room import PolygonRoomTool, RectRoomTool
from hjem.ui.tools.select import SelectTool
from hjem.ui.tools.wall import WallTool
from hjem.ui.tools.what_fits import WhatFitsTool
from hjem.ui.view import PlanView

LEFT_WIDTH = 300  # px: the inventory panel's own least width
RIGHT_WIDTH = PANEL_WIDTH  # px: the properties and the conflicts


def register_tools(editor: Editor) -> None:
    editor.register("select", partial(SelectTool, editor))
    editor.register("wall", partial(WallTool, editor))
    editor.register("rect_room", partial(RectRoomTool, editor))
    editor.register("polygon_room", partial(PolygonRoomTool, editor))
    for opening in OpeningKind:
        editor.register(opening.value, partial(OpeningTool, editor, opening))
    for fixture in FixtureKind:
        editor.register(fixture.value, partial(FixtureTool, editor, fixture))
    editor.register("dimension", partial(DimensionTool, editor))
    editor.register("label", partial(LabelTool, editor))
    editor.register("calibrate", partial(CalibrateTool, editor))
    editor.register("move_background", partial(MoveBackgroundTool, editor))
    editor.register("what_fits", partial(WhatFitsTool, editor))


def _dock(host: QMainWindow, key: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
    dock = QDockWidget(tr(key), host)
    dock.setObjectName(key)
    dock.setWidget(widget)
    host.addDockWidget(area, dock)
    return dock


def _dock_panels(
    host: QMainWindow, properties: QWidget, conflicts: QWidget, furnishing: Furnishing
) -> None:
    """On the left the inventory and, as a second tab, the furniture list (the full height
    for their rows); on the right the properties, as tall as their longest form, over the
    conflicts. On a laptop each gets room for its rows, and no column changes width."""
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    inventory = _dock(host, "furnish.panel_title", furnishing.panel, left)
    furniture = _dock(host, "furnish.list_title", furnishing.furniture, left)
    host.tabifyDockWidget(inventory, furniture)
    inventory.raise_()
    properties_dock = _dock(host, "panel.properties.title", properties, right)
    _dock(host, "panel.conflicts.title", conflicts, right)
    host.resizeDocks(
        [inventory, properties_dock], [LEFT_WIDTH, RIGHT_WIDTH], Qt.Orientation.Horizontal
    )


def build_session(around: Surroundings, stack: QStackedWidget) -> EditingSession:
    """The scene, view, editor and panels, built together and docked in `around.host`."""
    scene = PlanScene()
    view = PlanView(scene)
    view.setObjectName("plan_view")
    editor = Editor(around.document, scene, view)
    editor.grid_snap = around.settings.grid_snap()
    editor.magnetism = around.settings.magnetism()
    register_tools(editor)
    around.document.plan_did_change.connect(scene.show_plan)
    around.document.report.did_change.connect(scene.show_report)
    editor.hint_did_change.connect(lambda text: around.status.say(text, error=False))
    editor.error_did_happen.connect(lambda text: around.status.say(text, error=True))
    editor.typed_did_change.connect(around.status.show_typed)
    stack.addWidget(view)
    properties, conflicts = PropertiesPanel(editor), ConflictsPanel(editor)
    furnishing = Furnishing(editor, around)
    _dock_panels(around.host, properties, conflicts, furnishing)
    return EditingSession(around.document, scene, view, editor, properties, conflicts, furnishing)
