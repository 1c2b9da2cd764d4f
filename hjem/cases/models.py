"""Tables of family cases (SQLAlchemy 2, typed).

A case is known by its code and an alias the architect chooses: no CPR number, no real name.
The new address is optional and sensitive: it lives in its own table (`CaseAddress`), which no
listing query joins; on a team server no person may read that table at all, only a function
that checks the case's rule and leaves an audit row (hjem.cases.addresses).
The plan is stored as the bytes of a `.hjem` file, with a version column: two users saving
the same plan never silently overwrite each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import cast

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hjem.db.base import Base
from hjem.ids import CASE_CODE_LENGTH, CaseCode
from hjem.inventory.models import Reservation

# PostgreSQL's identifiers, and so its login names, are at most 63 bytes.
LOGIN_LENGTH = 63


class CaseStatus(StrEnum):
    REFERRED = "referred"
    ACTIVE = "active"
    PLAN_DELIVERED = "plan_delivered"
    CLOSED = "closed"


class AgeBand(StrEnum):
    """Children's ages as beds and children's furniture need them, not birth dates."""

    BABY = "0_2"  # a cot
    SMALL = "3_5"  # a junior bed
    SCHOOL = "6_12"  # a bed and a desk
    TEEN = "13_17"  # an adult bed


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[CaseCode] = mapped_column(String(CASE_CODE_LENGTH), unique=True)
    alias: Mapped[str] = mapped_column(String(80))
    municipality: Mapped[str] = mapped_column(String(80), default="")
    architect: Mapped[str] = mapped_column(String(120), default="")
    adults: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default=CaseStatus.REFERRED.value)
    # The grant scheme the case is under. Its foreign key is declared by hjem.budget.models:
    # the budget sits above the cases, and naming its table here would make creating a case
    # fail (NoReferencedTableError) in a program that never imported the budget.
    scheme_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # When the case was closed (None while open): the retention period counts from it.
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # The language the family's printout is made in (hjem.i18n.PRINT_LANGUAGES).
    print_lang: Mapped[str] = mapped_column(String(5), default="da", server_default="da")

    children: Mapped[list[Child]] = relationship(
        order_by="Child.position", cascade="all, delete-orphan"
    )
    visits: Mapped[list[Visit]] = relationship(
        order_by="Visit.visited_on", cascade="all, delete-orphan"
    )

    __mapper_args__: Mapping[str, object] = {"version_id_col": version}


class Child(Base):
    __tablename__ = "children"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    age_band: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Visit(Base):
    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    visited_on: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class CasePlan(Base):
    """The new home's plan: a `.hjem` file's bytes, versioned against lost updates."""

    __tablename__ = "case_plans"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    document: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    saved_by: Mapped[str] = mapped_column(String(120), default="")
    saved_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__: Mapping[str, object] = {"version_id_col": version}


class CaseArchitect(Base):
    """Who works on a case: a team server's login name (a PostgreSQL role) per architect. The
    server's row policies read it to let an architect see only their own cases; on the
    embedded workspace it is kept but unused (one person sees everything)."""

    __tablename__ = "case_architects"
    # The row policies look a person's cases up by login.
    __table_args__ = (Index("ix_case_architects_login", "login", "case_id"),)

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    login: Mapped[str] = mapped_column(String(LOGIN_LENGTH), primary_key=True)


class CaseAddress(Base):
    """A case's new address, when it has one: sensitive, read only by hjem.cases.addresses."""

    __tablename__ = "case_addresses"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    address: Mapped[str] = mapped_column(Text)


# A reservation names a case that exists, and follows it when the case is renumbered. The key
# is declared here because the inventory sits below the cases (migration 0003 made it).
cast(Table, Reservation.__table__).append_constraint(
    ForeignKeyConstraint(["case_code"], ["cases.code"], onupdate="CASCADE")
)
