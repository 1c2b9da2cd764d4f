"""Tables of the shared inventory (SQLAlchemy 2, typed).

Money is kept in øre (integer), never as a float. An item's long and short sides are stored
beside its width and depth so "fits within W × D, either way round" is an index range query.
One active reservation per item is a rule of the database itself (a partial unique index),
so two architects can never both be promised the same sofa.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from hjem.db.base import Base
from hjem.ids import CASE_CODE_LENGTH, CaseCode, ItemCode


class Status(StrEnum):
    RECEIVED = "received"
    AVAILABLE = "available"
    RESERVED = "reserved"
    DELIVERED = "delivered"
    REPAIR = "repair"
    DISCARDED = "discarded"


class Condition(StrEnum):
    AS_NEW = "as_new"
    GOOD = "good"
    FAIR = "fair"
    WORN = "worn"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)  # as in floorplan.categories
    name: Mapped[str] = mapped_column(String(80))  # Danish; the catalog names known slugs
    position: Mapped[int] = mapped_column(Integer, default=0)


class Location(Base):
    """A place in storage: a warehouse, a zone in it, a shelf in the zone."""

    __tablename__ = "locations"
    __table_args__ = (UniqueConstraint("parent_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id", ondelete="RESTRICT"))
    parent: Mapped[Location | None] = relationship(remote_side=[id])


class Donor(Base):
    """As little as is needed to thank a donor or ask about an item; all of it optional."""

    __tablename__ = "donors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    contact: Mapped[str] = mapped_column(String(120), default="")


class Item(Base):
    __tablename__ = "items"
    __table_args__ = (
        # Fits-within and best-fit queries: status (and category) equal, sides in a range,
        # read from the largest down.
        Index("ix_items_fit", "status", "long_side", "short_side"),
        Index("ix_items_category_fit", "category_id", "status", "long_side", "short_side"),
        Index("ix_items_received", "received_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[ItemCode] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="RESTRICT"))
    width: Mapped[float] = mapped_column(Float)
    depth: Mapped[float] = mapped_column(Float)
    height: Mapped[float] = mapped_column(Float)
    long_side: Mapped[float] = mapped_column(Float)
    short_side: Mapped[float] = mapped_column(Float)
    colour: Mapped[str] = mapped_column(String(120), default="")
    condition: Mapped[str] = mapped_column(String(20), default=Condition.GOOD.value)
    whole: Mapped[bool] = mapped_column(Boolean, default=False)
    clean: Mapped[bool] = mapped_column(Boolean, default=False)
    smoke_free: Mapped[bool] = mapped_column(Boolean, default=False)
    pet_free: Mapped[bool] = mapped_column(Boolean, default=False)
    no_pests: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    received_on: Mapped[dt.date] = mapped_column(Date)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id", ondelete="SET NULL"))
    value_ore: Mapped[int] = mapped_column(BigInteger, default=0)
    donor_id: Mapped[int | None] = mapped_column(ForeignKey("donors.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default=Status.RECEIVED.value)
    search_text: Mapped[str] = mapped_column(Text, default="")  # lower-cased, for text search
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )

    category: Mapped[Category] = relationship(lazy="joined")
    location: Mapped[Location | None] = relationship()
    donor: Mapped[Donor | None] = relationship()
    photos: Mapped[list[Photo]] = relationship(
        back_populates="item", order_by="Photo.position", cascade="all, delete-orphan"
    )

    # Concurrent edits never silently overwrite each other: an UPDATE of a stale version
    # matches no row, and the second writer is told.
    __mapper_args__: Mapping[str, object] = {"version_id_col": version}


class Photo(Base):
    __tablename__ = "photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    display: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))  # JPEG ≤ 1600 px
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)  # JPEG, at most 256 px
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    item: Mapped[Item] = relationship(back_populates="photos")


class ItemEvent(Base):
    """An item's history: who did what, when, from which status to which, and why."""

    __tablename__ = "item_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    who: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))  # status, edit, reserve, release, deliver
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")


class Reservation(Base):
    __tablename__ = "reservations"
    __table_args__ = (
        Index(
            "uq_reservations_one_active_per_item",
            "item_id",
            unique=True,
            sqlite_where=text("active"),
            postgresql_where=text("active"),
        ),
        Index("ix_reservations_case", "case_code", "active"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    # Never a name. It names a case that exists: the foreign key is added by hjem.cases.models,
    # as the inventory sits below the cases and cannot name their table itself.
    case_code: Mapped[CaseCode] = mapped_column(String(CASE_CODE_LENGTH))
    reserved_by: Mapped[str] = mapped_column(String(120))
    reserved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    end_reason: Mapped[str] = mapped_column(String(20), default="")  # released, delivered, expired

    item: Mapped[Item] = relationship()
