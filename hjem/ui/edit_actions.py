"""Edit menu commands that work on the selection: copy, paste, delete, select all, turn, lock,
and walls around a room; and the plan's details (title, family case)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from hjem.floorplan.clipboard import copied
from hjem.floorplan.clipboard import paste as paste_command
from hjem.floorplan.commands import set_locked
from hjem.floorplan.editing import element_ids
from hjem.floorplan.model import Placement
from hjem.floorplan.room_walls import walls_around_rooms

if TYPE_CHECKING:
    from hjem.ui.editor import Editor
    from hjem.ui.panels.furniture_list import FurnitureList

PASTE_OFFSET_CM = 50.0
_clipboard: list = []


def copy(editor: Editor) -> None:
    ids = editor.document.selection
    if ids:
        _clipboard[:] = copied(editor.plan, ids)


def paste(editor: Editor) -> None:
    if not _clipboard:
        return
    command, new_ids = paste_command(editor.plan, _clipboard, PASTE_OFFSET_CM, PASTE_OFFSET_CM)
    if editor.apply(command, "undo.paste"):
        editor.document.select(new_ids)


def delete(editor: Editor) -> None:
    ids = list(editor.document.selection)
    if ids:
        editor.delete(ids)


def select_all(editor: Editor) -> None:
    editor.document.select(element_ids(editor.plan))


def rotate(editor: Editor) -> None:
    tool = editor.view.tool
    ids = list(editor.document.selection)
    if ids and tool is not None and hasattr(tool, "turn"):
        tool.turn(ids, 90.0)


def toggle_lock(editor: Editor) -> None:
    """Lock the selected pieces (unlock them when all are locked already): one undo step."""
    pieces = [
        p for p in map(editor.plan.get, editor.document.selection) if isinstance(p, Placement)
    ]
    if not pieces:
        return
    lock = not all(p.locked for p in pieces)
    key = "furnish_room.lock.undo" if lock else "furnish_room.lock.undo_unlock"
    editor.apply(set_locked(editor.plan, [p.id for p in pieces], lock), key)


def walls_around_room(editor: Editor) -> None:
    """Walls along the selected rooms' edges, outside them, where there is no wall yet."""
    command = walls_around_rooms(editor.plan, editor.document.selection, editor.wall_thickness)
    if command is not None:
        editor.apply(command, "undo.add_wall")


def plan_details(editor: Editor, furniture: FurnitureList, parent: QWidget) -> None:
    """The plan's title and family case, in a small form; one undo step."""
    from hjem.ui.furnish_dialogs import PlanDetailsDialog

    dialog = PlanDetailsDialog(editor.plan, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        editor.apply(dialog.command(), "undo.plan_details")
        furniture.refresh()
