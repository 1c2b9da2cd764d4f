"""One piece of furniture being moved or turned: what the plan shows while it moves. The model
does not change until the tool commits.

The engine's `Drag` indexes the rest of the plan once, when the piece first moves; each mouse
move is then one engine call (`Drag.step`: settled against walls and furniture when magnetism
is on, and checked there), a few tens of microseconds, so the piece turns red and says why the
moment it touches a door swing or another piece's free floor. The drawing aids (door swings,
the other pieces' free floor) come from the same engine object (`Drag.guides`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hjem.floorplan.conflicts import Conflict
from hjem.floorplan.drag import Bounds, Drag
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Placement, Plan
from hjem.ui.scene.feedback import ConflictBubble, guides_item, own_zones_item
from hjem.ui.scene.items import PlacementItem

if TYPE_CHECKING:
    from hjem.ui.editor import Editor

MAGNET_PIXELS = 14.0  # how near (on screen) a wall or piece must be to pull the piece to it
BUBBLE_LINES = 3  # more than this and the note would cover what it talks about


def _visible_area(editor: Editor) -> Bounds:
    """What the view shows, with a margin: the drawing aids only need to cover this."""
    view = editor.view
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    margin = seen.width() / 2
    return (
        seen.left() - margin,
        seen.top() - margin,
        seen.right() + margin,
        seen.bottom() + margin,
    )


class FurnitureDrag:
    def __init__(self, editor: Editor, item: PlacementItem, plan: Plan, placement: Placement):
        self.editor = editor
        self.item = item
        self._plan_before = editor.plan
        self.engine = Drag(plan, placement.id)
        self.start = placement
        self.pose = placement
        self.conflicts: list[Conflict] = []
        guides = self.engine.guides(_visible_area(editor))
        self._guides = guides_item(guides.swings, guides.free_floor)
        self._own_zones = own_zones_item(placement, item)
        self.bubble = ConflictBubble()
        for overlay in (self._guides, self.bubble):
            editor.scene.addItem(overlay)

    def show(self, center: Point, rotation: float, magnetism: bool = True) -> Placement:
        """Put the piece at this pose (settled against walls when `magnetism`) and check it."""
        reach = MAGNET_PIXELS / self.editor.view.pixels_per_cm if magnetism else None
        step = self.engine.step(center, rotation, reach)
        self.pose, self.conflicts = step.pose, step.conflicts
        self.item.show_pose(self.pose.center, self.pose.rotation)
        self.editor.scene.show_live(self.item, bool(self.conflicts))
        self._explain()
        return self.pose

    def _explain(self) -> None:
        lines = [c.message.text() for c in self.conflicts[:BUBBLE_LINES]]
        if len(self.conflicts) > BUBBLE_LINES:
            lines.append("…")
        beside = self.item.sceneBoundingRect()
        self.bubble.show_lines(lines, beside.topRight())
        # Whole inside the view, also beside a piece at its edge.
        self.bubble.setPos(
            self.editor.view.note_position(beside, self.bubble.boundingRect().size())
        )

    @property
    def moved(self) -> bool:
        return (self.pose.center, self.pose.rotation) != (self.start.center, self.start.rotation)

    def walkway(self) -> list[Conflict]:
        """The walkway with the piece where it now stands: checked once, when the drag ends.
        The document's report takes the result for the plan the move stores."""
        checked = self.engine.walkway(self.pose)
        self.editor.document.report.walkway_checked(checked)
        return checked.conflicts

    def close(self) -> None:
        """Take the drawing aids away (the tool commits or puts the piece back). If the plan
        did not change, the piece shows the report again at once; else the report after the
        move takes over from the live check."""
        if self.editor.plan is self._plan_before or not self.moved:
            self.editor.scene.end_live()
        for overlay in (self._guides, self.bubble):
            if overlay.scene() is not None:
                overlay.scene().removeItem(overlay)
        if self._own_zones.scene() is not None:
            self._own_zones.scene().removeItem(self._own_zones)
