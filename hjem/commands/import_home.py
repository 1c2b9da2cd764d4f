"""`hjem import HOME.sh3d -o PLAN.hjem [--level NAME]`: a Sweet Home 3D home as a plan.

Exit status: 0 everything on the level came in; 1 the plan was written but something was
left out (pieces raised or lights, doors in no wall, walls that do not meet: the report lists
them); 2 nothing was written (the file is refused or unreadable, the level unknown, the plan
cannot be saved). The reason goes to standard error, the report to standard output.
"""

from __future__ import annotations

import argparse
import sys

from hjem.commands import EXIT_CANNOT, EXIT_FOUND_PROBLEMS, EXIT_OK, Subcommands
from hjem.i18n import tr


def add(commands: Subcommands) -> None:
    command = commands.add_parser(
        "import", help=tr("sh3d.cli.help"), description=tr("sh3d.cli.description")
    )
    command.add_argument("home", metavar="HOME.sh3d")
    command.add_argument(
        "-o", "--output", required=True, metavar="PLAN.hjem", help=tr("sh3d.cli.output_help")
    )
    command.add_argument("--level", metavar="NAME", help=tr("sh3d.cli.level_help"))
    command.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from hjem.floorplan.hjemfile import save_plan
    from hjem.floorplan.sh3d import HomeFileError, import_home

    try:
        imported = import_home(args.home, args.level)
    except HomeFileError as error:
        print(tr("sh3d.cli.cannot_read", file=args.home, problem=error.message), file=sys.stderr)
        return EXIT_CANNOT
    try:
        save_plan(imported.plan, args.output)
    except OSError as error:
        problem = error.strerror or type(error).__name__
        print(tr("sh3d.cli.cannot_write", file=args.output, problem=problem), file=sys.stderr)
        return EXIT_CANNOT
    for line in imported.report.lines():
        print(line.text())
    print(tr("sh3d.cli.wrote", file=args.output))
    return EXIT_OK if imported.report.complete else EXIT_FOUND_PROBLEMS
