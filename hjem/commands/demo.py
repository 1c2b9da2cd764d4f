"""`hjem demo`: fill the workspace with a demo inventory and a sample case (an alias only, the
sample apartment furnished from that inventory, a budget under the example scheme), so a
newcomer sees the whole flow at once."""

from __future__ import annotations

import argparse
import datetime as dt

from hjem.commands import EXIT_CANNOT, EXIT_OK, Subcommands
from hjem.commands.database import open_workspace
from hjem.i18n import tr


def add(commands: Subcommands) -> None:
    demo = commands.add_parser("demo", help=tr("cli.demo_help"), description=tr("cli.demo_help"))
    demo.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import getpass

    from hjem.inventory.demo import demo_is_present, fill_demo

    who = getpass.getuser()  # as the window names the user until a name is chosen
    workspace = open_workspace(args)
    if workspace is None:
        return EXIT_CANNOT
    with workspace.session() as session:
        if demo_is_present(session):
            print(tr("cli.demo_present"))
        else:
            print(tr("cli.demo_added", count=len(fill_demo(session, who))))
    from hjem.budget.demo import add_demo_case
    from hjem.cases.demo import DEMO_CASE

    with workspace.session() as session:
        if add_demo_case(session, who, dt.date.today()):
            print(tr("cli.demo_case_added", code=DEMO_CASE.code, alias=DEMO_CASE.alias))
    workspace.close()
    return EXIT_OK
