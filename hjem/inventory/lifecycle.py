"""An item's way from donation to delivery: received → available → reserved → delivered, with
repair and discarded beside. Any other move is refused; every move goes into the history."""

from __future__ import annotations

from sqlalchemy.orm import Session

from hjem.inventory.errors import IllegalMove
from hjem.inventory.models import Item, ItemEvent, Status

MOVES: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.AVAILABLE, Status.REPAIR, Status.DISCARDED}),
    Status.AVAILABLE: frozenset({Status.RESERVED, Status.REPAIR, Status.DISCARDED}),
    Status.RESERVED: frozenset({Status.AVAILABLE, Status.DELIVERED, Status.REPAIR}),
    Status.REPAIR: frozenset({Status.AVAILABLE, Status.DISCARDED}),
    Status.DELIVERED: frozenset(),
    Status.DISCARDED: frozenset(),
}
# Reservation moves go through reservations.py, which keeps the reservation rows right.
BY_RESERVATION = frozenset(
    {
        (Status.AVAILABLE, Status.RESERVED),
        (Status.RESERVED, Status.AVAILABLE),
        (Status.RESERVED, Status.DELIVERED),
    }
)


def allowed(from_status: str, to_status: str) -> bool:
    return Status(to_status) in MOVES[Status(from_status)]


def move(
    session: Session,
    item: Item,
    to_status: Status,
    who: str,
    reason: str = "",
    kind: str = "status",
) -> None:
    """Change an item's status, or raise IllegalMove; the change is recorded in its history."""
    if not allowed(item.status, to_status):
        raise IllegalMove(item.code, item.status, to_status)
    session.add(
        ItemEvent(
            item_id=item.id,
            who=who,
            kind=kind,
            from_status=item.status,
            to_status=to_status.value,
            reason=reason,
        )
    )
    item.status = to_status.value


def record(session: Session, item: Item, who: str, kind: str, reason: str = "") -> None:
    """A history line for something that is not a status change (an edit, a new photo)."""
    session.add(ItemEvent(item_id=item.id, who=who, kind=kind, reason=reason))
