"""The editing context the tools work in: the document, the scene, the view, snapping, and a
place to report what happens. It keeps tools free of windows and menus."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from hjem.floorplan.commands import Command, remove_elements
from hjem.floorplan.editing import corner_near, snapped
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Placement, Plan, RoomKind
from hjem.floorplan.validation import PlanError
from hjem.i18n import tr
from hjem.ids import ElementId
from hjem.ui.document import PlanDocument
from hjem.ui.scene.plan_scene import PlanScene
from hjem.ui.view import PlanView

SNAP_PIXELS = 12.0  # how near (on screen) a wall end must be to snap to it


class Editor(QObject):
    hint_did_change = Signal(str)
    typed_did_change = Signal(str)
    error_did_happen = Signal(str)
    tool_did_change = Signal(str)
    piece_placed = Signal(object)  # a Placement just added from the inventory or to buy
    pieces_removed = Signal(list)  # the Placements the person just deleted
    region_marked = Signal(object)  # a wall stretch or free area: what fits there?

    def __init__(self, document: PlanDocument, scene: PlanScene, view: PlanView):
        super().__init__()
        self.document = document
        self.scene = scene
        self.view = view
        scene.follow(document)  # the selection is the document's; the scene shows it
        self.grid_snap = True
        self.magnetism = True  # furniture settles against walls and other pieces
        self.door_width = 80.0
        self.window_width = 120.0
        self.wall_thickness = 12.0
        self.walls_with_rooms = True  # a new room comes with walls (Tegn → Nye rum får vægge)
        self.room_kind = RoomKind.STUE
        self._tools: dict[str, Callable[[], object]] = {}
        self.tool_name = ""

    @property
    def plan(self) -> Plan:
        return self.document.plan

    # --- tools -------------------------------------------------------------------------------

    def register(self, name: str, make: Callable[[], object]) -> None:
        self._tools[name] = make

    def use_tool(self, name: str) -> None:
        from hjem.ui.tools.base import Tool

        if self.view.tool is not None:
            self.view.tool.deactivate()
        tool = self._tools[name]()
        assert isinstance(tool, Tool)
        self.view.tool = tool
        self.tool_name = name
        self.view.viewport().setCursor(tool.cursor)
        tool.activate()
        self.tool_did_change.emit(name)

    def start_placing(self, piece: Placement) -> None:
        """Let the person put `piece` down on the plan (it follows the mouse)."""
        from hjem.ui.tools.place import PlaceTool

        self.register("place", partial(PlaceTool, self, piece))
        self.use_tool("place")

    # --- edits ---------------------------------------------------------------------------------

    def delete(self, ids: list[ElementId]) -> bool:
        """Delete elements (one undo step) and say which pieces of furniture went."""
        pieces = [e for e in (self.plan.get(i) for i in ids) if isinstance(e, Placement)]
        if not self.apply(remove_elements(self.plan, ids), "undo.delete"):
            return False
        if pieces:
            self.pieces_removed.emit(pieces)
        return True

    def apply(self, command: Command, text_key: str, mergeable: bool = False) -> bool:
        """Apply an edit as one undo step; a refused edit is explained, not raised."""
        try:
            self.document.apply(command, tr(text_key), mergeable)
        except PlanError as error:
            self.error_did_happen.emit(error.message.text())
            return False
        return True

    # --- snapping ------------------------------------------------------------------------------

    @property
    def tolerance_cm(self) -> float:
        return SNAP_PIXELS / self.view.pixels_per_cm

    def corner_near(self, pos: Point) -> Point | None:
        """The wall end or room corner within snapping distance of `pos`, if any."""
        return corner_near(self.plan, pos, self.tolerance_cm)

    def snap(self, pos: Point, to_corners: bool = True) -> Point:
        """Where a click lands: on a nearby wall end, else on the grid, else on a whole cm."""
        return snapped(self.plan, pos, self.tolerance_cm, self.snap_step, to_corners)

    @property
    def snap_step(self) -> float:
        return self.view.grid_step if self.grid_snap else 1.0

    def snap_delta(self, dx: float, dy: float) -> tuple[float, float]:
        step = self.snap_step
        return round(dx / step) * step, round(dy / step) * step

    # --- what the user sees --------------------------------------------------------------------

    def show_hint(self, key: str, **params: Any) -> None:
        self.hint_did_change.emit(tr(key, **params))

    def show_typed(self, text: str) -> None:
        self.typed_did_change.emit(text)
