"""What an import brought in and what it left out, as messages for the command and the window."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hjem.floorplan.model import Plan
from hjem.i18n import Message, msg


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

    @property
    def complete(self) -> bool:
        """Whether everything on the level came in as it was drawn."""
        return not self.left_out and not self.unjoined

    def lines(self) -> list[Message]:
        lines = []
        if self.level is not None:
            others = len(self.levels) - 1
            lines.append(msg("sh3d.report.level", level=self.level, count=others))
        lines.append(msg("sh3d.report.walls", count=self.walls))
        lines.append(msg("sh3d.report.rooms", count=self.rooms))
        lines.append(msg("sh3d.report.openings", count=self.openings))
        lines.append(msg("sh3d.report.fixtures", count=self.fixtures))
        lines.append(msg("sh3d.report.placements", count=self.placements))
        if self.left_out:
            lines.append(msg("sh3d.report.left_out", count=len(self.left_out)))
            lines += [
                msg("sh3d.report.left_out_item", name=item.name, reason=_reason(item.reason))
                for item in self.left_out
            ]
        for first, second in self.unjoined:
            lines.append(msg("sh3d.report.unjoined", first=first, second=second))
        return lines


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
    )
