"""The `hjem` command. With no subcommand it opens the planner window; subcommands work headless.

Heavy modules (Qt, shapely) are imported inside the commands that need them, so `hjem --help`
and the first window stay quick.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from hjem.commands import (
    EXIT_CANNOT,
    EXIT_OK,
    CommandFailed,
    background,
    budget,
    cases,
    check,
    database,
    demo,
    handover,
    import_home,
    inventory,
    scheme,
    server,
    suggest,
    sync,
    workspace,
)
from hjem.commands.argparse_texts import speak_argparse
from hjem.errors import UserError
from hjem.i18n import LANGUAGES, current_language, set_language, tr


def _gui(args: argparse.Namespace) -> int:
    from hjem.ui.app import run

    return run(args)


def saved_user_name() -> str:
    """The name the volunteer gave the window ("" if none): read from its settings with
    QtCore alone, and only by a command that records who worked."""
    from hjem.ui.settings import Settings

    return Settings().user_name()


COMMANDS = (
    *("check", "db", "inventory", "demo", "case", "budget", "scheme", "handover", "server"),
    *("workspace", "sync", "import", "background", "suggest"),
)
COMMAND_MODULES = (
    *(check, database, inventory, demo, cases, budget, scheme, handover, server, workspace),
    sync,
    import_home,
    background,
    suggest,
)


class _VersionAction(argparse.Action):
    """`hjem --version`: the version and build, the workspace's place and the licences, line
    by line (argparse's own version action would run the lines together)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None):
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from hjem.about import version_text

        print(version_text())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hjem",
        usage=tr("cli.usage"),
        description=tr("cli.description"),
        epilog=tr("cli.epilog"),
    )
    parser.add_argument("--version", action=_VersionAction, help=tr("cli.version_help"))
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("cli.lang_help"))
    parser.add_argument("--database", metavar="URL", help=tr("cli.database_help"))
    parser.set_defaults(handler=_gui, plan=None, screenshot=None, saved_name=saved_user_name)
    commands = parser.add_subparsers(
        title=tr("cli.commands"), metavar=tr("cli.command"), prog="hjem"
    )
    for module in COMMAND_MODULES:
        module.add(commands)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    """`hjem [PLAN.hjem] [--screenshot OUT.png]`: the window, optionally with a plan."""
    parser = argparse.ArgumentParser(prog="hjem", description=tr("cli.description"))
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("cli.lang_help"))
    parser.add_argument("--database", metavar="URL", help=tr("cli.database_help"))
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
        elif arg in ("--lang", "--database"):
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
    speak_argparse(current_language())
    try:
        status = _run(argv)
        sys.stdout.flush()  # a reader gone early is found here, not at exit
        return status
    except BrokenPipeError:  # the reader stopped reading (`hjem inventory find | head`)
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    """Send what is still buffered for stdout nowhere: Python flushes it at exit, and a
    flush into the closed pipe would fail again (the recipe in Python's `signal` docs)."""
    with contextlib.suppress(OSError, ValueError):  # a stdout with no file behind it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _global_options_first(argv: list[str]) -> list[str]:
    """`argv` with --database and --lang (and their values) moved to the front, so they may
    follow the command too (`hjem case list --database URL`) instead of ending in a usage
    error that repeats the address, password and all."""
    moved: list[str] = []
    rest: list[str] = []
    taking_value = False
    for arg in argv:
        if taking_value or arg in ("--lang", "--database"):
            moved.append(arg)
            taking_value = not taking_value and arg in ("--lang", "--database")
        elif arg.startswith(("--lang=", "--database=")):
            moved.append(arg)
        else:
            rest.append(arg)
    if taking_value:  # the last word wants a value it lacks: argparse says so
        return rest + moved
    return moved + rest


def _run(argv: list[str]) -> int:
    argv = _global_options_first(argv)
    word = _first_word(argv)
    looks_like_plan = word is not None and (word.lower().endswith(".hjem") or Path(word).exists())
    opens_plan = (looks_like_plan and word not in COMMANDS) or "--screenshot" in argv
    parser = build_gui_parser() if opens_plan else build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except CommandFailed as failed:
        if failed.reason:
            print(failed.reason, file=sys.stderr)
        return EXIT_CANNOT
    except UserError as error:  # a refusal no command caught: said all the same
        print(error.message.text(), file=sys.stderr)
        return EXIT_CANNOT
