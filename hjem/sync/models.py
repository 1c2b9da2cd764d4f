"""The tables of the sync: one the server keeps (`applied_ops`), three the laptop's working
copy keeps (`sync_outbox`, `sync_conflicts`, `sync_state`). Migration 0008 makes all four in
every database, so a workspace has one schema wherever it lives; on a team server no person
has any privilege on the laptop's three (hjem.db.server.GRANTS)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from hjem.db.base import Base
from hjem.ids import CASE_CODE_LENGTH

OP_ID_LENGTH = 36  # a UUID's text
ITEM_CODE_LENGTH = 12  # as hjem.inventory.models.Item.code


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class AppliedOp(Base):
    """An operation the server applied, with its answer: written in the same transaction as
    the operation's effect, so the effect and the record of it commit together or not at all.
    `login` is the server's own `current_user` and `applied_at` the server's clock (column
    defaults, migration 0008), never what a laptop says: the ORM leaves both out of its
    INSERT, and the row policy refuses a row that names another login (hjem.db.server)."""

    __tablename__ = "applied_ops"

    op_id: Mapped[str] = mapped_column(String(OP_ID_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    case_code: Mapped[str] = mapped_column(String(CASE_CODE_LENGTH), default="")
    login: Mapped[str] = mapped_column(String(63), server_default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    applied_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("CURRENT_TIMESTAMP")
    )


class OutboxEntry(Base):
    """An operation waiting on the laptop to be pushed, in the order it was made."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(OP_ID_LENGTH), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    case_code: Mapped[str] = mapped_column(String(CASE_CODE_LENGTH), default="")
    item_code: Mapped[str] = mapped_column(String(ITEM_CODE_LENGTH), default="")
    body: Mapped[str] = mapped_column(Text)  # Operation.to_json()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class SyncConflict(Base):
    """An operation the server did not apply, kept for the person to settle (never silently)."""

    __tablename__ = "sync_conflicts"

    op_id: Mapped[str] = mapped_column(String(OP_ID_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    case_code: Mapped[str] = mapped_column(String(CASE_CODE_LENGTH), default="")
    item_code: Mapped[str] = mapped_column(String(ITEM_CODE_LENGTH), default="")
    answer: Mapped[str] = mapped_column(Text)  # Answer.to_json()
    body: Mapped[str] = mapped_column(Text)  # the operation, for a plan: the laptop's copy
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    settled: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncState(Base):
    """The working copy's own facts: the server it copies, the last pull's watermark, when
    it last synced. A small key/value table."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
