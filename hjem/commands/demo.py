"""`hjem demo`: fill the workspace with a demo inventory and a sample case (an alias only, the
sample apartment furnished from that inventory, a budget under the example scheme), so a
newcomer sees the whole flow at once.

On a team server only the coordinator runs it, and the sample case is assigned to no architect
(none sees it until the coordinator assigns it); anyone else is refused before anything is
written (exit 2)."""

from __future__ import annotations

import argparse
import datetime as dt

from hjem.commands import EXIT_OK, Subcommands
from hjem.commands.database import workspace_session
from hjem.commands.who import add_who, who
from hjem.i18n import tr


def add(commands: Subcommands) -> None:
    demo = commands.add_parser("demo", help=tr("cli.demo_help"), description=tr("cli.demo_help"))
    add_who(demo)
    demo.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Add the demo, once, in one unit of work. A shared workspace, or one whose inventory
    holds real things, is refused with the reason (exit 2): the demo is for trying hjem out."""
    from hjem.budget.demo import add_demo_case
    from hjem.cases.demo import DEMO_CASE
    from hjem.db.roles import is_team_server
    from hjem.inventory.demo import (
        demo_is_present,
        fill_demo,
        refuse_demo_unless_allowed,
        refuse_demo_unless_fresh,
    )

    person = who(args, required=False)  # unnamed, as the window's demo, until a name is given
    said: list[str] = []  # told once the work is kept
    with workspace_session(args) as session:
        refuse_demo_unless_allowed(session)
        if demo_is_present(session):
            said.append(tr("cli.demo_present"))
        else:
            refuse_demo_unless_fresh(session)
            said.append(tr("cli.demo_added", count=len(fill_demo(session, person))))
        if add_demo_case(session, person, dt.date.today()):
            said.append(tr("cli.demo_case_added", code=DEMO_CASE.code, alias=DEMO_CASE.alias))
            if is_team_server(session.connection()):  # create_case assigns no one
                said.append(tr("team_demo.unassigned", code=DEMO_CASE.code))
    print("\n".join(said))
    return EXIT_OK
