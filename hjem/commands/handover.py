"""`hjem handover (CASE | PLAN.hjem) -o plan.pdf [--lang da|en|ar|fa|tr|uk|so|ti|pl] [--internal]
[--with-address]`: the family's printed plan of their new home, headless. A case prints in the
language its case form remembers unless --lang says otherwise.

A case comes from the workspace with its plan, photos and (for the internal copy) its budget. A
plan file is printed as it is; its items are looked up in the workspace's inventory only when a
workspace already exists (printing never creates one)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from hjem.commands import EXIT_OK, CommandFailed, Subcommands
from hjem.commands.database import open_workspace, workspace_session
from hjem.errors import UserError
from hjem.i18n import PRINT_LANGUAGES, PrintLanguage, current_language, print_language, tr
from hjem.ids import CaseCode

if TYPE_CHECKING:  # the handover and the database load only when the command runs
    from hjem.db.workspace import Workspace
    from hjem.handover.data import HandoverData
    from hjem.handover.gather import PrintChoice


def add(commands: Subcommands) -> None:
    handover = commands.add_parser(
        "handover", help=tr("handover_print.cli_help"), description=tr("handover_print.cli_help")
    )
    handover.add_argument("source", metavar="CASE|PLAN.hjem", help=tr("handover_print.source"))
    handover.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True, help=tr("handover_print.output")
    )
    # Its own name: `--lang da|en` anywhere on the line is also the program's (hjem.cli).
    handover.add_argument(
        "--lang", dest="print_lang", choices=PRINT_LANGUAGES, help=tr("handover_print.lang")
    )
    handover.add_argument("--internal", action="store_true", help=tr("handover_print.internal"))
    handover.add_argument(
        "--with-address", action="store_true", help=tr("handover_print.with_address")
    )
    handover.add_argument("--architect", metavar="NAME", help=tr("handover_print.architect"))
    handover.add_argument(
        "--contact", metavar="TEXT", default="", help=tr("handover_print.contact")
    )
    handover.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from hjem.handover.gather import PrintChoice

    choice = PrintChoice(
        lang=_asked_language(args) or current_language(),
        internal=args.internal,
        with_address=args.with_address,
        architect=args.architect,
        contact=args.contact,
    )
    is_file = args.source.lower().endswith(".hjem") or Path(args.source).is_file()
    data = _from_file(args, choice) if is_file else _from_case(args, choice)
    return _write(data, args.output)


def _asked_language(args: argparse.Namespace) -> PrintLanguage | None:
    """The --lang given: a printout language after the command, or the program's own."""
    lang = args.print_lang or args.lang
    return print_language(lang) if lang else None


def _from_case(args: argparse.Namespace, choice: PrintChoice) -> HandoverData:
    from dataclasses import replace

    from hjem.cases.cases import get_case
    from hjem.handover.gather import case_handover

    code = CaseCode(args.source.strip())
    with workspace_session(args) as session:
        if _asked_language(args) is None:  # the language the case form remembers
            choice = replace(choice, lang=print_language(get_case(session, code).print_lang))
        return case_handover(session, code, choice)


def _from_file(args: argparse.Namespace, choice: PrintChoice) -> HandoverData:
    from hjem.commands.plan_file import read_plan
    from hjem.handover.gather import plan_handover

    if choice.with_address or choice.internal:
        raise CommandFailed(tr("handover_print.file_has_no_case"))
    plan = read_plan(args.source)
    workspace = _existing_workspace(args)
    if workspace is None:
        return plan_handover(plan, choice)
    try:
        return workspace.read(lambda session: plan_handover(plan, choice, session))
    except UserError as error:  # the workspace refused (busy, damaged, gone)
        raise CommandFailed(error.message.text()) from None
    finally:
        workspace.close()


def _existing_workspace(args: argparse.Namespace) -> Workspace | None:
    from hjem.db.engine import database_url, sqlite_path

    try:
        path = sqlite_path(database_url(args.database))
    except (UserError, OSError):  # an address hjem cannot use: open_workspace says why
        path = None
    return open_workspace(args) if path is None or path.exists() else None


def _write(data: HandoverData, output: str) -> int:
    from hjem.handover import build_handover

    progress = _show_progress if sys.stderr.isatty() else None
    try:
        build_handover(data, output, progress)
    except OSError as error:
        reason = tr("handover_print.cannot_write", file=output, reason=error.strerror)
        raise CommandFailed(reason) from None
    if progress is not None:
        print(file=sys.stderr)
    print(tr("handover_print.written", file=output, count=len(data.items)))
    return EXIT_OK


def _show_progress(done: int, total: int) -> None:
    print(
        f"\r{tr('handover_print.progress', percent=round(100 * done / max(total, 1)))}",
        end="",
        file=sys.stderr,
        flush=True,
    )
