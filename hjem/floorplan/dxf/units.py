"""Which length a drawing unit is: the header's $INSUNITS, checked against the door arcs.

A door leaf is 60–120 cm wide, and its swing is drawn as a quarter circle of that radius, so
the arcs of about 90° tell mm from cm from m (their ranges are a factor of ten apart). When
the header names no unit, or one the doors contradict, the volunteer is asked, with the
unit the doors (or, failing them, the drawing's size) suggest already chosen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from hjem.i18n import Message, msg

Unit = Literal["mm", "cm", "m", "dm", "in", "ft"]
Choice = Literal["mm", "cm", "m"]  # what the volunteer is offered
CHOICES: tuple[Choice, ...] = ("mm", "cm", "m")
CM_PER_UNIT: dict[Unit, float] = {
    "mm": 0.1,
    "cm": 1.0,
    "m": 100.0,
    "dm": 10.0,
    "in": 2.54,
    "ft": 30.48,
}
INSUNITS: dict[int, Unit] = {1: "in", 2: "ft", 4: "mm", 5: "cm", 6: "m", 14: "dm"}
UNIT_NAMES = {
    "mm": "dxf.unit.mm",
    "cm": "dxf.unit.cm",
    "m": "dxf.unit.m",
    "dm": "dxf.unit.dm",
    "in": "dxf.unit.in",
    "ft": "dxf.unit.ft",
}
DOOR_LEAF_CM = (60.0, 120.0)
PLAUSIBLE_LONG_SIDE_CM = (100.0, 100_000.0)  # a room to a kilometre-long block
TYPICAL_LONG_SIDE_CM = 1500.0  # an apartment


@dataclass(frozen=True)
class Units:
    """The verdict: `unit` to use (None: ask, with `likely` preselected) and why."""

    unit: Unit | None
    likely: Choice
    reason: Message
    door_arcs: int  # arcs of about 90°
    doors_fitting: int  # of those, how many are door-sized in `likely`


def judge(insunits: int | None, door_radii: list[float], long_side: float) -> Units:
    """The units of a drawing from its header code, its door arcs' radii and its long side
    (both in drawing units)."""
    fits = {choice: _fitting(door_radii, CM_PER_UNIT[choice]) for choice in CHOICES}
    best: Choice = max(CHOICES, key=fits.__getitem__)
    by_doors = best if fits[best] else None
    likely: Choice = by_doors or _by_size(long_side)
    arcs = len(door_radii)
    header = INSUNITS.get(insunits or 0)
    if header is not None and _plausible(header, door_radii, long_side, by_doors):
        fitting = _fitting(door_radii, CM_PER_UNIT[header])
        name = msg(UNIT_NAMES[header])
        if fitting:
            reason = msg("dxf.reason.header_doors", unit=name, count=fitting, arcs=arcs)
        else:
            reason = msg("dxf.reason.header", unit=name)
        return Units(header, header if header in CHOICES else likely, reason, arcs, fitting)
    return Units(
        None, likely, _why_ask(header, likely, fits[likely], arcs, by_doors), arcs, fits[likely]
    )


def _fitting(radii: list[float], cm_per_unit: float) -> int:
    low, high = DOOR_LEAF_CM
    return sum(1 for r in radii if low <= r * cm_per_unit <= high)


def _plausible(unit: Unit, radii: list[float], long_side: float, by_doors: Choice | None) -> bool:
    low, high = PLAUSIBLE_LONG_SIDE_CM
    if not low <= long_side * CM_PER_UNIT[unit] <= high:
        return False
    if by_doors is None or by_doors == unit:
        return True
    # The doors speak for another unit: the header stands only if as many doors fit it.
    return _fitting(radii, CM_PER_UNIT[unit]) >= _fitting(radii, CM_PER_UNIT[by_doors])


def _by_size(long_side: float) -> Choice:
    """The unit that makes the drawing's long side nearest an apartment's 15 m."""
    if long_side <= 0:
        return "mm"
    return min(
        CHOICES, key=lambda c: abs(_log10(long_side * CM_PER_UNIT[c] / TYPICAL_LONG_SIDE_CM))
    )


def _log10(value: float) -> float:
    return math.log10(value) if value > 0 else math.inf


def _why_ask(
    header: Unit | None, likely: Choice, fitting: int, arcs: int, by_doors: Choice | None
) -> Message:
    name = msg(UNIT_NAMES[likely])
    if header is None:
        if by_doors:
            return msg("dxf.reason.none_doors", unit=name, count=fitting, arcs=arcs)
        return msg("dxf.reason.none_size", unit=name)
    header_name = msg(UNIT_NAMES[header])
    if by_doors:
        return msg(
            "dxf.reason.doubt_doors", header=header_name, unit=name, count=fitting, arcs=arcs
        )
    return msg("dxf.reason.doubt_size", header=header_name, unit=name)
