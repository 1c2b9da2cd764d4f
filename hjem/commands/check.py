"""`hjem check PLAN.hjem [--json]`: 0 no conflicts, 1 conflicts, 2 the file cannot be read."""

from __future__ import annotations

import argparse
import json
import sys

from hjem.commands import EXIT_FOUND_PROBLEMS, EXIT_OK, Subcommands
from hjem.i18n import tr


def add(commands: Subcommands) -> None:
    check = commands.add_parser(
        "check", help=tr("cli.check_help"), description=tr("cli.check_help")
    )
    check.add_argument("plan", metavar="PLAN.hjem")
    check.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    check.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from hjem.commands.plan_file import read_plan
    from hjem.floorplan.report import full_report

    plan = read_plan(args.plan)
    conflicts = full_report(plan)
    walkway_checked = plan.entrance() is not None
    if args.json:
        report = {
            "plan": args.plan,
            "walkway_checked": walkway_checked,
            "conflicts": [c.to_json() for c in conflicts],
        }
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for conflict in conflicts:
            kind = tr(f"conflict_kind.{conflict.kind.value}")
            print(f"{kind}: {conflict.message.text()} [{', '.join(conflict.elements)}]")
        print(tr("cli.summary", count=len(conflicts)))
    if not walkway_checked:
        print(tr("cli.no_entrance"), file=sys.stderr)
    return EXIT_FOUND_PROBLEMS if conflicts else EXIT_OK
