"""*Forbered besøg*: before a home visit, while online, the items the architect expects to use
are held for the case on the team server, and the case, its plan and those items are copied
to the laptop, so the visit can go on without a network.

A hold is a reservation with an end, counted by the server's clock (hjem.sync.apply): each
hold is an Operation applied through `apply_all`, the same path as a push, so it is applied
at most once and preparing the same visit again only renews the holds. The laptop's clock
is never asked when a hold ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hjem.cases.cases import get_case
from hjem.cases.models import Case
from hjem.cases.plans import load_case_plan
from hjem.db.workspace import REFUSALS, Workspace
from hjem.floorplan.model import Placement
from hjem.ids import CaseCode
from hjem.inventory.models import Item, Reservation, Status
from hjem.inventory.placing import PlacedItem, Standing, placed_items
from hjem.inventory.reservations import reserved_for
from hjem.sync.apply import apply_all
from hjem.sync.engine import refresh
from hjem.sync.operations import Answer, Kind, Operation, Outcome, Reason
from hjem.sync.pull import PullReport

PER_CATEGORY = 3  # other available items suggested per category the plan still needs
MAX_SUGGESTIONS = 12  # and no more in all: the list is read at a glance
ANY_KIND = "andet"  # a piece of no particular kind: nothing sensible to suggest for it


@dataclass(frozen=True)
class ShortlistEntry:
    code: str
    name: str
    category: str  # the category's slug
    size: tuple[float, float, float]  # width, depth, height in cm
    status: str
    held_until: dt.datetime | None  # the case's hold ends (server's clock); None: no end
    preselected: bool  # a free item placed in the plan: to hold, unless unchecked
    already_ours: bool  # reserved or held for the case already: nothing to choose
    in_plan: bool = False


@dataclass(frozen=True)
class Held:
    code: str
    expires_at: dt.datetime | None  # by the server's clock; None: reserved with no end


@dataclass(frozen=True)
class NotHeld:
    code: str
    outcome: Outcome  # CONFLICT: someone else's now; REFUSED: it can never be held
    reason: Reason


@dataclass(frozen=True)
class VisitReport:
    case_code: str
    held: list[Held]
    not_held: list[NotHeld]
    pulled: PullReport
    case_copied: bool = True  # the copy has the case after the refresh (the person's case)

    @property
    def conflicts(self) -> list[NotHeld]:
        return [n for n in self.not_held if n.outcome == Outcome.CONFLICT]

    @property
    def refused(self) -> list[NotHeld]:
        return [n for n in self.not_held if n.outcome == Outcome.REFUSED]

    @property
    def held_until(self) -> dt.datetime | None:
        """The earliest end of the holds: until then every held item is the case's."""
        ends = [h.expires_at for h in self.held if h.expires_at is not None]
        return min(ends) if ends else None


def visit_shortlist(
    session: Session,
    case_code: str,
    per_category: int = PER_CATEGORY,
    max_suggestions: int = MAX_SUGGESTIONS,
) -> list[ShortlistEntry]:
    """What the architect likely wants held for the visit, read as the person (on the team
    server): the plan's free items (preselected), a few other available items for the
    plan's pieces that have none yet, then what the case holds already. Raises CaseNotFound
    for a case the person may not see, and PlanFileError for a stored plan no hjem reads."""
    code = CaseCode(get_case(session, CaseCode(case_code)).code)
    stored = load_case_plan(session, code)
    placements = stored.plan.placements if stored else ()
    placed = placed_items(session, stored.plan) if stored else []
    free = [p.placement.inventory_item for p in placed if p.standing == Standing.FREE]
    ours = reserved_for(session, code)
    planned = {p.inventory_item for p in placements if p.inventory_item}
    entries = [_free_entry(item, in_plan=True, chosen=True) for item in _items(session, free)]
    listed = {e.code for e in entries} | {r.item.code for r in ours}
    wanted = _unsupplied(placed)
    for item in _suggestions(session, wanted, listed, per_category, max_suggestions):
        entries.append(_free_entry(item, in_plan=False, chosen=False))
    entries += [_our_entry(r, r.item.code in planned) for r in ours]
    return entries


def _items(session: Session, codes: Sequence[str | None]) -> list[Item]:
    """The items of `codes`, in that order, each once."""
    wanted = list(dict.fromkeys(c for c in codes if c))
    found: dict[str, Item] = {
        i.code: i for i in session.scalars(select(Item).where(Item.code.in_(wanted)))
    }
    return [found[c] for c in wanted if c in found]


def _unsupplied(placed: Iterable[PlacedItem]) -> dict[str, Placement]:
    """The first piece of each category the plan has no item for yet (none placed, or one
    that is gone or another family's), by category: what a suggestion stands in for."""
    supplied = (Standing.FREE, Standing.RESERVED_HERE, Standing.DELIVERED_HERE)
    wanted: dict[str, Placement] = {}
    for entry in placed:
        placement, standing = entry.placement, entry.standing
        if standing not in supplied and placement.category != ANY_KIND:
            wanted.setdefault(placement.category, placement)
    return wanted


def _suggestions(
    session: Session,
    wanted: dict[str, Placement],
    listed: set[str],
    per_category: int,
    most: int,
) -> list[Item]:
    """Available items of each wanted category, nearest in size to the plan's piece first."""
    found: list[Item] = []
    for slug, piece in wanted.items():
        if len(found) >= most:
            break
        long, short = max(piece.width, piece.depth), min(piece.width, piece.depth)
        distance = func.abs(Item.long_side - long) + func.abs(Item.short_side - short)
        query = (
            select(Item)
            .where(Item.category.has(slug=slug), Item.status == Status.AVAILABLE)
            .where(Item.code.not_in(listed | {i.code for i in found}))
            .order_by(distance, Item.code)
            .limit(min(per_category, most - len(found)))
        )
        found += session.scalars(query)
    return found


def _free_entry(item: Item, in_plan: bool, chosen: bool) -> ShortlistEntry:
    return _entry(item, None, chosen, False, in_plan)


def _our_entry(reservation: Reservation, in_plan: bool) -> ShortlistEntry:
    return _entry(reservation.item, reservation.expires_at, False, True, in_plan)


def _entry(
    item: Item, held_until: dt.datetime | None, chosen: bool, ours: bool, in_plan: bool
) -> ShortlistEntry:
    return ShortlistEntry(
        item.code,
        item.name,
        item.category.slug,
        (item.width, item.depth, item.height),
        item.status,
        held_until=held_until,
        preselected=chosen,
        already_ours=ours,
        in_plan=in_plan,
    )


def prepare_visit(
    server: Workspace,
    copy: Workspace,
    case_code: str,
    item_codes: Iterable[str],
    who: str,
    renew_holds: bool = True,
) -> VisitReport:
    """Hold each item for the case on the server, then refresh the copy. With `renew_holds`
    the case's other holds are held again too, from now: a hold placed days ago (or one that
    lapsed, not yet taken by anyone) lasts through this visit as well. Off the UI thread:
    both steps wait on the network. A DatabaseProblem (the server out of reach) is raised;
    holds answered before it stay answered, and preparing again is harmless."""
    chosen = [c.strip() for c in item_codes if c.strip()]
    renewed = server.read(lambda session: _holds_of(session, case_code)) if renew_holds else []
    codes = list(dict.fromkeys([*chosen, *renewed]))
    ops = [Operation(Kind.HOLD, case_code, who, item_code=code) for code in codes]
    try:
        answers = list(apply_all(server, ops))
    except REFUSALS as error:  # a connection lost while a transaction was ended
        raise server.problem(error) from error
    held, not_held = _sorted_answers(codes, answers)
    pulled = refresh(server, copy)
    copied = copy.read(lambda session: _has_case(session, case_code))
    return VisitReport(case_code, held, not_held, pulled, copied)


def _holds_of(session: Session, case_code: str) -> list[str]:
    """The codes of the case's reservations with an end (holds), as the person sees them:
    none for a case that is not theirs."""
    query = (
        select(Item.code)
        .join(Reservation, Reservation.item_id == Item.id)
        .where(Reservation.case_code == case_code.strip(), Reservation.active)
        .where(Reservation.expires_at.is_not(None))
    )
    return list(session.scalars(query.order_by(Reservation.reserved_at, Item.code)))


def _has_case(session: Session, case_code: str) -> bool:
    return session.scalar(select(Case.id).where(Case.code == case_code.strip())) is not None


def _sorted_answers(codes: list[str], answers: list[Answer]) -> tuple[list[Held], list[NotHeld]]:
    held: list[Held] = []
    not_held: list[NotHeld] = []
    for code, answer in zip(codes, answers, strict=True):
        if answer.outcome == Outcome.APPLIED:
            held.append(Held(code, answer.expires_at))
        else:
            not_held.append(NotHeld(code, answer.outcome, answer.reason))
    return held, not_held
