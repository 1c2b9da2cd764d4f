"""The `hjem` command. With no subcommand it opens the planner window; subcommands work headless.

Heavy modules (Qt, shapely) are imported inside the commands that need them, so `hjem --help`
and the first window stay quick.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from hjem import __version__
from hjem.i18n import LANGUAGES, set_language, tr

EXIT_OK, EXIT_CONFLICTS, EXIT_UNREADABLE = 0, 1, 2


def _check(args: argparse.Namespace) -> int:
    """`hjem check PLAN.hjem [--json]`: 0 no conflicts, 1 conflicts, 2 the file cannot be read."""
    from hjem.floorplan.codec import PlanFileError
    from hjem.floorplan.hjemfile import load_plan
    from hjem.floorplan.report import full_report

    try:
        plan = load_plan(args.plan)
    except PlanFileError as error:
        print(tr("cli.cannot_read", file=args.plan, problem=error.message), file=sys.stderr)
        return EXIT_UNREADABLE
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
    return EXIT_CONFLICTS if conflicts else EXIT_OK


def _gui(args: argparse.Namespace) -> int:
    from hjem.ui.app import run

    return run(args)


COMMANDS = ("check",)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hjem",
        usage="hjem [--lang {da,en}] [PLAN.hjem [--screenshot OUT.png]] | hjem COMMAND ...",
        description=tr("cli.description"),
        epilog=tr("cli.epilog"),
    )
    parser.add_argument("--version", action="version", version=f"hjem {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("cli.lang_help"))
    parser.set_defaults(handler=_gui, plan=None, screenshot=None)
    commands = parser.add_subparsers(title=tr("cli.commands"), metavar="COMMAND")

    check = commands.add_parser(
        "check", help=tr("cli.check_help"), description=tr("cli.check_help")
    )
    check.add_argument("plan", metavar="PLAN.hjem")
    check.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    check.set_defaults(handler=_check)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    """`hjem [PLAN.hjem] [--screenshot OUT.png]`: the window, optionally with a plan."""
    parser = argparse.ArgumentParser(prog="hjem", description=tr("cli.description"))
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("cli.lang_help"))
    parser.add_argument("plan", nargs="?", metavar="PLAN.hjem", help=tr("cli.plan_help"))
    parser.add_argument("--screenshot", metavar="OUT.png", help=tr("cli.screenshot_help"))
    parser.set_defaults(handler=_gui)
    return parser


def _first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _language_from(argv: Sequence[str]) -> None:
    """Apply --lang before the parser is built, so --help speaks the chosen language."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGUAGES:
            set_language(value)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _language_from(argv)
    word = _first_word(argv)
    looks_like_plan = word is not None and (word.lower().endswith(".hjem") or Path(word).exists())
    opens_plan = (looks_like_plan and word not in COMMANDS) or "--screenshot" in argv
    parser = build_gui_parser() if opens_plan else build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)
