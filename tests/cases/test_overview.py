"""A case as its window shows it: plain values, and whether an address is registered without
the address itself."""

import datetime as dt

import pytest

from hjem.cases.cases import CaseData, add_visit, create_case, set_address
from hjem.cases.errors import CaseNotFound
from hjem.cases.overview import case_overview, has_address
from hjem.cases.plans import save_case_plan
from hjem.floorplan.model import Plan
from hjem.inventory.reservations import reserve
from tests.inventory.helpers import available_item, donation

FAMILY = CaseData("FBH-2026-014", "Familien Sol", "Aarhus", "Mette", 2, ("0_2",))
ADDRESS = "Solvej 3, 2. tv"


def test_the_overview_holds_what_the_window_shows_and_never_the_address(workspace):
    with workspace.session() as session:
        create_case(session, FAMILY, address=ADDRESS)
        item = available_item(session, donation("Kommode", "kommode", (80, 45, 90)))
        reserve(session, item.code, FAMILY.code, "Lise")
        add_visit(session, FAMILY.code, dt.date(2026, 11, 3), "første besøg")
        add_visit(session, FAMILY.code, dt.date(2026, 11, 20), "måling")
        save_case_plan(session, FAMILY.code, Plan(case_code=FAMILY.code), "Ole", None)
    overview = workspace.run(lambda session: case_overview(session, FAMILY.code))
    assert overview.data == FAMILY
    assert overview.has_address
    assert ADDRESS not in repr(overview)
    assert overview.plan is not None and overview.plan.saved_by == "Ole"
    assert [(r.code, r.name, r.reserved_by) for r in overview.reservations] == [
        (item.code, "Kommode", "Lise")
    ]
    assert [v.notes for v in overview.visits] == ["måling", "første besøg"]  # newest first


def test_has_address_follows_the_address_being_set_and_cleared(workspace):
    with workspace.session() as session:
        create_case(session, FAMILY)
        assert not has_address(session, FAMILY.code)
        set_address(session, FAMILY.code, ADDRESS)
        assert has_address(session, FAMILY.code)
        set_address(session, FAMILY.code, "")
        assert not has_address(session, FAMILY.code)


def test_a_case_that_is_gone_is_said_so(workspace):
    with pytest.raises(CaseNotFound):
        workspace.run(lambda session: case_overview(session, "FBH-2026-000"))
