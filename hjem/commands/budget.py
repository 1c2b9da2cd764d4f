"""`hjem budget export CASE -o FILE`: a case's budget as CSV or Excel (never its address)."""

from __future__ import annotations

import argparse

from hjem.commands import EXIT_OK, Subcommands
from hjem.commands.database import workspace_session
from hjem.i18n import tr
from hjem.ids import CaseCode


def add(commands: Subcommands) -> None:
    budget = commands.add_parser(
        "budget", help=tr("cli.budget.help"), description=tr("cli.budget.help")
    )
    actions = budget.add_subparsers(
        title=tr("cli.commands"), metavar=tr("cli.action"), required=True
    )
    export = actions.add_parser(
        "export", help=tr("cli.budget.export_help"), description=tr("cli.budget.export_help")
    )
    export.add_argument("case", metavar="CASE", help=tr("cli.budget.case_help"))
    export.add_argument(
        "-o", "--output", metavar="FILE", required=True, help=tr("cli.budget.output_help")
    )
    export.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    from hjem.budget.export import export_budget

    with workspace_session(args, read_only=True) as session:
        count = export_budget(session, CaseCode(args.case), args.output)
    print(tr("cli.budget.exported", count=count, code=args.case.strip(), file=args.output))
    return EXIT_OK
