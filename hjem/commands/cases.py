"""`hjem case list [--json]`: the families' cases by code and alias, never their address."""

from __future__ import annotations

import argparse
import json

from hjem.commands import EXIT_OK, Subcommands
from hjem.commands.database import workspace_session
from hjem.i18n import tr

FIELDS = ("code", "alias", "status", "municipality", "architect")


def add(commands: Subcommands) -> None:
    case = commands.add_parser("case", help=tr("cli.case.help"), description=tr("cli.case.help"))
    actions = case.add_subparsers(title=tr("cli.commands"), metavar=tr("cli.action"), required=True)
    listing = actions.add_parser(
        "list", help=tr("cli.case.list_help"), description=tr("cli.case.list_help")
    )
    listing.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    listing.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
    from hjem.cases.cases import list_cases

    with workspace_session(args) as session:  # list_cases never reads the address
        rows = [{name: getattr(row, name) for name in FIELDS} for row in list_cases(session)]
    if args.json:
        print(json.dumps({"cases": rows}, ensure_ascii=False, indent=1))
        return EXIT_OK
    for row in rows:
        status = tr(f"case_status.{row['status']}")
        print(
            f"{row['code']:<16}  {row['alias']:<24.24}  {status:<16}  "
            f"{row['municipality']:<16.16}  {row['architect']}"
        )
    print(tr("cli.case.listed", count=len(rows)))
    return EXIT_OK
