"""The Background menu: import a PNG, JPEG or PDF page, set its opacity, lock, hide, remove."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog

from hjem.floorplan.commands import SetBackground
from hjem.floorplan.validation import PlanError
from hjem.i18n import tr
from hjem.ui import files

if TYPE_CHECKING:
    from hjem.ui.main_window import MainWindow


def import_background(window: MainWindow) -> None:
    name, _ = QFileDialog.getOpenFileName(
        window, tr("background_menu.import_title"), str(Path.home()), tr("background_menu.filter")
    )
    if name:
        load_background(window, Path(name))


def load_background(window: MainWindow, path: Path, page: int | None = None) -> bool:
    """Put the image or PDF page at `path` under the plan; True if it worked."""
    from hjem.floorplan.background import background_from_file, pdf_page_count

    try:
        if page is None and path.suffix.lower() == ".pdf" and (pages := pdf_page_count(path)) > 1:
            page, ok = QInputDialog.getInt(
                window,
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
    except PlanError as error:
        files.show_error(window, "background_menu.failed", error.message.text())
        return False
    if window.editor.apply(SetBackground(background), "undo.background"):
        window.editor.view.fit_to_plan()
        window.editor.use_tool("calibrate")
        return True
    return False


def _change(window: MainWindow, **changes: object) -> None:
    background = window.document.plan.background
    if background is None:
        window.editor.show_hint("background_menu.none")
        return
    window.editor.apply(SetBackground(replace(background, **changes)), "undo.background")


def set_opacity(window: MainWindow, opacity: float) -> None:
    _change(window, opacity=opacity)


def set_locked(window: MainWindow, locked: bool) -> None:
    _change(window, locked=locked)


def set_hidden(window: MainWindow, hidden: bool) -> None:
    _change(window, visible=not hidden)


def remove(window: MainWindow) -> None:
    if window.document.plan.background is not None:
        window.editor.apply(SetBackground(None), "undo.background_removed")
