"""The Background menu: import a PNG, JPEG or PDF page, set its opacity, lock, hide, remove."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from hjem.errors import UserError
from hjem.floorplan.commands import SetBackground
from hjem.floorplan.model import Background
from hjem.i18n import tr
from hjem.ui import files

if TYPE_CHECKING:
    from hjem.ui.editor import Editor


def import_background(editor: Editor, parent: QWidget) -> None:
    name, _ = QFileDialog.getOpenFileName(
        parent, tr("background_menu.import_title"), str(Path.home()), tr("background_menu.filter")
    )
    if name:
        load_background(editor, Path(name), parent)


def import_dxf(editor: Editor, parent: QWidget) -> None:
    from hjem.ui.dxf_import import import_dxf as choose_and_load

    choose_and_load(editor, parent)


def load_background(
    editor: Editor, path: Path, parent: QWidget | None = None, page: int | None = None
) -> bool:
    """Put the image or PDF page at `path` under the plan; True if it worked."""
    from hjem.floorplan.background import background_from_file, pdf_page_count

    try:
        if page is None and path.suffix.lower() == ".pdf" and (pages := pdf_page_count(path)) > 1:
            page, ok = QInputDialog.getInt(
                parent,
                tr("background_menu.page_title"),
                tr("background_menu.page_prompt", pages=pages),
                1,
                1,
                pages,
            )
            if not ok:
                return False
            page -= 1
        background = background_from_file(path, page or 0)
    except UserError as error:
        files.show_error(parent, "background_menu.failed", error.message.text())
        return False
    if editor.apply(SetBackground(background), "undo.background"):
        editor.view.fit_to_plan()
        editor.use_tool("calibrate")
        return True
    return False


def _change(editor: Editor, change: Callable[[Background], Background]) -> None:
    background = editor.plan.background
    if background is None:
        editor.show_hint("background_menu.none")
        return
    editor.apply(SetBackground(change(background)), "undo.background")


def set_opacity(editor: Editor, opacity: float) -> None:
    _change(editor, lambda background: replace(background, opacity=opacity))


def set_locked(editor: Editor, locked: bool) -> None:
    _change(editor, lambda background: replace(background, locked=locked))


def set_hidden(editor: Editor, hidden: bool) -> None:
    _change(editor, lambda background: replace(background, visible=not hidden))


def remove(editor: Editor) -> None:
    if editor.plan.background is not None:
        editor.apply(SetBackground(None), "undo.background_removed")
