"""`hjem suggest PLAN.hjem --room NAME -o OUT.hjem [--seed N] [--add CATEGORY:WxD ...]`:
furnish one room from the pieces standing in it (and those added), and save the best layout.

0: saved, every piece placed; 1: saved, some pieces left out (each said, with why); 2: the plan
cannot be read or saved, no such room, nothing to place, or a bad --add.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from hjem.commands import EXIT_FOUND_PROBLEMS, EXIT_OK, CommandFailed, Subcommands
from hjem.i18n import LANGUAGES, format_number, tr

if TYPE_CHECKING:
    from hjem.floorplan.model import Placement, Plan, Room

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_ADD = re.compile(rf"\s*([^:]+?)\s*:\s*{_NUMBER}\s*[x×X*]\s*{_NUMBER}\s*(?:cm)?\s*")
_WRITTEN_OUT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e"})
DEFAULT_HEIGHT_CM = 75.0
SHOWN_REASONS = 3  # the soft rules named for the layout, best first


def add(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "suggest", help=tr("cli.suggest.help"), description=tr("cli.suggest.description")
    )
    parser.add_argument("plan", metavar="PLAN.hjem")
    parser.add_argument("--room", required=True, metavar="NAME", help=tr("cli.suggest.room_help"))
    parser.add_argument(
        "-o", "--output", metavar="OUT.hjem", required=True, help=tr("cli.suggest.output_help")
    )
    parser.add_argument(
        "--seed", type=int, default=0, metavar="N", help=tr("cli.suggest.seed_help")
    )
    parser.add_argument(
        "--add",
        action="append",
        default=[],
        type=_addition,
        metavar="CATEGORY:WxD",
        help=tr("cli.suggest.add_help"),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from hjem.commands.plan_file import read_plan
    from hjem.floorplan.hjemfile import save_plan
    from hjem.floorplan.layout import soft_rule_name, suggest
    from hjem.floorplan.room_names import display_name
    from hjem.floorplan.shapes import pieces_in

    plan = read_plan(args.plan)
    room = _room(plan, args.room)
    pieces = [*pieces_in(plan, room.id), *_added(plan, args.add)]
    if not pieces:
        raise CommandFailed(tr("cli.suggest.nothing", room=display_name(room)))
    best = suggest(plan, room.id, pieces, count=1, seed=args.seed)[0]
    try:
        save_plan(best.plan, args.output)
    except OSError as error:
        raise CommandFailed(
            tr("cli.suggest.cannot_save", file=args.output, reason=error.strerror or "")
        ) from None
    print(
        tr("cli.suggest.saved", room=display_name(room), count=len(best.placed), file=args.output)
    )
    for key, share in [r for r in best.reasons if r[1] > 0][:SHOWN_REASONS]:
        print(tr("cli.suggest.reason", rule=soft_rule_name(key), points=format_number(share)))
    for left in best.left_out:
        print(tr("cli.suggest.left_out", reason=left.reason))
    return EXIT_FOUND_PROBLEMS if best.left_out else EXIT_OK


def _room(plan: Plan, name: str) -> Room:
    """The room called `name` (its own name, its kind's name in Danish or English, or its id)."""
    from hjem.floorplan.room_names import display_name

    wanted = _folded(name)
    found = [
        room
        for room in plan.rooms
        if wanted
        in {_folded(room.id), _folded(room.name)}
        | {_folded(display_name(room, lang)) for lang in LANGUAGES}
    ]
    rooms = ", ".join(f"{display_name(r)} ({r.id})" for r in plan.rooms)
    if not found:
        raise CommandFailed(tr("cli.suggest.no_room", name=name, rooms=rooms))
    if len(found) > 1:
        ids = ", ".join(r.id for r in found)
        raise CommandFailed(tr("cli.suggest.ambiguous_room", name=name, ids=ids))
    return found[0]


def _addition(text: str) -> tuple[str, float, float]:
    """`--add seng:140x200`: a category (its slug or name, Danish or English) and a size in cm."""
    from hjem.floorplan.categories import CATEGORIES

    found = _ADD.fullmatch(text)
    if found is None:
        raise argparse.ArgumentTypeError(tr("cli.suggest.bad_add", text=text))
    typed, width, depth = found.groups()
    names = {
        _folded(name): slug
        for slug in CATEGORIES
        for name in (slug, *(tr(f"category.{slug}.name", lang) for lang in LANGUAGES))
    }
    slug = names.get(_folded(typed))
    size = (float(width.replace(",", ".")), float(depth.replace(",", ".")))
    if slug is None:
        raise argparse.ArgumentTypeError(tr("cli.suggest.bad_category", text=typed))
    if min(size) <= 0:
        raise argparse.ArgumentTypeError(tr("cli.suggest.bad_add", text=text))
    return slug, size[0], size[1]


def _added(plan: Plan, additions: list[tuple[str, float, float]]) -> list[Placement]:
    """The pieces given with --add, new ids, a usual height for their kind."""
    from hjem.floorplan.categories import TYPICAL_PIECES
    from hjem.floorplan.geometry import Point
    from hjem.floorplan.model import Placement

    heights = {category: height for category, _, _, height in TYPICAL_PIECES}
    ids = plan.new_ids("p", len(additions))
    return [
        Placement(
            piece_id,
            tr(f"category.{slug}.name"),
            slug,
            width,
            depth,
            1.0 if slug == "taeppe" else heights.get(slug, DEFAULT_HEIGHT_CM),
            Point(0.0, 0.0),
            floor_flat=slug == "taeppe",
        )
        for piece_id, (slug, width, depth) in zip(ids, additions, strict=True)
    ]


def _folded(text: str) -> str:
    return " ".join(text.casefold().translate(_WRITTEN_OUT).split())
