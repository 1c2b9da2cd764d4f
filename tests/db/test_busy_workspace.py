"""Issue 12, point 8: reads take no write lock. While another process writes to a SQLite
workspace, a list still answers; a writer waits its turn and, when the turn does not come,
is told the workspace is busy (never to check the database's address)."""

import pytest

from hjem.cases.cases import CaseData, create_case, list_cases
from hjem.db.workspace import Workspace
from hjem.errors import DatabaseProblem
from tests.db.hjem_process import count, hjem, said, write_lock_held

SUN = ("FBH-2026-001", "--alias", "Familien Sol")
MOON = ("FBH-2026-002", "--alias", "Familien Måne")
SHORT_WAIT = {"HJEM_BUSY_TIMEOUT_MS": "300"}  # the writer's wait, cut short for the test


def test_a_list_answers_while_another_hjem_holds_the_write_lock(tmp_path):
    assert hjem("case", "add", *SUN, data=tmp_path).returncode == 0
    with write_lock_held(tmp_path / "workspace.sqlite"):
        listed = hjem("case", "list", data=tmp_path, **SHORT_WAIT)
        found = hjem("inventory", "find", data=tmp_path, **SHORT_WAIT)
    assert listed.returncode == 0 and "FBH-2026-001" in said(listed)
    assert found.returncode == 0, said(found)


def test_a_writer_that_cannot_get_its_turn_is_told_the_workspace_is_busy(tmp_path):
    assert hjem("case", "add", *SUN, data=tmp_path).returncode == 0
    with write_lock_held(tmp_path / "workspace.sqlite"):
        danish = hjem("case", "add", *MOON, data=tmp_path, **SHORT_WAIT)
        english = hjem("--lang", "en", "case", "add", *MOON, data=tmp_path, **SHORT_WAIT)
    assert danish.returncode == 2 and english.returncode == 2
    assert "Arbejdsområdet er optaget af en anden hjem; prøv igen" in said(danish)
    assert "The workspace is busy with another hjem; try again" in said(english)
    assert "--database" not in danish.stderr + english.stderr  # not the address's fault
    assert count(tmp_path / "workspace.sqlite", "cases") == 1


def test_a_writer_gets_its_turn_once_the_other_write_ends(tmp_path):
    assert hjem("case", "add", *SUN, data=tmp_path).returncode == 0
    with write_lock_held(tmp_path / "workspace.sqlite"):
        pass
    assert hjem("case", "add", *MOON, data=tmp_path, **SHORT_WAIT).returncode == 0
    assert count(tmp_path / "workspace.sqlite", "cases") == 2


def test_a_read_reads_and_may_not_write(tmp_path):
    """`read` is for work that only reads: on SQLite a write inside it is refused, so work
    sent the wrong way shows up in the tests instead of as a rare busy workspace."""
    workspace = Workspace(f"sqlite:///{tmp_path / 'workspace.sqlite'}")
    workspace.run(lambda session: create_case(session, CaseData("FBH-2026-003", "Familien Sol")))
    assert [row.code for row in workspace.read(list_cases)] == ["FBH-2026-003"]
    with pytest.raises(DatabaseProblem):
        workspace.read(lambda session: create_case(session, CaseData("FBH-2026-004", "Sol")))
    assert [row.code for row in workspace.run(list_cases)] == ["FBH-2026-003"]  # writes again
    workspace.close()


def test_opening_a_workspace_looks_at_its_version_without_the_write_lock(tmp_path):
    assert hjem("db", "upgrade", data=tmp_path).returncode == 0
    with write_lock_held(tmp_path / "workspace.sqlite"):
        upgraded = hjem("db", "upgrade", data=tmp_path, **SHORT_WAIT)
    assert upgraded.returncode == 0, said(upgraded)
