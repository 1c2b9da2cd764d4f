"""`hjem inventory find|import|export|labels`: the shared inventory from the command line."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import TYPE_CHECKING

from hjem.commands import EXIT_OK, CommandFailed, Subcommands
from hjem.commands.database import workspace_session
from hjem.commands.who import add_who, who
from hjem.i18n import tr

if TYPE_CHECKING:  # SQLAlchemy loads only when a command opens the workspace
    from sqlalchemy.orm import Session

    from hjem.inventory.models import Item

ANY_STATUS = "any"


_NUMBER = r"(\d+(?:[.,]\d+)?)"
_SIZE = re.compile(rf"\s*{_NUMBER}\s*[x×X*]\s*{_NUMBER}\s*(?:cm)?\s*")


def _size(text: str) -> tuple[float, float]:
    """`--fits 200x90`: two sizes in cm and nothing else ("200x90x" and "0x90" are refused)."""
    found = _SIZE.fullmatch(text)
    size = tuple(float(n.replace(",", ".")) for n in found.groups()) if found else ()
    if len(size) != 2 or min(size) <= 0:
        raise argparse.ArgumentTypeError(tr("cli.inventory_bad_size", text=text))
    return size[0], size[1]


def _status(text: str) -> str:
    """`--status ledig` or `available`; `alle`/`any` for every status."""
    from hjem.i18n import LANGUAGES
    from hjem.inventory.category_names import folded
    from hjem.inventory.models import Status

    if folded(text) in ("any", folded(tr("cli.any_status"))):
        return ANY_STATUS
    for status in Status:
        names = {status.value, *(folded(tr(f"status.{status.value}", n)) for n in LANGUAGES)}
        if folded(text) in names:
            return status.value
    shown = ", ".join(tr(f"status.{status.value}") for status in Status)
    raise argparse.ArgumentTypeError(tr("cli.inventory_bad_status", text=text, statuses=shown))


def add(commands: Subcommands) -> None:
    inventory = commands.add_parser(
        "inventory", help=tr("cli.inventory_help"), description=tr("cli.inventory_help")
    )
    actions = inventory.add_subparsers(
        title=tr("cli.commands"), metavar=tr("cli.action"), required=True
    )
    find = actions.add_parser("find", help=tr("cli.inventory_find_help"))
    find.add_argument(
        "text", nargs="?", default="", metavar=tr("cli.text"), help=tr("cli.inventory_text_help")
    )
    find.add_argument(
        "--fits", type=_size, metavar=tr("cli.size"), help=tr("cli.inventory_fits_help")
    )
    find.add_argument(
        "--category", metavar=tr("cli.category"), help=tr("cli.inventory_category_help")
    )
    find.add_argument(
        "--status", type=_status, default="available", help=tr("cli.inventory_status_help")
    )
    find.add_argument(
        "--limit", type=int, default=50, metavar=tr("cli.count"), help=tr("cli.limit_help")
    )
    find.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    find.set_defaults(handler=run_find)
    for name, handler in (("import", run_import), ("export", run_export), ("labels", run_labels)):
        action = actions.add_parser(name, help=tr(f"cli.inventory_{name}_help"))
        action.add_argument("file", metavar=tr("cli.file"))
        if name == "import":
            add_who(action)
        action.set_defaults(handler=handler)


def _row(item: Item) -> dict[str, object]:
    from hjem.inventory.items import location_path

    return {
        "code": item.code,
        "name": item.name,
        "category": item.category.slug,
        "width": item.width,
        "depth": item.depth,
        "height": item.height,
        "status": item.status,
        "location": location_path(item.location),
        "value_ore": item.value_ore,
    }


def run_find(args: argparse.Namespace) -> int:
    from hjem.inventory.search import Query, find

    status = None if args.status == ANY_STATUS else args.status
    with workspace_session(args, read_only=True) as session:
        category = _category(session, args.category)
        query = Query(
            text=args.text, category=category, status=status, fits=args.fits, limit=args.limit
        )
        rows = [_row(item) for item in find(session, query)]
    if args.json:
        print(json.dumps({"items": rows}, ensure_ascii=False, indent=1))
        return EXIT_OK
    for row in rows:
        size = f"{row['width']:g} × {row['depth']:g} × {row['height']:g} cm"
        print(
            f"{row['code']}  {row['name']:<40.40}  {size:<20}  {tr('status.' + str(row['status']))}"
        )
    print(tr("cli.inventory_found", count=len(rows)))
    return EXIT_OK


def _category(session: Session, typed: str | None) -> str | None:
    """The slug of the category `typed` names (Danish or English, æøå or not); a name no
    category answers to ends the command with the list of names there are."""
    from hjem.inventory.category_names import CategoryNames

    if typed is None:
        return None
    names = CategoryNames(session)
    slug = names.slug(typed)
    if slug is None:
        raise CommandFailed(
            tr("cli.inventory_unknown_category", category=typed, categories=names.listed())
        )
    return slug


def run_import(args: argparse.Namespace) -> int:
    from hjem.inventory.transfer import ImportFailed, import_items

    person = who(args)  # before anything is read: the items' history names them
    with workspace_session(args) as session:
        try:
            report = import_items(session, args.file, person)
        except ImportFailed as failed:  # each row's problem first, then the summary
            for error in failed.report.errors:
                print(
                    tr(
                        "cli.inventory_row_error",
                        row=error.row,
                        column=error.column,
                        problem=error.message,
                    ),
                    file=sys.stderr,
                )
            if unlisted := failed.report.error_count - len(failed.report.errors):
                print(tr("import_export.more_errors", count=unlisted), file=sys.stderr)
            raise
    print(tr("cli.inventory_imported", created=report.created, updated=report.updated))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from hjem.inventory.transfer import export_items

    with workspace_session(args) as session:
        count = export_items(session, args.file)
    print(tr("cli.inventory_exported", count=count, file=args.file))
    return EXIT_OK


def run_labels(args: argparse.Namespace) -> int:
    from hjem.inventory.labels import label_sheet
    from hjem.inventory.search import Query, find

    with workspace_session(args) as session:
        items = find(session, Query(limit=100_000))
        label_sheet(items, args.file)
    print(tr("cli.inventory_labels", count=len(items), file=args.file))
    return EXIT_OK
