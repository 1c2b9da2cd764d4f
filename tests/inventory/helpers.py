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
