"""`hjem handover`: the family's printed plan from a case in the workspace or from a plan file,
read back with a real PDF reader. Every piece is there with its number, the address only when
this print asks for it, the budget only in the internal copy."""

import datetime as dt
import os
import re
import subprocess
import sys
from dataclasses import replace

import pypdf
import pytest

from hjem.budget.demo import add_demo_case
from hjem.cases.cases import CaseData, create_case, set_address
from hjem.cases.demo import DEMO_CASE
from hjem.db.workspace import Workspace
from hjem.floorplan.hjemfile import load_plan, save_plan
from hjem.floorplan.shapes import room_at
from hjem.handover.gather import PrintChoice, case_handover, numbered
from hjem.inventory.demo import fill_demo
from tests.conftest import ROOT, hjem_in_process
from tests.handover.samples import poppler_pages

ADDRESS = "Solsikkevej 7, 2. th., 9990 Fuglby"
SAMPLE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """A workspace with the demo inventory, the demo case (furnished, with a budget) and its
    address, and a second case with no plan."""
    folder = tmp_path_factory.mktemp("handover") / "data"
    workspace = Workspace(f"sqlite:///{folder / 'workspace.sqlite'}")
    with workspace.session() as session:
        fill_demo(session, "Demo")
        add_demo_case(session, "Mette", dt.date(2026, 11, 20))
        set_address(session, DEMO_CASE.code, ADDRESS)
        create_case(session, CaseData("FBH-2026-031", "Familien Tom"))
    workspace.close()
    return folder


@pytest.fixture
def hjem(data_dir, monkeypatch, capsys):
    yield from hjem_in_process(monkeypatch, capsys, data_dir)


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def gathered(data_dir):
    """What the family's copy of the demo case shows, as gathered from the workspace."""
    workspace = Workspace(f"sqlite:///{data_dir / 'workspace.sqlite'}")
    with workspace.session() as session:
        data = case_handover(session, DEMO_CASE.code, PrintChoice())
    workspace.close()
    return data


def test_the_family_copy_has_every_piece_and_room_and_no_address_nor_budget(
    hjem, data_dir, tmp_path
):
    status, printed = hjem("handover", DEMO_CASE.code, "-o", str(tmp_path / "plan.pdf"))
    assert status == 0 and "plan.pdf" in printed.out
    text = text_of(tmp_path / "plan.pdf")
    assert "Jeres nye hjem" in text and DEMO_CASE.alias in text
    data = gathered(data_dir)
    assert len(data.items) >= 8
    for item in data.items:
        assert item.name.split(",")[0] in text
        assert re.search(rf"\b{item.number}\b", text)
        assert item.room in text
    assert "Solsikkevej" not in text
    assert "budget" not in text.lower()


def test_the_address_is_printed_only_when_asked_for_and_the_budget_only_inside(hjem, tmp_path):
    target = tmp_path / "intern.pdf"
    status, _ = hjem("handover", DEMO_CASE.code, "-o", str(target), "--with-address", "--internal")
    assert status == 0
    text = text_of(target)
    assert ADDRESS.split(",")[0] in text
    assert "budget" in text.lower() and "25.000,00" in text  # the example scheme's total limit


def test_english_is_chosen_per_family(hjem, tmp_path):
    status, _ = hjem("handover", DEMO_CASE.code, "-o", str(tmp_path / "en.pdf"), "--lang", "en")
    text = text_of(tmp_path / "en.pdf")
    assert status == 0 and "Your new home" in text and "Living room" in text
    assert "Jeres nye hjem" not in text


def test_a_case_without_a_plan_or_an_unknown_case_is_refused_and_writes_nothing(hjem, tmp_path):
    status, printed = hjem("handover", "FBH-2026-031", "-o", str(tmp_path / "tom.pdf"))
    assert status == 2 and "ingen møbleret plan" in printed.err
    status, printed = hjem("handover", "FBH-2026-999", "-o", str(tmp_path / "x.pdf"))
    assert status == 2 and "FBH-2026-999" in printed.err
    assert list(tmp_path.iterdir()) == []


def test_a_plan_file_prints_with_the_inventory_and_shows_an_item_not_found(hjem, tmp_path):
    plan = load_plan(SAMPLE)
    gone = replace(plan.placements[0], inventory_item="ZZZZZZ")
    save_plan(replace(plan, placements=(gone, *plan.placements[1:])), tmp_path / "fil.hjem")
    status, _ = hjem("handover", str(tmp_path / "fil.hjem"), "-o", str(tmp_path / "fil.pdf"))
    assert status == 0
    text = text_of(tmp_path / "fil.pdf")
    assert "Ikke fundet" in text and plan.title.split(":")[0] in text
    status, printed = hjem(
        "handover", str(tmp_path / "fil.hjem"), "-o", str(tmp_path / "a.pdf"), "--with-address"
    )
    assert status == 2 and "adresse" in printed.err and not (tmp_path / "a.pdf").exists()


def test_a_damaged_plan_file_is_named_and_nothing_is_written(hjem, tmp_path):
    (tmp_path / "skadet.hjem").write_bytes(b"PK\x03\x04 not a zip")
    status, printed = hjem("handover", str(tmp_path / "skadet.hjem"), "-o", str(tmp_path / "s.pdf"))
    assert status == 2 and "skadet.hjem" in printed.err and not (tmp_path / "s.pdf").exists()


def test_pieces_are_numbered_room_by_room_so_a_rooms_numbers_follow_each_other():
    plan = load_plan(SAMPLE)
    rooms = [room_at(plan, piece.center) for piece, _room in numbered(plan)]
    assert [room for _piece, room in numbered(plan)] == rooms
    order = [r.id if r else None for r in rooms]
    seen = []
    for room in order:
        if not seen or seen[-1] != room:
            assert room not in seen, "a room's pieces come together"
            seen.append(room)
    assert sorted(p.id for p, _room in numbered(plan)) == sorted(p.id for p in plan.placements)


def test_the_real_command_writes_a_pdf_poppler_renders(data_dir, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "HJEM_DATABASE_URL"}
    env["HJEM_DATA_DIR"] = str(data_dir)
    target = tmp_path / "plan.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "hjem", "handover", DEMO_CASE.code, "-o", str(target)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert poppler_pages(target, tmp_path, dpi=20) == len(pypdf.PdfReader(target).pages) >= 4
