"""Making donations in tests."""

import datetime as dt

from hjem.inventory.items import ItemData, create_item
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Status


def donation(name="Sofa, grå", category="sofa", size=(200.0, 90.0, 80.0), **kw) -> ItemData:
    w, d, h = size
    return ItemData(
        name=name,
        category=category,
        width=w,
        depth=d,
        height=h,
        received_on=kw.pop("received_on", dt.date(2026, 11, 1)),
        **kw,
    )


def available_item(session, data=None, who="Lise"):
    item = create_item(session, data or donation(), who)
    move(session, item, Status.AVAILABLE, who, "tjekket")
    session.flush()
    return item


def add_cases(session, *codes):
    """Family cases to reserve for (a reservation names a case that exists)."""
    from hjem.cases.cases import CaseData, create_case

    for code in codes:
        create_case(session, CaseData(code, f"Familien {code[-3:]}"))
    session.flush()
    return codes
