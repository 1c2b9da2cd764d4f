"""Sweet Home 3D homes (.sh3d) brought into hjem: one level at a time, as a plan and a report.

`archive` reads `Home.xml` out of the ZIP without trusting it, `xml` parses it with defusedxml
and limits, `home` turns one level of it into plain records, `convert` makes the plan and
`report` says what came in and what stayed out. Nothing here deserializes Java objects.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from hjem.floorplan.model import Plan
from hjem.floorplan.sh3d.archive import read_home_xml
from hjem.floorplan.sh3d.convert import convert
from hjem.floorplan.sh3d.errors import HomeFileError
from hjem.floorplan.sh3d.home import levels_of, read_level
from hjem.floorplan.sh3d.report import ImportReport
from hjem.floorplan.sh3d.xml import parse_home

__all__ = ["HomeFileError", "ImportReport", "Imported", "home_levels", "import_home"]


@dataclass(frozen=True)
class Imported:
    plan: Plan
    report: ImportReport


def import_home(path: str | os.PathLike[str], level: str | None = None) -> Imported:
    """The plan of one level of the .sh3d file at `path` (the level called `level`, else the
    one selected in the file), or HomeFileError."""
    home = parse_home(read_home_xml(path))
    plan, report = convert(read_level(home, level))
    return Imported(plan, report)


def home_levels(path: str | os.PathLike[str]) -> tuple[tuple[str, ...], str | None]:
    """The names of the home's levels and the one selected in it (none when it has none)."""
    home = parse_home(read_home_xml(path))
    levels = levels_of(home)
    selected = next((lv.name for lv in levels if lv.id == home.get("selectedLevel")), None)
    return tuple(level.name for level in levels), selected or (levels[0].name if levels else None)
