"""Sweet Home 3D homes as plans: walls round and straight, rooms, doors and windows in their
walls, fixtures and furniture, groups, levels, and what is left out."""

import math

import pytest

from hjem.floorplan.codec import plan_from_json, plan_to_json
from hjem.floorplan.model import FixtureKind, OpeningKind, RoomKind
from hjem.floorplan.sh3d import HomeFileError, doors, home_levels, import_home
from hjem.floorplan.sh3d.arcs import arc_center
from hjem.floorplan.sh3d.home import read_level
from hjem.floorplan.sh3d.report import Reason
from hjem.floorplan.sh3d.xml import parse_home
from tests.floorplan.sh3d.homes import (
    box_walls,
    door,
    element,
    home_xml,
    piece,
    room,
    sash,
    sh3d_bytes,
    wall,
    write_home,
)

FLOOR = [(10, 10), (590, 10), (590, 390), (10, 390)]


def imported(tmp_path, *children, level=None, **attributes):
    return import_home(write_home(tmp_path / "home.sh3d", *children, **attributes), level)


def test_a_boxed_room_comes_in_with_its_walls_name_and_kind(tmp_path):
    result = imported(tmp_path, *box_walls(), room("Soveværelse 2", FLOOR))
    plan = result.plan
    assert len(plan.walls) == 4 and {w.thickness for w in plan.walls} == {20}
    assert plan.walls[0].start == (0, 0) and plan.walls[0].end == (600, 0)
    (bedroom,) = plan.rooms
    assert bedroom.name == "Soveværelse 2" and bedroom.kind is RoomKind.SOVEVAERELSE
    assert result.report.complete and result.report.unjoined == ()


def test_a_room_without_a_ceiling_is_a_balcony(tmp_path):
    plan = imported(tmp_path, room("Ude", FLOOR, ceilingVisible=False)).plan
    assert plan.rooms[0].kind is RoomKind.ALTAN


@pytest.mark.parametrize("extent", [math.pi / 2, -math.pi / 3, 1.5 * math.pi, 0.05])
def test_a_round_wall_becomes_chords_within_one_centimetre(tmp_path, extent):
    start, end = (0, 0), (500, 0)
    plan = imported(tmp_path, wall("round", start, end, 15, arcExtent=extent)).plan
    center = arc_center(start, end, extent)
    radius = math.dist(center, start)
    assert plan.walls[0].start == start and plan.walls[-1].end == end
    for w in plan.walls:
        assert w.thickness == 15
        assert abs(math.dist(center, w.start) - radius) < 1e-6
        middle = ((w.start.x + w.end.x) / 2, (w.start.y + w.end.y) / 2)
        assert radius - math.dist(center, middle) <= 1.0  # the sagitta
    for a, b in zip(plan.walls, plan.walls[1:], strict=False):
        assert math.dist(a.end, b.start) < 1e-9
    arc_length = abs(extent) * radius
    assert sum(w.length for w in plan.walls) == pytest.approx(arc_length, rel=1e-3)


def test_a_sloping_wall_keeps_its_plan(tmp_path):
    plan = imported(tmp_path, wall("slope", (0, 0), (300, 0), heightAtEnd=120)).plan
    assert [(w.start, w.end) for w in plan.walls] == [((0, 0), (300, 0))]


def test_a_door_sits_in_its_wall_with_its_hinge_and_side(tmp_path):
    plan = imported(tmp_path, *box_walls(), door("Door", 300, 0)).plan
    (opening,) = plan.openings
    assert opening.kind is OpeningKind.DOOR and plan.wall_of(opening).id == "w1"
    assert opening.offset == pytest.approx(300) and opening.width == 90
    assert (opening.hinge, opening.opens_to, opening.leaves) == ("start", "left", 1)
    assert opening.swing_angle == pytest.approx(90) and opening.sill_height == 0


def test_a_mirrored_door_hangs_on_the_other_jamb(tmp_path):
    plan = imported(tmp_path, *box_walls(), door("Door", 300, 0, modelMirrored=True)).plan
    assert (plan.openings[0].hinge, plan.openings[0].opens_to) == ("end", "left")


def test_a_door_turned_round_in_the_far_wall(tmp_path):
    plan = imported(tmp_path, *box_walls(), door("Door", 300, 400, angle=math.pi)).plan
    opening = plan.openings[0]
    assert plan.wall_of(opening).id == "w3" and opening.offset == pytest.approx(300)
    assert (opening.hinge, opening.opens_to) == ("start", "left")


def test_a_door_opening_into_the_room(tmp_path):
    inwards = [sash(0, 0, 1, 0, -math.pi / 2)]  # hinged at the back, turning towards +y
    plan = imported(tmp_path, *box_walls(), door("Door", 300, 0, sashes=inwards)).plan
    assert plan.openings[0].opens_to == "right"


def test_a_two_leaf_door(tmp_path):
    leaves = [sash(0, 1, 0.5, 0, math.pi / 2), sash(1, 1, 0.5, math.pi, math.pi / 2)]
    plan = imported(
        tmp_path, *box_walls(), door("Double door", 300, 0, width=140, sashes=leaves)
    ).plan
    assert plan.openings[0].leaves == 2 and plan.openings[0].width == 140


def test_a_window_keeps_its_sill_height(tmp_path):
    window = door("Window", 600, 200, math.pi / 2, 100, elevation=90, height=120)
    plan = imported(tmp_path, *box_walls(), window).plan
    (opening,) = plan.openings
    assert opening.kind is OpeningKind.WINDOW and plan.wall_of(opening).id == "w2"
    assert (opening.sill_height, opening.height) == (90, 120)
    assert opening.offset == pytest.approx(200)


def test_a_door_in_no_wall_is_left_out_and_listed(tmp_path):
    result = imported(tmp_path, *box_walls(), door("Lost door", 300, 200))
    assert result.plan.openings == ()
    assert [(i.name, i.reason) for i in result.report.left_out] == [("Lost door", Reason.NO_WALL)]


def test_kitchen_units_and_radiators_are_fixtures(tmp_path):
    plan = imported(
        tmp_path,
        piece("Kitchen cabinet", 100, 40, 60, 60, 85, catalogId="eTeks#kitchenCabinet"),
        piece("Radiator", 300, 20, 100, 10, 60, elevation=15),
        piece(
            "Upper cabinet", 100, 30, 60, 35, 70, catalogId="eTeks#kitchenCabinet", elevation=140
        ),
    ).plan
    assert [f.kind for f in plan.fixtures] == [FixtureKind.KITCHEN_COUNTER, FixtureKind.RADIATOR]


@pytest.mark.parametrize(
    ("name", "catalog_id", "category"),
    [
        ("Dobbeltseng", "", "seng"),
        ("Bed 140x190", "eTeks#bed140x190", "seng"),
        ("Sofabord", "", "sofabord"),
        ("Corner sofa", "", "sofa"),
        ("Armchair", "eTeks#armchair", "laenestol"),
        ("Chair", "eTeks#chair", "stol"),
        ("Klædeskab", "", "klaedeskab"),
        ("", "eTeks#doubleBed", "seng"),
        ("Skrivebord", "", "skrivebord"),
        ("Tremmeseng", "", "barneseng"),
        ("Plant", "eTeks#plant", "andet"),
        ("Natbord", "", "natbord"),
        ("Bedside table", "", "natbord"),
        ("TV-bord", "", "tvbord"),
        ("Sideboard", "", "skaenk"),
        ("Bar stool", "", "barstol"),
    ],
)
def test_furniture_is_placed_with_a_guessed_category(tmp_path, name, catalog_id, category):
    extra = {"catalogId": catalog_id} if catalog_id else {}
    plan = imported(tmp_path, piece(name, 200, 150, 90, 200, 50, angle=math.pi / 2, **extra)).plan
    (placement,) = plan.placements
    assert placement.category == category
    assert placement.center == (200, 150) and (placement.width, placement.depth) == (90, 200)
    assert placement.rotation == pytest.approx(90)


def test_nested_groups_are_flattened_at_their_pieces_own_places(tmp_path):
    inner = element(
        "furnitureGroup",
        piece("Chair", 250, 260, 45, 45, 90) + piece("Chair", 350, 260, 45, 45, 90),
        name="Chairs",
        x=300,
        y=260,
        width=145,
        depth=45,
        height=90,
    )
    outer = element(
        "furnitureGroup",
        piece("Dining table", 300, 200, 140, 80, 75) + inner,
        name="Dining",
        x=300,
        y=220,
        width=145,
        depth=105,
        height=90,
    )
    plan = imported(tmp_path, outer).plan
    assert [(p.label, p.center) for p in plan.placements] == [
        ("Dining table", (300, 200)),
        ("Chair", (250, 260)),
        ("Chair", (350, 260)),
    ]
    assert [p.category for p in plan.placements] == ["spisebord", "stol", "stol"]


def test_raised_pieces_and_lights_are_left_out_and_listed(tmp_path):
    result = imported(
        tmp_path,
        piece("Sofa", 300, 200, 200, 90, 80),
        piece("Vase", 300, 200, 20, 20, 40, elevation=75),
        piece("Ceiling lamp", 300, 200, 40, 40, 20, tag="light", elevation=230),
        piece("Floor lamp", 100, 100, 40, 40, 160, tag="light"),
    )
    assert [p.label for p in result.plan.placements] == ["Sofa"]
    assert [(i.name, i.reason) for i in result.report.left_out] == [
        ("Vase", Reason.RAISED),
        ("Ceiling lamp", Reason.LIGHT),
        ("Floor lamp", Reason.LIGHT),
    ]
    assert not result.report.complete
    lines = [line.text("da") for line in result.report.lines()]
    assert "3 ting er ikke taget med:" in lines
    assert "  Vase: står på andre møbler eller hænger over gulvet" in lines


def test_walls_said_to_meet_that_do_not_are_reported(tmp_path):
    walls = [
        wall("a", (0, 0), (300, 0), wallAtEnd="b"),
        wall("b", (305, 0), (305, 300), wallAtStart="a"),
    ]
    report = imported(tmp_path, *walls).report
    assert report.unjoined == (("a", "b"),)
    assert "Væggene a og b skal mødes" in report.lines()[-1].text("da")


LEVELS = [
    element("level", id="ground", name="Stueetage", elevation=0, floorThickness=12, height=250),
    element("level", id="first", name="1. sal", elevation=250, floorThickness=12, height=250),
]
ON_LEVELS = [
    wall("g", (0, 0), (400, 0), level="ground"),
    wall("f1", (0, 0), (500, 0), level="first"),
    wall("f2", (500, 0), (500, 300), level="first"),
    piece("Sofa", 100, 100, level="ground"),
    piece("Bed", 100, 100, 140, 200, 50, level="first"),
]


def test_a_home_with_levels_imports_the_selected_one(tmp_path):
    result = imported(tmp_path, *LEVELS, *ON_LEVELS, selectedLevel="first")
    assert [w.length for w in result.plan.walls] == [500, 300]
    assert [p.label for p in result.plan.placements] == ["Bed"]
    assert result.report.level == "1. sal"
    assert "1 etage mere" in result.report.lines()[0].text("da")


def test_another_level_by_name_and_never_merged(tmp_path):
    result = imported(tmp_path, *LEVELS, *ON_LEVELS, selectedLevel="first", level="stueetage")
    assert [w.length for w in result.plan.walls] == [400]
    assert [p.label for p in result.plan.placements] == ["Sofa"]
    assert home_levels(tmp_path / "home.sh3d") == (("Stueetage", "1. sal"), "1. sal")


def test_without_a_selected_level_the_first_comes_in(tmp_path):
    assert imported(tmp_path, *LEVELS, *ON_LEVELS).report.level == "Stueetage"


def test_an_unknown_level_is_refused_naming_the_levels(tmp_path):
    with pytest.raises(HomeFileError) as caught:
        imported(tmp_path, *LEVELS, *ON_LEVELS, level="Kælder")
    assert caught.value.message.text("da") == (
        "Hjemmet har ingen etage, der hedder Kælder. Etagerne er: Stueetage, 1. sal."
    )


def test_an_old_home_without_home_xml_is_refused_and_never_deserialized(tmp_path):
    path = tmp_path / "old.sh3d"
    path.write_bytes(sh3d_bytes("", xml_member=False))
    with pytest.raises(HomeFileError) as caught:
        import_home(path)
    assert "Gem filen igen i Sweet Home 3D 5.3 eller nyere" in caught.value.message.text("da")


def test_a_doctype_naming_the_dtd_is_read(tmp_path):
    xml = home_xml(*box_walls()).replace(
        "<home", "<!DOCTYPE home SYSTEM 'http://www.sweethome3d.com/SweetHome3D.dtd'>\n<home", 1
    )
    (tmp_path / "dtd.sh3d").write_bytes(sh3d_bytes(xml))
    assert len(import_home(tmp_path / "dtd.sh3d").plan.walls) == 4


def test_the_plan_passes_validation_and_keeps_the_walls_length(tmp_path):
    """Property-style: many generated homes, each read back through hjem's own reader."""
    import random

    rng = random.Random(17)
    for case in range(25):
        walls, total = [], 0.0
        for i in range(rng.randrange(1, 12)):
            start = (rng.uniform(-800, 800), rng.uniform(-800, 800))
            end = (start[0] + rng.uniform(-600, 600), start[1] + rng.uniform(-600, 600))
            extent = rng.choice([0, 0, rng.uniform(-3, 3)])
            walls.append(wall(f"w{i}", start, end, rng.uniform(5, 40), arcExtent=extent))
            chord = math.dist(start, end)
            if extent:
                radius = chord / 2 / math.sin(abs(extent) / 2)
                total += abs(extent) * radius
            else:
                total += chord
        pieces = [
            piece(
                f"Seng {j}",
                rng.uniform(-500, 500),
                rng.uniform(-500, 500),
                angle=rng.uniform(-7, 7),
            )
            for j in range(rng.randrange(0, 10))
        ]
        result = imported(tmp_path, *walls, *pieces, room("Stue", FLOOR))
        again, _ = plan_from_json(plan_to_json(result.plan))  # hjem's reader validates all
        assert again == result.plan, case
        assert sum(w.length for w in result.plan.walls) == pytest.approx(total, rel=2e-3), case


def test_a_door_deeper_than_its_wall_finds_it_by_wall_thickness_and_distance(tmp_path):
    """The numbers of a real Sweet Home 3D door: a 14.73 cm deep frame in a 7.62 cm wall."""
    thin = wall("thin", (675.04, 300), (675.04, 500), 7.62)
    framed = door(
        "Door",
        672.5,
        410.5,
        angle=1.5707964,
        width=69,
        depth=14.73,
        sashes=[sash(0.05, 0.5, 0.9, 0, -1.57)],
    ).replace('wallThickness="1" wallDistance="0"', 'wallThickness="0.517" wallDistance="0.069"')
    plan = imported(tmp_path, thin, framed).plan
    (opening,) = plan.openings
    assert opening.offset == pytest.approx(110.5, abs=0.01) and opening.width == 69
    home = read_level(parse_home(home_xml(framed).encode()))
    assert doors.wall_point(home.pieces[0]) == pytest.approx((675.04, 410.5), abs=0.01)


def test_pieces_nothing_names_are_placed_as_other_and_said(tmp_path):
    result = imported(
        tmp_path,
        piece("Plant", 100, 100, 40, 40, 120),
        piece("Plant", 200, 100, 40, 40, 120),
        piece("Fatboy", 300, 100, 80, 80, 40),
    )
    assert [p.category for p in result.plan.placements] == ["andet"] * 3
    assert result.report.complete  # nothing was left out
    line = result.report.lines()[-1]
    assert line.text("da") == (
        "3 møbler fik kategorien Andet (navnet sagde ikke, hvad de er): Fatboy, Plant"
    )


def test_a_long_report_is_cut_for_the_dialog(tmp_path):
    lamps = [piece(f"Lampe {i}", 100, 100, 20, 20, 20, tag="light") for i in range(40)]
    report = imported(tmp_path, *lamps).report
    assert len(report.lines()) == 5 + 1 + 40
    short = [line.text("da") for line in report.lines(most=15)]
    assert len(short) == 5 + 1 + 15 + 1
    assert short[-1] == "… og 25 mere (se hele listen med hjem import)"
