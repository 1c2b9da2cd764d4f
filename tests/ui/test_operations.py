"""The operations runner: one way from a window to the workspace. A refusal is told, never
raised; what changed is announced once; slow work runs off the window's thread and comes back
on it; views refresh themselves when they hear of a change."""

import threading

import pytest
import shiboken6
from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QApplication

from hjem.cases.cases import CaseData, create_case, list_cases
from hjem.db.workspace import Workspace
from hjem.errors import DatabaseProblem
from hjem.inventory.models import Status
from hjem.inventory.reservations import reserve
from hjem.ui.inventory.window import InventoryWindow
from hjem.ui.operations import Change, Operations
from tests.inventory.helpers import available_item

FAMILY = CaseData("FBH-2026-007", "Familien Nord", architect="Mette")
CASES = frozenset({Change.CASES})


@pytest.fixture
def workspace(tmp_path):
    space = Workspace(f"sqlite:///{tmp_path / 'workspace.sqlite'}")
    yield space
    space.close()


@pytest.fixture
def operations(qtbot, workspace):
    ops = Operations.over(workspace)
    heard = []
    ops.workspace_did_change.connect(heard.append)
    ops.heard = heard
    return ops


def test_a_kept_change_is_announced_once_with_what_it_changed(operations):
    done = operations.run(lambda s: create_case(s, FAMILY).code, CASES)
    assert done.ok and done.value == FAMILY.code
    assert operations.heard == [CASES]


def test_a_refusal_is_told_in_the_person_s_words_and_nothing_is_announced(operations):
    operations.run(lambda s: create_case(s, FAMILY), CASES)
    told = []
    again = operations.run(lambda s: create_case(s, FAMILY), CASES, tell=told.append)
    assert not again and again.value is None
    assert [m.key for m in told] == ["case.error.duplicate"]
    assert operations.heard == [CASES]  # only the first one


def test_a_read_gives_none_when_refused(operations):
    told = []
    assert operations.read(lambda s: list_cases(s)) == []
    operations.run(lambda s: create_case(s, FAMILY))
    assert [row.code for row in operations.read(list_cases)] == [FAMILY.code]
    assert operations.read(lambda s: create_case(s, FAMILY), tell=told.append) is None
    assert [m.key for m in told] == ["case.error.duplicate"]


def test_a_workspace_that_cannot_be_opened_is_told_not_raised(qtbot):
    def unreachable():
        raise DatabaseProblem(OSError(13, "Permission denied"))

    operations = Operations(unreachable)
    told = []
    assert operations.available() is None
    done = operations.run(lambda s: list_cases(s), tell=told.append)
    assert isinstance(done.problem, DatabaseProblem)
    assert "Permission denied" in told[0].text("en")


def test_slow_work_runs_off_the_window_s_thread_and_its_result_comes_back_on_it(qtbot, operations):
    window_thread = QThread.currentThread()
    ran_on, came_back_on, outcomes = [], [], []

    def work(session):
        ran_on.append(threading.current_thread() is threading.main_thread())
        return create_case(session, FAMILY).code

    def done(outcome):
        came_back_on.append(QThread.currentThread() is window_thread)
        outcomes.append(outcome)

    operations.run_in_background(work, done, CASES)
    qtbot.waitUntil(lambda: bool(outcomes))
    assert ran_on == [False] and came_back_on == [True]
    assert outcomes[0].value == FAMILY.code
    assert operations.heard == [CASES]


def test_a_refusal_in_the_background_is_told_on_the_window_s_thread(qtbot, operations):
    operations.run(lambda s: create_case(s, FAMILY), CASES)
    told, outcomes = [], []
    operations.run_in_background(
        lambda s: create_case(s, FAMILY), outcomes.append, CASES, tell=told.append
    )
    qtbot.waitUntil(lambda: bool(outcomes))
    assert not outcomes[0] and [m.key for m in told] == ["case.error.duplicate"]
    assert operations.heard == [CASES]


def test_the_inventory_window_shows_a_reservation_made_elsewhere_without_being_asked(
    qtbot, workspace, operations
):
    with workspace.session() as session:
        code = available_item(session).code
        create_case(session, FAMILY)
    window = InventoryWindow(operations, "Lise")
    window.show()
    qtbot.waitExposed(window)
    assert [row.status for row in window.model.rows] == [Status.AVAILABLE.value]
    operations.run(lambda s: reserve(s, code, FAMILY.code, "Ole"), frozenset({Change.INVENTORY}))
    assert [row.status for row in window.model.rows] == [Status.RESERVED.value]
    window.close()


def test_a_bug_in_background_work_is_raised_on_the_window_s_thread_not_lost(qtbot, operations):
    with qtbot.captureExceptions() as raised:
        operations.run_in_background(lambda s: 1 / 0, lambda outcome: None)
        qtbot.waitUntil(lambda: bool(raised))
    assert isinstance(raised[0][1], ZeroDivisionError)
    assert operations.heard == []


def test_work_that_ends_after_its_window_has_gone_reports_to_nobody(qtbot, workspace):
    operations = Operations.over(workspace)
    gate, came_back = threading.Event(), []
    with qtbot.captureExceptions() as raised:
        operations.run_in_background(lambda s: gate.wait(5), came_back.append)
        shiboken6.delete(operations)  # the window (and its runner) goes meanwhile
        gate.set()
        assert QThreadPool.globalInstance().waitForDone(5000)
        QApplication.processEvents()
    assert came_back == [] and raised == []
