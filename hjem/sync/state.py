"""The working copy's own facts, in its `sync_state` table: when it was last pulled (by the
server's clock), when it last synced, and the person's choices for it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from hjem.db.roles import Group, Identity
from hjem.sync.models import SyncState

TAKE_ADDRESSES = "take_addresses"  # "1": the cases' addresses come along (off by default)
SYNCED_AT = "synced_at"  # the server's clock at the end of the last whole sync
# Who the copy belongs to, as the server said at the last sign-in: offline, the window shows
# what their group may use without asking the server.
PERSON = ("person.user", "person.group", "person.server")


def state(session: Session, key: str, default: str) -> str:
    row = session.get(SyncState, key)
    return default if row is None else row.value


def set_state(session: Session, key: str, value: str | None) -> None:
    """Keep `value` under `key`; None forgets the key."""
    row = session.get(SyncState, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value
    session.flush()


def moment(session: Session, key: str) -> dt.datetime | None:
    value = state(session, key, "")
    return dt.datetime.fromisoformat(value) if value else None


def take_addresses(session: Session, take: bool) -> None:
    """The person's choice: the next pull brings the addresses of their cases, or removes
    every address from the copy."""
    set_state(session, TAKE_ADDRESSES, "1" if take else None)


def remember_person(session: Session, identity: Identity) -> None:
    group = "" if identity.group is None else identity.group.value
    for key, value in zip(PERSON, (identity.user, group, identity.server), strict=True):
        set_state(session, key, value)


def remembered_person(session: Session) -> Identity | None:
    """Who signed in last with this copy (None: nobody yet)."""
    user, group, server = (state(session, key, "") for key in PERSON)
    if not user:
        return None
    return Identity(user, Group(group) if group else None, server)
