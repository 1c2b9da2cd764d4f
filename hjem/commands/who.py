"""Who is working, for the items' history: the name the volunteer gave (`--who NAME`, else the
name they gave the window, which `hjem.cli` reads from the window's settings), never the
computer's login name. A command that changes the shared inventory needs a name; the demo,
like the window's, is recorded unnamed when none is known."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from hjem.commands import CommandFailed
from hjem.i18n import tr

SavedName = Callable[[], str]  # the window's saved name, "" when none was given


def add_who(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--who", metavar=tr("cli.who_metavar"), help=tr("cli.who_help"))


def who(args: argparse.Namespace, required: bool = True) -> str:
    """The name given with --who, else the window's; "" when none is known and none is
    `required`, else CommandFailed saying how to give one."""
    given = getattr(args, "who", None)
    saved: SavedName | None = getattr(args, "saved_name", None)
    name = (given if given is not None else saved() if saved else "").strip()
    if not name and required:
        raise CommandFailed(tr("cli.who_unknown"))
    return name
