"""The demo inventory: every category, with photos, statuses and places as a branch would have
them; added once; the same every time apart from the codes; pictures for every category."""

import datetime as dt
import io
from collections import Counter

import pytest
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import undefer

from hjem.db.workspace import Workspace
from hjem.floorplan.categories import CATEGORIES
from hjem.inventory import demo
from hjem.inventory.demo import DEMO_WAREHOUSES, demo_is_present, fill_demo
from hjem.inventory.demo_pictures import other_side, picture
from hjem.inventory.items import location_path
from hjem.inventory.models import Item, Photo, Status
from hjem.inventory.photos import DISPLAY_PX, THUMBNAIL_PX

TODAY = dt.date(2026, 11, 1)


def _size(jpeg: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(jpeg)) as image:
        assert image.format == "JPEG"
        return image.size


def test_the_demo_fills_a_new_workspace_with_every_category(workspace):
    # One fill per database checked three ways: a fill takes a few seconds.
    with workspace.session() as session:
        assert not demo_is_present(session)
        codes = fill_demo(session, today=TODAY)
    with workspace.session() as session:
        assert demo_is_present(session)
        items = session.scalars(select(Item).order_by(Item.id)).all()
        assert 55 <= len(codes) <= 70 and len(set(codes)) == len(codes)
        assert sorted(codes) == sorted(item.code for item in items)
        _check_items(items)
        _check_statuses(items)
        _check_photos(items, session.scalars(select(Photo).options(undefer(Photo.display))).all())
        assert fill_demo(session, today=TODAY) == []  # not twice
        assert len(session.scalars(select(Item.id)).all()) == len(items)


def _check_items(items):
    assert {item.category.slug for item in items} == set(CATEGORIES)
    assert all(item.name and item.width > 0 and item.value_ore > 0 for item in items)
    assert all(TODAY - dt.timedelta(days=90) <= item.received_on <= TODAY for item in items)
    assert 1 <= sum(item.donor is not None for item in items) <= 10
    assert all(location_path(item.location).startswith(DEMO_WAREHOUSES) for item in items)


def _check_statuses(items):
    """Most are available, the newest wait to be checked, a few are being repaired."""
    statuses = Counter(item.status for item in items)
    assert statuses[Status.AVAILABLE] > len(items) * 0.7
    assert statuses[Status.RECEIVED] >= 5 and statuses[Status.REPAIR] >= 2
    received = [item for item in items if item.status == Status.RECEIVED]
    available = [item for item in items if item.status == Status.AVAILABLE]
    assert max(item.received_on for item in available) <= min(i.received_on for i in received)
    assert all(item.whole and item.clean and item.no_pests for item in available)
    shelves = [location_path(item.location) for item in available]
    assert all("/Hal " in place or "/Rum " in place for place in shelves)
    assert all(not item.whole and item.notes for item in items if item.status == Status.REPAIR)


def _check_photos(items, photos):
    per_item = Counter(photo.item_id for photo in photos)
    assert {item.id for item in items} == set(per_item) and max(per_item.values()) <= 2
    for photo in photos:
        assert max(_size(photo.display)) <= DISPLAY_PX
        assert max(_size(photo.thumbnail)) <= THUMBNAIL_PX
        assert _size(photo.display) == (photo.width, photo.height)


def _cheap_pictures(monkeypatch):
    """Drawing is tested on its own; here any small picture will do."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 180, 160)).save(buffer, "JPEG")
    monkeypatch.setattr(demo, "picture", lambda *args, **kwargs: buffer.getvalue())
    monkeypatch.setattr(demo, "other_side", lambda jpeg: jpeg)


def _contents(url: str) -> list[tuple]:
    space = Workspace(url)
    try:
        with space.session() as session:
            fill_demo(session, who="Lise", today=TODAY)
        with space.session() as session:
            return [
                (
                    item.name,
                    item.category.slug,
                    item.status,
                    location_path(item.location),
                    item.received_on,
                    item.value_ore,
                    item.donor.name if item.donor else "",
                    (item.whole, item.clean, item.smoke_free, item.pet_free, item.no_pests),
                    len(item.photos),
                )
                for item in session.scalars(select(Item).order_by(Item.id))
            ]
    finally:
        space.close()


def test_the_demo_is_the_same_every_time_but_for_its_codes(tmp_path, monkeypatch):
    _cheap_pictures(monkeypatch)
    first = _contents(f"sqlite:///{tmp_path / 'one.sqlite'}")
    assert first == _contents(f"sqlite:///{tmp_path / 'two.sqlite'}")


@pytest.mark.parametrize("category", [*CATEGORIES, "no-such-category"])
def test_every_category_has_a_picture(category):
    jpeg = picture(category, (150, 110, 80), seed=3)
    assert _size(jpeg) == (800, 600)
    assert picture(category, (150, 110, 80), seed=3) == jpeg


def test_an_unknown_category_is_drawn_as_a_box():
    assert picture("no-such-category", (150, 110, 80), 3) == picture("andet", (150, 110, 80), 3)


def test_seed_colour_and_size_change_the_picture():
    sofa = picture("sofa", (120, 124, 130), 1)
    assert picture("sofa", (120, 124, 130), 2) != sofa
    assert picture("sofa", (64, 84, 128), 1) != sofa
    assert _size(picture("sofa", (120, 124, 130), 1, size=(400, 300))) == (400, 300)
    assert picture("seng", (200, 200, 200), 1, dimensions=(90, 200, 90)) != picture(
        "seng", (200, 200, 200), 1, dimensions=(180, 200, 90)
    )


def test_the_second_photo_is_the_first_seen_from_its_other_side():
    front = picture("kommode", (150, 100, 64), 5)
    back = other_side(front)
    assert _size(back) == _size(front) and back != front


def test_the_demo_goes_only_into_an_empty_local_inventory(workspace, database_url):
    from hjem.inventory.demo import DemoRefused, fill_demo_inventory
    from tests.inventory.helpers import available_item

    shared = database_url.startswith("postgresql")
    with workspace.session() as session:
        if shared:
            with pytest.raises(DemoRefused) as refused:
                fill_demo_inventory(session, "Lise")
            assert "fælles lager på serveren" in refused.value.message.text("da")
            return
        available_item(session)
    with workspace.session() as session, pytest.raises(DemoRefused) as refused:
        fill_demo_inventory(session, "Lise")
    assert refused.value.message.text("en").startswith("The inventory already holds 1 item.")
    with workspace.session() as session:
        assert session.scalars(select(Item.name)).all() == ["Sofa, grå"]
