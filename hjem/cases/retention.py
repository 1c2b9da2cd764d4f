"""How long a closed case is kept: the workspace's retention period, and the cases past it.

The period is a workspace setting (`retention_months`, 12 by default), the same for everyone
who works in the workspace; on a team server only the coordinator may change it (the grants of
`settings`). Nothing here erases: the start screen lists the cases past the period, and a
person confirms each erasure (hjem.cases.erase).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.cases.errors import CaseError
from hjem.cases.models import Case, CaseStatus
from hjem.db.settings import set_setting, setting
from hjem.i18n import msg
from hjem.ids import CaseCode

RETENTION_KEY = "retention_months"
DEFAULT_MONTHS = 12
MAX_MONTHS = 120  # ten years: longer is no retention period, only a forgotten case


@dataclass(frozen=True)
class ClosedCase:
    """A case past the retention period, as the start screen names it (never the address)."""

    code: CaseCode
    alias: str
    closed_at: dt.datetime


def retention_months(session: Session) -> int:
    """The workspace's retention period in months (the default when none is set or it is
    unreadable: a period is never silently shorter than the default)."""
    try:
        months = int(setting(session, RETENTION_KEY, str(DEFAULT_MONTHS)))
    except ValueError:
        return DEFAULT_MONTHS
    return months if 1 <= months <= MAX_MONTHS else DEFAULT_MONTHS


def set_retention_months(session: Session, months: int) -> int:
    if not 1 <= months <= MAX_MONTHS:
        raise CaseError(msg("erase.retention.bad_months", limit=MAX_MONTHS))
    set_setting(session, RETENTION_KEY, str(months))
    return months


def months_before(moment: dt.datetime, months: int) -> dt.datetime:
    """`moment` the given number of calendar months earlier (31 March less one month is the
    last day of February)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last_day = (following - dt.timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def cases_past_retention(session: Session, now: dt.datetime | None = None) -> list[ClosedCase]:
    """Closed cases whose closing is longer ago than the retention period, oldest first."""
    now = now or dt.datetime.now(dt.UTC)
    cutoff = months_before(now, retention_months(session))
    query = (
        select(Case.code, Case.alias, Case.closed_at)
        .where(Case.status == CaseStatus.CLOSED.value, Case.closed_at < cutoff)
        .order_by(Case.closed_at, Case.code)
    )
    rows = session.execute(query)
    return [ClosedCase(code, alias, _aware(closed)) for code, alias, closed in rows if closed]


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)  # SQLite drops the zone
