"""Indstillinger → Vis gendannelseskode …: the open workspace's recovery code, again.

Loaded with the menus, so it imports nothing of the database layer until it is used."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from hjem.errors import UserError
from hjem.i18n import tr
from hjem.ui.menus import Menus
from hjem.ui.operations import Operations


def add_show_code_action(menus: Menus, operations: Operations, parent: QWidget) -> None:
    settings_menu = menus.menus["menu.title.settings"]
    settings_menu.addSeparator()
    settings_menu.addAction(
        menus.action(
            "workspace_ui.menu.show_code",
            lambda: show_code_of_open_workspace(operations, parent),
            editing=False,
        )
    )


def show_code_of_open_workspace(operations: Operations, parent: QWidget) -> None:
    """The code of the workspace the window works in (its key is known by now); a team
    server has none, and a workspace that cannot be opened says why."""
    from hjem.db.engine import sqlite_path
    from hjem.ui.workspace_key.code_dialog import offer_code

    try:
        workspace = operations.workspace()
    except UserError as problem:
        _tell(parent, problem.message.text())
        return
    path = sqlite_path(workspace.url)
    if path is None:
        _tell(parent, tr("workspace_ui.menu.on_server"))
        return
    offer_code(path, parent)


def _tell(parent: QWidget, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("workspace_ui.code.title"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("recovery_code_message")
    box.exec()
