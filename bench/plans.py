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
