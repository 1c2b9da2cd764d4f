"""A sample case for newcomers: an alias-only family in the 3-room sample apartment, furnished
from the demo inventory the way an architect would (find a spot for each piece, reserve it,
then let "Furnish this room" lay out the living room as a whole).

It needs the demo inventory (`hjem.inventory.demo.fill_demo`) in the workspace first.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.cases.cases import CaseData, create_case
from hjem.cases.models import Case
from hjem.cases.plans import save_case_plan
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.layout import suggest
from hjem.floorplan.model import Plan, Room, RoomKind
from hjem.floorplan.shapes import pieces_in
from hjem.floorplan.spots import SpotFinder
from hjem.ids import CaseCode
from hjem.inventory.items import get_item
from hjem.inventory.listing import table_rows
from hjem.inventory.models import Status
from hjem.inventory.placing import placement_for
from hjem.inventory.reservations import reserve
from hjem.inventory.search import Query
from hjem.resources import asset

DEMO_CASE = CaseData(
    code=CaseCode("DEMO-2026-001"),
    alias="Familien Demo (eksempel)",
    municipality="Eksempel Kommune",
    architect="Demo-arkitekt",  # replaced by whoever adds the demo
    adults=1,
    children=("3_5", "6_12"),
    scheme_id=1,  # the example scheme the workspace is seeded with
)
# What each room gets, by inventory category, largest available item first.
FURNISHING: dict[RoomKind, tuple[str, ...]] = {
    RoomKind.STUE: ("sofa", "sofabord", "reol", "laenestol"),
    RoomKind.SOVEVAERELSE: ("seng", "klaedeskab"),
    RoomKind.BOERNEVAERELSE: ("seng", "skrivebord"),
    RoomKind.KOEKKEN: ("spisebord", "koeleskab"),
}
# The rooms then laid out as a whole (find-a-spot puts the coffee table wherever it first
# fits, often in a corner far from the sofa), with the same layout every time.
LAID_OUT = (RoomKind.STUE,)
LAYOUT_SEED = 0


def demo_case_is_present(session: Session) -> bool:
    return session.scalar(select(Case.id).where(Case.code == DEMO_CASE.code)) is not None


def fill_demo_case(session: Session, who: str = "Demo") -> Plan | None:
    """Create the sample case with its furnished plan; None when it is there already."""
    if demo_case_is_present(session):
        return None
    create_case(session, replace(DEMO_CASE, architect=who))  # listed among their cases
    sample = load_plan(asset("samples") / "3-vaerelser.hjem")
    plan = Plan(
        title=sample.title,
        walls=sample.walls,
        rooms=sample.rooms,
        openings=sample.openings,
        fixtures=sample.fixtures,
        case_code=DEMO_CASE.code,
    )
    for room in plan.rooms:
        for category in FURNISHING.get(room.kind, ()):
            plan = _furnish(session, plan, room, category, who)
        if room.kind in LAID_OUT:
            plan = _laid_out(plan, room)
    save_case_plan(session, DEMO_CASE.code, plan, who, None)
    return plan


def _laid_out(plan: Plan, room: Room) -> Plan:
    """The room's pieces as "Furnish this room" lays them out (the best of the layouts for
    the demo's seed), or as found one by one if the layout would leave one out."""
    pieces = pieces_in(plan, room.id)
    best = suggest(plan, room.id, pieces, count=1, seed=LAYOUT_SEED)
    return best[0].plan if best and not best[0].left_out else plan


def _furnish(session: Session, plan: Plan, room: Room, category: str, who: str) -> Plan:
    """`plan` with the largest free item of `category` that has a spot in `room`, reserved."""
    query = Query(category=category, status=Status.AVAILABLE.value, fits=(10_000, 10_000))
    finder = SpotFinder(plan)
    for row in table_rows(session, query):
        piece = placement_for(get_item(session, row.code), plan.new_id("p"))
        spot = finder.find(piece, room.id)
        if spot.placement is not None:
            reserve(session, row.code, DEMO_CASE.code, who)
            return spot.applied_to(plan)
    return plan
