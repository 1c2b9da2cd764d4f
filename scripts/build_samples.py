"""Build the sample plans in assets/samples/; run `python scripts/build_samples.py` after a change.

Two typical Danish social-housing apartments (almen bolig), furnished without conflicts, and a
twin of each with one planted conflict of every kind. `<name>.expected.json` lists exactly the
conflicts `hjem check` must report for each file; tests/floorplan/test_samples.py holds us to it.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import save_plan
from hjem.floorplan.model import (
    Fixture,
    FixtureKind,
    Opening,
    OpeningKind,
    Placement,
    Plan,
    Room,
    RoomKind,
    Wall,
)
from hjem.floorplan.report import full_report

SAMPLES = Path(__file__).resolve().parent.parent / "assets" / "samples"
EXTERIOR, INTERIOR = 30.0, 12.0


def wall(id_: str, x1: float, y1: float, x2: float, y2: float, thickness: float = INTERIOR) -> Wall:
    return Wall(id_, Point(x1, y1), Point(x2, y2), thickness)


def room(id_: str, name: str, kind: RoomKind, x1: float, y1: float, x2: float, y2: float) -> Room:
    """A rectangular room; an empty name reads as its kind in the reader's language."""
    return Room(id_, name, kind, (Point(x1, y1), Point(x2, y1), Point(x2, y2), Point(x1, y2)))


def door(id_: str, wall_id: str, offset: float, width: float = 80.0, **kw: object) -> Opening:
    return Opening(id_, wall_id, OpeningKind.DOOR, offset, width, **kw)  # type: ignore[arg-type]


def window(id_: str, wall_id: str, offset: float, width: float, sill: float = 90.0) -> Opening:
    return Opening(id_, wall_id, OpeningKind.WINDOW, offset, width, sill_height=sill, height=130.0)


def item(
    id_: str,
    label: str,
    category: str,
    size: tuple[float, float, float],
    x: float,
    y: float,
    rotation: float = 0.0,
    **kw: object,
) -> Placement:
    w, d, h = size
    return Placement(id_, label, category, w, d, h, Point(x, y), rotation, **kw)  # type: ignore[arg-type]


def fixture(
    id_: str,
    kind: FixtureKind,
    x: float,
    y: float,
    w: float,
    d: float,
    rotation: float = 0.0,
    height: float = 90.0,
) -> Fixture:
    return Fixture(id_, kind, Point(x, y), w, d, rotation, height)


def two_rooms() -> Plan:
    """2 værelser, 58 m² net: living room and bedroom in front; bath, hall and kitchen behind."""
    walls = (
        wall("w1", 0, 0, 900, 0, EXTERIOR),
        wall("w2", 900, 0, 900, 720, EXTERIOR),
        wall("w3", 900, 720, 0, 720, EXTERIOR),
        wall("w4", 0, 720, 0, 0, EXTERIOR),
        wall("w5", 0, 430, 900, 430),
        wall("w6", 540, 0, 540, 430),
        wall("w7", 220, 430, 220, 720),
        wall("w8", 390, 430, 390, 720),
    )
    rooms = (
        room("r1", "", RoomKind.STUE, 15, 15, 534, 424),
        room("r2", "", RoomKind.SOVEVAERELSE, 546, 15, 885, 424),
        room("r3", "", RoomKind.BAD, 15, 436, 214, 705),
        room("r4", "", RoomKind.ENTRE, 226, 436, 384, 705),
        room("r5", "", RoomKind.KOEKKEN, 396, 436, 885, 705),
    )
    openings = (
        door("d1", "w3", 595, 90, hinge="start", opens_to="right", entrance=True),
        door("d2", "w5", 305, hinge="start", opens_to="left"),
        door("d3", "w7", 85, 70, hinge="end", opens_to="right"),
        door("d4", "w8", 90, hinge="start", opens_to="left"),
        door("d5", "w6", 330, hinge="end", opens_to="left"),
        window("v1", "w1", 150, 140),
        window("v2", "w1", 400, 140),
        window("v3", "w1", 715, 120),
        window("v4", "w3", 260, 120, sill=100),
    )
    fixtures = (
        fixture("f1", FixtureKind.RADIATOR, 150, 20, 100, 10, height=60),
        fixture("f2", FixtureKind.RADIATOR, 400, 20, 100, 10, height=60),
        fixture("f3", FixtureKind.RADIATOR, 715, 20, 100, 10, height=60),
        fixture("f4", FixtureKind.KITCHEN_COUNTER, 855, 570, 240, 60, rotation=90),
    )
    placements = (
        item("p1", "Sofa, grå 3-pers.", "sofa", (210, 90, 80), 60, 220, 270),
        item("p2", "Tæppe", "taeppe", (200, 140, 1), 190, 220, 270, floor_flat=True),
        item("p3", "Sofabord", "sofabord", (110, 60, 45), 185, 220, 270),
        item("p4", "Lænestol", "laenestol", (80, 80, 90), 330, 110, 180),
        item("p5", "Reol", "reol", (100, 35, 190), 516.5, 110, 90),
        item("p6", "TV-bord", "andet", (120, 40, 50), 514, 220, 90),
        item("p7", "Standerlampe", "lampe", (40, 40, 160), 40, 355),
        item("p8", "Dobbeltseng 160", "seng", (160, 200, 50), 785, 280, 90),
        item("p9", "Klædeskab", "klaedeskab", (100, 60, 200), 576, 100, 270),
        item("p10", "Kommode", "kommode", (80, 45, 80), 830, 37.5),
        item("p11", "Køleskab", "koeleskab", (60, 65, 180), 680, 468.5),
        item("p12", "Spisebord", "spisebord", (120, 80, 75), 560, 566),
        item("p13", "Stol", "stol", (45, 45, 90), 530, 503.5),
        item("p14", "Stol", "stol", (45, 45, 90), 590, 503.5),
        item("p15", "Stol", "stol", (45, 45, 90), 530, 628.5, 180),
        item("p16", "Stol", "stol", (45, 45, 90), 590, 628.5, 180),
        item("p17", "Vaskemaskine", "vaskemaskine", (60, 60, 85), 45, 675),
    )
    return Plan("Eksempel: 2 værelser, 58 m²", walls, rooms, openings, fixtures, placements)


def three_rooms() -> Plan:
    """3 værelser, 73 m² net and a balcony: living room, bedroom and children's room at the
    front; kitchen, hallway, bathroom and entrance hall behind."""
    walls = (
        wall("w1", 0, 0, 1000, 0, EXTERIOR),
        wall("w2", 1000, 0, 1000, 820, EXTERIOR),
        wall("w3", 1000, 820, 0, 820, EXTERIOR),
        wall("w4", 0, 820, 0, 0, EXTERIOR),
        wall("w5", 0, 440, 1000, 440),
        wall("w6", 500, 0, 500, 440),
        wall("w7", 760, 0, 760, 440),
        wall("w8", 360, 440, 360, 820),
        wall("w9", 360, 560, 1000, 560),
        wall("w10", 600, 560, 600, 820),
    )
    rooms = (
        room("r1", "", RoomKind.STUE, 15, 15, 494, 434),
        room("r2", "", RoomKind.SOVEVAERELSE, 506, 15, 754, 434),
        room("r3", "", RoomKind.BOERNEVAERELSE, 766, 15, 985, 434),
        room("r4", "", RoomKind.KOEKKEN, 15, 446, 354, 805),
        room("r5", "Gang", RoomKind.ENTRE, 366, 446, 985, 554),
        room("r6", "", RoomKind.BAD, 366, 566, 594, 805),
        room("r7", "", RoomKind.ENTRE, 606, 566, 985, 805),
        room("r8", "", RoomKind.ALTAN, 60, -165, 360, -15),
    )
    openings = (
        door("d1", "w3", 200, 90, hinge="start", opens_to="right", entrance=True),
        door("d2", "w9", 440, 100, swing_angle=0.0),
        door("d3", "w5", 430, hinge="end", opens_to="left"),
        door("d4", "w5", 560, hinge="start", opens_to="left"),
        door("d5", "w5", 820, hinge="start", opens_to="left"),
        door("d6", "w8", 60, hinge="start", opens_to="right"),
        door("d7", "w9", 120, 70, hinge="start", opens_to="right"),
        Opening("d8", "w1", OpeningKind.FRENCH_DOOR, 210, 90, hinge="start", opens_to="right"),
        window("v1", "w1", 400, 140),
        window("v2", "w1", 630, 120),
        window("v3", "w1", 875, 120),
        window("v4", "w4", 200, 120, sill=100),
    )
    fixtures = (
        fixture("f1", FixtureKind.RADIATOR, 400, 20, 100, 10, height=60),
        fixture("f2", FixtureKind.RADIATOR, 630, 20, 100, 10, height=60),
        fixture("f3", FixtureKind.RADIATOR, 875, 20, 100, 10, height=60),
        fixture("f4", FixtureKind.RADIATOR, 20, 620, 100, 10, rotation=90, height=60),
        fixture("f5", FixtureKind.KITCHEN_COUNTER, 145, 775, 260, 60, rotation=180),
        fixture("f6", FixtureKind.BUILTIN_WARDROBE, 955, 690, 180, 60, rotation=90, height=240),
    )
    placements = (
        item("p1", "Sofa 2½-pers.", "sofa", (200, 90, 80), 449, 250, 90),
        item("p2", "Tæppe", "taeppe", (200, 140, 1), 340, 250, 90, floor_flat=True),
        item("p3", "Sofabord", "sofabord", (110, 60, 45), 330, 250, 90),
        item("p4", "Lænestol", "laenestol", (80, 80, 90), 115, 370, 45),
        item("p5", "Reol", "reol", (100, 35, 190), 32.5, 300, 270),
        item("p6", "Standerlampe", "lampe", (40, 40, 160), 60, 60),
        item("p7", "Dobbeltseng 140", "seng", (140, 200, 50), 576, 125),
        item("p8", "Klædeskab", "klaedeskab", (100, 60, 200), 724, 350, 90),
        item("p9", "Køjeseng", "seng", (90, 200, 160), 811, 190),
        item("p10", "Skrivebord", "skrivebord", (90, 60, 75), 940, 55),
        item("p11", "Skrivebordsstol", "stol", (45, 45, 90), 939.5, 107.5, 180),
        item("p12", "Legetøjskasse", "legetoej", (40, 40, 40), 786, 330),
        item("p13", "Spisebord", "spisebord", (120, 80, 75), 170, 530, 90),
        item("p14", "Stol", "stol", (45, 45, 90), 107.5, 505, 270),
        item("p15", "Stol", "stol", (45, 45, 90), 107.5, 555, 270),
        item("p16", "Stol", "stol", (45, 45, 90), 232.5, 505, 90),
        item("p17", "Stol", "stol", (45, 45, 90), 232.5, 555, 90),
        item("p18", "Køleskab", "koeleskab", (60, 65, 180), 310, 772.5, 180),
        item("p19", "Vaskemaskine", "vaskemaskine", (60, 60, 85), 564, 775),
        item("p20", "Skoreol", "reol", (80, 30, 50), 660, 790, 180),
        item("p21", "Havestol", "stol", (45, 45, 90), 320, -100),
    )
    return Plan(
        "Eksempel: 3 værelser, 73 m² og altan", walls, rooms, openings, fixtures, placements
    )


def moved(plan: Plan, changes: dict[str, tuple[float, float, float | None]]) -> Plan:
    """`plan` with placements moved: id → (x, y, rotation or None to keep it)."""
    placements = []
    for p in plan.placements:
        if p.id in changes:
            x, y, rotation = changes[p.id]
            p = p.moved_to(Point(x, y), rotation)
        placements.append(p)
    return replace(plan, placements=tuple(placements))


# Each planted conflict: the change that makes it, and what `hjem check` must then say.
TWO_ROOMS_PLANTED = {
    "p3": ((120, 220, None), ("overlap", ["p1", "p3"])),
    "p1": ((50, 220, None), ("wall", ["p1", "w4"])),
    "p13": ((300, -100, None), ("outside", ["p13"])),
    "p7": ((335, 345, None), ("door_swing", ["p7", "d2"])),
    "p9": ((715, 55, 0), ("window", ["p9", "v3"])),
    "p14": ((830, 100, None), ("clearance", ["p10", "p14"])),
    "p5": ((516.5, 330, None), ("walkway", ["r2", "p5"])),
}


THREE_ROOMS_PLANTED = {
    "p3": ((380, 250, None), ("overlap", ["p1", "p3"])),
    "p8": ((730, 350, None), ("wall", ["p8", "w7"])),
    "p21": ((300, -230, None), ("outside", ["p21"])),
    "p6": ((185, 80, None), ("door_swing", ["p6", "d8"])),
    "p5": ((400, 42.5, 0), ("window", ["p5", "v1"])),
    "p18": ((250, 690, None), ("clearance", ["f5", "p18"])),
    "p20": ((700, 262, 0), ("walkway", ["p7", "p20"])),
}


def with_conflicts(
    plan: Plan, planted: dict[str, tuple[tuple[float, float, float | None], tuple[str, list[str]]]]
) -> Plan:
    changes = {pid: pose for pid, (pose, _) in planted.items()}
    return replace(moved(plan, changes), title=plan.title + " (med konflikter)")


def expected(
    planted: dict[str, tuple[tuple[float, float, float | None], tuple[str, list[str]]]],
) -> list[dict[str, object]]:
    order = ["overlap", "wall", "outside", "door_swing", "window", "clearance", "walkway"]
    rows = [{"kind": kind, "elements": elements} for _, (kind, elements) in planted.values()]
    return sorted(rows, key=lambda r: (order.index(str(r["kind"])), r["elements"]))


def write(name: str, plan: Plan, conflicts: list[dict[str, object]]) -> None:
    save_plan(plan, SAMPLES / f"{name}.hjem")
    found = [{"kind": c.kind.value, "elements": list(c.elements)} for c in full_report(plan)]
    for c in full_report(plan):
        print(f"{name}: {c.kind.value} {c.elements} {c.message.text()}")
    if found != conflicts:
        raise SystemExit(f"{name}: expected {conflicts}, the engine finds {found}")
    text = json.dumps({"conflicts": conflicts}, indent=1) + "\n"
    (SAMPLES / f"{name}.expected.json").write_text(text, encoding="utf-8")


def main() -> None:
    for name, plan, planted in (
        ("2-vaerelser", two_rooms(), TWO_ROOMS_PLANTED),
        ("3-vaerelser", three_rooms(), THREE_ROOMS_PLANTED),
    ):
        write(name, plan, [])
        write(f"{name}-konflikter", with_conflicts(plan, planted), expected(planted))


if __name__ == "__main__":
    main()
