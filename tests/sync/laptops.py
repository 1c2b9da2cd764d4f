"""Laptops for the tests of offline visits: a person's working copy of the suite's team server
(hjem.sync.copy), the server as that person, and the administrator's hand on the server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from sqlalchemy import text

from hjem.cases.plans import save_case_plan
from hjem.db.workspace import Workspace
from hjem.floorplan.hjemfile import load_plan
from hjem.ids import CaseCode
from hjem.inventory.models import Item, Photo
from hjem.sync.copy import open_copy
from tests.db.team_server import CASE_A, Team
from tests.inventory.helpers import available_item, donation


@contextmanager
def laptop(team: Team, person: str) -> Iterator[tuple[Workspace, Workspace]]:
    """(the server as `person`, `person`'s working copy), closed after."""
    server = Workspace(team.urls[person])
    copy = open_copy(team.urls[person])
    try:
        yield server, copy
    finally:
        copy.close()
        server.close()


@contextmanager
def as_admin(team: Team) -> Iterator:
    """A session on the server as its administrator (no row security), committed after."""
    workspace = Workspace(team.admin_url)
    try:
        with workspace.session() as session:
            yield session
    finally:
        workspace.close()


def donate(team: Team, count: int, photos: bool = False) -> list[str]:
    """`count` available items (each with one photo if `photos`), their codes."""
    with as_admin(team) as session:
        items = [
            available_item(session, donation(name=f"Stol {n}", category="stol", size=(45, 50, 90)))
            for n in range(count)
        ]
        if photos:
            for item in items:
                session.add(
                    Photo(item_id=item.id, width=8, height=8, display=b"D" * 5000, thumbnail=b"T")
                )
        return [item.code for item in items]


def change_items(team: Team, codes: list[str]) -> None:
    with as_admin(team) as session:
        for code in codes:
            session.query(Item).filter_by(code=code).one().notes = "ridse i venstre side"


def count(workspace: Workspace, sql: str) -> int:
    return int(workspace.read(lambda session: session.scalar(text(sql))))


def plan_with_sofa(team: Team, samples) -> str:
    """Case A's plan is the two-room sample flat, its sofa the inventory's free item (its
    code): a piece to reserve offline."""
    free = team.items["free"]
    plan = load_plan(samples / "2-vaerelser.hjem")
    pieces = tuple(replace(p, inventory_item=free) if p.id == "p1" else p for p in plan.placements)
    with as_admin(team) as session:
        version = session.scalar(
            text("SELECT version FROM case_plans WHERE case_id = :c"), {"c": team.cases[CASE_A]}
        )
        save_case_plan(session, CaseCode(CASE_A), replace(plan, placements=pieces), "Cora", version)
    return free
