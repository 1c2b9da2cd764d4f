"""Large plans for the benchmarks: the 3-room sample apartment repeated on a grid."""

from __future__ import annotations

import math
from dataclasses import replace

from bench.common import ROOT
from hjem.floorplan.commands import translated
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import Opening, Plan

SAMPLE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"
SPACING_X, SPACING_Y = 1100.0, 1100.0


def apartment() -> Plan:
    return load_plan(SAMPLE)


def tiled(n_placements: int) -> Plan:
    """A building of copies of the sample apartment holding `n_placements` pieces of furniture.

    Copies beyond the first lose their entrance mark, so the plan has one entrance.
    """
    base = apartment()
    per = len(base.placements)
    copies = math.ceil(n_placements / per)
    columns = math.ceil(math.sqrt(copies))
    parts: dict[str, list] = {
        name: [] for name in ("walls", "rooms", "openings", "fixtures", "placements")
    }
    for k in range(copies):
        dx, dy = (k % columns) * SPACING_X, (k // columns) * SPACING_Y
        suffix = "" if k == 0 else f"-{k}"
        for name in parts:
            for element in getattr(base, name):
                moved = replace(translated(element, dx, dy), id=element.id + suffix)
                if isinstance(moved, Opening):
                    moved = replace(
                        moved, wall_id=moved.wall_id + suffix, entrance=moved.entrance and k == 0
                    )
                parts[name].append(moved)
    parts["placements"] = parts["placements"][:n_placements]
    return Plan(f"{copies} apartments", **{name: tuple(items) for name, items in parts.items()})


# --- the largest plans the reader accepts (bench/large_plan.py) ------------------------------
# Plans as the JSON of plan.json, so they go through the reader and its limits like a file.

CELL_W, CELL_D, GRID = 400.0, 300.0, 10  # 10 × 10 rooms of 4 × 3 m


def _door(i: int, wall: str, offset: float, kind: str = "door", **more: object) -> dict:
    return {"id": f"o{i}", "kind": kind, "wall": wall, "offset": offset, "width": 80, **more}


def _piece(i: int, x: float, y: float, **more: object) -> dict:
    return {
        "id": f"p{i}", "label": "", "category": "kommode", "width": 80, "depth": 45,
        "height": 90, "center": [x, y], "clearance": {"sides": ["front"], "depth": 60},
        **more,
    }  # fmt: skip


def _outline(x: float, y: float, per_side: int) -> list[list[float]]:
    """A room's rectangle drawn with `per_side` corners on each side (a traced scan)."""
    sides = [((x, y), (x + CELL_W, y)), ((x + CELL_W, y), (x + CELL_W, y + CELL_D))]
    sides += [((x + CELL_W, y + CELL_D), (x, y + CELL_D)), ((x, y + CELL_D), (x, y))]
    return [
        [a[0] + (b[0] - a[0]) * k / per_side, a[1] + (b[1] - a[1]) * k / per_side]
        for a, b in sides
        for k in range(per_side)
    ]


def _building_walls(count: int) -> list[dict]:
    """The building's lines cut at every room corner and between, then short partitions (a
    closet) in the rooms up to `count`."""
    walls = []
    for k in range(GRID + 1):
        for j in range(2 * GRID):
            h, v = j * CELL_W / 2, j * CELL_D / 2
            walls.append(_wall(f"h{k}-{j}", (h, k * CELL_D), (h + CELL_W / 2, k * CELL_D)))
            walls.append(_wall(f"v{k}-{j}", (k * CELL_W, v), (k * CELL_W, v + CELL_D / 2)))
    for i in range(count - len(walls)):
        x, y = (i % GRID) * CELL_W + 60, (i // GRID % GRID) * CELL_D + 60
        walls.append(_wall(f"c{i}", (x, y), (x + 50, y)))
    return walls


def _wall(wall_id: str, start: tuple[float, float], end: tuple[float, float], **more) -> dict:
    return {"id": wall_id, "start": list(start), "end": list(end), **more}


def _corner(i: int) -> tuple[float, float]:
    """The top left corner of room `i` of the grid."""
    return (i % GRID) * CELL_W, (i // GRID % GRID) * CELL_D


def largest_plan(limits: dict[str, int], room_points: int) -> dict:
    """Every kind of element at its limit, in a building of 10 × 10 rooms: walls halved along
    each room's sides, a door or window in every wall piece, five pieces and two radiators in
    each room, measurements and texts everywhere; one entrance, so the walkway is checked."""
    walls = _building_walls(limits["walls"])
    openings = []
    for i, wall in enumerate(walls[: limits["openings"]]):
        length = math.dist(wall["start"], wall["end"])
        if length >= 100:
            kind = "window" if i % 5 == 4 else "door"
            openings.append(_door(i, wall["id"], length / 2, kind))
    openings[0] = {**openings[0], "kind": "door", "entrance": True}
    per_side = max(1, room_points // limits["rooms"] // 4)
    rooms = [
        {"id": f"r{i}", "kind": "stue", "polygon": _outline(*_corner(i), per_side)}
        for i in range(limits["rooms"])
    ]
    placements = []
    per_room = max(1, limits["placements"] // limits["rooms"])
    for i in range(limits["placements"]):
        (x, y), k = _corner(i // per_room), i % per_room
        placements.append(_piece(i, x + 70 + 60 * k, y + 150 + (k % 2) * 60))
    fixtures = []
    for i in range(limits["fixtures"]):
        x, y = _corner(i // 2)
        center = [x + 100 + 200 * (i % 2), y + 15]
        fixtures.append(
            {"id": f"f{i}", "kind": "radiator", "center": center, "width": 100, "depth": 10}
        )
    return {
        "format": "hjem-plan",
        "schema_version": 1,
        "title": "largest",
        "walls": walls,
        "rooms": rooms,
        "openings": openings,
        "fixtures": fixtures,
        "placements": placements,
        "dimensions": [
            {"id": f"d{i}", "start": [0, i], "end": [CELL_W, i]}
            for i in range(limits["dimensions"])
        ],
        "labels": [
            {"id": f"t{i}", "at": [i, 100], "text": "Stue"} for i in range(limits["labels"])
        ],
    }


def pile_plan(limits: dict[str, int], room_points: int) -> dict:
    """The largest plan with every piece and fixed element stacked in one spot by the
    entrance: every pair overlaps, every clearance is taken and the walkway is cut."""
    plan = largest_plan(limits, room_points)
    plan["placements"] = [_piece(i, 100, 60, rotation=i % 90) for i in range(limits["placements"])]
    plan["fixtures"] = [
        {"id": f"f{i}", "kind": "column", "center": [300 + i % 7, 150], "width": 30, "depth": 30}
        for i in range(limits["fixtures"])
    ]
    return plan


def spiky_plan(limits: dict[str, int], room_points: int, per_room: int) -> dict:
    """The largest plan whose room outlines are stars with `per_room` corners, crossing each
    other (the most work for eroding the floor by half a walker)."""
    plan = largest_plan(limits, room_points)
    rooms = limits["rooms"]
    count = min(rooms, (room_points - 4 * rooms) // (per_room - 4))  # the others: 4 corners
    for i, room in enumerate(plan["rooms"]):
        room["polygon"] = _outline(*_corner(i), 1)
    star = [
        [200 + 190 * (0.5 if k % 2 else 1) * math.cos(2 * math.pi * k / per_room),
         150 + 140 * (0.5 if k % 2 else 1) * math.sin(2 * math.pi * k / per_room)]
        for k in range(per_room)
    ]  # fmt: skip
    for i in range(count):
        dx, dy = (i % 4) * 100, (i // 4 % 4) * 70
        plan["rooms"][i]["polygon"] = [[x + dx, y + dy] for x, y in star]
    return plan


def crossing_walls_plan(limits: dict[str, int], room_points: int) -> dict:
    """The largest plan with its free walls crossing each other in a lattice over 2 × 2 rooms."""
    plan = largest_plan(limits, room_points)
    keep = {o["wall"] for o in plan["openings"]}
    walls = [w for w in plan["walls"] if w["id"] in keep]
    for i in range(limits["walls"] - len(walls)):
        t = 10 + i // 2 * 5.0
        if i % 2:
            walls.append(_wall(f"x{i}", (t % 800, 0), (t % 800, 600), thickness=3))
        else:
            walls.append(_wall(f"x{i}", (0, t % 600), (800, t % 600), thickness=3))
    plan["walls"] = walls
    return plan
