"""Reading the plan a command is given: the one way every command that takes a `.hjem` file
says it cannot read it (exit 2, the file's problem in words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hjem.commands import CommandFailed
from hjem.i18n import tr

if TYPE_CHECKING:
    from hjem.floorplan.model import Plan


def read_plan(path: str) -> Plan:
    """The plan in the file at `path`, or CommandFailed saying why it cannot be read."""
    from hjem.floorplan.codec import PlanFileError
    from hjem.floorplan.hjemfile import load_plan

    try:
        return load_plan(path)
    except PlanFileError as error:
        raise CommandFailed(tr("cli.cannot_read", file=path, problem=error.message)) from None
