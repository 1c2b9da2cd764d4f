"""`hjem case list|add|edit|pattern|erase|retention`: the families' cases by code and alias,
never their address; a case's number follows the workspace's pattern, and no text of it holds a
CPR number. An alias that looks like a real name is saved only with --yes. Erasing a case asks
for its code to be typed, or --yes (hjem.commands.case_erase)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from hjem.commands import EXIT_FOUND_PROBLEMS, EXIT_OK, Subcommands, case_erase
from hjem.commands.database import workspace_session
from hjem.i18n import tr

if TYPE_CHECKING:
    from hjem.cases.cases import CaseData

FIELDS = ("code", "alias", "status", "municipality", "architect")


def add(commands: Subcommands) -> None:
    case = commands.add_parser("case", help=tr("cli.case.help"), description=tr("cli.case.help"))
    actions = case.add_subparsers(title=tr("cli.commands"), metavar=tr("cli.action"), required=True)
    listing = actions.add_parser(
        "list", help=tr("cli.case.list_help"), description=tr("cli.case.list_help")
    )
    listing.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    listing.set_defaults(handler=run_list)
    adding = actions.add_parser(
        "add", help=tr("cli.case.add_help"), description=tr("cli.case.add_help")
    )
    _household_arguments(adding, required=True)
    adding.add_argument("--child", action="append", default=[], help=tr("cli.case.child_help"))
    adding.set_defaults(handler=run_add)
    editing = actions.add_parser(
        "edit", help=tr("cli.case.edit_help"), description=tr("cli.case.edit_help")
    )
    _household_arguments(editing, required=False)
    editing.set_defaults(handler=run_edit)
    pattern = actions.add_parser(
        "pattern", help=tr("cli.case.pattern_help"), description=tr("cli.case.pattern_help")
    )
    pattern.add_argument("new", nargs="?", metavar="NEW", help=tr("cli.case.new_pattern_help"))
    pattern.set_defaults(handler=run_pattern)
    case_erase.add(actions)


def _household_arguments(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("code", metavar="CODE", help=tr("cli.case.code_help"))
    parser.add_argument("--alias", required=required, help=tr("cli.case.alias_help"))
    parser.add_argument("--municipality", help=tr("cli.case.municipality_help"))
    parser.add_argument("--architect", help=tr("cli.case.architect_help"))
    parser.add_argument("--adults", type=int, help=tr("cli.case.adults_help"))
    parser.add_argument("--yes", action="store_true", help=tr("cli.case.yes_help"))


def run_list(args: argparse.Namespace) -> int:
    from hjem.cases.cases import list_cases

    # list_cases never reads the address; a read runs beside another hjem's write
    with workspace_session(args, read_only=True) as session:
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


def _changed(data: CaseData, args: argparse.Namespace) -> CaseData:
    """`data` with what the arguments name; the rest as it was."""
    named = {
        key: getattr(args, key)
        for key in ("alias", "municipality", "architect", "adults")
        if getattr(args, key) is not None
    }
    return replace(data, **named)


def _real_name_refused(alias: str, args: argparse.Namespace) -> bool:
    """A warning on stderr when the alias looks like a real name; True when it stops here."""
    from hjem.cases.privacy import looks_like_real_name

    if not looks_like_real_name(alias):
        return False
    print(tr("case_privacy.real_name", alias=alias), file=sys.stderr)
    if args.yes:
        return False
    print(tr("cli.case.real_name_refused"), file=sys.stderr)
    return True


def run_add(args: argparse.Namespace) -> int:
    import hjem.budget.models  # noqa: F401  (a case names its grant scheme's table)
    from hjem.cases.cases import CaseData, check, create_case
    from hjem.ids import CaseCode

    data = _changed(CaseData(CaseCode(args.code), ""), args)
    data = replace(data, children=tuple(args.child))
    with workspace_session(args) as session:
        check(data)  # a CPR number is refused before the name is asked about
        if _real_name_refused(data.alias, args):
            return EXIT_FOUND_PROBLEMS
        code = create_case(session, data).code
    print(tr("cli.case.added", code=code))
    return EXIT_OK


def run_edit(args: argparse.Namespace) -> int:
    import hjem.budget.models  # noqa: F401  (a case names its grant scheme's table)
    from hjem.cases.cases import case_form_data, check, update_case
    from hjem.ids import CaseCode

    with workspace_session(args) as session:
        before, version = case_form_data(session, CaseCode(args.code))
        data = _changed(before, args)
        check(data)
        if data.alias != before.alias and _real_name_refused(data.alias, args):
            return EXIT_FOUND_PROBLEMS
        update_case(session, before.code, data, version)
    print(tr("cli.case.edited", code=before.code))
    return EXIT_OK


def run_pattern(args: argparse.Namespace) -> int:
    from hjem.cases.privacy import case_code_pattern, example_code, set_case_code_pattern

    with workspace_session(args, read_only=not args.new) as session:
        pattern = (
            set_case_code_pattern(session, args.new) if args.new else case_code_pattern(session)
        )
    print(tr("cli.case.pattern", pattern=pattern, example=example_code(pattern)))
    return EXIT_OK
