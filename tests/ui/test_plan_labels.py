"""The names on the plan, as a volunteer sees them on a laptop (1366 × 768, a flat fitted into
the view at about half a pixel per cm): whole (not "Sof…" or "Dobbeltseng 160 × 2…") where
there is room, never over each other, and the room names on free floor rather than under the
furniture."""

import pytest
import shapely
from PySide6.QtWidgets import QApplication

from hjem.cases.demo import fill_demo_case
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.label_layout import ROOM_STEPS_PX
from hjem.floorplan.label_spot import label_spot
from hjem.floorplan.rect_index import overlap
from hjem.floorplan.shapes import footprints, room_polygon
from hjem.i18n import tr
from hjem.inventory.demo import fill_demo
from tests.conftest import ROOT

SAMPLES = sorted((ROOT / "assets" / "samples").glob("*.hjem"))
TIDY = [p for p in SAMPLES if "konflikter" not in p.stem]  # no piece crammed in a corner


LAPTOP_ZOOM = 0.5  # pixels per cm: the 3-room sample fitted beside the docks at 1366 × 768


def show_at(window, plan, zoom=LAPTOP_ZOOM):
    """The plan in the editor at `zoom`, zoomed as the view's own zoom does it."""
    window.resize(1366, 768)
    window.show_plan(plan, None)
    view = window.session.view
    view.zoom(zoom / view.pixels_per_cm)
    QApplication.processEvents()
    assert window.session.editor.scene.labels_zoom == pytest.approx(zoom)
    return window.session.editor.scene


def name_of(piece):
    return piece.label or tr(f"category.{piece.category}.name")


def demo_plan(window):
    with window.workspace().session() as session:
        fill_demo(session)
        plan = fill_demo_case(session)
        session.commit()
    return plan


def assert_names_whole(scene, named_from_cm=0.0):
    """Every name shown is whole, and every piece at least `named_from_cm` both ways has one
    (a chair hemmed in by a desk and a bed may go without at a laptop's zoom)."""
    for piece in scene.plan.placements:
        item = scene.item(piece.id)
        label = scene.labels.pieces.get(piece.id)
        assert item.name == label  # what is drawn is what was laid out
        if min(piece.width, piece.depth) >= named_from_cm:
            assert label is not None, f"{name_of(piece)} has no name on the plan"
        if label is not None:
            assert " ".join(label.lines) == name_of(piece), label.lines


def assert_nothing_over_another(scene):
    rects = [label.rect for label in scene.labels.pieces.values()]
    rects += list(scene.labels.room_rects.values())
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not overlap(a, b), (a, b)


def assert_room_names_on_free_floor(scene):
    plan = scene.plan
    furniture = shapely.union_all(footprints([*plan.placements, *plan.fixtures]))
    for room in plan.rooms:
        rect = scene.labels.room_rects[room.id]
        size = (rect[2] - rect[0], rect[3] - rect[1])
        step = ROOM_STEPS_PX[-1] / scene.labels_zoom
        _spot, covered = label_spot(room_polygon(room), furniture, size, step)
        if covered == 0.0:  # there is free floor for it
            assert not shapely.box(*rect).intersects(furniture), room.name or room.kind


@pytest.mark.parametrize("path", TIDY, ids=lambda p: p.stem)
def test_names_on_a_sample_on_a_laptop_are_whole_and_apart(window, path):
    scene = show_at(window, load_plan(path))
    assert_names_whole(scene, named_from_cm=60)
    assert_nothing_over_another(scene)
    assert_room_names_on_free_floor(scene)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_names_are_apart_even_on_a_crowded_plan_and_whole_at_a_pixel_a_cm(window, path):
    scene = show_at(window, load_plan(path))
    assert_nothing_over_another(scene)
    assert_room_names_on_free_floor(scene)
    window.session.view.zoom(1 / window.session.view.pixels_per_cm)  # zoomed in: one px a cm
    assert scene.labels_zoom == pytest.approx(1.0)
    assert_names_whole(scene)
    assert_nothing_over_another(scene)


def test_names_on_the_demo_household_plan_are_whole_and_apart(window):
    scene = show_at(window, demo_plan(window))
    assert_names_whole(scene, named_from_cm=60)
    assert_nothing_over_another(scene)
    assert_room_names_on_free_floor(scene)
