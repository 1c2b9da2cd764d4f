"""Benchmark of dragging furniture in the real plan view (issue #5).

Case `drag`: one step of dragging the sofa through its living room, over the rug, into the
coffee table, a wall and a door swing, in the real window offscreen: a mouse-move event sent to
the real QGraphicsView (tool, magnetism, the engine's check, the red piece and its bubble), then
the repaint Qt does for it (`processEvents`: what the step changed, as on screen) in a 1200 ×
800 pixel view at 1 pixel per cm, the zoom an architect works at. `--full-repaint` repaints the
whole view at every step instead: the worst case. Ours is one engine call per step
(`drag.Drag.step`: magnetism, then the piece checker); the baseline is the same drag with a
full conflict report (`report.full_report`, walkway left out) at every step, as an editor
without an incremental path would run it. The drag starts (builds and indexes the plan's
geometry) before the timed steps; the start is reported as `drag_start`.

Run: python -m bench.drag [--quick]. Prints one JSON line.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from bench.common import case, report
from bench.plans import tiled
from hjem.floorplan.conflicts import Conflict, ConflictKind
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Placement, Plan
from hjem.floorplan.piece_check import PieceCheck
from hjem.floorplan.plan_geometry import build
from hjem.floorplan.report import full_report
from hjem.ui.main_window import MainWindow
from hjem.ui.recovery import Recovery
from hjem.ui.settings import Settings

SIZES = (100, 1000)
SETTLE_S = 0.5  # after opening, before the first drag (the furniture list waits 0.3 s)
FULL_REPAINT = "--full-repaint" in sys.argv
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


class FullReportCheck:
    """The baseline's check: the whole plan's report with the piece at the new pose. It stands
    in for the piece checker a drag builds (`PieceCheck.of`)."""

    def __init__(self, plan: Plan, placement_id: str):
        moving = plan[placement_id]
        assert isinstance(moving, Placement)
        self.plan, self.moving = plan, moving
        self.geometry = build(plan, exclude=placement_id)  # for the magnet and the guides

    @staticmethod
    def of(plan: Plan, placement_id: str) -> FullReportCheck:
        return FullReportCheck(plan, placement_id)

    def check(
        self, center: tuple[float, float], rotation: float | None = None, walkway: bool = False
    ) -> list[Conflict]:
        moved = self.moving.moved_to(Point(*center), rotation)
        placements = tuple(moved if p.id == moved.id else p for p in self.plan.placements)
        conflicts = full_report(replace(self.plan, placements=placements), walkway=walkway)
        return [c for c in conflicts if moved.id in c.elements]

    def walkway(self, center: tuple[float, float], rotation: float | None = None) -> list[Conflict]:
        return [c for c in self.check(center, rotation, True) if c.kind is ConflictKind.WALKWAY]


@contextmanager
def checked_by_full_reports() -> Iterator[None]:
    """Drags started meanwhile check each step with a full report (the baseline)."""
    ours = vars(PieceCheck)["of"]
    PieceCheck.of = staticmethod(FullReportCheck.of)  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        PieceCheck.of = ours  # type: ignore[method-assign]


def mouse(
    view: QGraphicsView, kind: QEvent.Type, x: float, y: float, buttons: Qt.MouseButton
) -> None:
    local = QPointF(view.mapFromScene(QPointF(x, y)))
    event = QMouseEvent(kind, local, view.viewport().mapToGlobal(local), LEFT, buttons, NONE)
    QApplication.sendEvent(view.viewport(), event)


def path(steps: int) -> list[tuple[float, float]]:
    """A loop through the living room, as a hand drags the sofa (the angle stays)."""
    return [
        (
            300 + 180 * math.cos(2 * math.pi * i / steps),
            230 + 170 * math.sin(2 * math.pi * i / steps),
        )
        for i in range(steps)
    ]


def repaint(view: QGraphicsView) -> None:
    if FULL_REPAINT:
        view.viewport().repaint()
    else:
        QApplication.processEvents()  # Qt repaints what the step changed, as on screen


def timed_drag(window: MainWindow, steps: int, baseline: bool) -> tuple[float, float]:
    """Median µs of one step (event + repaint) and the µs of starting the drag."""
    editor = window.session.editor
    view = editor.view
    sofa = editor.plan["p1"]
    assert isinstance(sofa, Placement)
    with checked_by_full_reports() if baseline else nullcontext():
        return drag_sofa(view, sofa, steps)


def drag_sofa(view: QGraphicsView, sofa: Placement, steps: int) -> tuple[float, float]:
    x0, y0 = sofa.center
    mouse(view, QEvent.Type.MouseButtonPress, x0, y0, LEFT)
    started = time.perf_counter()
    mouse(view, QEvent.Type.MouseMove, x0 + 1, y0, LEFT)
    view.viewport().repaint()
    start_us = (time.perf_counter() - started) * 1e6
    times = []
    for x, y in path(steps):
        began = time.perf_counter()
        mouse(view, QEvent.Type.MouseMove, x, y, LEFT)
        repaint(view)
        times.append(time.perf_counter() - began)
    mouse(view, QEvent.Type.MouseButtonRelease, x0, y0, Qt.MouseButton.NoButton)
    return statistics.median(times) * 1e6, start_us


def undo_the_drag(window: MainWindow) -> None:
    if window.document.undo_stack.canUndo():
        window.document.undo_stack.undo()


def open_window(folder: Path, n: int) -> MainWindow:
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, Recovery(folder))
    window.resize(1500, 900)
    window.show()
    window.show_plan(tiled(n), None)
    view = window.session.editor.view
    view.setFixedSize(1200, 800)
    view.zoom(1 / view.pixels_per_cm)  # 1 px per cm, names laid out for it as on screen
    view.centerOn(QPointF(300, 230))
    window.document.report.refresh()  # as when the architect has looked at it before dragging
    settle(SETTLE_S)  # what opening leaves for later (names for the zoom, the furniture list)
    return window


def settle(seconds: float) -> None:
    """Let Qt run its timers for `seconds`, as the half second before a person starts a drag."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        QApplication.processEvents()
        time.sleep(0.01)


def bench_drag(folder: Path, n: int, quick: bool) -> list[dict[str, object]]:
    window = open_window(folder, n)
    steps = 40 if quick else 200
    ours, start = timed_drag(window, steps, baseline=False)
    undo_the_drag(window)
    baseline_steps = max(10, steps // (10 if n >= 1000 else 2))
    baseline, _ = timed_drag(window, baseline_steps, baseline=True)
    undo_the_drag(window)
    window.document.replace(window.document.plan, None)
    window.close()
    return [
        case("drag", n, ours, baseline, steps=steps, baseline_steps=baseline_steps),
        case("drag_start", n, start, None),
    ]


def main() -> None:
    quick = "--quick" in sys.argv
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HJEM_DATA_DIR"] = folder
        cases = [row for n in SIZES for row in bench_drag(Path(folder), n, quick)]
    report("drag", cases)
    app.quit()


if __name__ == "__main__":
    main()
