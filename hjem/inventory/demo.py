"""A demo inventory, so a newcomer sees a living inventory at once: about sixty donated things
of every category with Danish names, sizes, conditions, notes, photos drawn for them, storage
places and a history, received over the last three months.

The demo's warehouses are named "Lager Valby (demo)" and "Lager Amager (demo)": a person sees
at a glance which things are examples, and `demo_is_present` looks for them, so the demo is not
added twice (`fill_demo` adds nothing while they exist). Everything is the same on every run
except the codes (drawn at random like every item's) and the dates, which count back from
`today`.

The demo is for trying hjem out, so it goes only into an empty inventory
(`refuse_demo_unless_fresh`): 64 made-up things must never mix with real donations. On a team
server (a training database, say) only the coordinator adds it, as the demo opens a case; a
server shared by one login, without roles, gets no demo at all."""

from __future__ import annotations

import datetime as dt
import random
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hjem.db.roles import Group, identify, is_team_server
from hjem.i18n import msg
from hjem.ids import ItemCode
from hjem.inventory import photos
from hjem.inventory.demo_pictures import other_side, picture
from hjem.inventory.demo_pieces import PIECES, Piece
from hjem.inventory.errors import InventoryError
from hjem.inventory.items import ItemData, create_item
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Item, Location, Photo, Status

VALBY = "Lager Valby (demo)"
AMAGER = "Lager Amager (demo)"
DEMO_WAREHOUSES = (VALBY, AMAGER)
SEED = 2026
DAYS_BACK = 90
STILL_RECEIVED = 9  # the newest donations have not been checked yet
SMALL_THINGS = frozenset(
    {"lampe", "koekkenudstyr", "legetoej", "tekstiler", "andet", "taeppe", "boernemoebel"}
)
# Made-up donors, obviously so.
DONORS = (
    ("Familien Eksempelsen", ""),
    ("Karen Prøvesen", "karen@example.org"),
    ("Bo Demosen", ""),
    ("Møbelhuset Fiktiv ApS", "kontakt@example.org"),
    ("Ida Opdigtet", ""),
)


class Placed(NamedTuple):
    """Where a piece stands and how far it got when the demo was made."""

    status: Status
    location: str
    received_on: dt.date


def demo_is_present(session: Session) -> bool:
    """True once the demo has been added to this workspace (its warehouses exist)."""
    found = session.scalar(
        select(Location.id).where(Location.parent_id.is_(None), Location.name.in_(DEMO_WAREHOUSES))
    )
    return found is not None


class DemoRefused(InventoryError):
    """The demo would land among real things: in the shared inventory, or beside donations."""


def refuse_demo_unless_allowed(session: Session) -> None:
    """DemoRefused on a server, unless it is a team server and the person its coordinator:
    an architect or an inventory manager may not open the demo's case, so they are told
    before anything is written, not stopped halfway by the database."""
    if session.get_bind().dialect.name == "sqlite":
        return
    if not is_team_server(session.connection()):
        raise DemoRefused(msg("demo.refused_shared"))
    if identify(session.connection()).group != Group.COORDINATOR:
        raise DemoRefused(msg("team_demo.coordinator_only"))


def refuse_demo_unless_fresh(session: Session) -> None:
    """DemoRefused unless the person may add the demo here and the inventory is empty."""
    refuse_demo_unless_allowed(session)
    count = session.scalar(select(func.count(Item.id))) or 0
    if count:
        raise DemoRefused(msg("demo.refused_not_empty", count=count))


def fill_demo_inventory(session: Session, who: str) -> bool:
    """The demo inventory, unless it is there already; True if it was added now.
    DemoRefused in a shared workspace or one that holds real things."""
    refuse_demo_unless_allowed(session)
    if demo_is_present(session):
        return False
    refuse_demo_unless_fresh(session)
    fill_demo(session, who)
    return True


def fill_demo(session: Session, who: str = "Demo", today: dt.date | None = None) -> list[ItemCode]:
    """Add the demo inventory and return the new items' codes, in the order they were made;
    nothing is added (and [] returned) when the demo is there already."""
    if demo_is_present(session):
        return []
    rng = random.Random(SEED)
    today = today or dt.date.today()
    places = _placements(rng, today)
    given_by = dict(zip(sorted(rng.sample(range(len(PIECES)), len(DONORS))), DONORS, strict=True))
    codes: list[ItemCode] = []
    for index, piece in enumerate(PIECES):
        donor = given_by.get(index, ("", ""))
        item = create_item(session, _data(piece, places[index], donor, rng), who)
        _move(session, item, piece, places[index].status, who)
        _add_photos(session, item, piece, index, rng)
        codes.append(item.code)
    session.flush()
    return codes


def _placements(rng: random.Random, today: dt.date) -> list[Placed]:
    """Received dates spread over the last months; the newest few wait to be checked."""
    days = [rng.randint(0, DAYS_BACK) for _ in PIECES]
    newest = sorted(
        (i for i, piece in enumerate(PIECES) if not piece.repair), key=lambda i: days[i]
    )[:STILL_RECEIVED]
    placed = []
    for i, piece in enumerate(PIECES):
        if piece.repair:
            status, where = Status.REPAIR, f"{VALBY}/Værksted"
        elif i in newest:
            status, where = Status.RECEIVED, f"{VALBY}/Modtagelse"
        else:
            status, where = Status.AVAILABLE, _shelf(piece, rng)
        placed.append(Placed(status, where, today - dt.timedelta(days=days[i])))
    return placed


def _shelf(piece: Piece, rng: random.Random) -> str:
    if piece.category in SMALL_THINGS:
        return f"{AMAGER}/Rum {rng.randint(1, 2)}"
    return f"{VALBY}/Hal {rng.choice('AB')}/Reol {rng.randint(1, 4)}"


def _data(piece: Piece, placed: Placed, donor: tuple[str, str], rng: random.Random) -> ItemData:
    checked = placed.status != Status.RECEIVED
    return ItemData(
        name=piece.name,
        category=piece.category,
        width=piece.size[0],
        depth=piece.size[1],
        height=piece.size[2],
        colour=piece.colour,
        condition=piece.condition,
        whole=not piece.repair,
        clean=checked or rng.random() < 0.5,
        smoke_free=True,
        pet_free=piece.pet_free and (checked or rng.random() < 0.7),
        no_pests=checked,
        notes=piece.notes,
        received_on=placed.received_on,
        location=placed.location,
        value_ore=piece.value_kr * 100,
        donor_name=donor[0],
        donor_contact=donor[1],
    )


def _move(session: Session, item: Item, piece: Piece, status: Status, who: str) -> None:
    if status == Status.AVAILABLE:
        move(session, item, Status.AVAILABLE, who, "Tjekket og klar til en familie")
    elif status == Status.REPAIR:
        move(session, item, Status.REPAIR, who, piece.notes)


def _add_photos(session: Session, item: Item, piece: Piece, index: int, rng: random.Random) -> None:
    """One drawn photo, and for some items a second from the other side."""
    front = picture(piece.category, piece.rgb, index, dimensions=piece.size)
    shots = [front, other_side(front)] if rng.random() < 0.4 else [front]
    for position, shot in enumerate(shots, start=1):
        processed = photos.process(shot)
        session.add(
            Photo(
                item_id=item.id,
                position=position,
                width=processed.width,
                height=processed.height,
                display=processed.display,
                thumbnail=processed.thumbnail,
            )
        )
