from hjem.floorplan.clipboard import copied, paste
from tests.floorplan.plans import furnished, piece, row_plan

PLAN = furnished(row_plan(widths=(400, 300)), piece("sofa", "sofa", (200, 90, 80), 150, 200))


def test_copying_a_wall_takes_its_door_and_pastes_both_with_new_ids():
    elements = copied(PLAN, ["iw0"])
    assert [e.id for e in elements] == ["iw0", "d0"]
    command, ids = paste(PLAN, elements, 50, 0)
    pasted, _ = command.apply(PLAN)
    wall, door = (pasted[i] for i in ids)
    assert door.wall_id == wall.id and wall.start.x == PLAN["iw0"].start.x + 50


def test_a_door_copied_without_its_wall_is_left_out():
    assert copied(PLAN, ["d0", "sofa"]) == [PLAN["sofa"]]


def test_the_pasted_entrance_is_not_a_second_entrance():
    command, _ids = paste(PLAN, copied(PLAN, ["top"]), 0, 1000)
    pasted, _ = command.apply(PLAN)
    assert [o.id for o in pasted.openings if o.entrance] == ["entry"]
