"""What a person is told about their working copy: how fresh it is, what waits, and each
conflict in plain words with the item and case codes (never a family's name)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.i18n import Message, msg
from hjem.sync.models import SyncConflict
from hjem.sync.operations import Answer, Reason
from hjem.sync.outbox import waiting_count
from hjem.sync.pull import PULLED_AT
from hjem.sync.state import SYNCED_AT, moment

# Each reason in words; a conflict over an item offers the way out (*Find et lignende*).
CONFLICT_TEXTS = {
    Reason.RESERVED_ELSEWHERE: "sync.conflict.reserved_elsewhere",
    Reason.NOT_AVAILABLE: "sync.conflict.not_available",
    Reason.NOT_RESERVED: "sync.conflict.not_reserved",
    Reason.PLAN_MOVED_ON: "sync.conflict.plan_moved_on",
    Reason.UNKNOWN_CASE: "sync.conflict.unknown_case",
    Reason.UNKNOWN_ITEM: "sync.conflict.unknown_item",
    Reason.NOT_PERMITTED: "sync.conflict.not_permitted",
    Reason.NONE: "sync.conflict.other",
}
MINUTE, HOUR, DAY = 60, 3600, 86_400


@dataclass(frozen=True)
class CopyStatus:
    waiting: int
    pulled_at: dt.datetime | None
    synced_at: dt.datetime | None
    conflicts: list[SyncConflict]


def copy_status(session: Session) -> CopyStatus:
    return CopyStatus(
        waiting=waiting_count(session),
        pulled_at=moment(session, PULLED_AT),
        synced_at=moment(session, SYNCED_AT),
        conflicts=open_conflicts(session),
    )


def open_conflicts(session: Session) -> list[SyncConflict]:
    query = select(SyncConflict).where(SyncConflict.settled.is_(False))
    return list(session.scalars(query.order_by(SyncConflict.at)))


def describe(conflict: SyncConflict) -> Message:
    answer = Answer.from_json(conflict.answer)
    return msg(
        CONFLICT_TEXTS[answer.reason],
        item=conflict.item_code,
        case=conflict.case_code,
        who=answer.saved_by or "?",
    )


def freshness(pulled_at: dt.datetime | None, now: dt.datetime) -> Message:
    """ "Lager opdateret for 2 timer siden": the age of the copy's inventory."""
    if pulled_at is None:
        return msg("sync.fresh.never")
    seconds = max(0.0, (now - pulled_at).total_seconds())
    if seconds < MINUTE:
        return msg("sync.fresh.now")
    if seconds < HOUR:
        return msg("sync.fresh.minutes", count=int(seconds // MINUTE))
    if seconds < DAY:
        return msg("sync.fresh.hours", count=int(seconds // HOUR))
    return msg("sync.fresh.days", count=int(seconds // DAY))
