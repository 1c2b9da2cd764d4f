"""The menu's way into the grant schemes window: light to import (the window, and with it the
database layer, loads when it is first opened)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def open_schemes(host: QWidget) -> None:
    """Open the schemes window over `host`, on the workspace of the host's operations."""
    from hjem.ui.cases.scheme_editor import open_scheme_editor
    from hjem.ui.operations import Operations

    operations = host.findChild(Operations)
    if operations is not None:
        open_scheme_editor(operations, host)
