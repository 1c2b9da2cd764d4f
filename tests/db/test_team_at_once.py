"""Two architects and an inventory manager working at the same moment on the real team server:
Ada and Bo reach for the same sofa for their own families while Ivar hands out another item and
looks at the cases. Exactly one architect gets the sofa, each sees only their own cases and
reservations, and Ivar sees every reservation (case code and who) but no case at all."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.cases.cases import list_cases
from hjem.db.workspace import Workspace
from hjem.errors import DatabaseProblem
from hjem.inventory.errors import AlreadyReserved
from hjem.inventory.models import Reservation
from hjem.inventory.reservations import deliver, reserve
from tests.db.team_server import CASE_A, CASE_A2, CASE_B, Team, at_once
from tests.inventory.helpers import available_item

PEOPLE = ("ada", "bo", "ivar")


def _reserving(space: Workspace, sofa: str, case: str, who: str) -> Callable[[], str]:
    def work() -> str:
        try:
            space.run(lambda session: reserve(session, sofa, case, who))
        except DatabaseProblem as problem:  # the loser's reservation, refused by the index
            return f"refused: {problem.message.text()}"
        except AlreadyReserved:
            return "told"
        return "won"

    return work


def _handing_out(space: Workspace, item: str, who: str) -> Callable[[], str]:
    def work() -> str:
        space.run(lambda session: deliver(session, item, who))
        try:
            space.read(list_cases)
        except DatabaseProblem as problem:
            return problem.message.text()
        return "saw cases"

    return work


def _reservations(space: Workspace) -> list[tuple[str, str, bool]]:
    def read(session: Session) -> list[tuple[str, str, bool]]:
        rows = session.execute(
            select(Reservation.case_code, Reservation.reserved_by, Reservation.active)
        )
        return sorted((code, by, active) for code, by, active in rows)

    return space.read(read)


def test_two_architects_and_an_inventory_manager_at_once(team: Team):
    admin = Workspace(team.admin_url)
    with admin.session() as session:
        sofa = available_item(session).code
    spaces = {name: Workspace(team.urls[name], migrate=False) for name in PEOPLE}
    try:
        outcomes = at_once(
            {
                "ada": _reserving(spaces["ada"], sofa, CASE_A, "ada"),
                "bo": _reserving(spaces["bo"], sofa, CASE_B, "bo"),
                "ivar": _handing_out(spaces["ivar"], team.items["reserved_b"], "ivar"),
            }
        )
        assert sorted([outcomes["ada"], outcomes["bo"]])[-1] == "won"
        assert sorted([outcomes["ada"], outcomes["bo"]]).count("won") == 1
        assert "ikke adgang" in outcomes["ivar"]  # the cases are not his, said in Danish
        winner = "ada" if outcomes["ada"] == "won" else "bo"
        _each_sees_their_own(spaces, winner)
    finally:
        for space in (*spaces.values(), admin):
            space.close()


def _each_sees_their_own(spaces: dict[str, Workspace], winner: str) -> None:
    assert sorted(row.code for row in spaces["ada"].read(list_cases)) == [CASE_A, CASE_A2]
    assert [row.code for row in spaces["bo"].read(list_cases)] == [CASE_B]
    ada, bo, ivar = (_reservations(spaces[name]) for name in PEOPLE)
    assert {code for code, _by, _active in ada} == {CASE_A}
    assert {code for code, _by, _active in bo} == {CASE_B}
    # Ivar sees every reservation: the one made in the race, Ada's, and Bo's handed out.
    assert sorted(ada + bo) == ivar
    won = CASE_A if winner == "ada" else CASE_B
    assert (won, winner, True) in ivar
    assert (CASE_B, "bo", False) in ivar  # handed out: no longer active
