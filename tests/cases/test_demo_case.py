"""The sample case: an alias-only family in the sample apartment, furnished from the demo
inventory without a single conflict, every piece reserved for them."""

from hjem.cases.cases import address_of, get_case
from hjem.cases.demo import DEMO_CASE, fill_demo_case
from hjem.cases.plans import load_case_plan
from hjem.floorplan.geometry import rotate
from hjem.floorplan.model import RoomKind
from hjem.floorplan.report import full_report
from hjem.floorplan.shapes import footprint, room_at
from hjem.inventory.demo import fill_demo
from hjem.inventory.reservations import reserved_for


def test_the_demo_case_is_furnished_reserved_and_conflict_free(workspace):
    with workspace.session() as session:
        fill_demo(session)
        fill_demo_case(session)
    with workspace.session() as session:
        plan = load_case_plan(session, DEMO_CASE.code).plan
        assert not full_report(plan)
        kinds = {room_at(plan, p.center).kind for p in plan.placements}
        assert {
            RoomKind.STUE,
            RoomKind.SOVEVAERELSE,
            RoomKind.BOERNEVAERELSE,
            RoomKind.KOEKKEN,
        } <= kinds
        reserved = {r.item.code for r in reserved_for(session, DEMO_CASE.code)}
        assert reserved == {p.inventory_item for p in plan.placements}
        assert get_case(session, DEMO_CASE.code).alias == DEMO_CASE.alias
        assert address_of(session, DEMO_CASE.code) == ""  # an alias only: no address


def test_the_demo_case_is_made_once(workspace):
    with workspace.session() as session:
        fill_demo(session)
        assert fill_demo_case(session) is not None
        assert fill_demo_case(session) is None


def test_the_demo_living_room_has_its_coffee_table_before_the_sofa(workspace):
    with workspace.session() as session:
        fill_demo(session)
        fill_demo_case(session)
    with workspace.session() as session:
        plan = load_case_plan(session, DEMO_CASE.code).plan
    living = [p for p in plan.placements if room_at(plan, p.center).kind is RoomKind.STUE]
    sofa = next(p for p in living if p.category == "sofa")
    table = next(p for p in living if p.category == "sofabord")
    assert 35 <= footprint(sofa).distance(footprint(table)) <= 55  # within reach from the seat
    ahead = rotate((table.center.x - sofa.center.x, table.center.y - sofa.center.y), -sofa.rotation)
    assert ahead.y > 0 and abs(ahead.x) < sofa.width / 2  # in front of it, not beside it
