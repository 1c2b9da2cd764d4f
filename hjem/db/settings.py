"""Settings of the workspace itself, shared by everyone who works in it (unlike the window's
own settings, which are one person's): a small key/value table."""

from __future__ import annotations

from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from hjem.db.base import Base


class WorkspaceSetting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def setting(session: Session, key: str, default: str) -> str:
    value = session.scalar(select(WorkspaceSetting.value).where(WorkspaceSetting.key == key))
    return default if value is None else value


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(WorkspaceSetting, key)
    if row is None:
        session.add(WorkspaceSetting(key=key, value=value))
    else:
        row.value = value
    session.flush()
