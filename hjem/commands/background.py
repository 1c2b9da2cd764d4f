"""`hjem background PLAN.hjem DRAWING.dxf -o OUT.hjem [--units mm|cm|m] [--hide-layer NAME]`:
a DXF drawing laid under a plan at its true size. 0: saved; 2: refused or unreadable."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hjem.commands import EXIT_OK, CommandFailed, Subcommands
from hjem.i18n import msg, tr

if TYPE_CHECKING:
    from hjem.floorplan.dxf import Drawing, Unit

UNITS = ("mm", "cm", "m")


def add(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "background", help=tr("cli.background.help"), description=tr("cli.background.description")
    )
    parser.add_argument("plan", metavar="PLAN.hjem")
    parser.add_argument("drawing", metavar="DRAWING.dxf")
    parser.add_argument(
        "-o", "--output", metavar="OUT.hjem", required=True, help=tr("cli.background.output_help")
    )
    parser.add_argument("--units", choices=UNITS, help=tr("cli.background.units_help"))
    parser.add_argument(
        "--hide-layer",
        action="append",
        default=[],
        metavar="NAME",
        help=tr("cli.background.hide_help"),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from hjem.commands.plan_file import read_plan
    from hjem.floorplan.commands import SetBackground
    from hjem.floorplan.dxf import read_drawing, render_background
    from hjem.floorplan.hjemfile import save_plan

    plan = read_plan(args.plan)
    drawing = read_drawing(args.drawing)  # a DxfError is said by hjem.cli, exit 2
    unit = _unit(args, drawing)
    _check_layers(args.hide_layer, drawing)
    background = render_background(drawing, unit, set(args.hide_layer))
    plan, _ = SetBackground(background).apply(plan)
    try:
        save_plan(plan, args.output)
    except OSError as error:
        raise CommandFailed(
            tr("cli.background.cannot_save", file=args.output, reason=error.strerror or "")
        ) from None
    print(tr("cli.background.saved", file=args.output, count=len(set(args.hide_layer))))
    return EXIT_OK


def _unit(args: argparse.Namespace, drawing: Drawing) -> Unit:
    """The unit to use, said with its reason; refused when only a guess would do."""
    from hjem.floorplan.dxf import UNIT_NAMES

    verdict = drawing.units
    if args.units:
        name = msg(UNIT_NAMES[args.units])
        print(tr("cli.background.units_given", unit=name, evidence=verdict.reason))
        chosen: Unit = args.units
        return chosen
    if verdict.unit is None:
        raise CommandFailed(
            tr("cli.background.units_unsure", evidence=verdict.reason, likely=verdict.likely)
        )
    print(tr("cli.background.units_used", evidence=verdict.reason))
    return verdict.unit


def _check_layers(hidden: list[str], drawing: Drawing) -> None:
    known = {name for name, _ in drawing.layers}
    if unknown := [name for name in hidden if name not in known]:
        raise CommandFailed(
            tr(
                "cli.background.no_such_layer",
                layers=", ".join(unknown),
                known=", ".join(sorted(known)),
            )
        )
