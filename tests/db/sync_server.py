"""Helpers for the sync tests on the team server: each person's own server workspace (their
login, row security on), fresh items, a third architect, and operations made as a laptop
would make them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from hjem.db.people import add_person, assign_case
from hjem.db.workspace import Workspace
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Reservation, Status
from hjem.sync.models import AppliedOp
from hjem.sync.operations import Kind, Operation
from tests.db.team_server import Team
from tests.inventory.helpers import add_cases, available_item

CASE_C = "FBH-2026-004"  # Cy's, the third architect of the replay


@contextmanager
def servers(team: Team, *people: str) -> Iterator[dict[str, Workspace]]:
    """`Workspace`s on the team server, one per person, each signed in as that person."""
    spaces = {name: Workspace(team.urls[name], migrate=False) for name in people}
    try:
        yield spaces
    finally:
        for space in spaces.values():
            space.close()


def new_items(team: Team, count: int, status: Status = Status.AVAILABLE) -> list[str]:
    admin = Workspace(team.admin_url)
    with admin.session() as session:
        items = [available_item(session) for _ in range(count)]
        for item in items if status != Status.AVAILABLE else ():
            move(session, item, status, "Lise", "test")
        codes = [item.code for item in items]
    admin.close()
    return codes


def add_third_architect(team: Team) -> None:
    """Cy, an architect with case C of her own, dropped with the team's people."""
    login = f"cy_{team.logins['ada'].split('_', 1)[1]}"
    person = add_person(team.admin, login, "architect", None)
    team.logins["cy"] = login
    address = make_url(team.admin_url).set(username=login, password=person.password)
    team.urls["cy"] = address.render_as_string(hide_password=False)
    admin = Workspace(team.admin_url)
    with admin.session() as session:
        add_cases(session, CASE_C)
    admin.close()
    assign_case(team.admin, CASE_C, login)


def claim(kind: Kind, case: str, item: str, who: str = "Ada") -> Operation:
    return Operation(kind, case, who, item_code=item)


def active_holders(team: Team) -> dict[str, list[str]]:
    """Item id → the cases with an active reservation of it, as the administrator sees."""
    admin = Workspace(team.admin_url)
    with admin.session() as session:
        rows = session.execute(
            select(Reservation.item_id, Reservation.case_code).where(Reservation.active)
        )
        holders: dict[str, list[str]] = {}
        for item, case in rows:
            holders.setdefault(str(item), []).append(case)
    admin.close()
    return holders


def holder_of(team: Team, item_code: str) -> str | None:
    admin = Workspace(team.admin_url)
    with admin.session() as session:
        holder = session.scalar(
            text(
                "SELECT r.case_code FROM reservations r JOIN items i ON i.id = r.item_id"
                " WHERE r.active AND i.code = :code"
            ),
            {"code": item_code},
        )
    admin.close()
    return holder


def records(team: Team) -> dict[str, tuple[str, str, str, str]]:
    """op id → (kind, case code, login, answer) of every applied_ops row."""
    admin = Workspace(team.admin_url)
    with admin.session() as session:
        rows = session.execute(
            select(AppliedOp.op_id, AppliedOp.kind, AppliedOp.case_code, AppliedOp.login)
            .add_columns(AppliedOp.answer)
            .order_by(func.lower(AppliedOp.op_id))
        )
        found = {op: (kind, case, login, answer) for op, kind, case, login, answer in rows}
    admin.close()
    return found
