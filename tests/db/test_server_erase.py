"""Erasing a case on a team server, as the person: a coordinator erases any case, an architect
the cases assigned to them, an inventory manager none; the address and the assignments go by
the cascade although no person may touch their tables; the audit log keeps the erasure by code.
"""

import pytest
from sqlalchemy import text

from hjem.cases.erase import erase_everywhere
from hjem.cases.errors import CaseError
from hjem.db.workspace import Workspace
from hjem.errors import DatabaseProblem
from tests.db.team_server import CASE_A, CASE_B, Team

ADDRESS = "Hemmelig Allé 7, 9999 Intetsteds"
HOUSEHOLD = ("children", "visits", "case_plans", "budget_lines", "case_architects")


def _as(team: Team, person: str, code: str) -> object:
    workspace = Workspace(team.urls[person])
    try:
        return erase_everywhere(workspace, code, person)
    finally:
        workspace.close()


def _with_address(team: Team, code: str) -> None:
    with team.admin.begin() as connection:
        connection.execute(
            text("INSERT INTO case_addresses (case_id, address) VALUES (:id, :address)"),
            {"id": team.cases[code], "address": ADDRESS},
        )


def _left_of(team: Team, code: str) -> dict[str, int]:
    """Rows of the case, table by table, as the administrator counts them."""
    case_id = team.cases[code]
    with team.admin.connect() as connection:

        def count(sql: str, key: object) -> int:
            return connection.execute(text(sql), {"key": key}).scalar()

        of_case = "SELECT count(*) FROM {} WHERE case_id = :key"
        left = {table: count(of_case.format(table), case_id) for table in HOUSEHOLD}
        left["case_addresses"] = count(
            "SELECT count(*) FROM case_addresses WHERE case_id = :key", case_id
        )
        left["cases"] = count("SELECT count(*) FROM cases WHERE code = :key", code)
        left["reservations"] = count(
            "SELECT count(*) FROM reservations WHERE case_code = :key", code
        )
    return left


def _status(team: Team, item: str) -> str:
    with team.admin.connect() as connection:
        query = text("SELECT status FROM items WHERE code = :code")
        return connection.execute(query, {"code": item}).scalar()


def _audit(team: Team, code: str) -> list[tuple[str, str, str]]:
    with team.admin.connect() as connection:
        query = text(
            "SELECT action, login, detail FROM audit_log WHERE case_code = :code"
            " AND action IN ('case_erased', 'reservation_released') ORDER BY id"
        )
        return [tuple(row) for row in connection.execute(query, {"code": code})]


def test_an_architect_erases_their_own_case_address_and_assignments_included(team: Team):
    _with_address(team, CASE_A)
    before = _left_of(team, CASE_A)
    assert before["case_addresses"] == 1 and before["case_architects"] == 2
    assert before["children"] == before["budget_lines"] == before["reservations"] == 1
    report = _as(team, "ada", CASE_A)
    assert set(_left_of(team, CASE_A).values()) == {0}
    assert _status(team, team.items["reserved_a"]) == "available"
    assert _status(team, team.items["reserved_b"]) == "reserved"  # Bo's family's
    assert _left_of(team, CASE_B)["cases"] == 1
    assert report.address and report.items_returned == 1 and report.children == 1
    ada = team.logins["ada"]
    assert _audit(team, CASE_A) == [
        ("reservation_released", ada, "case_erased"),
        ("case_erased", ada, ""),
    ]


def test_an_architect_is_refused_a_case_not_assigned_to_them_and_nothing_goes(team: Team):
    before = _left_of(team, CASE_A)
    with pytest.raises(CaseError) as refused:
        _as(team, "bo", CASE_A)
    assert refused.value.message.key == "erase.error.not_yours"
    assert _left_of(team, CASE_A) == before
    assert _status(team, team.items["reserved_a"]) == "reserved"


def test_an_inventory_manager_may_not_erase_a_case(team: Team):
    before = _left_of(team, CASE_B)
    with pytest.raises(DatabaseProblem):
        _as(team, "ivar", CASE_B)
    assert _left_of(team, CASE_B) == before


def test_a_coordinator_erases_any_case(team: Team):
    _as(team, "cora", CASE_B)
    assert set(_left_of(team, CASE_B).values()) == {0}
    assert _status(team, team.items["reserved_b"]) == "available"
    assert _audit(team, CASE_B)[-1] == ("case_erased", team.logins["cora"], "")
