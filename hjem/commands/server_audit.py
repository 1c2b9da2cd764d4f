"""How `hjem server audit [--case CODE] [--since YYYY-MM-DD] [--json]` (hjem.commands.server)
shows the team server's audit log to the coordinator: when (local time), who (the login),
what, which case and item. Never an address: the log holds none.

A coordinator's own login is enough (they may read the log, no one may change it); an
architect's or an inventory manager's is refused by the server, said in Danish.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from hjem.commands import CommandFailed
from hjem.i18n import tr

if TYPE_CHECKING:
    from hjem.db.audit import AuditRow

# Each action's words, spelled out so the catalog check finds every key.
ACTION_KEYS = {
    "address_read": "audit.action.address_read",
    "address_refused": "audit.action.address_refused",
    "address_changed": "audit.action.address_changed",
    "case_printed": "audit.action.case_printed",
    "budget_exported": "audit.action.budget_exported",
    "item_reserved": "audit.action.item_reserved",
    "reservation_released": "audit.action.reservation_released",
    "item_handed_out": "audit.action.item_handed_out",
    "item_status_changed": "audit.action.item_status_changed",
    "case_status_changed": "audit.action.case_status_changed",
    "case_erased": "audit.action.case_erased",
    "case_assigned": "audit.action.case_assigned",
    "case_unassigned": "audit.action.case_unassigned",
    "person_added": "audit.action.person_added",
    "person_disabled": "audit.action.person_disabled",
}
COLUMNS = (
    "cli.audit.column.at",
    "cli.audit.column.login",
    "cli.audit.column.action",
    "cli.audit.column.case",
    "cli.audit.column.item",
    "cli.audit.column.detail",
)
WIDTHS = (19, 20, 30, 16, 10)


def since_date(text: str | None) -> dt.date | None:
    """The --since date, or a Danish refusal (exit 2) that says how to write it."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CommandFailed(tr("cli.audit.bad_date", date=text)) from None


def show(rows: list[AuditRow], as_json: bool) -> None:
    """The rows as JSON lines, or as a table with a count under it."""
    if as_json:
        for row in rows:
            print(json.dumps(_as_json(row), ensure_ascii=False))
    else:
        _print_table(rows)


def _as_json(row: AuditRow) -> dict[str, object]:
    return {
        "at": _local(row.at).isoformat(),
        "login": row.login,
        "action": row.action,
        "case_code": row.case_code,
        "item_code": row.item_code,
        "detail": row.detail,
    }


def _print_table(rows: list[AuditRow]) -> None:
    print(_line(tuple(tr(key) for key in COLUMNS)))
    for row in rows:
        when = _local(row.at).strftime("%Y-%m-%d %H:%M:%S")
        what = tr(ACTION_KEYS[row.action]) if row.action in ACTION_KEYS else row.action
        print(_line((when, row.login, what, row.case_code or "", row.item_code or "", row.detail)))
    print(tr("cli.audit.listed", count=len(rows)))


def _line(cells: tuple[str, ...]) -> str:
    padded = [f"{cell:<{width}.{width}}" for cell, width in zip(cells, WIDTHS, strict=False)]
    return "  ".join([*padded, *cells[len(WIDTHS) :]]).rstrip()


def _local(moment: dt.datetime) -> dt.datetime:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone()
