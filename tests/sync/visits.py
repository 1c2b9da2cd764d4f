"""The furniture and plan of the tests of *Forbered besøg*: case A's stored plan places a free
sofa and bed, the case's own reserved sofa, a sofa case B holds, a dining table with no item
yet and a piece of no particular kind; dining tables of several sizes wait in the inventory."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from hjem.cases.plans import plan_version, save_case_plan
from hjem.db.workspace import Workspace
from hjem.floorplan.model import ORIGIN, Placement, Plan
from hjem.ids import CaseCode, ElementId
from hjem.inventory.items import get_item
from hjem.inventory.placing import placement_for
from tests.db.team_server import CASE_A, Team
from tests.inventory.helpers import available_item, donation
from tests.sync.laptops import as_admin

HOLD = dt.timedelta(hours=48)
TABLES = {"table_fits": (140, 80), "table_near": (160, 90), "table_small": (80, 80)}
TABLES_FAR = {"table_far": (200, 100)}


@dataclass(frozen=True)
class Furniture:
    codes: dict[str, str]  # "sofa", "bed", "chair", "table_fits", … → item code
    names: dict[str, str]  # item code → name


def furnish_case_a(team: Team) -> Furniture:
    """The items, and case A's plan stored on the server (as its administrator)."""
    with as_admin(team) as session:
        made = {
            "sofa": available_item(session, donation(name="Sofa, blå")),
            "bed": available_item(
                session, donation(name="Enkeltseng", category="seng", size=(90, 200, 50))
            ),
            "chair": available_item(
                session, donation(name="Stol, eg", category="stol", size=(45, 50, 90))
            ),
        }
        for key, (width, depth) in {**TABLES, **TABLES_FAR}.items():
            table = donation(
                name=f"Spisebord {width}", category="spisebord", size=(width, depth, 75)
            )
            made[key] = available_item(session, table)
        plan = _plan(session, team, made)
        save_case_plan(session, CaseCode(CASE_A), plan, "Ada", plan_version(session, CASE_A))
        return Furniture(
            {k: i.code for k, i in made.items()}, {i.code: i.name for i in made.values()}
        )


def _plan(session, team: Team, made: dict) -> Plan:
    theirs = get_item(session, team.items["reserved_b"])
    ours = get_item(session, team.items["reserved_a"])
    pieces = (
        placement_for(made["sofa"], ElementId("p1")),
        placement_for(made["bed"], ElementId("p2")),
        placement_for(ours, ElementId("p3")),
        placement_for(theirs, ElementId("p4")),
        Placement(ElementId("p5"), "Spisebord", "spisebord", 140, 80, 75, ORIGIN),
        Placement(ElementId("p6"), "Kasse", "andet", 40, 40, 40, ORIGIN),
    )
    return Plan(placements=pieces, case_code=CaseCode(CASE_A))


def server_now(team: Team) -> dt.datetime:
    admin = Workspace(team.admin_url)
    now = admin.read(lambda session: session.scalar(select(func.now())))
    admin.close()
    return now
