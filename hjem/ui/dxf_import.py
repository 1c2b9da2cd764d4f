"""*Baggrund → Importér DXF-tegning …*: choose a drawing, say its units and layers, and lay
it under the plan, already at its true size, as one undo step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QProgressDialog,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hjem.errors import UserError
from hjem.floorplan.commands import SetBackground
from hjem.i18n import tr
from hjem.ui import files

if TYPE_CHECKING:
    from hjem.floorplan.dxf import Drawing, Unit
    from hjem.ui.editor import Editor

T = TypeVar("T")
Progress = Callable[[int, int], None]


def import_dxf(editor: Editor, parent: QWidget) -> None:
    name, _ = QFileDialog.getOpenFileName(
        parent, tr("dxf_dialog.choose_title"), str(Path.home()), tr("dxf_dialog.filter")
    )
    if name:
        load_dxf(editor, Path(name), parent)


def load_dxf(editor: Editor, path: Path, parent: QWidget | None = None) -> bool:
    """Read the drawing, ask about units and layers, render it and set it; True if set."""
    from hjem.floorplan.dxf import read_drawing, render_background

    try:
        drawing = off_thread(parent, "dxf_dialog.reading", lambda told: read_drawing(path, told))
        dialog = DxfDialog(drawing, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        unit, hidden = dialog.unit(), dialog.hidden_layers()
        background = off_thread(
            parent,
            "dxf_dialog.drawing",
            lambda told: render_background(drawing, unit, hidden, told),
        )
    except UserError as error:
        files.show_error(parent, "dxf_dialog.failed", error.message.text())
        return False
    if editor.apply(SetBackground(background), "undo.background"):
        editor.view.fit_to_plan()
        return True
    return False


# --- work off the window's thread --------------------------------------------------------------


class _Work(QThread, Generic[T]):
    progressed = Signal(int, int)

    def __init__(self, work: Callable[[Progress], T]):
        super().__init__()
        self.work = work
        self.result: T | None = None
        self.problem: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.work(self.progressed.emit)
        except BaseException as problem:  # handed to the window's thread, raised there
            self.problem = problem


def off_thread(parent: QWidget | None, key: str, work: Callable[[Progress], T]) -> T:
    """`work(progress)` on a worker thread, a progress bar moving meanwhile; its result, or
    its exception raised here."""
    job: _Work[T] = _Work(work)
    bar = QProgressDialog(tr(key), "", 0, 0, parent)
    bar.setObjectName("dxf_progress")
    bar.setCancelButton(None)  # the work is bounded in time (hjem.floorplan.dxf.errors)
    bar.setWindowModality(Qt.WindowModality.WindowModal)
    bar.setMinimumDuration(300)

    def show(done: int, total: int) -> None:
        bar.setMaximum(total)
        bar.setValue(done)

    job.progressed.connect(show)
    waiting = QEventLoop()
    job.finished.connect(waiting.quit)
    job.start()
    waiting.exec()
    job.wait()
    bar.close()
    if job.problem is not None:
        raise job.problem
    return job.result  # type: ignore[return-value]  # set whenever there is no problem


# --- the dialog --------------------------------------------------------------------------------


class DxfDialog(QDialog):
    """The units (mm, cm or m, the likely one chosen, the evidence said) and the layers."""

    def __init__(self, drawing: Drawing, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dxf_dialog")
        self.setWindowTitle(tr("dxf_dialog.title"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._units_box(drawing))
        layout.addWidget(self._layers_box(drawing))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _units_box(self, drawing: Drawing) -> QGroupBox:
        from hjem.floorplan.dxf import CHOICES, UNIT_NAMES

        verdict = drawing.units
        box = QGroupBox(tr("dxf_dialog.units_known" if verdict.unit else "dxf_dialog.units_ask"))
        layout = QVBoxLayout(box)
        evidence = QLabel(verdict.reason.text())
        evidence.setObjectName("dxf_evidence")
        evidence.setWordWrap(True)
        layout.addWidget(evidence)
        self._units = QButtonGroup(self)
        chosen = verdict.unit or verdict.likely
        self._unit_of: dict[int, Unit] = {}
        for unit in (*CHOICES, *([chosen] if chosen not in CHOICES else [])):
            button = QRadioButton(tr(UNIT_NAMES[unit]))
            button.setObjectName(f"dxf_unit_{unit}")
            button.setChecked(unit == chosen)
            self._units.addButton(button, len(self._unit_of))
            self._unit_of[len(self._unit_of)] = unit
            layout.addWidget(button)
        return box

    def _layers_box(self, drawing: Drawing) -> QGroupBox:
        box = QGroupBox(tr("dxf_dialog.layers"))
        inner = QWidget()
        column = QVBoxLayout(inner)
        self._layers: dict[str, QCheckBox] = {}
        for name, count in drawing.layers:
            check = QCheckBox(tr("dxf_dialog.layer", name=name, count=count))
            check.setObjectName(f"dxf_layer:{name}")
            check.setChecked(True)
            self._layers[name] = check
            column.addWidget(check)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setMaximumHeight(260)  # a drawing can have a hundred layers
        QVBoxLayout(box).addWidget(scroll)
        return box

    def unit(self) -> Unit:
        return self._unit_of[self._units.checkedId()]

    def hidden_layers(self) -> set[str]:
        return {name for name, check in self._layers.items() if not check.isChecked()}
