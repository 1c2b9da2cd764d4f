"""Refreshing the working copy from the team server: what the person may see, and only what
changed since the last pull.

The server is read as the person, in one REPEATABLE READ transaction (one snapshot: an item
and its reservation are never seen at two moments), and the copy written in one local
transaction: a pull cut off half-way leaves the copy as it was.

- Small tables are read whole: categories, storage locations, grant schemes and their limits,
  the shared settings, and the person's cases with their children, visits and budget lines
  (row-level security keeps them to the person's own cases).
- Items and plans are compared by version: the server's (id, version) pairs are read, and
  whole rows only where the copy's version differs (a version is exact where a time stamp is
  not: `items.updated_at` is written by each writer's own clock, and a transaction that
  commits after a pull began could carry a time before it). The items are those available,
  or reserved for one of the person's cases; an item reserved for anyone else, or whose case
  is no longer theirs, leaves the copy. Photos come as thumbnails; the display photos stay on
  the server.
- The address of a case comes only if the person chose to take addresses along (off by
  default), through the server's function, which audits each read.
- Reservations: the server's visible ones, then the waiting operations' provisional effects
  made again on top (hjem.sync.replay).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, exists, or_, select
from sqlalchemy.orm import Session

from hjem.budget.models import BudgetLine, GrantScheme, SchemeLimit
from hjem.cases.addresses import has_address, read_address
from hjem.cases.models import Case, CaseAddress, CasePlan, Child, Visit
from hjem.db.clock import database_now
from hjem.db.settings import WorkspaceSetting
from hjem.inventory.models import Category, Item, Location, Photo, Reservation, Status
from hjem.sync import outbox
from hjem.sync.operations import Kind
from hjem.sync.replay import replay_waiting
from hjem.sync.rows import chunks, delete_ids, read_rows, table_of, upsert, versions
from hjem.sync.state import TAKE_ADDRESSES, set_state, state

ITEMS, PHOTOS, PLANS = table_of(Item), table_of(Photo), table_of(CasePlan)
RESERVATIONS = table_of(Reservation)
# Read whole, in this order (the copy defers its foreign keys to the commit anyway).
SMALL_TABLES = (Category, Location, GrantScheme, SchemeLimit, WorkspaceSetting)
HOUSEHOLD = (Child, Visit, BudgetLine)
PULLED_AT = "pulled_at"  # the server's clock at the last pull
# Every table a pull may read, so that a report names each, with 0 when nothing changed.
TABLES_READ = tuple(
    table_of(model).name
    for model in (*SMALL_TABLES, Case, *HOUSEHOLD, CasePlan, CaseAddress, Item, Photo, Reservation)
)


@dataclass
class PullReport:
    pulled_at: dt.datetime
    rows_read: Counter[str] = field(default_factory=lambda: Counter(dict.fromkeys(TABLES_READ, 0)))
    removed: Counter[str] = field(default_factory=Counter)  # rows gone from the copy
    replayed: int = 0  # waiting operations made again on the copy

    @property
    def items_read(self) -> int:
        return self.rows_read[ITEMS.name]


def pull(remote: Session, local: Session) -> PullReport:
    """Bring the copy (`local`) to what the server (`remote`, the person's session) shows."""
    remote.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    local.execute(delete(RESERVATIONS))  # made again below, from the server's
    local.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    report = PullReport(pulled_at=database_now(remote))
    for model in SMALL_TABLES:
        _whole(remote, local, table_of(model), report)
    _cases(remote, local, report)
    _plans(remote, local, report)
    _addresses(remote, local, report)
    _items(remote, local, report)
    _photos(remote, local, report)
    _reservations(remote, local, report)
    report.replayed = replay_waiting(local)
    set_state(local, PULLED_AT, report.pulled_at.isoformat())
    return report


def _whole(remote: Session, local: Session, table: Table, report: PullReport) -> None:
    rows = read_rows(remote, table)
    keys = {tuple(row[c.name] for c in table.primary_key.columns) for row in rows}
    upsert(local, table, rows)
    report.rows_read[table.name] += len(rows)
    stale = [
        row for row in local.execute(select(*table.primary_key.columns)) if tuple(row) not in keys
    ]
    for row in stale:
        condition = [c == value for c, value in zip(table.primary_key.columns, row, strict=True)]
        local.execute(delete(table).where(*condition))
    report.removed[table.name] += len(stale)


def _cases(remote: Session, local: Session, report: PullReport) -> None:
    """The person's cases and their households; a case no longer theirs leaves the copy
    with everything of it (its rows cascade)."""
    _whole(remote, local, table_of(Case), report)
    for model in HOUSEHOLD:
        _whole(remote, local, table_of(model), report)


def _plans(remote: Session, local: Session, report: PullReport) -> None:
    """Plan documents whose version changed, except a plan saved offline whose save still
    waits: the laptop's stays, and so does the version it was based on."""
    waiting = _waiting_plan_cases(local)
    server, here = versions(remote, PLANS, "case_id"), versions(local, PLANS, "case_id")
    codes = {int(i): str(c) for i, c in local.execute(select(Case.id, Case.code))}
    for case_id, version in server.items():
        code = codes.get(case_id)
        if code is None or code in waiting:
            continue
        outbox.set_plan_base(local, code, version)
        if here.get(case_id) != version:
            rows = read_rows(remote, PLANS, PLANS.c.case_id == case_id)
            upsert(local, PLANS, rows)
            report.rows_read[PLANS.name] += len(rows)
    gone = [case_id for case_id in here if case_id not in server and codes.get(case_id)]
    for case_id in gone:
        if codes[case_id] not in waiting:
            local.execute(delete(PLANS).where(PLANS.c.case_id == case_id))
            outbox.set_plan_base(local, codes[case_id], None)


def _waiting_plan_cases(local: Session) -> set[str]:
    return {e.case_code for e in outbox.waiting(local) if e.kind == Kind.SAVE_PLAN.value}


def _addresses(remote: Session, local: Session, report: PullReport) -> None:
    """Only when the person chose to take addresses along; else none is on the laptop."""
    local.execute(delete(CaseAddress))
    if state(local, TAKE_ADDRESSES, "") != "1":
        return
    for case_id, code in local.execute(select(Case.id, Case.code)).all():
        if has_address(remote, code):
            local.add(CaseAddress(case_id=case_id, address=read_address(remote, code)))
            report.rows_read[table_of(CaseAddress).name] += 1


def _visible_items() -> Any:
    """Available, or reserved for one of the person's cases (row security hides the
    reservations of other cases)."""
    reserved_here = exists().where(RESERVATIONS.c.item_id == ITEMS.c.id, RESERVATIONS.c.active)
    return or_(ITEMS.c.status == Status.AVAILABLE.value, reserved_here)


def _items(remote: Session, local: Session, report: PullReport) -> None:
    query = select(ITEMS.c.id, ITEMS.c.version).where(_visible_items())
    server = {int(i): int(v) for i, v in remote.execute(query)}
    here = versions(local, ITEMS)
    report.removed[ITEMS.name] += delete_ids(local, ITEMS, here.keys() - server.keys())
    changed = sorted(i for i, version in server.items() if here.get(i) != version)
    for part in chunks(changed):
        rows = read_rows(remote, ITEMS, ITEMS.c.id.in_(part))
        for row in rows:
            row["donor_id"] = None  # the donors' table is not the architects' to see
        upsert(local, ITEMS, rows)
        report.rows_read[ITEMS.name] += len(rows)


def _photos(remote: Session, local: Session, report: PullReport) -> None:
    """Thumbnails of the visible items' photos, each read once (a photo never changes)."""
    query = select(PHOTOS.c.id).join(ITEMS, ITEMS.c.id == PHOTOS.c.item_id).where(_visible_items())
    server = {int(i) for i in remote.scalars(query)}
    here = {int(i) for i in local.scalars(select(PHOTOS.c.id))}
    report.removed[PHOTOS.name] += delete_ids(local, PHOTOS, here - server)
    columns = [c for c in PHOTOS.columns if c.name != "display"]
    for part in chunks(sorted(server - here)):
        rows = [
            dict(r)
            for r in remote.execute(select(*columns).where(PHOTOS.c.id.in_(part))).mappings()
        ]
        for row in rows:
            row["display"] = b""  # the full photo is shown online only
        upsert(local, PHOTOS, rows)
        report.rows_read[PHOTOS.name] += len(rows)


def _reservations(remote: Session, local: Session, report: PullReport) -> None:
    rows = read_rows(remote, RESERVATIONS, RESERVATIONS.c.active)
    if rows:
        local.execute(RESERVATIONS.insert(), rows)
    report.rows_read[RESERVATIONS.name] += len(rows)
