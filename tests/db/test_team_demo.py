"""`hjem demo` on a team server: the coordinator adds it, the sample case assigned to no
architect (none sees it until it is assigned); an architect or an inventory manager is refused
in Danish before anything is written."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from hjem.cases.demo import DEMO_CASE
from hjem.db.people import assign_case
from tests.db.hjem_process import hjem, said
from tests.db.team_server import Team


def _empty_inventory(team: Team) -> None:
    """The fixture's three items away: the demo goes only into an empty inventory (a
    training database)."""
    with team.admin.begin() as connection:
        connection.execute(text("TRUNCATE items CASCADE"))


def _listed(team: Team, person: str) -> list[str]:
    result = hjem("case", "list", "--json", "--database", team.urls[person])
    assert result.returncode == 0, said(result)
    return [case["code"] for case in json.loads(result.stdout)["cases"]]


def _count(team: Team, table: str) -> int:
    with team.admin.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_the_coordinators_demo_case_is_assigned_to_no_one_until_assigned(team: Team):
    _empty_inventory(team)
    result = hjem("demo", "--lang", "da", "--database", team.urls["cora"])
    assert result.returncode == 0, said(result)
    assert "ikke tildelt nogen arkitekt" in result.stdout
    assert f"hjem server assign {DEMO_CASE.code} NAVN" in result.stdout
    assert DEMO_CASE.code in _listed(team, "cora")
    assert DEMO_CASE.code not in _listed(team, "ada") + _listed(team, "bo")
    assign_case(team.admin, DEMO_CASE.code, team.logins["ada"])
    assert DEMO_CASE.code in _listed(team, "ada")
    assert DEMO_CASE.code not in _listed(team, "bo")


@pytest.mark.parametrize("person", ["ada", "ivar"])
def test_an_architect_or_inventory_manager_is_refused_in_danish_and_nothing_added(
    team: Team, person: str
):
    _empty_inventory(team)
    cases_before = _count(team, "cases")
    result = hjem("demo", "--lang", "da", "--database", team.urls[person])
    assert result.returncode == 2, said(result)
    assert "Kun koordinatoren kan lægge demoen på teamserveren" in result.stderr
    assert (_count(team, "items"), _count(team, "cases")) == (0, cases_before)


def test_the_coordinators_demo_keeps_away_from_real_donations(team: Team):
    result = hjem("demo", "--lang", "da", "--database", team.urls["cora"])
    assert result.returncode == 2, said(result)
    assert "Lageret har allerede 3 genstande" in result.stderr
    assert _count(team, "items") == 3
