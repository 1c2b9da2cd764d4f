"""The plan's context menu: a right click selects what is under the mouse (if it was not
selected) and offers what can be done with it there: lock or unlock the piece, furnish the
room. The actions are the Edit menu's own, so their shortcuts and state are shared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from hjem.floorplan.model import Placement
from hjem.i18n import tr

if TYPE_CHECKING:
    from hjem.ui.editor import Editor


def attach_plan_menu(editor: Editor, lock: QAction, furnish: QAction) -> None:
    view = editor.view
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(lambda at: show_plan_menu(editor, lock, furnish, at))


def show_plan_menu(editor: Editor, lock: QAction, furnish: QAction, at: QPoint) -> QMenu:
    """Select what lies at `at` (viewport pixels) and pop the menu up there."""
    item = editor.scene.element_at(editor.view.mapToScene(at))
    document = editor.document
    if item is not None and item.element_id not in document.selection:
        document.select([item.element_id])
    pieces = [p for p in map(editor.plan.get, document.selection) if isinstance(p, Placement)]
    all_locked = bool(pieces) and all(p.locked for p in pieces)
    lock.setText(tr("furnish_room.lock.unlock_menu" if all_locked else "furnish_room.lock.menu"))
    menu = QMenu(editor.view)
    menu.setObjectName("plan_menu")
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if pieces:
        menu.addAction(lock)
    menu.addAction(furnish)
    menu.aboutToHide.connect(lambda: lock.setText(tr("furnish_room.lock.menu")))
    menu.popup(editor.view.viewport().mapToGlobal(at))
    return menu
