"""Reserving items for a family case: one case at a time, enforced by the database.

The case must exist: the database refuses a reservation for any other (a foreign key), and
`reserve` says so in words first. One active reservation per item is a partial unique index.
Two architects reserving the same sofa at the same moment: the second transaction either finds
it reserved, or its write is refused by the index or by the item's version check; all three
end in AlreadyReserved, and nothing of the loser's attempt is kept.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import column, func, select, table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from hjem.db.clock import database_now
from hjem.i18n import msg
from hjem.ids import CaseCode, ItemCode
from hjem.inventory.errors import AlreadyReserved, EditConflict, InventoryError, NotAvailable
from hjem.inventory.items import get_item
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Item, Reservation, Status

# The cases table by name: the inventory sits below the cases and does not import them.
_CASES = table("cases", column("code"))


def active_reservation(session: Session, item: Item) -> Reservation | None:
    return session.scalar(
        select(Reservation).where(Reservation.item_id == item.id, Reservation.active)
    )


def expire_stale(session: Session, item: Item, who: str) -> None:
    """A reservation past its expiry, by the database's clock, ends; its item is available
    again."""
    if session.get_bind().dialect.name == "postgresql":
        _expire_on_server(session, item, who)
        return
    reservation = active_reservation(session, item)
    if reservation is None or reservation.expires_at is None:
        return
    now = database_now(session)
    if _aware(reservation.expires_at) > now:
        return
    _end(reservation, "expired", now)
    session.flush()
    move(session, item, Status.AVAILABLE, who, "expired", kind="release")


def _expire_on_server(session: Session, item: Item, who: str) -> None:
    """On a team server the server ends the reservation (migration 0008): by its own clock,
    and whichever case holds the item, which row security may hide from an architect."""
    session.flush()  # nothing unwritten is lost when the rows the server changed are reread
    ended = session.scalar(select(func.hjem_end_expired_reservation(item.id, who)))
    if ended:
        session.expire_all()


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)  # SQLite drops the zone


def _end(reservation: Reservation, reason: str, now: dt.datetime | None = None) -> None:
    reservation.active = False
    reservation.ended_at = now or dt.datetime.now(dt.UTC)
    reservation.end_reason = reason


def reserve(
    session: Session,
    code: ItemCode,
    case_code: CaseCode,
    who: str,
    expires_at: dt.datetime | None = None,
    *,
    case_found: bool = False,
) -> Reservation:
    """Reserve the item for one family case, or raise AlreadyReserved / NotAvailable.
    `case_found`: the caller found the case in this transaction already (a push claims
    many items for one case), so it is not looked up again."""
    if not case_code.strip():
        raise InventoryError(msg("inventory.error.no_case"))
    if not case_found and not _case_exists(session, case_code.strip()):
        raise InventoryError(msg("inventory.error.unknown_case", code=case_code.strip()))
    item = get_item(session, code)
    if item.status == Status.RESERVED:  # only a reserved item has a reservation to end
        expire_stale(session, item, who)
    if item.status == Status.RESERVED:
        raise AlreadyReserved(item.code)
    if item.status != Status.AVAILABLE:
        raise NotAvailable(item.code, item.status)
    code = item.code  # after a failed flush the item cannot be read any more
    reservation = Reservation(
        item_id=item.id,
        case_code=CaseCode(case_code.strip()),
        reserved_by=who,
        expires_at=expires_at,
    )
    move(session, item, Status.RESERVED, who, case_code, kind="reserve")
    session.add(reservation)
    try:
        session.flush()
    except (IntegrityError, StaleDataError):
        raise AlreadyReserved(code) from None
    return reservation


def _case_exists(session: Session, code: str) -> bool:
    return session.scalar(select(_CASES.c.code).where(_CASES.c.code == code)) is not None


def release(session: Session, code: ItemCode, who: str, reason: str = "") -> None:
    """End the item's reservation; it is available again."""
    item = get_item(session, code)
    reservation = active_reservation(session, item)
    if reservation is None:
        raise NotAvailable(item.code, item.status)
    _end(reservation, "released")
    move(session, item, Status.AVAILABLE, who, reason, kind="release")
    _flush(session, item)


def deliver(session: Session, code: ItemCode, who: str) -> None:
    """The item went to the family it was reserved for."""
    item = get_item(session, code)
    reservation = active_reservation(session, item)
    if reservation is None:
        raise NotAvailable(item.code, item.status)
    _end(reservation, "delivered")
    move(session, item, Status.DELIVERED, who, reservation.case_code, kind="deliver")
    _flush(session, item)


def _flush(session: Session, item: Item) -> None:
    code = item.code
    try:
        session.flush()
    except StaleDataError:
        raise EditConflict(code) from None


def reserved_for(session: Session, case_code: CaseCode) -> list[Reservation]:
    """The case's active reservations, oldest first."""
    query = select(Reservation).where(Reservation.case_code == case_code, Reservation.active)
    return list(session.scalars(query.order_by(Reservation.reserved_at)))
