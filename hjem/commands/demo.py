"""`hjem demo`: fill the workspace with a demo inventory, so a newcomer sees it working."""

from __future__ import annotations

import argparse

from hjem.commands import EXIT_CANNOT, EXIT_OK
from hjem.commands.database import open_workspace
from hjem.i18n import tr


def add(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help=tr("cli.demo_help"), description=tr("cli.demo_help"))
    demo.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from hjem.inventory.demo import demo_is_present, fill_demo

    workspace = open_workspace(args)
    if workspace is None:
        return EXIT_CANNOT
    with workspace.session() as session:
        if demo_is_present(session):
            print(tr("cli.demo_present"))
        else:
            print(tr("cli.demo_added", count=len(fill_demo(session, "Demo"))))
    workspace.close()
    return EXIT_OK
