"""The .hjem file: round trips, atomic saving, and hostile or damaged files."""

import io
import json
import os
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from hjem.floorplan import hjemfile
from hjem.floorplan.codec import PlanFileError, plan_from_json, plan_to_json
from hjem.floorplan.commands import SetBackground
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import load_plan, plan_bytes, save_plan
from hjem.floorplan.model import Background, Clearance
from tests.floorplan.plans import furnished, piece, radiator, row_plan

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text())


def _png(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 180, 150)).save(buffer, "PNG")
    return buffer.getvalue()


def rich_plan():
    plan = furnished(
        row_plan(widths=(400, 300)),
        piece(
            "sofa",
            "sofa",
            (200, 90, 80),
            150,
            200,
            12.5,
            label="Grå sofa æøå",
            inventory_item="A1B2",
        ),
        piece("rug", "taeppe", (200, 140, 1), 150, 200, floor_flat=True, price_ore=29_950),
        piece(
            "w",
            "klaedeskab",
            (100, 60, 200),
            60,
            90,
            270,
            clearance=Clearance(("front",), 70.0, "all", ("stol",)),
        ),
        fixtures=(radiator("rad", 50, 10),),
    )
    background = Background(_png(), "png", 2.5, Point(-10, -20), 0.4, True, False)
    plan, _ = SetBackground(background).apply(plan)
    return replace(plan, case_code="FBH-2026-014")


def test_a_saved_plan_loads_back_equal(tmp_path):
    plan = rich_plan()
    save_plan(plan, tmp_path / "home.hjem")
    assert load_plan(tmp_path / "home.hjem") == plan


def test_the_file_is_a_zip_with_a_versioned_plan_json(tmp_path):
    save_plan(rich_plan(), tmp_path / "home.hjem")
    with zipfile.ZipFile(tmp_path / "home.hjem") as archive:
        assert sorted(archive.namelist()) == ["background.png", "plan.json"]
        data = json.loads(archive.read("plan.json"))
    assert data["format"] == "hjem-plan" and data["schema_version"] == 1
    assert data["placements"][0]["label"] == "Grå sofa æøå"


def test_saving_the_same_plan_twice_gives_the_same_bytes():
    assert plan_bytes(rich_plan()) == plan_bytes(rich_plan())


class Interrupted(Exception):
    pass


class FailingFile:
    """A file whose `fail_at`-th operation (write, flush or fsync) fails, like a full disk."""

    def __init__(self, inner, fail_at):
        self.inner, self.fail_at, self.calls = inner, fail_at, 0

    def _tick(self):
        self.calls += 1
        if self.calls == self.fail_at:
            raise Interrupted(f"failed at operation {self.calls}")

    def write(self, data):
        self._tick()
        half = len(data) // 2
        self.inner.write(data[:half])  # a torn write: part of the data reaches the disk
        self.inner.write(data[half:])
        return len(data)

    def flush(self):
        self._tick()
        self.inner.flush()

    def fileno(self):
        self._tick()
        return self.inner.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.inner.close()


def test_an_interrupted_save_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "home.hjem"
    old = furnished(row_plan(), piece("a", "stol", (45, 45, 90), 100, 100))
    save_plan(old, target)
    old_bytes = target.read_bytes()
    new = rich_plan()
    real_open = hjemfile._open_temporary
    failures = 0
    for fail_at in range(1, 20):
        opened = []

        def failing_open(folder, fail_at=fail_at, opened=opened):
            stream, path = real_open(folder)
            opened.append(path)
            return FailingFile(stream, fail_at), path

        monkeypatch.setattr(hjemfile, "_open_temporary", failing_open)
        try:
            save_plan(new, target)
        except Interrupted:
            failures += 1
            assert target.read_bytes() == old_bytes
            assert load_plan(target) == old
            assert not opened[0].exists(), "the temporary file is cleaned up"
        else:
            assert load_plan(target) == new
            break
    assert failures >= 3  # write, flush and fsync each failed once before the save went through
    assert sorted(os.listdir(tmp_path)) == ["home.hjem"]


def test_a_failed_rename_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "home.hjem"
    save_plan(row_plan(), target)
    old_bytes = target.read_bytes()

    def no_rename(*args):
        raise OSError("disk went away")

    monkeypatch.setattr(hjemfile.os, "replace", no_rename)
    with pytest.raises(OSError):
        save_plan(rich_plan(), target)
    assert target.read_bytes() == old_bytes
    assert sorted(os.listdir(tmp_path)) == ["home.hjem"]


def reason(message):
    """The catalog key saying what is wrong (inside "invalid value in <path>: ...")."""
    params = dict(message.params)
    return reason(params["problem"]) if message.key == "file.bad_value" else message.key


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_hostile_or_damaged_file_gives_one_clear_error(name):
    with pytest.raises(PlanFileError) as caught:
        load_plan(CORPUS / name)
    assert reason(caught.value.message) == EXPECTED[name]
    for lang in ("da", "en"):
        text = caught.value.message.text(lang)
        assert text and "{" not in text and "Traceback" not in text


def test_a_bad_value_names_where_it_is():
    with pytest.raises(PlanFileError) as caught:
        load_plan(CORPUS / "wrong-type.hjem")
    assert caught.value.message.text("en") == (
        "The plan has an invalid value in placements[0].width: expected a number"
    )


def test_the_corpus_covers_every_kind_of_trouble_the_issue_names():
    names = set(EXPECTED)
    for required in (
        "truncated.hjem",
        "future-version.hjem",
        "zip-bomb.hjem",
        "zip-slip.hjem",
        "image-bomb.hjem",
        "wrong-type.hjem",
        "nan-width.hjem",
        "negative-size.hjem",
    ):
        assert required in names


def test_missing_file_and_folder_give_clear_errors(tmp_path):
    with pytest.raises(PlanFileError) as missing:
        load_plan(tmp_path / "nowhere.hjem")
    assert missing.value.message.key == "file.not_found"
    with pytest.raises(PlanFileError) as folder:
        load_plan(tmp_path)
    assert folder.value.message.key == "file.not_a_plan"


def test_a_member_from_a_later_version_is_ignored(tmp_path):
    data = plan_bytes(row_plan())
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("thumbnail.png", _png())
    (tmp_path / "later.hjem").write_bytes(buffer.getvalue())
    assert load_plan(tmp_path / "later.hjem") == row_plan()


def test_plans_written_before_prices_and_cases_still_open(tmp_path):
    data = plan_to_json(rich_plan())
    del data["case_code"]
    for placement in data["placements"]:
        del placement["price_ore"]
    plan, _ = plan_from_json(data)
    assert plan.case_code is None and all(p.price_ore is None for p in plan.placements)


@pytest.mark.parametrize("price", [-100, 12.5, "299 kr", 10**12])
def test_a_price_that_is_not_whole_ore_within_reason_is_refused(price):
    data = plan_to_json(rich_plan())
    data["placements"][1]["price_ore"] = price
    with pytest.raises(PlanFileError) as caught:
        plan_from_json(data)
    assert "placements[1]" in caught.value.message.text("en")
