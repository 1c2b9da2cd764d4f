"""Tables of grant schemes and budget lines (SQLAlchemy 2, typed). Money in øre, never float."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import cast

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hjem.cases.models import Case  # budget lines belong to cases: their table must be known
from hjem.db.base import Base
from hjem.ids import ElementId


class BudgetCategory(StrEnum):
    """What a grant pays for, as the schemes split it."""

    DEPOSIT = "indskud"
    MOVING = "flytning"
    FURNITURE = "basale_moebler"
    CLOTHES = "toej"
    TOYS = "legetoej"
    OTHER = "andet"


class SchemeState(StrEnum):
    ACTIVE = "active"  # offered for cases and budget lines
    SUPERSEDED = "superseded"  # an older version, kept for the budgets approved under it
    RETIRED = "retired"  # no longer offered; the cases under it keep it


# One scheme of a name at a time: older versions (superseded) keep the name they had.
CURRENT_NAME = "state <> 'superseded'"


class LineStatus(StrEnum):
    PLANNED = "planned"
    APPLIED = "applied"
    APPROVED = "approved"
    PAID = "paid"


class LineSource(StrEnum):
    PLAN = "plan"  # a piece on the plan: donated (in kind) or to buy (cash)
    SERVICE = "service"  # a moving van, a deposit, anything not on the plan


class GrantScheme(Base):
    """One version of a grant scheme. A scheme that approved budgets were approved under is
    not rewritten: a change makes a new version (`replaces_id` the one before, which is kept
    and superseded), so those budgets keep the figures they were approved under."""

    __tablename__ = "grant_schemes"
    __table_args__ = (
        Index(
            "uq_grant_schemes_current_name",
            "name",
            unique=True,
            sqlite_where=text(CURRENT_NAME),
            postgresql_where=text(CURRENT_NAME),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    total_limit_ore: Mapped[int] = mapped_column(BigInteger, default=0)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    apply_before_purchase: Mapped[bool] = mapped_column(Boolean, default=True)
    example: Mapped[bool] = mapped_column(Boolean, default=False)  # amounts to be edited
    notes: Mapped[str] = mapped_column(Text, default="")
    # False: the limits cap cash only; True: cash and in kind (donated items' value) together
    limits_include_in_kind: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    replaces_id: Mapped[int | None] = mapped_column(
        ForeignKey("grant_schemes.id", ondelete="SET NULL")
    )
    state: Mapped[str] = mapped_column(
        String(20), default=SchemeState.ACTIVE.value, server_default=SchemeState.ACTIVE.value
    )

    limits: Mapped[list[SchemeLimit]] = relationship(
        cascade="all, delete-orphan", order_by="SchemeLimit.id", lazy="selectin"
    )


class SchemeLimit(Base):
    __tablename__ = "scheme_limits"
    __table_args__ = (UniqueConstraint("scheme_id", "category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("grant_schemes.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(20))
    limit_ore: Mapped[int] = mapped_column(BigInteger)


class BudgetLine(Base):
    __tablename__ = "budget_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(20), default=LineSource.SERVICE.value)
    placement_id: Mapped[ElementId | None] = mapped_column(String(500))  # for lines from the plan
    description: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    cash_ore: Mapped[int] = mapped_column(BigInteger, default=0)
    in_kind_ore: Mapped[int] = mapped_column(BigInteger, default=0)
    scheme_id: Mapped[int | None] = mapped_column(
        ForeignKey("grant_schemes.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(20), default=LineStatus.PLANNED.value)
    applied_on: Mapped[dt.date | None] = mapped_column(Date)
    approved_on: Mapped[dt.date | None] = mapped_column(Date)
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)


# A case names the grant scheme it is under. The key is declared here because the cases sit
# below the budget (see Case.scheme_id); migration 0002 made it in the database.
cast(Table, Case.__table__).append_constraint(
    ForeignKeyConstraint(["scheme_id"], ["grant_schemes.id"], ondelete="SET NULL")
)
