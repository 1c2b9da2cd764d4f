"""`hjem scheme list|show|add|edit|import|export`: the grant schemes a coordinator keeps.

A change to a scheme budgets were approved under is saved as a new version (the approved
budgets keep the old one); the example scheme is marked as such wherever it is shown."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from hjem.commands import EXIT_OK, CommandFailed, Subcommands
from hjem.commands.database import workspace_session
from hjem.i18n import format_day, tr

if TYPE_CHECKING:
    from hjem.budget.schemes import SchemeData

CATEGORY_SLUGS = ("indskud", "flytning", "basale_moebler", "toej", "legetoej", "andet")


def add(commands: Subcommands) -> None:
    scheme = commands.add_parser(
        "scheme", help=tr("cli.scheme.help"), description=tr("cli.scheme.help")
    )
    actions = scheme.add_subparsers(
        title=tr("cli.commands"), metavar=tr("cli.action"), required=True
    )
    listing = _action(actions, "list", run_list)
    listing.add_argument("--all", action="store_true", help=tr("cli.scheme.all_help"))
    listing.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    show = _action(actions, "show", run_show)
    show.add_argument("scheme", metavar="SCHEME", help=tr("cli.scheme.scheme_help"))
    show.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    adding = _action(actions, "add", run_add)
    adding.add_argument("name", metavar="NAME", help=tr("cli.scheme.name_help"))
    adding.add_argument("--total", metavar="KR", required=True, help=tr("cli.scheme.total_help"))
    _scheme_options(adding)
    edit = _action(actions, "edit", run_edit)
    edit.add_argument("scheme", metavar="SCHEME", help=tr("cli.scheme.scheme_help"))
    edit.add_argument("--name", metavar="NAME", help=tr("cli.scheme.new_name_help"))
    edit.add_argument("--total", metavar="KR", help=tr("cli.scheme.total_help"))
    _scheme_options(edit)
    importing = _action(actions, "import", run_import)
    importing.add_argument("file", metavar="FILE.json", help=tr("cli.scheme.file_help"))
    export = _action(actions, "export", run_export)
    export.add_argument("file", metavar="FILE.json", help=tr("cli.scheme.file_help"))
    export.add_argument("names", metavar="SCHEME", nargs="*", help=tr("cli.scheme.names_help"))


def _action(actions: Any, name: str, handler: Any) -> argparse.ArgumentParser:
    key = f"cli.scheme.{name}_help"
    parser: argparse.ArgumentParser = actions.add_parser(name, help=tr(key), description=tr(key))
    parser.set_defaults(handler=handler)
    return parser


def _scheme_options(parser: argparse.ArgumentParser) -> None:
    categories = ", ".join(CATEGORY_SLUGS)
    parser.add_argument(
        "--limit",
        metavar="CATEGORY=KR",
        action="append",
        default=[],
        help=tr("cli.scheme.limit_help", categories=categories),
    )
    _either(
        parser,
        "in_kind",
        ("--in-kind", tr("cli.scheme.in_kind_help")),
        ("--cash-only", tr("cli.scheme.cash_only_help")),
    )
    _either(
        parser,
        "apply_first",
        ("--apply-first", tr("cli.scheme.apply_first_help")),
        ("--no-apply-first", tr("cli.scheme.no_apply_first_help")),
    )
    parser.add_argument("--valid-from", metavar="DATE", help=tr("cli.scheme.valid_from_help"))
    parser.add_argument("--valid-to", metavar="DATE", help=tr("cli.scheme.valid_to_help"))
    parser.add_argument("--notes", metavar="TEXT", help=tr("cli.scheme.notes_help"))
    _either(
        parser,
        "example",
        ("--example", tr("cli.scheme.example_help")),
        ("--real", tr("cli.scheme.real_help")),
    )


def _either(
    parser: argparse.ArgumentParser, dest: str, yes: tuple[str, str], no: tuple[str, str]
) -> None:
    """Two flags, each with its help, for one yes/no setting; neither given leaves `dest` None
    (an edit keeps what the scheme had)."""
    pair = parser.add_mutually_exclusive_group()
    pair.add_argument(yes[0], dest=dest, action="store_true", default=None, help=yes[1])
    pair.add_argument(no[0], dest=dest, action="store_false", help=no[1])


# --- reading the options --------------------------------------------------------------------


def _ore(text: str, field: str) -> int:
    from hjem.money import parse_kroner

    ore = parse_kroner(text)
    if ore is None:
        raise CommandFailed(tr("scheme.error.not_a_number", field=tr(f"budget.field.{field}")))
    return ore


def _date(text: str, field: str) -> Any:
    from hjem.budget.dates import parse_day

    try:
        return parse_day(text)
    except ValueError:
        raise CommandFailed(
            tr("scheme.error.not_a_date", field=tr(f"budget.field.{field}"))
        ) from None


def _limits(given: list[str], limits: dict[str, int]) -> dict[str, int]:
    changed = dict(limits)
    for value in given:
        category, sign, amount = value.partition("=")
        if not sign or not category.strip():
            raise CommandFailed(tr("cli.scheme.bad_limit", value=value))
        if amount.strip():
            changed[category.strip()] = _ore(amount, "total")
        else:
            changed.pop(category.strip(), None)
    return changed


def _changed(data: SchemeData, args: argparse.Namespace) -> SchemeData:
    """`data` with what the options say (an option not given leaves its field alone)."""
    changes: dict[str, Any] = {"limits": _limits(args.limit, dict(data.limits))}
    if getattr(args, "name_option", None) is not None:
        changes["name"] = args.name_option
    if args.total is not None:
        changes["total_limit_ore"] = _ore(args.total, "total")
    for option, field in (("in_kind", "limits_include_in_kind"), ("example", "example")):
        if getattr(args, option) is not None:
            changes[field] = getattr(args, option)
    if args.apply_first is not None:
        changes["apply_before_purchase"] = args.apply_first
    if args.valid_from is not None:
        changes["valid_from"] = _date(args.valid_from, "valid_from")
    if args.valid_to is not None:
        changes["valid_to"] = _date(args.valid_to, "valid_to")
    if args.notes is not None:
        changes["notes"] = args.notes
    return replace(data, **changes)


# --- the actions ------------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    from hjem.budget.schemes import list_schemes

    with workspace_session(args, read_only=True) as session:
        schemes = list_schemes(session, every_version=args.all)
    if args.json:
        documents = [_document(data) for data in schemes]
        print(json.dumps({"schemes": documents}, ensure_ascii=False, indent=1))
        return EXIT_OK
    for data in schemes:
        print(_list_line(data))
    if any(data.example for data in schemes):
        print(tr("cli.scheme.example_marker"))
    print(tr("cli.scheme.listed", count=len(schemes)))
    return EXIT_OK


def _list_line(data: SchemeData) -> str:
    from hjem.budget.schemes import scheme_label
    from hjem.money import format_kroner

    label = scheme_label(data).text()
    return f"{data.id:>4}  {label:<56}  {format_kroner(data.total_limit_ore):>16}"  # never cut


def _document(data: SchemeData) -> dict[str, Any]:
    from hjem.budget.scheme_files import scheme_document

    return {"id": data.id, "state": data.state, **scheme_document(data)}


def run_show(args: argparse.Namespace) -> int:
    from hjem.budget.schemes import find_scheme

    with workspace_session(args, read_only=True) as session:
        data = find_scheme(session, args.scheme)
    if args.json:
        print(json.dumps(_document(data), ensure_ascii=False, indent=1))
    else:
        print("\n".join(line.rstrip() for line in _shown(data)))
    return EXIT_OK


def _shown(data: SchemeData) -> list[str]:
    from hjem.budget.schemes import scheme_label
    from hjem.money import format_kroner

    def row(key: str, value: str) -> str:
        return f"{tr(key) + ':':<20} {value}"

    yes_no = tr("cli.scheme.yes") if data.apply_before_purchase else tr("cli.scheme.no")
    cover = "cover_in_kind" if data.limits_include_in_kind else "cover_cash"
    lines = [scheme_label(data).text()]
    if data.example:
        lines.append(tr("cli.scheme.example_marker"))
    lines += [
        row("cli.scheme.field_id", str(data.id)),
        row("cli.scheme.field_version", str(data.version)),
        row("cli.scheme.field_state", tr(f"scheme.state.{data.state}")),
        row("budget.field.total", format_kroner(data.total_limit_ore)),
        row("cli.scheme.field_cover", tr(f"scheme_editor.{cover}")),
        row("cli.scheme.field_apply_first", yes_no),
        row("cli.scheme.field_valid", _validity(data)),
        row("cli.scheme.field_limits", "" if data.limits else tr("cli.scheme.field_no_limit")),
    ]
    for category, ore in data.limits.items():
        lines.append(f"  {tr(f'budget_category.{category}'):<28} {format_kroner(ore):>16}")
    if data.notes:
        lines.append(row("budget.field.notes", data.notes))
    return lines


def _validity(data: SchemeData) -> str:
    if data.valid_from is None and data.valid_to is None:
        return tr("cli.scheme.none")
    start = format_day(data.valid_from) if data.valid_from else tr("cli.scheme.open_end")
    end = format_day(data.valid_to) if data.valid_to else tr("cli.scheme.open_end")
    return tr("cli.scheme.valid_range", start=start, end=end)


def run_add(args: argparse.Namespace) -> int:
    from hjem.budget.schemes import SchemeData

    blank = SchemeData(args.name, 0)
    return _save(args, replace(_changed(blank, args), name=args.name))


def run_edit(args: argparse.Namespace) -> int:
    from hjem.budget.schemes import find_scheme

    args.name_option = args.name
    with workspace_session(args, read_only=True) as session:
        data = find_scheme(session, args.scheme)
    return _save(args, _changed(data, args))


def _save(args: argparse.Namespace, data: SchemeData) -> int:
    from hjem.budget.schemes import save_scheme

    with workspace_session(args) as session:
        row = save_scheme(session, data)
        saved_id, version, name = row.id, row.version, row.name
    if data.id is not None and saved_id != data.id:
        print(tr("cli.scheme.versioned", name=name, version=version, id=saved_id, old=data.version))
    else:
        print(tr("cli.scheme.saved", name=name, id=saved_id))
    if data.example:
        print(tr("cli.scheme.example_marker"))
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from hjem.budget.scheme_files import import_schemes

    with workspace_session(args) as session:
        done = import_schemes(session, args.file)
    print(
        tr(
            "cli.scheme.imported",
            file=args.file,
            created=done.created,
            changed=done.changed,
            versioned=done.versioned,
        )
    )
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from hjem.budget.scheme_files import chosen_schemes, export_schemes, schemes_text

    with workspace_session(args) as session:
        if args.file == "-":
            sys.stdout.write(schemes_text(chosen_schemes(session, args.names)))
            return EXIT_OK
        count = export_schemes(session, args.file, args.names)
    print(tr("cli.scheme.exported", count=count, file=args.file))
    return EXIT_OK
