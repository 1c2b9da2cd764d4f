"""What time it is for the database: on a team server the server's clock, not the laptop's.

A reservation's expiry is decided by one clock for everyone. A laptop whose clock is a day off
(a dead battery, a wrong time zone) must neither keep a hold a day too long nor lose it a day
early: on PostgreSQL the time is the server's `now()` (the transaction's start, the same for
every statement in it); on the laptop's own SQLite workspace the laptop is the server."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session


def database_now(session: Session) -> dt.datetime:
    if session.get_bind().dialect.name == "postgresql":
        moment = session.scalar(select(func.now()))
        assert isinstance(moment, dt.datetime)
        return moment
    return dt.datetime.now(dt.UTC)
