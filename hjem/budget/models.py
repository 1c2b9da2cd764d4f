"""Tables of grant schemes and budget lines (SQLAlchemy 2, typed). Money in øre, never float."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

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


class LineStatus(StrEnum):
    PLANNED = "planned"
    APPLIED = "applied"
    APPROVED = "approved"
    PAID = "paid"


class LineSource(StrEnum):
    PLAN = "plan"  # a piece on the plan: donated (in kind) or to buy (cash)
    SERVICE = "service"  # a moving van, a deposit, anything not on the plan


class GrantScheme(Base):
    __tablename__ = "grant_schemes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    total_limit_ore: Mapped[int] = mapped_column(BigInteger, default=0)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    apply_before_purchase: Mapped[bool] = mapped_column(Boolean, default=True)
    example: Mapped[bool] = mapped_column(Boolean, default=False)  # amounts to be edited
    notes: Mapped[str] = mapped_column(Text, default="")

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
