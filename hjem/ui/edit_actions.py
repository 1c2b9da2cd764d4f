"""Edit menu commands that work on the selection: copy, paste, delete, select all, turn, and
walls around a room; and the plan's details (title, family case)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from hjem.floorplan.clipboard import copied
from hjem.floorplan.clipboard import paste as paste_command
from hjem.floorplan.commands import AddElement, Batch
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Room, Wall
from hjem.ui.scene.items import ElementItem

if TYPE_CHECKING:
    from hjem.ui.editor import Editor
    from hjem.ui.panels.furniture_list import FurnitureList

PASTE_OFFSET_CM = 50.0
_clipboard: list = []


def copy(editor: Editor) -> None:
    ids = editor.scene.selected_ids()
    if ids:
        _clipboard[:] = copied(editor.plan, ids)


def paste(editor: Editor) -> None:
    if not _clipboard:
        return
    command, new_ids = paste_command(editor.plan, _clipboard, PASTE_OFFSET_CM, PASTE_OFFSET_CM)
    if editor.apply(command, "undo.paste"):
        editor.scene.select_ids(new_ids)


def delete(editor: Editor) -> None:
    ids = editor.scene.selected_ids()
    if ids:
        editor.delete(ids)


def select_all(editor: Editor) -> None:
    for item in editor.scene.items():
        if isinstance(item, ElementItem):
            item.setSelected(True)


def rotate(editor: Editor) -> None:
    tool = editor.view.tool
    ids = editor.scene.selected_ids()
    if ids and hasattr(tool, "turn"):
        tool.turn(ids, 90.0)


def walls_around_room(editor: Editor) -> None:
    """Walls along the selected rooms' edges, outside them, where there is no wall yet."""
    plan = editor.plan
    rooms = [plan[i] for i in editor.scene.selected_ids() if isinstance(plan.get(i), Room)]
    taken = {frozenset((w.start, w.end)) for w in plan.walls}
    new: list[tuple[Point, Point]] = []
    for room in rooms:
        for start, end in _outer_edges(room, editor.wall_thickness):
            if frozenset((start, end)) not in taken:
                taken.add(frozenset((start, end)))
                new.append((start, end))
    ids = plan.new_ids("w", len(new))
    walls = [
        Wall(i, start, end, editor.wall_thickness) for i, (start, end) in zip(ids, new, strict=True)
    ]
    if walls:
        editor.apply(Batch(tuple(AddElement(w) for w in walls)), "undo.add_wall")


def _outer_edges(room: Room, thickness: float) -> list[tuple[Point, Point]]:
    """Wall centre lines half a thickness outside the room's edges, meeting at the corners."""
    import shapely  # loaded with the editor, not at start-up (the menus import this module)

    outline = shapely.Polygon(room.polygon).buffer(thickness / 2, join_style="mitre")
    corners = [Point(round(x, 2), round(y, 2)) for x, y in outline.exterior.coords[:-1]]
    return list(zip(corners, corners[1:] + corners[:1], strict=True))


def plan_details(editor: Editor, furniture: FurnitureList, parent: QWidget) -> None:
    """The plan's title and family case, in a small form; one undo step."""
    from hjem.ui.furnish_dialogs import PlanDetailsDialog

    dialog = PlanDetailsDialog(editor.plan, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        editor.apply(dialog.command(), "undo.plan_details")
        furniture.refresh()
