"""Whether an item has the free floor it needs, and how to say so when it has not."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hjem.floorplan.categories import CLEARANCE_PURPOSE
from hjem.floorplan.conflicts import Conflict, ConflictKind, fixture_noun, item_noun
from hjem.floorplan.model import Clearance, Fixture, FixtureKind, Placement, Plan
from hjem.floorplan.shapes import clearance_of, zone_seats
from hjem.i18n import Message, msg


@dataclass(frozen=True)
class ZoneState:
    """One clearance zone: whether it is taken, and by which elements (it may be taken by
    nothing but the outside of the apartment, i.e. blocked with no blocker)."""

    blocked: bool
    blockers: frozenset[str]


class LateZoneState(ZoneState):
    """A zone known to be taken (a wall crosses it) whose other blockers are found only when
    asked: finding them means cutting the zone at the wall, and most zones are never asked
    (their owner has free floor enough elsewhere)."""

    _find: Callable[[], frozenset[str]]

    def __init__(self, find: Callable[[], frozenset[str]]):
        object.__setattr__(self, "blocked", True)
        object.__setattr__(self, "_find", find)

    def __getattr__(self, name: str) -> frozenset[str]:
        if name != "blockers":
            raise AttributeError(name)
        found = self._find()
        object.__setattr__(self, "blockers", found)
        return found


FREE = ZoneState(False, frozenset())


def unmet(
    clearance: Clearance, zones: list[ZoneState], size: tuple[float, float] = (0.0, 0.0)
) -> frozenset[str] | None:
    """The blockers if the clearance is not met, else None.

    need="all": every zone must be free. need="any": one free zone is enough (a bed needs one
    free long side). need="seats": the free zones seat enough people at the edges of an
    owner of `size` (width, depth): a table for two against a wall is fine.
    """
    blocked = [z for z in zones if z.blocked]
    if not blocked or (clearance.need == "any" and len(blocked) < len(zones)):
        return None
    if clearance.need == "seats":
        seats = zone_seats(*size, clearance)
        free = sum(s for s, z in zip(seats, zones, strict=True) if not z.blocked)
        if free >= clearance.seats:
            return None
    return frozenset().union(*(z.blockers for z in blocked))


def _purpose(owner: Placement | Fixture) -> str:
    if isinstance(owner, Fixture):
        return "kitchen" if owner.kind is FixtureKind.KITCHEN_COUNTER else "front"
    if clearance_of(owner).need == "seats":
        return "dining"
    if owner.clearance is not None:
        return "around"
    return CLEARANCE_PURPOSE.get(owner.category, "around")


def noun(element: object) -> Message:
    if isinstance(element, Placement):
        return item_noun(element)
    if isinstance(element, Fixture):
        return fixture_noun(element)
    return msg("noun.wall")


def _main_blocker(plan: Plan, blockers: Iterable[str]) -> object | None:
    """The blocker to name: furniture before fixed elements before walls."""
    elements = [plan[b] for b in sorted(blockers)]
    for kind in (Placement, Fixture):
        found = next((e for e in elements if isinstance(e, kind)), None)
        if found is not None:
            return found
    return elements[0] if elements else None


def clearance_conflict(
    plan: Plan, owner: Placement | Fixture, blockers: frozenset[str]
) -> Conflict:
    clearance = clearance_of(owner)
    purpose = _purpose(owner)
    counted = {"count": clearance.seats} if purpose == "dining" else {}
    problem = msg(
        f"conflict.clearance.{purpose}", item=noun(owner), cm=round(clearance.depth), **counted
    )
    blocker = _main_blocker(plan, blockers)
    message = (
        problem
        if blocker is None
        else msg("conflict.clearance.blocked_by", blocker=noun(blocker), problem=problem)
    )
    return Conflict(ConflictKind.CLEARANCE, (owner.id, *sorted(blockers)), message, owner.center)
