"""Edit menu commands that work on the selection: copy, paste, delete, select all, turn, and
walls around a room; and the plan's details (title, family case)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from hjem.floorplan.clipboard import copied
from hjem.floorplan.clipboard import paste as paste_command
from hjem.floorplan.editing import element_ids, walls_around_rooms

if TYPE_CHECKING:
    from hjem.ui.main_window import MainWindow

PASTE_OFFSET_CM = 50.0
_clipboard: list = []


def copy(window: MainWindow) -> None:
    ids = window.document.selection
    if ids:
        _clipboard[:] = copied(window.document.plan, ids)


def paste(window: MainWindow) -> None:
    if not _clipboard:
        return
    command, new_ids = paste_command(
        window.document.plan, _clipboard, PASTE_OFFSET_CM, PASTE_OFFSET_CM
    )
    if window.editor.apply(command, "undo.paste"):
        window.document.select(new_ids)


def delete(window: MainWindow) -> None:
    ids = list(window.document.selection)
    if ids:
        window.editor.delete(ids)


def select_all(window: MainWindow) -> None:
    window.document.select(element_ids(window.document.plan))


def rotate(window: MainWindow) -> None:
    tool = window.editor.view.tool
    ids = list(window.document.selection)
    if ids and hasattr(tool, "turn"):
        tool.turn(ids, 90.0)


def walls_around_room(window: MainWindow) -> None:
    """Walls along the selected rooms' edges, outside them, where there is no wall yet."""
    editor = window.editor
    command = walls_around_rooms(editor.plan, editor.document.selection, editor.wall_thickness)
    if command is not None:
        editor.apply(command, "undo.add_wall")


def plan_details(window: MainWindow) -> None:
    """The plan's title and family case, in a small form; one undo step."""
    from hjem.ui.furnish_dialogs import PlanDetailsDialog

    dialog = PlanDetailsDialog(window.document.plan, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.editor.apply(dialog.command(), "undo.plan_details")
        window.furnishing.furniture.refresh()
