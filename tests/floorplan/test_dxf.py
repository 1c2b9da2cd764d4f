"""DXF drawings as the background (issue 17): units, doors, layers, blocks, repair."""

from __future__ import annotations

import math

import ezdxf
import pytest

from hjem.floorplan.dxf import DxfError, read_drawing, render_background
from tests.floorplan.dxf_drawings import apartment, image, ink_at, save, text


@pytest.mark.parametrize("unit", ["mm", "cm", "m", "in"])
def test_the_units_come_from_insunits_and_the_drawing_lies_at_its_true_size(tmp_path, unit):
    drawing = read_drawing(save(apartment(unit), tmp_path))
    assert drawing.units.unit == unit
    background = render_background(drawing, unit)
    picture = image(background)
    width_cm = (picture.width - 9) * background.cm_per_pixel  # the margins and the last pixel
    assert width_cm == pytest.approx(1000, abs=1)
    assert ink_at(background, 400, 300, top_cm=600)  # the wall in the middle
    assert not ink_at(background, 200, 300, top_cm=600)


def test_the_header_unit_is_confirmed_by_the_doors(tmp_path):
    drawing = read_drawing(save(apartment("mm", doors=3), tmp_path))
    assert drawing.units.reason.key == "dxf.reason.header_doors"
    assert "3 dørbuer af 3 mulige" in drawing.units.reason.text("da")
    assert drawing.units.doors_fitting == 3


@pytest.mark.parametrize("unit", ["mm", "cm", "m"])
def test_missing_units_are_guessed_from_the_door_arcs_and_asked(tmp_path, unit):
    drawing = read_drawing(save(apartment(unit, insunits=0), tmp_path))
    assert drawing.units.unit is None  # the volunteer is asked
    assert drawing.units.likely == unit
    assert drawing.units.reason.key == "dxf.reason.none_doors"


def test_without_units_or_doors_the_size_suggests_the_unit(tmp_path):
    drawing = read_drawing(save(apartment("mm", insunits=0, doors=0), tmp_path))
    assert (drawing.units.unit, drawing.units.likely) == (None, "mm")
    assert drawing.units.reason.key == "dxf.reason.none_size"


def test_a_header_unit_the_doors_contradict_is_flagged(tmp_path):
    # Drawn in mm, but the header says metres: a 10 km flat with 90 m doors.
    drawing = read_drawing(save(apartment("mm", insunits=6), tmp_path))
    assert drawing.units.unit is None
    assert drawing.units.likely == "mm"
    assert drawing.units.reason.key == "dxf.reason.doubt_doors"
    assert "meter" in drawing.units.reason.text("da")


def test_a_header_unit_that_makes_the_drawing_absurd_is_flagged_even_without_doors(tmp_path):
    drawing = read_drawing(save(apartment("mm", insunits=5, doors=0), tmp_path))  # 100 m wide
    assert drawing.units.unit == "cm"  # 100 m is a plausible building
    drawing = read_drawing(save(apartment("m", insunits=4, doors=0), tmp_path))  # 1 cm wide
    assert drawing.units.unit is None and drawing.units.likely == "m"
    assert drawing.units.reason.key == "dxf.reason.doubt_size"


def test_layers_are_listed_with_counts_and_a_hidden_layer_leaves_no_pixels(tmp_path):
    drawing = read_drawing(save(apartment("cm"), tmp_path))
    assert dict(drawing.layers) == {"0": 1, "doors": 6, "walls": 1}
    shown = render_background(drawing, "cm")
    hidden = render_background(drawing, "cm", hidden={"walls"})
    assert ink_at(shown, 400, 300, top_cm=600)
    assert not ink_at(hidden, 400, 300, top_cm=600)
    assert ink_at(hidden, 100, 45, top_cm=600)  # the doors stay


def test_hiding_every_layer_is_refused(tmp_path):
    drawing = read_drawing(save(apartment("cm"), tmp_path))
    with pytest.raises(DxfError) as raised:
        render_background(drawing, "cm", hidden={"0", "doors", "walls"})
    assert raised.value.message.key == "dxf.all_hidden"


def _framed() -> ezdxf.document.Drawing:
    """An empty 1000 × 1000 cm frame, so pixel positions are known."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 5
    doc.modelspace().add_lwpolyline([(0, 0), (1000, 0), (1000, 1000), (0, 1000)], close=True)
    return doc


def test_an_insert_is_rotated_scaled_and_moved_from_the_block_base(tmp_path):
    doc = _framed()
    stick = doc.blocks.new("STICK", base_point=(10, 0))
    stick.add_line((10, 0), (110, 0))  # 100 cm long, from the base point
    doc.modelspace().add_blockref("STICK", (500, 300), dxfattribs={"rotation": 90, "xscale": 2})
    background = render_background(read_drawing(save(doc, tmp_path)), "cm")
    for y in (320, 400, 480):
        assert ink_at(background, 500, y, top_cm=1000)  # from (500, 300) up 200 cm
    assert not ink_at(background, 500, 540, top_cm=1000)
    assert not ink_at(background, 600, 300, top_cm=1000)  # not along the unrotated x


def test_nested_blocks_compose_their_transforms(tmp_path):
    doc = _framed()
    inner = doc.blocks.new("INNER")
    inner.add_line((0, 0), (100, 0))
    outer = doc.blocks.new("OUTER")
    outer.add_blockref("INNER", (100, 0), dxfattribs={"rotation": 90})  # up from (100, 0)
    doc.modelspace().add_blockref("OUTER", (300, 300), dxfattribs={"rotation": 90})
    background = render_background(read_drawing(save(doc, tmp_path)), "cm")
    # OUTER turned 90°: INNER sits at (300, 400) and points along -x, to (200, 400).
    for x in (220, 250, 280):
        assert ink_at(background, x, 400, top_cm=1000)
    assert not ink_at(background, 400, 500, top_cm=1000)


def test_a_mirrored_insert_and_a_block_array(tmp_path):
    doc = _framed()
    tick = doc.blocks.new("TICK")
    tick.add_line((0, 0), (50, 0))
    msp = doc.modelspace()
    msp.add_blockref("TICK", (500, 800), dxfattribs={"xscale": -1})
    array = msp.add_blockref("TICK", (100, 100))
    array.dxf.column_count, array.dxf.column_spacing = 3, 200
    background = render_background(read_drawing(save(doc, tmp_path)), "cm")
    assert ink_at(background, 470, 800, top_cm=1000)  # mirrored: to the left
    assert not ink_at(background, 530, 800, top_cm=1000)
    for x in (125, 325, 525):
        assert ink_at(background, x, 100, top_cm=1000)
    assert not ink_at(background, 725, 100, top_cm=1000)


def test_circles_ellipses_and_bulged_polylines_are_drawn(tmp_path):
    doc = _framed()
    msp = doc.modelspace()
    msp.add_circle((200, 200), 50)
    msp.add_ellipse((600, 200), major_axis=(100, 0), ratio=0.5)
    msp.add_lwpolyline([(200, 600, 0, 0, 1), (400, 600)])  # a half circle below the chord
    background = render_background(read_drawing(save(doc, tmp_path)), "cm")
    assert ink_at(background, 250, 200, top_cm=1000) and ink_at(background, 200, 150, top_cm=1000)
    assert ink_at(background, 700, 200, top_cm=1000) and ink_at(background, 600, 250, top_cm=1000)
    assert not ink_at(background, 600, 280, top_cm=1000)
    assert ink_at(background, 300, 500, top_cm=1000)  # bulge 1 sweeps counter-clockwise
    assert not ink_at(background, 300, 700, top_cm=1000)


def test_the_background_is_calibrated_at_half_a_centimetre_per_pixel(tmp_path):
    background = render_background(read_drawing(save(apartment("mm"), tmp_path)), "mm")
    assert background.cm_per_pixel == 0.5
    assert background.image_format == "png" and background.image.startswith(b"\x89PNG")


def test_recover_mode_opens_a_damaged_file(tmp_path):
    broken = text(apartment("cm")).replace("  0\nEOF\n", "")  # no end, as a cut-off upload
    path = tmp_path / "broken.dxf"
    path.write_text(broken)
    drawing = read_drawing(path)
    assert dict(drawing.layers)["walls"] == 1
    assert drawing.units.unit == "cm"


def test_recover_mode_opens_a_file_cut_off_after_its_entities(tmp_path):
    whole = text(apartment("cm"))
    path = tmp_path / "cut.dxf"
    path.write_text(whole[: whole.index("OBJECTS") + 200])  # a download stopped short
    assert dict(read_drawing(path).layers) == {"0": 1, "doors": 6, "walls": 1}


def test_a_binary_dxf_is_read(tmp_path):
    path = tmp_path / "binary.dxf"
    apartment("mm").saveas(path, fmt="bin")
    assert read_drawing(path).units.unit == "mm"


def test_progress_is_told_up_to_the_total(tmp_path):
    told: list[tuple[int, int]] = []
    drawing = read_drawing(
        save(apartment("cm"), tmp_path), told.append and (lambda d, t: told.append((d, t)))
    )
    render_background(drawing, "cm", progress=lambda d, t: told.append((d, t)))
    assert told and all(d <= t for d, t in told) and told[-1][0] == told[-1][1]


def test_a_drawing_with_only_text_is_refused_as_empty(tmp_path):
    doc = ezdxf.new("R2010")
    doc.modelspace().add_text("Stue")
    with pytest.raises(DxfError) as raised:
        read_drawing(save(doc, tmp_path))
    assert raised.value.message.key == "dxf.empty"


def test_door_arc_radius_in_a_scaled_block_counts_at_its_drawn_size(tmp_path):
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 0
    door = doc.blocks.new("DOOR")
    door.add_arc((0, 0), 1, 0, 90)  # a unit door, scaled to 900 mm where it is placed
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (10000, 0), (10000, 6000)])
    for x in (1000, 3000):
        msp.add_blockref("DOOR", (x, 0), dxfattribs={"xscale": 900, "yscale": 900})
    drawing = read_drawing(save(doc, tmp_path))
    assert drawing.units.likely == "mm" and drawing.units.door_arcs == 2
    assert math.isclose(max(drawing.flat.door_radii), 900)


def test_reading_past_the_time_limit_is_refused(tmp_path, monkeypatch):
    from hjem.floorplan.dxf import read as reading

    doc = ezdxf.new("R2010")
    for i in range(5000):  # the clock is looked at every 4096 entities
        doc.modelspace().add_line((i, 0), (i, 100))
    path = save(doc, tmp_path)
    monkeypatch.setattr(reading, "TIME_LIMIT_S", -1.0)
    with pytest.raises(DxfError) as raised:
        read_drawing(path)
    assert raised.value.message.key == "dxf.too_slow"


def test_a_scribble_of_long_lines_is_drawn_coarser_not_slower(tmp_path):
    import random
    import time

    rng = random.Random(3)
    doc = _framed()
    corners = [(rng.uniform(0, 1000), rng.uniform(0, 1000)) for _ in range(60_000)]
    doc.modelspace().add_lwpolyline(corners)  # 60 000 lines of ~5 m: 30 km of ink
    drawing = read_drawing(save(doc, tmp_path))
    started = time.process_time()
    background = render_background(drawing, "cm")
    assert time.process_time() - started < 2.0
    assert background.cm_per_pixel > 0.5  # coarser than usual, so the ink stays within budget


def test_an_arc_and_an_insert_with_a_downward_extrusion_are_mirrored(tmp_path):
    # Mirrored doors are often written with the extrusion (0, 0, -1): x runs the other way.
    doc = _framed()
    msp = doc.modelspace()
    msp.add_arc((-500, 500), 100, 0, 90, dxfattribs={"extrusion": (0, 0, -1)})
    tick = doc.blocks.new("TICK")
    tick.add_line((0, 0), (50, 0))
    msp.add_blockref("TICK", (-200, 200), dxfattribs={"extrusion": (0, 0, -1)})
    background = render_background(read_drawing(save(doc, tmp_path)), "cm")
    assert ink_at(background, 400, 500, top_cm=1000) and ink_at(background, 500, 600, top_cm=1000)
    assert not ink_at(background, 600, 500, top_cm=1000)
    assert ink_at(background, 170, 200, top_cm=1000)  # from (200, 200) to (150, 200)
    assert not ink_at(background, 230, 200, top_cm=1000)
