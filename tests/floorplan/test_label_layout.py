"""Where the names go at a zoom: inside a piece (wrapped or a little smaller) when they fit,
else beside it on free floor in its room; room names on free floor; never two over each
other. Text is measured by a stand-in font: 6 pixels a letter, 12 a line."""

import shapely
from hypothesis import given, settings

from hjem.floorplan.label_layout import Fonts, lay_out_labels
from hjem.floorplan.model import RoomKind
from hjem.floorplan.rect_index import RectIndex, overlap
from hjem.floorplan.shapes import footprint, room_polygon
from hjem.floorplan.text_fit import elide, wordings, wrapped
from tests.floorplan.plans import furnished, piece, row_plan
from tests.floorplan.strategies import plans


def measure(line: str, factor: float = 1.0) -> float:
    return 6.0 * len(line) * factor


def fonts(plan, room_px=(60.0, 30.0)):
    return Fonts(measure, 12.0, {room.id: room_px for room in plan.rooms})


def names(plan):
    return {p.id: p.label for p in plan.placements}


ROOM = row_plan(widths=(400.0,), kinds=(RoomKind.STUE,), window_sill=None)  # 400 × 300 cm


def all_rects(layout):
    return [label.rect for label in layout.pieces.values()] + list(layout.room_rects.values())


def assert_apart(layout):
    rects = all_rects(layout)
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not overlap(a, b), (a, b)


def test_a_long_name_wraps_inside_a_piece_deep_enough_instead_of_being_cut():
    bed = piece("bed", "seng", (160, 200, 50), 200, 150, label="Dobbeltseng 160 × 200")
    plan = furnished(ROOM, bed)
    layout = lay_out_labels(plan, names(plan), fonts(plan), 0.8)  # the bed: 128 px wide
    label = layout.pieces["bed"]
    assert label.inside and label.lines == ("Dobbeltseng", "160 × 200")


def test_a_name_too_long_for_a_small_piece_goes_whole_beside_it_on_free_floor():
    stool = piece("stool", "stol", (40, 40, 45), 200, 150, label="Skammel, eg")
    plan = furnished(ROOM, stool)
    layout = lay_out_labels(plan, names(plan), fonts(plan), 1.0)  # 40 px: "Skammel," is 48
    label = layout.pieces["stool"]
    assert not label.inside and " ".join(label.lines) == "Skammel, eg"
    box = shapely.box(*label.rect)
    assert not box.intersects(footprint(stool))
    assert room_polygon(ROOM.rooms[0]).contains(box)


def test_a_table_on_a_rug_and_the_rug_keep_their_names_apart():
    rug = piece("rug", "taeppe", (200, 140, 1), 200, 150, label="Tæppe", floor_flat=True)
    table = piece("table", "sofabord", (100, 55, 45), 200, 150, label="Sofabord")
    plan = furnished(ROOM, rug, table)
    layout = lay_out_labels(plan, names(plan), fonts(plan), 1.0)
    assert layout.pieces["table"].inside and layout.pieces["rug"].inside
    assert not overlap(layout.pieces["table"].rect, layout.pieces["rug"].rect)
    assert not shapely.box(*layout.pieces["rug"].rect).intersects(footprint(table))


def test_the_room_name_goes_on_free_floor_not_under_the_sofa_in_the_middle():
    sofa = piece("sofa", "sofa", (200, 90, 80), 200, 150, label="Sofa")
    plan = furnished(ROOM, sofa)
    layout = lay_out_labels(plan, names(plan), fonts(plan), 1.0)
    room_box = shapely.box(*layout.room_rects[ROOM.rooms[0].id])
    assert not room_box.intersects(footprint(sofa))
    assert_apart(layout)


def test_a_speck_of_a_piece_gets_no_name():
    lamp = piece("lamp", "lampe", (30, 30, 150), 100, 100, label="Standerlampe")
    plan = furnished(ROOM, lamp)
    assert "lamp" not in lay_out_labels(plan, names(plan), fonts(plan), 0.2).pieces  # 6 px


@settings(max_examples=40, deadline=None)
@given(plans(max_items=10))
def test_no_two_names_are_ever_over_each_other(plan):
    for scale in (0.4, 1.0):
        layout = lay_out_labels(plan, names(plan), fonts(plan), scale)
        assert_apart(layout)
        for label in layout.pieces.values():
            assert label.lines and all(label.lines)


def test_wrapping_balances_the_lines_and_keeps_a_size_together():
    two = wrapped("Dobbeltseng 160 × 200 med madras", measure, 2)
    assert two is not None and two.lines == ("Dobbeltseng", "160 × 200 med madras")
    three = wrapped("Dobbeltseng 160 × 200 med madras", measure, 3)
    assert three is not None and three.lines == ("Dobbeltseng", "160 × 200", "med madras")
    assert wrapped("Klædeskab", measure, 2) is None
    assert wrapped("Seng 160 × 200", measure, 2).lines == ("Seng", "160 × 200")  # not "× 200"


def test_the_ways_to_write_a_name_go_from_plain_to_small():
    ways = wordings("Sofa, grå", measure)
    assert [w.lines for w in ways[:2]] == [("Sofa, grå",), ("Sofa,", "grå")]
    assert [w.factor for w in ways] == sorted((w.factor for w in ways), reverse=True)
    assert min(w.factor for w in ways) >= 0.8


def test_a_cut_name_ends_in_an_ellipsis_and_fits():
    assert elide("Klædeskab", 60, measure) == "Klædeskab"
    cut = elide("Klædeskab", 30, measure)
    assert cut.endswith("…") and measure(cut) <= 30


def test_the_rect_index_finds_overlaps_across_its_cells():
    index = RectIndex(cell=10.0)
    index.add((0.0, 0.0, 25.0, 5.0))
    assert index.hits((24.0, 4.0, 30.0, 8.0))
    assert not index.hits((25.0, 0.0, 30.0, 5.0))  # touching is not over
    index.remove((0.0, 0.0, 25.0, 5.0))
    assert not index.hits((24.0, 4.0, 30.0, 8.0))


def test_a_pile_of_pieces_searches_the_floor_for_a_bounded_number_of_names(monkeypatch):
    # Issue 12, point 5: 300 pieces stacked in one spot took 90 s to lay out, each name
    # searching the floor around a pile that grows with them. Past the cap they are cut inside.
    from hjem.floorplan import label_layout

    searched = []
    search = label_layout._Work.name_nearby
    monkeypatch.setattr(
        label_layout._Work,
        "name_nearby",
        lambda work, p, text: searched.append(p.id) or search(work, p, text),
    )
    pile = [
        piece(f"s{i:02d}", "sofa", (200, 90, 80), 200 + i % 4, 150, label=f"Sofa nummer {i}")
        for i in range(80)
    ]
    plan = furnished(ROOM, *pile)
    layout = lay_out_labels(plan, names(plan), fonts(plan), 0.8)
    assert len(searched) == label_layout.MAX_NEARBY_SEARCHES
    assert_apart(layout)
