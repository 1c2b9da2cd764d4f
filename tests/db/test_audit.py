"""The audit log on a team server (issue 13): each audited action leaves exactly one row with
the right who and what, never the address; no one, not even the tables' owner, changes or
deletes a row; the address is out of reach of anyone the case's rule does not let in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from hjem.budget.export import export_budget
from hjem.cases.cases import address_of, set_address, set_status
from hjem.cases.models import CaseStatus
from hjem.db.audit import CASE_PRINTED, record_case_action
from hjem.db.people import add_person, assign_case, disable_person, unassign_case
from hjem.db.server import OWNER
from hjem.floorplan.hjemfile import load_plan
from hjem.handover.gather import PrintChoice, case_handover
from hjem.inventory.items import get_item
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Status
from hjem.inventory.reservations import deliver, release, reserve
from tests.db.team_server import CASE_A, CASE_A2, CASE_B, Team, _drop_people

ADDRESS = "Solvej 3, 2. tv, 5000 Odense C"
T = TypeVar("T")


def _as(team: Team, person: str, work: Callable[[Session], T]) -> T:
    """`work` in one committed transaction of `person`'s (or the administrator's)."""
    engine = team.admin if person == "admin" else team.engine(person)
    with Session(engine) as session, session.begin():
        return work(session)


def _mark(team: Team) -> int:
    with team.admin.connect() as connection:
        return connection.execute(text("SELECT coalesce(max(id), 0) FROM audit_log")).scalar()


def _rows_after(team: Team, mark: int) -> list[tuple[str, str, str | None, str | None, str]]:
    query = text(
        "SELECT login, action, case_code, item_code, detail FROM audit_log"
        " WHERE id > :mark ORDER BY id"
    )
    with team.admin.connect() as connection:
        return [tuple(row) for row in connection.execute(query, {"mark": mark})]


def _whole_log(team: Team) -> str:
    with team.admin.connect() as connection:
        return connection.execute(text("SELECT string_agg(l::text, ' ') FROM audit_log l")).scalar()


def _sqlstate(error: pytest.ExceptionInfo[DBAPIError]) -> str | None:
    return getattr(error.value.orig, "sqlstate", None)


@pytest.fixture
def with_address(team: Team) -> int:
    """Case A has an address (the coordinator wrote it); the log's mark after that."""
    _as(team, "cora", lambda s: set_address(s, CASE_A, ADDRESS))
    return _mark(team)


def test_an_assigned_architect_reads_the_address_and_one_row_says_so(team, with_address):
    assert _as(team, "ada", lambda s: address_of(s, CASE_A)) == ADDRESS
    assert _rows_after(team, with_address) == [
        (team.logins["ada"], "address_read", CASE_A, None, "")
    ]
    assert ADDRESS not in _whole_log(team) and "Solvej" not in _whole_log(team)


def test_the_coordinator_reads_any_address_and_writing_one_is_recorded(team, with_address):
    assert _as(team, "cora", lambda s: address_of(s, CASE_A)) == ADDRESS
    cora = team.logins["cora"]
    assert _rows_after(team, with_address) == [(cora, "address_read", CASE_A, None, "")]
    mark = _mark(team)
    _as(team, "ada", lambda s: set_address(s, CASE_A, "Ny vej 1"))
    assert _rows_after(team, mark) == [(team.logins["ada"], "address_changed", CASE_A, None, "")]
    assert "Ny vej" not in _whole_log(team)


def test_an_architect_without_the_case_gets_nothing_and_a_refused_row(team, with_address):
    """The documented choice: a refused read is "" (as an unknown case), and the log keeps a
    row saying the read was refused, so the coordinator sees who tried."""
    assert _as(team, "bo", lambda s: address_of(s, CASE_A)) == ""
    assert _rows_after(team, with_address) == [
        (team.logins["bo"], "address_refused", CASE_A, None, "")
    ]
    # hjem itself finds no case A for Bo; the server's function refuses him all the same.
    write = text("SELECT hjem_set_case_address(:code, 'x')")
    with pytest.raises(DBAPIError) as refused:
        _as(team, "bo", lambda s: s.execute(write, {"code": CASE_A}))
    assert _sqlstate(refused) == "42501"
    assert _as(team, "cora", lambda s: address_of(s, CASE_A)) == ADDRESS


@pytest.mark.parametrize("person", ["ada", "bo", "ivar", "cora"])
def test_no_person_reads_the_address_table_itself(team, with_address, person):
    with pytest.raises(DBAPIError) as refused:
        _as(team, person, lambda s: s.execute(text("SELECT address FROM case_addresses")).all())
    assert _sqlstate(refused) == "42501"


def test_an_inventory_manager_may_not_even_ask_for_an_address(team, with_address):
    with pytest.raises(DBAPIError) as refused:
        _as(team, "ivar", lambda s: address_of(s, CASE_A))
    assert _sqlstate(refused) == "42501"
    assert _rows_after(team, with_address) == []


def test_a_print_and_a_budget_export_leave_one_row_each(team, tmp_path):
    mark = _mark(team)
    _as(team, "ada", lambda s: record_case_action(s, CASE_PRINTED, CASE_A))
    _as(team, "ada", lambda s: export_budget(s, CASE_A2, tmp_path / "budget.csv"))
    ada = team.logins["ada"]
    assert _rows_after(team, mark) == [
        (ada, "case_printed", CASE_A, None, ""),
        (ada, "budget_exported", CASE_A2, None, ""),
    ]


def test_a_handover_print_with_the_address_reads_it_once_and_is_recorded_once(team, samples):
    plan = load_plan(samples / "2-vaerelser.hjem")
    _as(team, "cora", lambda s: set_address(s, CASE_A2, ADDRESS))
    mark = _mark(team)
    choice = PrintChoice(with_address=True)
    data = _as(team, "ada", lambda s: case_handover(s, CASE_A2, choice, plan))
    assert data.address == ADDRESS
    ada = team.logins["ada"]
    assert _rows_after(team, mark) == [
        (ada, "address_read", CASE_A2, None, ""),
        (ada, "case_printed", CASE_A2, None, ""),
    ]


def test_a_print_of_a_case_not_ones_own_or_an_unknown_action_is_refused(team, tmp_path):
    mark = _mark(team)
    with pytest.raises(DBAPIError) as refused:
        _as(team, "bo", lambda s: record_case_action(s, CASE_PRINTED, CASE_A))
    assert _sqlstate(refused) == "42501"
    with pytest.raises(DBAPIError) as refused:
        _as(team, "ada", lambda s: record_case_action(s, "address_read", CASE_A))
    assert _sqlstate(refused) == "22023"  # invalid_parameter_value
    assert _rows_after(team, mark) == []


def test_reserving_releasing_and_handing_out_leave_one_row_each(team):
    ada, free = team.logins["ada"], team.items["free"]
    mark = _mark(team)
    _as(team, "ada", lambda s: reserve(s, free, CASE_A, "Ada"))
    assert _rows_after(team, mark) == [(ada, "item_reserved", CASE_A, free, "")]
    mark = _mark(team)
    _as(team, "ada", lambda s: release(s, free, "Ada"))
    assert _rows_after(team, mark) == [(ada, "reservation_released", CASE_A, free, "released")]
    _as(team, "ada", lambda s: reserve(s, free, CASE_A, "Ada"))
    mark = _mark(team)
    _as(team, "ivar", lambda s: deliver(s, free, "Ivar"))
    assert _rows_after(team, mark) == [(team.logins["ivar"], "item_handed_out", CASE_A, free, "")]


def test_an_items_status_change_leaves_one_row(team):
    free = team.items["free"]
    mark = _mark(team)
    _as(team, "ivar", lambda s: move(s, get_item(s, free), Status.REPAIR, "Ivar"))
    expected = (team.logins["ivar"], "item_status_changed", None, free, "available -> repair")
    assert _rows_after(team, mark) == [expected]


def test_a_case_status_change_and_an_erasure_leave_one_row_each(team):
    cora = team.logins["cora"]
    mark = _mark(team)
    _as(team, "ada", lambda s: set_status(s, CASE_A2, CaseStatus.ACTIVE))
    expected = (team.logins["ada"], "case_status_changed", CASE_A2, None, "referred -> active")
    assert _rows_after(team, mark) == [expected]
    mark = _mark(team)  # A2 is assigned to Ada: the assignment goes with it, in the same row
    _as(
        team, "cora", lambda s: s.execute(text("DELETE FROM cases WHERE code = :c"), {"c": CASE_A2})
    )
    assert _rows_after(team, mark) == [(cora, "case_erased", CASE_A2, None, "")]


def test_changes_of_people_leave_one_row_each_in_the_administrators_name(team):
    admin = _as(team, "admin", lambda s: s.execute(text("SELECT session_user")).scalar())
    login = f"eve_{team.logins['ada'].split('_', 1)[1]}"
    mark = _mark(team)
    try:
        add_person(team.admin, login, "architect", None)
        assign_case(team.admin, CASE_B, login)
        unassign_case(team.admin, CASE_B, login)
        disable_person(team.admin, login)
    finally:
        _drop_people(team.admin, [login])
    assert _rows_after(team, mark) == [
        (admin, "person_added", None, None, f"{login} (architect)"),
        (admin, "case_assigned", CASE_B, None, login),
        (admin, "case_unassigned", CASE_B, None, login),
        (admin, "person_disabled", None, None, login),
    ]


@pytest.mark.parametrize("person", ["ada", "bo", "ivar", "cora"])
@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET login = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"],
)
def test_no_person_changes_or_deletes_an_audit_row(team, person, statement):
    with pytest.raises(DBAPIError) as refused:
        _as(team, person, lambda s: s.execute(text(statement)))
    assert _sqlstate(refused) == "42501"


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET login = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"],
)
def test_not_even_the_tables_owner_changes_or_deletes_an_audit_row(team, statement):
    before = _whole_log(team)

    def as_owner(session: Session) -> None:
        session.execute(text(f'SET LOCAL ROLE "{OWNER}"'))
        session.execute(text(statement))

    with pytest.raises(DBAPIError) as refused:
        _as(team, "admin", as_owner)
    assert _sqlstate(refused) == "42501" and "insert-only" in str(refused.value.orig)
    assert _whole_log(team) == before


def test_the_server_says_who_and_when_not_the_one_who_writes(team):
    def as_owner(session: Session) -> None:
        session.execute(text(f'SET LOCAL ROLE "{OWNER}"'))
        session.execute(
            text(
                "INSERT INTO audit_log (login, action, at) VALUES ('someone_else', 'x',"
                " '2000-01-01')"
            )
        )

    mark = _mark(team)
    _as(team, "admin", as_owner)
    with team.admin.connect() as connection:
        row = connection.execute(
            text("SELECT login, at > now() - interval '1 hour' FROM audit_log WHERE id > :m"),
            {"m": mark},
        ).one()
    admin = _as(team, "admin", lambda s: s.execute(text("SELECT session_user")).scalar())
    assert tuple(row) == (admin, True)


@pytest.mark.parametrize("person", ["ada", "ivar"])
def test_only_the_coordinator_reads_the_log(team, person):
    with pytest.raises(DBAPIError) as refused:
        _as(team, person, lambda s: s.execute(text("SELECT * FROM audit_log")).all())
    assert _sqlstate(refused) == "42501"
    assert _as(team, "cora", lambda s: s.execute(text("SELECT count(*) FROM audit_log")).scalar())
