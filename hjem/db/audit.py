"""The audit log: who did what to which case or item on a team server, never an address.

On PostgreSQL the log is written by the server alone (migration 0006): triggers record
reservations, status changes, erasures and assignments; SECURITY DEFINER functions record a
read of an address and, through `record_case_action`, a print or an export; the server stamps
each row with the login that connected (`session_user`) and the time, and refuses to change
or delete a row, for everyone. hjem.db.people records the coordinator's changes of people.

On SQLite (one person's laptop) nothing is recorded: the table exists so that the schema is
the same, and the embedded workspace keeps its behaviour (issue 13). `record_case_action` is
a no-op there, which also keeps SQLite's read-only sessions read-only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import BigInteger, DateTime, Index, Integer, String, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from hjem.db.base import Base

# What the app itself may record; the server's function accepts these and no other.
CASE_PRINTED, BUDGET_EXPORTED = "case_printed", "budget_exported"
# Every action a row may name (the server's functions and triggers write them).
ACTIONS = (
    "address_read",
    "address_refused",
    "address_changed",
    CASE_PRINTED,
    BUDGET_EXPORTED,
    "item_reserved",
    "reservation_released",
    "item_handed_out",
    "item_status_changed",
    "case_status_changed",
    "case_erased",
    "case_assigned",
    "case_unassigned",
    "person_added",
    "person_disabled",
)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_case_code", "case_code", "at"),
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True
    )
    at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("CURRENT_TIMESTAMP")
    )
    login: Mapped[str] = mapped_column(String(63))
    action: Mapped[str] = mapped_column(String(40))
    case_code: Mapped[str | None] = mapped_column(String(40))
    item_code: Mapped[str | None] = mapped_column(String(12))
    detail: Mapped[str] = mapped_column(String(120), server_default="")


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    login: str
    action: str
    case_code: str | None
    item_code: str | None
    detail: str


def on_server(session: Session) -> bool:
    """Whether `session` works on a team server (PostgreSQL), where the audit is kept."""
    return session.get_bind().dialect.name == "postgresql"


def record_case_action(session: Session, action: str, case_code: str) -> None:
    """One audit row for a print or an export of the case, in the session's transaction: if
    the server refuses it (a case the person may not see), the work fails with it."""
    if on_server(session):
        session.execute(
            text("SELECT hjem_audit(:action, :code)"), {"action": action, "code": case_code}
        )


def audit_rows(
    session: Session, case_code: str | None = None, since: dt.date | None = None
) -> list[AuditRow]:
    """The log, oldest first; only the case's rows, or those from `since` on, when asked."""
    query = select(
        AuditEntry.at,
        AuditEntry.login,
        AuditEntry.action,
        AuditEntry.case_code,
        AuditEntry.item_code,
        AuditEntry.detail,
    )
    if case_code is not None:
        query = query.where(AuditEntry.case_code == case_code.strip())
    if since is not None:
        start = dt.datetime.combine(since, dt.time()).astimezone()  # local midnight
        query = query.where(AuditEntry.at >= start)
    rows = session.execute(query.order_by(AuditEntry.at, AuditEntry.id))
    return [AuditRow(*row) for row in rows]
