"""`hjem sync [--json] [--status] [--addresses take|leave]`: the laptop's working copy of the
team server (--database or HJEM_DATABASE_URL, the person's own address) pushed and pulled.

Exit 0: synced, no conflict; 1: synced, and operations the server did not apply are listed for
the person; 2: no sync (the server out of reach, no team server named): the outbox is as it
was. Progress goes to stderr, so `--json` prints one JSON object alone on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from hjem.commands import EXIT_CANNOT, EXIT_FOUND_PROBLEMS, EXIT_OK, CommandFailed, Subcommands
from hjem.errors import UserError
from hjem.i18n import tr

if TYPE_CHECKING:
    from hjem.db.workspace import Workspace
    from hjem.sync.engine import SyncReport
    from hjem.sync.status import CopyStatus


def add(commands: Subcommands) -> None:
    sync = commands.add_parser(
        "sync", help=tr("cli.sync.help"), description=tr("cli.sync.description")
    )
    sync.add_argument("--json", action="store_true", help=tr("cli.sync.json_help"))
    sync.add_argument("--status", action="store_true", help=tr("cli.sync.status_help"))
    sync.add_argument("--addresses", choices=("take", "leave"), help=tr("cli.sync.addresses_help"))
    sync.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from hjem.sync.copy import open_copy

    url = _server_url(args)
    try:
        copy = open_copy(url)
    except UserError as error:
        raise CommandFailed(error.message.text()) from None
    try:
        if args.addresses:
            _choose_addresses(copy, args.addresses == "take")
        if args.status:
            return _print_status(copy, args.json)
        return _sync(args, copy)
    finally:
        copy.close()


def _server_url(args: argparse.Namespace) -> str:
    from hjem.db.engine import database_url

    try:
        url = database_url(args.database)  # the local workspace's file when none is named
    except UserError as error:
        raise CommandFailed(error.message.text()) from None
    if not url.startswith("postgresql"):
        raise CommandFailed(tr("cli.sync.needs_server"))
    return url


def _choose_addresses(copy: Workspace, take: bool) -> None:
    from hjem.sync.state import take_addresses

    copy.run(lambda session: take_addresses(session, take))


def _sync(args: argparse.Namespace, copy: Workspace) -> int:
    from hjem.commands.database import open_workspace
    from hjem.sync.engine import sync

    server = open_workspace(args)  # says why when the server cannot be reached
    if server is None:
        _say_still_waiting(copy)
        return EXIT_CANNOT
    try:
        report = sync(server, copy, _progress)
    except UserError as error:
        print(error.message.text(), file=sys.stderr)
        _say_still_waiting(copy)
        return EXIT_CANNOT
    finally:
        server.close()
    print(json.dumps(_as_json(report, copy), ensure_ascii=False) if args.json else _summary(report))
    return EXIT_FOUND_PROBLEMS if report.conflicts else EXIT_OK


def _progress(stage: str, done: int, total: int) -> None:
    if stage == "push" and total:
        print(tr("cli.sync.pushing", done=done, count=total), file=sys.stderr, flush=True)
    elif stage == "pull" and done == 0:
        print(tr("cli.sync.pulling"), file=sys.stderr, flush=True)


def _say_still_waiting(copy: Workspace) -> None:
    status = _status(copy)
    print(tr("cli.sync.still_waiting", count=status.waiting), file=sys.stderr)


def _status(copy: Workspace) -> CopyStatus:
    from hjem.sync.status import copy_status

    return copy.read(copy_status)


def _summary(report: SyncReport) -> str:
    from hjem.sync.status import describe

    lines = [tr("cli.sync.applied", count=report.applied)]
    if report.conflicts:
        lines.append(tr("cli.sync.conflicts", count=len(report.conflicts)))
        lines += [f"  - {describe(conflict).text()}" for conflict in report.conflicts]
    read = report.pulled.rows_read
    lines.append(tr("cli.sync.pulled", count=read["items"], cases=read["cases"]))
    lines.append(tr("sync.fresh.now"))
    return "\n".join(lines)


def _as_json(report: SyncReport, copy: Workspace) -> dict[str, Any]:
    from hjem.sync.status import describe

    return {
        "applied": report.applied,
        "conflicts": [
            {
                "op": c.op_id,
                "kind": c.kind,
                "case": c.case_code,
                "item": c.item_code,
                "reason": json.loads(c.answer)["reason"],
                "message": describe(c).text(),
            }
            for c in report.conflicts
        ],
        "pulled": dict(report.pulled.rows_read),
        "removed": dict(report.pulled.removed),
        "pulled_at": report.pulled.pulled_at.isoformat(),
        "waiting": _status(copy).waiting,
    }


def _print_status(copy: Workspace, as_json: bool) -> int:
    from hjem.i18n import format_moment
    from hjem.sync.status import describe, freshness

    status = _status(copy)
    now = dt.datetime.now(dt.UTC)
    if as_json:
        print(json.dumps(_status_json(status), ensure_ascii=False))
        return EXIT_OK
    print(tr("cli.sync.status_waiting", count=status.waiting))
    print(freshness(status.pulled_at, now).text())
    if status.synced_at is not None:
        print(tr("cli.sync.status_synced", when=format_moment(status.synced_at)))
    for conflict in status.conflicts:
        print(f"  - {describe(conflict).text()}")
    return EXIT_OK


def _status_json(status: CopyStatus) -> dict[str, Any]:
    def when(moment: dt.datetime | None) -> str | None:
        return None if moment is None else moment.isoformat()

    return {
        "waiting": status.waiting,
        "pulled_at": when(status.pulled_at),
        "synced_at": when(status.synced_at),
        "conflicts": [
            {"op": c.op_id, "kind": c.kind, "case": c.case_code, "item": c.item_code}
            for c in status.conflicts
        ],
    }
