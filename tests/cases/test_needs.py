"""What a family needs, from its household: a bed for everyone by age, a table that seats
them all with a chair each, a sofa and storage, at sizes a Danish flat takes."""

from collections import Counter

from hjem.cases.demo import DEMO_CASE
from hjem.cases.needs import household_needs
from hjem.floorplan.categories import BEDS, CATEGORIES
from hjem.floorplan.model import RoomKind
from hjem.floorplan.shapes import clearance_of
from hjem.i18n import tr
from hjem.ids import ElementId


def _categories(adults: int, children: tuple[str, ...]) -> Counter[str]:
    return Counter(n.category for n in household_needs(adults, children))


def test_a_mother_with_a_small_child_and_a_schoolchild_gets_a_bed_each_a_table_and_a_sofa():
    needs = household_needs(DEMO_CASE.adults, DEMO_CASE.children)
    beds = [n for n in needs if n.category in ("seng", "barneseng")]
    assert len(beds) == 3  # one per person
    assert [n.category for n in beds] == ["seng", "barneseng", "seng"]  # junior bed for the 3-5
    small, school = beds[1], beds[2]
    assert small.depth < 200 <= school.depth  # a junior bed is shorter than a proper bed
    counts = Counter(n.category for n in needs)
    assert counts["spisebord"] == 1 and counts["stol"] == 3 and counts["sofa"] == 1
    assert counts["klaedeskab"] == 1 and counts["kommode"] == 2
    assert counts["skrivebord"] == 1  # the schoolchild's, not the small child's


def test_a_baby_sleeps_in_a_cot_and_a_teenager_in_a_full_bed():
    baby, _dresser, teen, *_rest = household_needs(0, ("0_2", "13_17"))
    assert baby.category == "barneseng" and baby.width * baby.depth < 100 * 140
    assert teen.category == "seng" and (teen.width, teen.depth) == (90, 200)


def test_two_adults_share_a_double_bed_and_a_third_has_a_bed_of_their_own():
    two = [n for n in household_needs(2, ()) if n.category == "seng"]
    assert [(n.width, n.depth) for n in two] == [(160, 200)]
    three = [n for n in household_needs(3, ()) if n.category == "seng"]
    assert [(n.width, n.depth) for n in three] == [(160, 200), (90, 200)]


def test_the_table_grows_with_the_family_and_there_is_a_chair_for_everyone():
    for people in range(1, 11):
        needs = household_needs(people, ())
        table = next(n for n in needs if n.category == "spisebord")
        assert sum(n.category == "stol" for n in needs) == people
        # 60 cm of table edge per seat, the two ends counting as one seat each
        assert 2 * (table.width // 60) + 2 >= people


def test_nobody_in_the_household_needs_nothing():
    assert household_needs(0, ()) == []


def test_each_need_is_a_known_category_with_a_name_in_both_languages():
    for need in household_needs(2, ("0_2", "3_5", "6_12", "13_17")):
        assert need.category in CATEGORIES and need.width > 0 and need.depth > 0
        assert need.label.key.startswith("furnish_room.needs.")
        for lang in ("da", "en"):
            assert need.label.text(lang) != need.label.key  # named in the catalog
            assert "{" not in need.label.text(lang)  # every parameter filled in


def test_a_need_becomes_a_piece_to_place_with_its_name_and_size():
    bed = next(n for n in household_needs(1, ("6_12",)) if n.label.key.endswith("child_bed"))
    piece = bed.as_piece(ElementId("p9"))
    assert piece.label == tr("furnish_room.needs.child_bed", number=1)
    assert (piece.category, piece.width, piece.depth) == ("seng", 90, 200)
    assert piece.inventory_item is None and piece.category in BEDS


def test_the_living_room_gets_the_sofa_and_the_childrens_room_the_childrens_pieces():
    needs = household_needs(1, ("6_12",))
    living = {n.category for n in needs if RoomKind.STUE in n.rooms}
    childs = {n.category for n in needs if RoomKind.BOERNEVAERELSE in n.rooms}
    assert "sofa" in living and "seng" not in living
    assert {"seng", "kommode", "skrivebord"} == childs


def test_the_familys_table_must_seat_the_whole_household_where_it_stands():
    """Issue 18's seats rule meets the household: a table for four needs chair room on
    enough sides for four, so it is not pushed into a corner that seats three."""
    for people in (3, 4, 6):
        needs = household_needs(people, ())
        table = next(n for n in needs if n.category == "spisebord").as_piece(ElementId("t"))
        assert clearance_of(table).need == "seats" and clearance_of(table).seats == people
    two = next(n for n in household_needs(2, ()) if n.category == "spisebord")
    assert two.as_piece(ElementId("t")).clearance is None  # the usual two: the category's
