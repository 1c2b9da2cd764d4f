"""Issue 12, point 9, in the window: a workspace that cannot be opened (a damaged file, one a
newer hjem upgraded) leaves the planner working and says why on the start screen, where the
cases would be; a list reads beside another hjem's write."""

import os
import threading

from hjem.db.workspace import open_workspace
from hjem.ui.cases.case_list import CaseList
from hjem.ui.operations import Operations
from tests.db.hjem_process import hjem, write_lock_held


def test_the_case_list_says_the_workspace_is_damaged_and_where_it_is(qtbot, tmp_path):
    damaged = tmp_path / "workspace.sqlite"
    open_workspace(f"sqlite:///{damaged}").close()  # its key file knows the session's key
    damaged.write_bytes(os.urandom(4096))
    widget = CaseList(Operations(lambda: open_workspace(f"sqlite:///{damaged}")))
    widget.show()
    qtbot.waitExposed(widget)
    text = widget.status.text()
    assert f"Arbejdsområdet {damaged} er beskadiget" in text
    assert "Du kan stadig tegne planer" in text
    assert not widget.new_button.isEnabled() and widget.codes() == []
    widget.close()


def test_the_case_list_reads_while_another_hjem_writes(qtbot, tmp_path, monkeypatch):
    assert (
        hjem("case", "add", "FBH-2026-001", "--alias", "Familien Sol", data=tmp_path).returncode
        == 0
    )
    monkeypatch.setenv("HJEM_BUSY_TIMEOUT_MS", "300")
    workspace = open_workspace(f"sqlite:///{tmp_path / 'workspace.sqlite'}")
    widget = CaseList(Operations.over(workspace))
    with write_lock_held(tmp_path / "workspace.sqlite"):
        widget.show()
        qtbot.waitExposed(widget)
        assert widget.codes() == ["FBH-2026-001"]
    widget.close()
    workspace.close()


def test_the_workspace_opens_off_the_window_s_thread_and_a_failure_is_kept_a_while(
    qtbot, silent_server
):
    """At start the case list waits for the workspace on a worker thread: a server that never
    answers (issue 12, point 10) leaves the window responsive, then its message is shown, and
    asking again at once does not freeze the window for another connect timeout."""
    window_thread, opened_on, done = threading.get_ident(), [], []
    address = f"postgresql://x@127.0.0.1:{silent_server}/db"

    def opening():
        opened_on.append(threading.get_ident())
        return open_workspace(address)

    operations = Operations(opening)
    operations.open_in_background(lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert opened_on and opened_on[0] != window_thread
    assert operations.problem is not None
    assert "Serveren 127.0.0.1 svarer ikke" in operations.problem.message.text()
    assert operations.available() is None and len(opened_on) == 1  # the same answer, at once
