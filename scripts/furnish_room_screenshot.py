"""Take the pictures of "Furnish this room" in docs/screenshots/ (run: python
scripts/furnish_room_screenshot.py): the dialog's three layouts for the demo family's living
room, and for their children's room emptied, furnished from what the family needs; then the
demo case's printed pages again (its living room is laid out by the same engine).

It uses the shared window and shooting helpers of scripts/screenshots.py (the laptop's
1366 × 768 screen, offscreen)."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# screenshots sets the laptop screen before Qt loads: imported first.
import screenshots as shots
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from hjem.cases.demo import DEMO_CASE
from hjem.cases.plans import load_case_plan
from hjem.floorplan.model import Plan, RoomKind
from hjem.floorplan.shapes import room_at

WAIT_MS = 60_000


def main() -> None:
    from hjem.ui.qt_log import route_qt_messages

    app = QApplication.instance() or QApplication(sys.argv[:1])
    route_qt_messages()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HJEM_DATA_DIR"] = folder
        shots.speak("da")
        window = shots.window(Path(folder))
        plan = demo_plan(window)
        living = _room(plan, RoomKind.STUE)
        furnish(window, plan, living.id, "furnish-room-living.png")
        child = _room(plan, RoomKind.BOERNEVAERELSE)
        emptied = replace(
            plan,
            placements=tuple(p for p in plan.placements if _room_id(plan, p) != child.id),
        )
        furnish(window, emptied, child.id, "furnish-room-child.png")
        window.document.replace(window.document.plan, None)
        window.close()
        shots.handover_pages(Path(folder) / "handover")  # the demo's printout, laid out so
    app.quit()


def demo_plan(window) -> Plan:
    from hjem.budget.demo import fill_demo_workspace

    with window.workspace().session() as session:
        fill_demo_workspace(session, shots.ARCHITECT, shots.TODAY)
    with window.workspace().session() as session:
        return load_case_plan(session, DEMO_CASE.code).plan


def furnish(window, plan: Plan, room_id: str, name: str) -> None:
    """Open the plan, select the room, open the dialog and shoot it once its layouts show."""
    window.show_plan(plan, None)
    QTest.qWait(200)
    window.session.document.select([room_id])

    def shoot(dialog: QWidget) -> None:
        waited = 0
        # The dialog asks the engine just after it shows: wait for an answer, not only for
        # the asking to end.
        while (dialog.waiting or not _answered(dialog)) and waited < WAIT_MS:
            _idle(100)
            waited += 100
        QTest.qWait(200)
        shots.save(dialog, name)
        dialog.reject()

    shots.when_modal(shoot)
    window.menus.actions["furnish_room.menu"].trigger()


def _idle(ms: int) -> None:
    """Let the event loop sleep `ms`, as a window waiting for its user does. QTest.qWait polls
    instead, and a polling main thread takes Python's lock from the engine's worker at every
    shapely call (the engine then runs 10-50 times slower)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _answered(dialog) -> bool:
    return any(card.suggestion is not None for card in dialog.cards)


def _room(plan: Plan, kind: RoomKind):
    return next(r for r in plan.rooms if r.kind is kind)


def _room_id(plan: Plan, piece) -> str | None:
    room = room_at(plan, piece.center)
    return room.id if room is not None else None


if __name__ == "__main__":
    main()
