"""Copy and paste: copies of elements with fresh ids, doors and windows following their walls."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from hjem.floorplan.commands import AddElement, Batch, translated
from hjem.floorplan.model import Element, Opening, Placement, Plan
from hjem.ids import ElementId

PREFIXES = {
    "Wall": "w",
    "Room": "r",
    "Opening": "d",
    "Fixture": "f",
    "Placement": "p",
    "Dimension": "m",
    "TextLabel": "t",
}


def copied(plan: Plan, ids: Iterable[ElementId]) -> list[Element]:
    """What Copy takes: the elements, and the doors and windows of copied walls."""
    chosen = {i for i in ids if i in plan}
    chosen |= {o.id for o in plan.openings if o.wall_id in chosen}
    elements = [e for e in plan.elements() if e.id in chosen]
    # An opening without its wall cannot be pasted anywhere sensible.
    return [e for e in elements if not isinstance(e, Opening) or e.wall_id in chosen]


def paste(
    plan: Plan, elements: list[Element], dx: float, dy: float
) -> tuple[Batch, list[ElementId]]:
    """The command adding copies of `elements` moved by (dx, dy), and the copies' ids."""
    new_ids: dict[ElementId, ElementId] = {}
    for prefix in {PREFIXES[type(e).__name__] for e in elements}:
        same = [e for e in elements if PREFIXES[type(e).__name__] == prefix]
        new_ids.update(zip((e.id for e in same), plan.new_ids(prefix, len(same)), strict=True))
    commands: list[AddElement] = []
    for element in elements:
        copy = replace(translated(element, dx, dy), id=new_ids[element.id])
        if isinstance(copy, Opening):
            copy = replace(copy, wall_id=new_ids[copy.wall_id], entrance=False)
        if isinstance(copy, Placement):
            copy = replace(copy, locked=False)  # the copy is to be put somewhere: free to move
        commands.append(AddElement(copy))
    ordered = sorted(commands, key=lambda c: isinstance(c.element, Opening))  # walls before doors
    return Batch(tuple(ordered)), [new_ids[e.id] for e in elements]
