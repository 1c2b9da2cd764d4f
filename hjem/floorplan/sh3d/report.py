"""What an import brought in and what it left out, as messages for the command and the window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from hjem.floorplan.model import Plan
from hjem.i18n import Message, msg

T = TypeVar("T")


class Reason(StrEnum):
    """Why a piece or room stayed out (its words: REASON_TEXTS)."""

    RAISED = "raised"  # stands on other furniture or hangs on a wall
    LIGHT = "light"
    HIDDEN = "hidden"  # not shown in Sweet Home 3D
    NO_WALL = "no_wall"  # a door or window in no wall
    INVALID = "invalid"  # sizes or a shape no plan can hold
    TOO_MANY_CORNERS = "too_many_corners"


REASON_TEXTS = {
    Reason.RAISED: "sh3d.reason.raised",
    Reason.LIGHT: "sh3d.reason.light",
    Reason.HIDDEN: "sh3d.reason.hidden",
    Reason.NO_WALL: "sh3d.reason.no_wall",
    Reason.INVALID: "sh3d.reason.invalid",
    Reason.TOO_MANY_CORNERS: "sh3d.reason.too_many_corners",
}


@dataclass(frozen=True)
class LeftOut:
    name: str
    reason: Reason


@dataclass(frozen=True)
class ImportReport:
    level: str | None  # the level imported, when the home has levels
    levels: tuple[str, ...]
    walls: int = 0
    rooms: int = 0
    openings: int = 0
    fixtures: int = 0
    placements: int = 0
    left_out: tuple[LeftOut, ...] = ()
    unjoined: tuple[tuple[str, str], ...] = ()  # Sweet Home 3D wall ids said to meet, apart
    unknown: tuple[str, ...] = ()  # pieces placed as `andet`: nothing in their name told

    @property
    def complete(self) -> bool:
        """Whether everything on the level came in as it was drawn."""
        return not self.left_out and not self.unjoined

    def lines(self, most: int | None = None) -> list[Message]:
        """The report line by line; `most` cuts each list (a dialog shows a screenful)."""
        lines = []
        if self.level is not None:
            others = len(self.levels) - 1
            lines.append(msg("sh3d.report.level", level=self.level, count=others))
        lines.append(msg("sh3d.report.walls", count=self.walls))
        lines.append(msg("sh3d.report.rooms", count=self.rooms))
        lines.append(msg("sh3d.report.openings", count=self.openings))
        lines.append(msg("sh3d.report.fixtures", count=self.fixtures))
        lines.append(msg("sh3d.report.placements", count=self.placements))
        if self.unknown:
            names = sorted(set(self.unknown))
            shown = ", ".join(_first(names, most)) + (" …" if _more(names, most) else "")
            lines.append(msg("sh3d.report.unknown", count=len(self.unknown), names=shown))
        if self.left_out:
            lines.append(msg("sh3d.report.left_out", count=len(self.left_out)))
            lines += [
                msg("sh3d.report.left_out_item", name=item.name, reason=_reason(item.reason))
                for item in _first(self.left_out, most)
            ]
        lines += [
            msg("sh3d.report.unjoined", first=first, second=second)
            for first, second in _first(self.unjoined, most)
        ]
        hidden = _more(self.left_out, most) + _more(self.unjoined, most)
        if hidden:
            lines.append(msg("sh3d.report.more", count=hidden))
        return lines


def _first(items: Sequence[T], most: int | None) -> Sequence[T]:
    return items if most is None else items[:most]


def _more(items: Sequence[object], most: int | None) -> int:
    return 0 if most is None else max(0, len(items) - most)


def _reason(reason: Reason) -> Message:
    return msg(REASON_TEXTS[reason])


def counted(plan: Plan, report: ImportReport) -> ImportReport:
    """`report` with the numbers of what `plan` holds."""
    return ImportReport(
        level=report.level,
        levels=report.levels,
        walls=len(plan.walls),
        rooms=len(plan.rooms),
        openings=len(plan.openings),
        fixtures=len(plan.fixtures),
        placements=len(plan.placements),
        left_out=report.left_out,
        unjoined=report.unjoined,
        unknown=report.unknown,
    )
