"""`hjem db upgrade`: bring the workspace database to the newest schema (done at start anyway)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from hjem.commands import EXIT_CANNOT, EXIT_OK, CommandFailed, Subcommands
from hjem.errors import UserError
from hjem.i18n import tr

if TYPE_CHECKING:  # SQLAlchemy loads only when a command opens the workspace
    from sqlalchemy.orm import Session

    from hjem.db.workspace import Workspace


def add(commands: Subcommands) -> None:
    db = commands.add_parser("db", help=tr("cli.db_help"), description=tr("cli.db_help"))
    actions = db.add_subparsers(title=tr("cli.commands"), metavar=tr("cli.action"), required=True)
    upgrade = actions.add_parser("upgrade", help=tr("cli.db_upgrade_help"))
    upgrade.set_defaults(handler=run_upgrade)


def open_workspace(args: argparse.Namespace, migrate: bool = True) -> Workspace | None:
    """The workspace the arguments point at, or None after saying why it cannot be opened.
    A plain workspace from an older hjem is encrypted first; a passphrase is asked for at a
    terminal (hjem.commands.workspace_terminal)."""
    try:
        return _open_at_terminal(args, migrate)
    except UserError as error:
        print(error.message.text(), file=sys.stderr)
    except CommandFailed as failed:
        if failed.reason:
            print(failed.reason, file=sys.stderr)
    return None


LOCKS = 3  # a plain workspace converted, then its passphrase typed: at most this many turns


def _open_at_terminal(args: argparse.Namespace, migrate: bool) -> Workspace:
    from hjem.commands import workspace_terminal
    from hjem.db import workspace
    from hjem.db.engine import PlainWorkspace
    from hjem.db.keystore import NoKeyring, PassphraseNeeded

    for _ in range(LOCKS):
        try:
            return workspace.open_workspace(args.database, migrate=migrate)
        except (PlainWorkspace, PassphraseNeeded, NoKeyring) as locked:
            workspace_terminal.overcome(locked)  # raises `locked` when it cannot help
    return workspace.open_workspace(args.database, migrate=migrate)


@contextmanager
def workspace_session(args: argparse.Namespace, read_only: bool = False) -> Iterator[Session]:
    """A session on the workspace the arguments point at, closed after. A database that cannot
    be opened or refuses the work, or a UserError (a refusal carrying its message), ends the
    command with the reason said. A `read_only` session runs beside another hjem's write."""
    workspace = open_workspace(args)
    if workspace is None:
        raise CommandFailed()  # open_workspace said why
    with refusals_said(workspace), workspace.session(read_only) as session:
        yield session


@contextmanager
def refusals_said(workspace: Workspace) -> Iterator[None]:
    """Work in `workspace` whose refusal (a UserError, or the database's or the disk's) ends
    the command with the reason said; the workspace is closed after."""
    from hjem.db.workspace import REFUSALS

    try:
        yield
    except UserError as error:
        raise CommandFailed(error.message.text()) from None
    except REFUSALS as error:
        raise CommandFailed(workspace.problem(error).message.text()) from None
    finally:
        workspace.close()


def run_upgrade(args: argparse.Namespace) -> int:
    from hjem.db.migrate import current_revision, head_revision, upgrade

    workspace = open_workspace(args, migrate=False)
    if workspace is None:
        return EXIT_CANNOT
    with refusals_said(workspace):
        before = current_revision(workspace.engine)
        backup = upgrade(workspace.engine)
    if before == head_revision():
        print(tr("cli.db_current", revision=head_revision()))
    else:
        print(tr("cli.db_upgraded", revision=head_revision()))
    if backup is not None:
        print(tr("cli.db_backup", path=backup))
    return EXIT_OK
