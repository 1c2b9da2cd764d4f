"""Issue 18: pieces used together. A dining set with its chairs pushed in is no conflict; a
chair pushed in up to its back, or turned away from the table, is, and says so. The piece
checker (drag, find a spot) answers as the full report does."""

from hjem.floorplan.piece_check import check_for
from hjem.floorplan.report import full_report
from tests.floorplan.plans import furnished, kinds_and_elements, piece, row_plan

ROOM = row_plan()  # 400 × 300
TABLE = piece("table", "spisebord", (120, 80, 75), 150, 150)  # y 110..190
CHAIR = (45, 45, 90)
NORTH, SOUTH = 0.0, 180.0  # a chair above the table faces down (its front is local +y)


def chair(id_: str, x: float, side: float, pushed_in: float):
    """A chair at the table's long side, `pushed_in` cm under its top."""
    y = 110 - 22.5 + pushed_in if side == NORTH else 190 + 22.5 - pushed_in
    return piece(id_, "stol", CHAIR, x, y, side)


def dining_set(*chairs):
    return furnished(ROOM, TABLE, *chairs)


def report(plan):
    return full_report(plan, walkway=False)


def test_a_dining_set_for_four_with_its_chairs_pushed_in_is_no_conflict():
    plan = dining_set(
        chair("c1", 120, NORTH, 15),
        chair("c2", 180, NORTH, 15),
        chair("c3", 120, SOUTH, 20),
        chair("c4", 180, SOUTH, 33),  # the whole seat under the top, the back free
    )
    assert report(plan) == []


def test_a_chair_pushed_in_up_to_its_back_is_named_as_such():
    plan = dining_set(chair("c1", 120, NORTH, 15), chair("c2", 180, NORTH, 40))
    (found,) = report(plan)
    assert kinds_and_elements([found]) == [("overlap", ("c2", "table"))]
    assert found.message.texts()["da"] == "Stolen står for langt inde under spisebordet"
    assert found.message.texts()["en"] == "The chair is pushed too far in under the dining table"


def test_a_chair_turned_away_from_the_table_may_not_stand_under_it():
    plan = dining_set(piece("c1", "stol", CHAIR, 120, 110 - 22.5 + 15, SOUTH))
    assert kinds_and_elements(report(plan)) == [("overlap", ("c1", "table"))]


def test_an_armchair_under_the_table_is_still_an_overlap():
    plan = dining_set(piece("a", "laenestol", (80, 80, 90), 150, 90))
    overlaps = [c for c in report(plan) if c.kind.value == "overlap"]
    assert [c.message.texts()["da"] for c in overlaps] == [
        "Lænestolen og spisebordet står oven i hinanden"
    ]


def test_the_piece_checker_agrees_with_the_report_as_a_chair_is_pushed_in():
    for pushed_in in range(0, 46, 3):
        moving = chair("c1", 120, NORTH, pushed_in)
        plan = dining_set(moving)
        check = check_for(plan, moving.id)
        mine = [c for c in report(plan) if "c1" in c.elements]
        assert check.check((moving.center.x, moving.center.y), NORTH) == mine, pushed_in
        assert check.is_free((moving.center.x, moving.center.y), NORTH) == (not mine), pushed_in
