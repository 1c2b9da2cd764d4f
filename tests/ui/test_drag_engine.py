"""What a drag costs the engine, counted in the real window: the plan's geometry is built once
when the drag starts (shared by the check, the magnet and the guides), and the walkway is
checked once, when the piece is put down; the report after the move takes that result."""

import math

from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from hjem.floorplan import plan_geometry
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.plan_geometry import PlanGeometry
from hjem.floorplan.report import full_report
from hjem.floorplan.walkway import Walkway
from tests.conftest import ROOT
from tests.ui.driver import LEFT, NONE, viewport_point

STEPS = 50


def described(conflicts):
    return [(c.kind.value, c.elements, c.message.texts()["da"], c.where) for c in conflicts]


def count_builds(monkeypatch):
    """Calls of the geometry build, the layout build and the walkway check (each still runs)."""
    counts = {"geometry": 0, "layout": 0, "walkway": 0}

    def counting(name, original):
        def wrapper(*args, **kwargs):
            counts[name] += 1
            return original(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(
        PlanGeometry, "__post_init__", counting("geometry", PlanGeometry.__post_init__)
    )
    monkeypatch.setattr(
        plan_geometry, "_build_layout", counting("layout", plan_geometry._build_layout)
    )
    monkeypatch.setattr(Walkway, "conflicts", counting("walkway", Walkway.conflicts))
    return counts


def test_a_50_step_drag_builds_the_geometry_once_and_checks_the_walkway_once(
    window, qtbot, monkeypatch
):
    window.show_plan(load_plan(ROOT / "assets" / "samples" / "3-vaerelser.hjem"), None)
    view = window.session.editor.view
    view.resetTransform()
    document = window.document
    qtbot.waitUntil(lambda: document.report.is_current)  # the plan as the architect sees it
    counts = count_builds(monkeypatch)
    chair = window.session.editor.plan["p4"]  # an armchair in the living room
    start = viewport_point(view, *chair.center)
    QTest.mousePress(view.viewport(), LEFT, NONE, start)
    for i in range(1, STEPS + 1):
        angle = 2 * math.pi * i / STEPS  # a loop, ending 30 cm further up
        x, y = chair.center.x + 40 * math.sin(angle), chair.center.y - 30 * i / STEPS
        QTest.mouseMove(view.viewport(), view.mapFromScene(QPointF(x, y)))
    assert counts == {"geometry": 1, "layout": 0, "walkway": 0}
    end = view.mapFromScene(QPointF(chair.center.x, chair.center.y - 30))
    QTest.mouseRelease(view.viewport(), LEFT, NONE, end)
    assert window.session.editor.plan["p4"].center != chair.center  # the move is stored
    assert counts["walkway"] == 1
    qtbot.waitUntil(lambda: document.report.is_current)
    assert counts["walkway"] == 1  # the report after the move took the drag's walkway
    assert counts["layout"] == 0
    assert described(document.report.conflicts) == described(
        full_report(window.session.editor.plan)
    )
