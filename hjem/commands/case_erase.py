"""`hjem case erase CASE [--yes]` and `hjem case retention [MONTHS]`: erasing a family's case
for good, and how long closed cases are kept before the start screen offers to erase them.

Erasing asks the person at a terminal to type the case's code (the question names the alias);
without a terminal it needs --yes, so a script never erases by a stray newline."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from hjem.commands import EXIT_CANNOT, EXIT_FOUND_PROBLEMS, EXIT_OK, CommandFailed, Subcommands
from hjem.commands.database import open_workspace, refusals_said, workspace_session
from hjem.commands.who import add_who, who
from hjem.i18n import tr

if TYPE_CHECKING:
    from hjem.cases.erase import ErasureReport


def add(actions: Subcommands) -> None:
    erase = actions.add_parser(
        "erase", help=tr("cli.case.erase_help"), description=tr("cli.case.erase_description")
    )
    erase.add_argument("code", metavar="CODE", help=tr("cli.case.code_help"))
    erase.add_argument("--yes", action="store_true", help=tr("cli.case.erase_yes_help"))
    add_who(erase)
    erase.set_defaults(handler=run_erase)
    retention = actions.add_parser(
        "retention", help=tr("cli.case.retention_help"), description=tr("cli.case.retention_help")
    )
    retention.add_argument(
        "months", nargs="?", type=int, metavar="MONTHS", help=tr("cli.case.months_help")
    )
    retention.set_defaults(handler=run_retention)


def run_erase(args: argparse.Namespace) -> int:
    import hjem.budget.models  # noqa: F401  (a case names its grant scheme's table)
    from hjem.cases.erase import erase_everywhere, what_goes
    from hjem.ids import CaseCode

    code = CaseCode(args.code.strip())
    workspace = open_workspace(args)
    if workspace is None:
        raise CommandFailed()  # open_workspace said why
    with refusals_said(workspace):
        preview = workspace.read(lambda session: what_goes(session, code))
        if not args.yes and not sys.stdin.isatty():
            print(tr("cli.case.erase_needs_yes", code=code), file=sys.stderr)
            return EXIT_CANNOT
        if not args.yes and not _confirmed(preview):
            print(tr("cli.case.erase_kept", code=code), file=sys.stderr)
            return EXIT_FOUND_PROBLEMS
        report = erase_everywhere(workspace, code, who(args, required=False))
    _say_erased(report)
    return EXIT_OK


def _confirmed(preview: ErasureReport) -> bool:
    """The person types the case's code to erase it; anything else keeps it."""
    print(tr("cli.case.erase_question", code=preview.code, alias=preview.alias))
    print(_what(preview))
    try:
        typed = input(tr("cli.case.erase_prompt", code=preview.code))
    except EOFError:
        return False
    return typed.strip() == preview.code


def _what(report: ErasureReport) -> str:
    """The counts, one line each: what goes and what happens to the items."""
    lines = [
        tr("erase.count.children", count=report.children),
        tr("erase.count.visits", count=report.visits),
        tr("erase.count.plans", count=report.plans),
        tr("erase.count.budget_lines", count=report.budget_lines),
        tr("erase.count.address") if report.address else tr("erase.count.no_address"),
        tr("erase.count.items_returned", count=report.items_returned),
        tr("erase.count.items_kept", count=report.items_kept),
    ]
    return "\n".join(f"  {line}" for line in lines)


def _say_erased(report: ErasureReport) -> None:
    print(tr("cli.case.erased", code=report.code, alias=report.alias))
    print(_what(report))
    scrub = report.scrub
    if scrub is None:
        return
    if scrub.backups_removed:
        print(tr("erase.scrub.backups_removed", count=scrub.backups_removed))
    if not scrub.checkpointed:
        print(tr("erase.scrub.checkpoint_later"), file=sys.stderr)
    for path in scrub.backups_left:
        print(tr("erase.scrub.backup_left", path=path), file=sys.stderr)


def run_retention(args: argparse.Namespace) -> int:
    from hjem.cases.retention import retention_months, set_retention_months

    with workspace_session(args, read_only=args.months is None) as session:
        if args.months is None:
            months = retention_months(session)
        else:
            months = set_retention_months(session, args.months)
    print(tr("cli.case.retention", count=months))
    return EXIT_OK
