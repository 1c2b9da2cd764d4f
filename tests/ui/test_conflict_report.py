"""The conflict report belongs to the document: worked out once a burst of edits settles,
listed by the panel and marked by the scene, which only display it."""

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from hjem.floorplan import report as engine_report
from hjem.floorplan.commands import MoveElements
from hjem.floorplan.conflicts import ConflictKind
from tests.floorplan.plans import furnished, piece, row_plan
from tests.ui.driver import LEFT, NONE, viewport_point

# One room, x 0..400, y 0..300. The commode stands half in the bottom wall; the shelf is fine.
PLAN = furnished(
    row_plan(widths=(400,), window_sill=None),
    piece("k", "kommode", (80, 45, 90), 250, 295),
    piece("s", "reol", (80, 35, 190), 60, 150, 90),
)


@pytest.fixture
def editor(window, qtbot):
    window.show_plan(PLAN, None)
    qtbot.waitUntil(lambda: window.document.report.is_current)
    view = window.session.editor.view
    view.resetTransform()  # one pixel per cm
    view.centerOn(QPointF(200, 150))
    return window.session.editor


def test_the_panel_and_the_scene_show_the_documents_report(window, editor):
    report = editor.document.report.conflicts
    assert ConflictKind.WALL in {c.kind for c in report}
    assert window.session.conflicts.conflicts == report
    assert window.session.conflicts.list.count() == len(report)
    assert not any("s" in c.elements for c in report)
    assert editor.scene.item("k").in_conflict and not editor.scene.item("s").in_conflict


def test_a_burst_of_edits_is_checked_once_when_it_has_settled(editor, qtbot, monkeypatch):
    runs = []
    real = engine_report.full_report
    monkeypatch.setattr(
        engine_report, "full_report", lambda plan, **kw: runs.append(plan) or real(plan, **kw)
    )
    for _ in range(5):
        editor.apply(MoveElements(("k",), 0.0, -30.0), "undo.move")
    assert not editor.document.report.is_current  # not yet: more edits may follow
    qtbot.waitUntil(lambda: editor.document.report.is_current)
    assert runs == [editor.plan]
    assert editor.plan["k"].center.y == 145 and not editor.scene.item("k").in_conflict


def test_a_piece_dragged_back_where_it_was_shows_the_report_again(editor):
    view = editor.view
    item = editor.scene.item("k")
    start, free = viewport_point(view, 250, 290), view.mapFromScene(QPointF(200, 150))
    QTest.mousePress(view.viewport(), LEFT, NONE, start)
    for i in range(1, 6):
        QTest.mouseMove(view.viewport(), start + (free - start) * i / 5)
    assert not item.in_conflict  # out of the swing: the drag's live check is shown
    for i in range(1, 6):
        QTest.mouseMove(view.viewport(), free + (start - free) * i / 5)
    QTest.mouseRelease(view.viewport(), LEFT, NONE, start)
    assert editor.plan["k"] is PLAN["k"]
    assert item.in_conflict  # nothing changed: the report shows again, at once
