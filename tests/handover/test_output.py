"""Getting the document out: it renders cleanly, stays small, reports progress, and is written
whole or not at all."""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from hjem.floorplan.geometry import Point
from hjem.handover import build_handover
from hjem.handover import photos as photo_cache
from tests.handover.samples import ADDRESS, internal, pdf_of, photo, poppler_pages, sample


def _odd() -> bytes:
    """Everything unusual at once: typed names in other scripts, a piece not found with a
    broken photo, a piece outside every room, the address, the internal copy."""
    data = internal(sample(alias="Олена Коваленко", architect="Łucja Ağca", address=ADDRESS))
    items = list(data.items)
    items[3] = replace(items[3], photo=b"\xff\xd8\xff broken jpeg", name="", missing=True)
    outside = replace(items[0], number=22, name="Cykel", room="")
    items.append(replace(outside, placement=replace(outside.placement, center=Point(-90, 40))))
    return pdf_of(replace(data, items=tuple(items)))


COPIES = {
    "family": lambda: pdf_of(sample()),
    "internal": lambda: pdf_of(internal(sample())),
    "english-with-address": lambda: pdf_of(sample("en", address=ADDRESS)),
    "odd": _odd,
}


@pytest.mark.parametrize("copy", list(COPIES))
def test_every_page_renders_with_poppler_without_a_warning(tmp_path, copy):
    pdf = COPIES[copy]()
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf)
    rendered = poppler_pages(path, tmp_path)
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=True)
    assert rendered == len(reader.pages) >= 5


def test_thirty_photos_stay_under_a_megabyte_stored_as_small_jpegs():
    data = sample()
    pieces = [i.placement for i in data.items]
    more = [replace(p, id=f"x{n}") for n, p in enumerate(pieces[:9], start=22)]
    items = [
        replace(item, photo=photo(item.number, (1600, 1200), grain=5.0), missing=False)
        for item in data.items
    ]
    items += [
        replace(items[n - 22], number=n, placement=piece, photo=photo(n, (1600, 1200), grain=5.0))
        for n, piece in enumerate(more, start=22)
    ]
    plan = replace(data.plan, placements=tuple(pieces + more))
    data = replace(data, items=tuple(items), plan=plan)
    originals = sum(len(i.photo) for i in items)
    pdf = pdf_of(data)
    assert len(items) == 30 and originals > 5_000_000
    assert len(pdf) < 1_000_000
    assert b"ASCII85Decode" not in pdf
    images = _images(pdf)
    assert len(images) == 30
    for image in images:
        assert image["/Filter"] in ("/DCTDecode", ["/DCTDecode"])
        assert image["/Width"] <= 240 and image["/Height"] <= 180


def _images(pdf: bytes) -> list:
    """The PDF's distinct image XObjects."""
    found = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"].get("/XObject", {}).values():
            obj = ref.get_object()
            if obj["/Subtype"] == "/Image":
                found[ref.idnum] = obj
    return list(found.values())


def test_the_same_photo_twice_is_stored_once():
    data = sample()
    shared = photo(99)
    items = [replace(i, photo=shared) for i in data.items]
    assert len(_images(pdf_of(replace(data, items=tuple(items))))) == 1


def test_photos_are_downscaled_once_and_reused(monkeypatch):
    photo_cache.clear_cache()
    made = []
    real = photo_cache._downscale
    monkeypatch.setattr(photo_cache, "_downscale", lambda *a: made.append(a[2]) or real(*a))
    data = sample()
    pdf_of(data)
    first = len(made)
    assert first == sum(1 for i in data.items if i.photo)
    again = [replace(i, photo=bytes(i.photo) if i.photo else None) for i in data.items]
    pdf_of(replace(data, items=tuple(again)))  # the same photos, read again: no new copies
    assert len(made) == first


def test_progress_counts_every_photo_and_every_page():
    calls: list[tuple[int, int]] = []
    data = sample()
    pdf = pdf_of(data, progress=lambda done, total: calls.append((done, total)))
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    photos = sum(1 for i in data.items if i.photo)
    assert calls == [(n, photos + pages) for n in range(1, photos + pages + 1)]


# --- whole or not at all -------------------------------------------------------------------


def _whole(path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_written_to_a_path_whole(tmp_path):
    target = tmp_path / "plan.pdf"
    build_handover(sample(), target)
    assert _whole(target)
    assert len(pypdf.PdfReader(target).pages) >= 5
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


class Stop(Exception):
    pass


def test_a_print_stopped_half_way_leaves_the_old_file_and_nothing_else(tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"the plan printed last week")

    def stop_at_the_third_page(done: int, total: int) -> None:
        if done == total - 3:
            raise Stop

    with pytest.raises(Stop):
        build_handover(sample(), target, progress=stop_at_the_third_page)
    assert target.read_bytes() == b"the plan printed last week"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failing_disk_leaves_the_old_file_and_no_partial_one(tmp_path, monkeypatch, failing):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"the plan printed last week")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    def half_full(path: Path, data: bytes) -> int:
        with path.open("wb") as file:
            file.write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    if failing == "write":
        monkeypatch.setattr(Path, "write_bytes", half_full)
    else:
        monkeypatch.setattr(os, failing, full)
    with pytest.raises(OSError, match="No space"):
        build_handover(sample(), target)
    assert target.read_bytes() == b"the plan printed last week"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_a_missing_folder_is_an_error_and_creates_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        build_handover(sample(), tmp_path / "not here" / "plan.pdf")
    assert list(tmp_path.iterdir()) == []
