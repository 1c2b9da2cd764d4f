"""One piece of furniture being moved or turned: magnetism, the engine's live check at every
step, and what the plan shows meanwhile. The model does not change until the tool commits.

The engine's fast path (`DragCheck`) and the magnet index the rest of the plan once, when the
piece first moves; each step then costs a few tens of microseconds, so the piece turns red
and says why the moment it touches a door swing or another piece's free floor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely
from PySide6.QtCore import QPointF

from hjem.floorplan.conflicts import Conflict
from hjem.floorplan.drag import DragCheck
from hjem.floorplan.geometry import Point
from hjem.floorplan.magnet import Magnet
from hjem.floorplan.model import Placement, Plan
from hjem.floorplan.plan_geometry import build
from hjem.ui.scene.feedback import ConflictBubble, guides_item, own_zones_item
from hjem.ui.scene.items import PlacementItem

if TYPE_CHECKING:
    from hjem.ui.editor import Editor

MAGNET_PIXELS = 14.0  # how near (on screen) a wall or piece must be to pull the piece to it
BUBBLE_LINES = 3  # more than this and the note would cover what it talks about


def _visible_area(editor: Editor) -> shapely.Polygon:
    """What the view shows, with a margin: the drawing aids only need to cover this."""
    view = editor.view
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    margin = seen.width() / 2
    return shapely.box(
        seen.left() - margin, seen.top() - margin, seen.right() + margin, seen.bottom() + margin
    )


def _within(geometries: np.ndarray, area: shapely.Polygon) -> np.ndarray:
    return geometries[shapely.intersects(geometries, area)] if len(geometries) else geometries


class FurnitureDrag:
    def __init__(self, editor: Editor, item: PlacementItem, plan: Plan, placement: Placement):
        self.editor = editor
        self.item = item
        self.start = placement
        self.pose = placement
        self.conflicts: list[Conflict] = []
        self.check = DragCheck(plan, placement.id)
        self.magnet = Magnet(plan, placement.id)
        geometry = build(plan, exclude=placement.id)
        zones = np.concatenate([geometry.furniture.zones, geometry.fixtures.zones])
        seen = _visible_area(editor)
        self._guides = guides_item(_within(geometry.door_geoms, seen), _within(zones, seen))
        self._own_zones = own_zones_item(placement, item)
        self.bubble = ConflictBubble()
        self._was_in_conflict = item.in_conflict
        editor.scene.live_ids.add(placement.id)
        for overlay in (self._guides, self.bubble):
            editor.scene.addItem(overlay)

    def show(self, center: Point, rotation: float, magnetism: bool = True) -> Placement:
        """Put the piece at this pose (settled against walls when `magnetism`) and check it."""
        if magnetism:
            reach = MAGNET_PIXELS / self.editor.view.pixels_per_cm
            pose = self.magnet.settle(self.start, center, rotation, reach)
        else:
            pose = self.start.moved_to(center, rotation)
        self.pose = pose
        self.item.show_pose(pose.center, pose.rotation)
        self.conflicts = self.check.check(pose.center, pose.rotation)
        self.item.set_conflict(bool(self.conflicts))
        self._explain()
        return pose

    def _explain(self) -> None:
        lines = [c.message.text() for c in self.conflicts[:BUBBLE_LINES]]
        if len(self.conflicts) > BUBBLE_LINES:
            lines.append("…")
        corner = self.item.sceneBoundingRect().topRight()
        self.bubble.show_lines(lines, corner + QPointF(4 / self.editor.view.pixels_per_cm, 0))

    @property
    def moved(self) -> bool:
        return (self.pose.center, self.pose.rotation) != (self.start.center, self.start.rotation)

    def walkway(self) -> list[Conflict]:
        """The walkway with the piece where it now stands: checked once, when the drag ends."""
        return self.check.walkway(self.pose.center, self.pose.rotation)

    def close(self) -> None:
        """Take the drawing aids away (the tool commits or puts the piece back)."""
        self.editor.scene.live_ids.discard(self.start.id)
        if not self.moved:  # back where it was: as it was (no edit will refresh the panel)
            self.item.set_conflict(self._was_in_conflict)
        for overlay in (self._guides, self.bubble):
            if overlay.scene() is not None:
                overlay.scene().removeItem(overlay)
        if self._own_zones.scene() is not None:
            self._own_zones.scene().removeItem(self._own_zones)
