"""A family's case with something of everything, for the tests of erasing it."""

import datetime as dt

import hjem.budget.models  # noqa: F401  (a case names its grant scheme's table)
from hjem.budget.lines import add_service_line
from hjem.cases.cases import CaseData, add_visit, create_case
from hjem.cases.plans import save_case_plan
from hjem.floorplan.hjemfile import load_plan
from hjem.inventory.reservations import deliver, reserve
from tests.conftest import ROOT
from tests.inventory.helpers import available_item, donation

SAMPLE = load_plan(ROOT / "assets" / "samples" / "2-vaerelser.hjem")
# Made up, and unique: the raw bytes of the workspace are searched for it.
ADDRESS = "Slettevej 41, 3. th, 9999 Glemsted ZQXJ"
SUN = CaseData("FBH-2026-014", "Familien Sol", "Aarhus", "Mette", 1, ("0_2", "6_12"))
MOON = CaseData("FBH-2026-015", "Familien Måne", "Odense", "Ole", 2, ("3_5",))


def full_case(session, data=SUN, address=ADDRESS) -> dict[str, str]:
    """The case with two children, a visit, a stored plan, two budget lines, two reserved
    items and one delivered; the item codes by role."""
    create_case(session, data, address=address)
    add_visit(session, data.code, dt.date(2026, 11, 2), "Målt op; køkkenet er lille")
    save_case_plan(session, data.code, SAMPLE, "Mette", None)
    add_service_line(session, data.code, "Flyttebil", "flytning", 250_000)
    add_service_line(session, data.code, "Indskud", "indskud", 1_000_000)
    items = {
        role: available_item(session, donation(name=f"Sofa {role}")).code
        for role in ("reserved_1", "reserved_2", "delivered")
    }
    for code in items.values():
        reserve(session, code, data.code, "Mette")
    deliver(session, items["delivered"], "Lise")
    session.flush()
    return items
