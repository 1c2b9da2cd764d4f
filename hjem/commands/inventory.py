"""`hjem inventory find|import|export|labels`: the shared inventory from the command line."""

from __future__ import annotations

import argparse
import getpass
import json
import re
import sys
from typing import TYPE_CHECKING

from hjem.commands import EXIT_OK, Subcommands
from hjem.commands.database import workspace_session
from hjem.i18n import tr

if TYPE_CHECKING:  # SQLAlchemy loads only when a command opens the workspace
    from hjem.inventory.models import Item


def _size(text: str) -> tuple[float, float]:
    numbers = [float(n.replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", text)]
    if len(numbers) != 2:
        raise argparse.ArgumentTypeError(tr("cli.inventory_bad_size", text=text))
    return numbers[0], numbers[1]


def add(commands: Subcommands) -> None:
    inventory = commands.add_parser(
        "inventory", help=tr("cli.inventory_help"), description=tr("cli.inventory_help")
    )
    actions = inventory.add_subparsers(title=tr("cli.commands"), metavar="ACTION", required=True)
    find = actions.add_parser("find", help=tr("cli.inventory_find_help"))
    find.add_argument("text", nargs="?", default="", help=tr("cli.inventory_text_help"))
    find.add_argument("--fits", type=_size, metavar="WxD", help=tr("cli.inventory_fits_help"))
    find.add_argument("--category", metavar="SLUG", help=tr("cli.inventory_category_help"))
    find.add_argument("--status", default="available", help=tr("cli.inventory_status_help"))
    find.add_argument("--limit", type=int, default=50)
    find.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    find.set_defaults(handler=run_find)
    for name, handler in (("import", run_import), ("export", run_export), ("labels", run_labels)):
        action = actions.add_parser(name, help=tr(f"cli.inventory_{name}_help"))
        action.add_argument("file", metavar="FILE")
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

    status = None if args.status == "any" else args.status
    query = Query(
        text=args.text, category=args.category, status=status, fits=args.fits, limit=args.limit
    )
    with workspace_session(args) as session:
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


def _who() -> str:
    return getpass.getuser()


def run_import(args: argparse.Namespace) -> int:
    from hjem.inventory.transfer import ImportFailed, import_items

    with workspace_session(args) as session:
        try:
            report = import_items(session, args.file, _who())
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
