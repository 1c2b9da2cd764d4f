"""What a family needs, from its household: the pieces an architect starts a home from.

A bed per person by age band (a cot for a baby, a junior bed for a small child, a single bed
from school age, a double bed shared by two adults), a dining table with a chair per person,
a sofa, and storage (a wardrobe for the adults, a dresser per child; a desk from school age).
Sizes are the common Danish ones (`hjem.floorplan.categories`). No Qt, no database: the
household comes in as counts and age bands (`CaseData.adults`, `CaseData.children`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from hjem.cases.models import AgeBand
from hjem.floorplan.categories import DINING_SEATS, default_clearance
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Placement, RoomKind
from hjem.i18n import Message, msg
from hjem.ids import ElementId

SEATS_PER_TABLE = ((4, 120.0, 80.0), (6, 160.0, 90.0), (8, 200.0, 90.0))  # up to n: w × d
LONGEST_TABLE = (240.0, 100.0)
SOFA_SEATS = 3  # a three-seat sofa; a household larger than that gets a bigger one


@dataclass(frozen=True)
class Need:
    """One piece the family needs: its category, size (cm, front +y, a bed's head at the
    back), whom or what it is for, and the rooms it usually stands in."""

    category: str
    width: float
    depth: float
    height: float
    label: Message
    rooms: tuple[RoomKind, ...]
    seats: int = 0  # a dining table: how many it must seat, when more than the usual two

    def as_piece(self, piece_id: ElementId) -> Placement:
        """The need as a piece to place (not from the inventory, no price yet). A table for
        the whole household needs chair room for all of them (docs/rules.md)."""
        clearance = None
        if self.seats > DINING_SEATS:
            clearance = replace(default_clearance(self.category), seats=self.seats)
        return Placement(
            piece_id,
            self.label.text(),
            self.category,
            self.width,
            self.depth,
            self.height,
            Point(0, 0),
            clearance=clearance,
        )


BEDROOMS = (RoomKind.SOVEVAERELSE,)
CHILDRENS = (RoomKind.BOERNEVAERELSE,)
LIVING = (RoomKind.STUE,)
DINING = (RoomKind.KOEKKEN, RoomKind.STUE)

_CHILD_BEDS: dict[AgeBand, tuple[str, float, float, str]] = {
    AgeBand.BABY: ("barneseng", 60.0, 120.0, "furnish_room.needs.cot"),
    AgeBand.SMALL: ("barneseng", 70.0, 160.0, "furnish_room.needs.junior_bed"),
    AgeBand.SCHOOL: ("seng", 90.0, 200.0, "furnish_room.needs.child_bed"),
    AgeBand.TEEN: ("seng", 90.0, 200.0, "furnish_room.needs.teen_bed"),
}
_DESK_FROM = (AgeBand.SCHOOL, AgeBand.TEEN)


def household_needs(adults: int, children: Sequence[str]) -> list[Need]:
    """The pieces a household of `adults` and children of these age bands needs."""
    bands = [AgeBand(band) for band in children]
    people = adults + len(bands)
    if people == 0:
        return []
    return [
        *_adult_beds(adults),
        *(need for number, band in enumerate(bands, 1) for need in _child_pieces(number, band)),
        *_dining(people),
        Need("sofa", *_sofa(people), 80.0, msg("furnish_room.needs.sofa"), LIVING),
        *(
            [Need("klaedeskab", 100.0, 60.0, 200.0, msg("furnish_room.needs.wardrobe"), BEDROOMS)]
            * min(adults, 1)
        ),
    ]


def _adult_beds(adults: int) -> list[Need]:
    """Two adults share a double bed; any more adult sleeps in a single bed."""
    if adults == 0:
        return []
    first = (
        Need("seng", 160.0, 200.0, 50.0, msg("furnish_room.needs.double_bed"), BEDROOMS)
        if adults >= 2
        else Need("seng", 140.0, 200.0, 50.0, msg("furnish_room.needs.adult_bed"), BEDROOMS)
    )
    extra = Need("seng", 90.0, 200.0, 50.0, msg("furnish_room.needs.single_bed"), BEDROOMS)
    return [first, *[extra] * max(0, adults - 2)]


def _child_pieces(number: int, band: AgeBand) -> list[Need]:
    """A child's bed by age band, a dresser, and a desk from school age (numbered: child 1)."""
    category, width, depth, key = _CHILD_BEDS[band]
    pieces = [
        Need(
            category,
            width,
            depth,
            50.0 if category == "seng" else 90.0,
            msg(key, number=number),
            CHILDRENS,
        ),
        Need(
            "kommode", 80.0, 45.0, 80.0, msg("furnish_room.needs.dresser", number=number), CHILDRENS
        ),
    ]
    if band in _DESK_FROM:
        pieces.append(
            Need(
                "skrivebord",
                100.0,
                60.0,
                75.0,
                msg("furnish_room.needs.desk", number=number),
                CHILDRENS,
            )
        )
    return pieces


def _dining(people: int) -> list[Need]:
    """A table that seats everyone and a chair per person."""
    width, depth = next(
        ((w, d) for seats, w, d in SEATS_PER_TABLE if people <= seats), LONGEST_TABLE
    )
    table = Need(
        "spisebord",
        width,
        depth,
        75.0,
        msg("furnish_room.needs.dining_table", count=people),
        DINING,
        seats=people,
    )
    chair = Need("stol", 45.0, 45.0, 90.0, msg("furnish_room.needs.chair"), DINING)
    return [table, *[chair] * people]


def _sofa(people: int) -> tuple[float, float]:
    return (200.0, 90.0) if people <= SOFA_SEATS else (240.0, 95.0)
