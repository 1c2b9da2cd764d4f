"""`hjem server init|user|assign|unassign|audit`: the coordinator's commands for a team
server, run with an owner/administrator login (--database or HJEM_DATABASE_URL) — never a
person's own.

`init` makes the roles, migrates as the tables' owner, grants and sets the row policies; it is
safe to run again. `user add` prints a generated password once, on stdout only, and nowhere
else; an address's password is never printed (hjem.db.problems names the host alone).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from hjem.commands import EXIT_OK, CommandFailed, Subcommands
from hjem.i18n import tr

if TYPE_CHECKING:
    from sqlalchemy import Engine

ROLES = ("architect", "inventory", "coordinator")


def add(commands: Subcommands) -> None:
    server = commands.add_parser(
        "server", help=tr("cli.server.help"), description=tr("cli.server.description")
    )
    actions = server.add_subparsers(
        title=tr("cli.commands"), metavar=tr("cli.action"), required=True
    )
    init = actions.add_parser("init", help=tr("cli.server.init_help"))
    init.set_defaults(handler=run_init)
    _add_user_commands(actions.add_parser("user", help=tr("cli.server.user_help")))
    assign = actions.add_parser("assign", help=tr("cli.server.assign_help"))
    assign.add_argument("case", metavar="CASE", help=tr("cli.server.case_help"))
    assign.add_argument("name", metavar="NAME", help=tr("cli.server.architect_help"))
    assign.set_defaults(handler=run_assign)
    unassign = actions.add_parser("unassign", help=tr("cli.server.unassign_help"))
    unassign.add_argument("case", metavar="CASE", help=tr("cli.server.case_help"))
    unassign.add_argument("name", metavar="NAME", help=tr("cli.server.architect_help"))
    unassign.set_defaults(handler=run_unassign)
    audit = actions.add_parser("audit", help=tr("cli.audit.help"))
    audit.add_argument("--case", metavar="CASE", help=tr("cli.audit.case_help"))
    audit.add_argument("--since", metavar="YYYY-MM-DD", help=tr("cli.audit.since_help"))
    audit.add_argument("--json", action="store_true", help=tr("cli.audit.json_help"))
    audit.set_defaults(handler=run_audit)


def _add_user_commands(user: argparse.ArgumentParser) -> None:
    actions = user.add_subparsers(title=tr("cli.commands"), metavar=tr("cli.action"), required=True)
    adding = actions.add_parser("add", help=tr("cli.server.user_add_help"))
    adding.add_argument("name", metavar="NAME", help=tr("cli.server.name_help"))
    adding.add_argument("--role", required=True, choices=ROLES, help=tr("cli.server.role_help"))
    adding.add_argument("--password", metavar="PW", help=tr("cli.server.password_help"))
    adding.set_defaults(handler=run_user_add)
    disable = actions.add_parser("disable", help=tr("cli.server.user_disable_help"))
    disable.add_argument("name", metavar="NAME", help=tr("cli.server.name_help"))
    disable.set_defaults(handler=run_user_disable)


@contextmanager
def admin_engine(args: argparse.Namespace) -> Iterator[Engine]:
    """An engine on the team server as its administrator; a refusal (a UserError, or the
    server's) ends the command with the reason said, the address's password never in it."""
    from hjem.db.engine import database_url, make_engine
    from hjem.db.problems import explain
    from hjem.db.workspace import REFUSALS
    from hjem.errors import DatabaseProblem, UserError

    try:
        url = database_url(args.database)
        if not url.startswith("postgresql"):
            raise CommandFailed(tr("cli.server.needs_server"))
        engine = make_engine(url)
    except UserError as error:
        raise CommandFailed(error.message.text()) from None
    try:
        yield engine
    except UserError as error:
        raise CommandFailed(error.message.text()) from None
    except REFUSALS as error:
        raise CommandFailed(DatabaseProblem(error, explain(error, url)).message.text()) from None
    finally:
        engine.dispose()


def run_init(args: argparse.Namespace) -> int:
    from hjem.db.migrate import head_revision
    from hjem.db.server import init

    with admin_engine(args) as engine:
        init(engine)
    print(tr("cli.server.initialised", revision=head_revision()))
    return EXIT_OK


def run_user_add(args: argparse.Namespace) -> int:
    from hjem.db.people import add_person

    with admin_engine(args) as engine:
        person = add_person(engine, args.name, args.role, args.password)
    print(tr("cli.server.user_added", name=person.name, role=tr(f"server.role.{person.role}")))
    if person.generated:  # shown this once; hjem keeps no copy
        print(tr("cli.server.password_once", password=person.password))
    return EXIT_OK


def run_user_disable(args: argparse.Namespace) -> int:
    from hjem.db.people import disable_person

    with admin_engine(args) as engine:
        ended = disable_person(engine, args.name)
    print(tr("cli.server.user_disabled", name=args.name, count=ended))
    return EXIT_OK


# What an assignment command says, by whether it changed anything.
ASSIGNED = {True: "cli.server.assigned", False: "cli.server.already_assigned"}
UNASSIGNED = {True: "cli.server.unassigned", False: "cli.server.not_assigned"}


def run_assign(args: argparse.Namespace) -> int:
    return _change_assignment(args, assign=True)


def run_unassign(args: argparse.Namespace) -> int:
    return _change_assignment(args, assign=False)


def _change_assignment(args: argparse.Namespace, assign: bool) -> int:
    from hjem.db.people import assign_case, unassign_case

    with admin_engine(args) as engine:
        changed = (assign_case if assign else unassign_case)(engine, args.case, args.name)
    said = ASSIGNED if assign else UNASSIGNED
    print(tr(said[changed], case=args.case, name=args.name))
    return EXIT_OK


def run_audit(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from hjem.commands.server_audit import show, since_date
    from hjem.db.audit import audit_rows

    since = since_date(args.since)  # before connecting: a typo costs no password
    with admin_engine(args) as engine, Session(engine) as session:
        rows = audit_rows(session, args.case, since)
    show(rows, as_json=args.json)
    return EXIT_OK
