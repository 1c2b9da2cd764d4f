"""Filer → Importér fra Sweet Home 3D …: a .sh3d home opened as a new, unsaved plan.

The file is read off the window's thread (a large home with its models can take a moment to
open, and a hostile one is refused within two seconds); a home with several levels asks which
one, the file's selected level first. The report of what came in and what stayed out follows
in a dialog once the plan is on screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox

from hjem.i18n import tr
from hjem.ui import files
from hjem.ui.operations import Outcome, run_off_ui_thread

if TYPE_CHECKING:  # the reader loads when a home is first imported, not with the menus
    from hjem.floorplan.model import Plan
    from hjem.floorplan.sh3d import Imported

REPORT_LINES = 15  # of each list in the dialog; `hjem import` prints them all


@runtime_checkable
class PlanWindow(Protocol):
    """What the import needs of the main window (which only hjem.ui.app may import)."""

    def maybe_save(self) -> bool: ...

    def show_plan(self, plan: Plan, path: Path | None) -> None: ...


def import_sweet_home(host: QMainWindow) -> None:
    """Ask for a .sh3d file and its level, then open its plan; problems said in a box."""
    assert isinstance(host, PlanWindow)
    if not host.maybe_save():
        return
    path = files.ask_open_path(host, None, "sh3d.ui.open_title", "sh3d.ui.filter")
    if path is None:
        return
    from hjem.floorplan.sh3d import home_levels

    run_off_ui_thread(host, lambda: home_levels(path), lambda got: _levels_read(host, path, got))


def _levels_read(
    host: QMainWindow, path: Path, outcome: Outcome[tuple[tuple[str, ...], str | None]]
) -> None:
    if outcome.problem is not None or outcome.value is None:
        _failed(host, path, outcome)
        return
    names, selected = outcome.value
    level = selected
    if len(names) > 1:
        level = _ask_level(host, names, selected)
        if level is None:
            return
    from hjem.floorplan.sh3d import import_home

    run_off_ui_thread(host, lambda: import_home(path, level), lambda got: _done(host, path, got))


def _ask_level(host: QMainWindow, names: tuple[str, ...], selected: str | None) -> str | None:
    dialog = QInputDialog(host)
    dialog.setObjectName("sh3d_level")
    dialog.setWindowTitle(tr("sh3d.ui.level_title"))
    dialog.setLabelText(tr("sh3d.ui.level_label"))
    dialog.setComboBoxItems(list(names))
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(selected or names[0])
    return dialog.textValue() if dialog.exec() else None


def _done(host: QMainWindow, path: Path, outcome: Outcome[Imported]) -> None:
    imported = outcome.value
    if outcome.problem is not None or imported is None:
        _failed(host, path, outcome)
        return
    assert isinstance(host, PlanWindow)
    host.show_plan(imported.plan, None)
    document = getattr(host, "document", None)
    if document is not None:
        document.mark_unsaved()  # a new plan: closing it asks about saving
    text = "\n".join(line.text() for line in imported.report.lines(most=REPORT_LINES))
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("sh3d.ui.report_title"),
        text,
        QMessageBox.StandardButton.Ok,
        host,
    )
    box.setObjectName("sh3d_report")
    box.exec()


def _failed(host: QMainWindow, path: Path, outcome: Outcome[Any]) -> None:
    problem = outcome.problem.message if outcome.problem is not None else ""
    files.show_error(
        host, "sh3d.ui.failed_title", tr("sh3d.ui.failed", name=path.name, problem=problem)
    )
