"""Who the signed-in person is on a team server: their login and the hjem group they are in.

The database decides what a person may see (hjem.db.server); this only tells the windows which
of them are worth showing. The embedded SQLite workspace, and a server where `hjem server init`
never ran (no hjem groups at all), belong to one person or one trusted team: everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from hjem.db.server import ARCHITECT, COORDINATOR, INVENTORY


class Group(StrEnum):
    COORDINATOR = "coordinator"
    ARCHITECT = "architect"
    INVENTORY = "inventory"
    EVERYTHING = "everything"  # no hjem groups here: a single person's or an old team server


# The first group a person is a member of decides (a coordinator who is also an architect
# coordinates).
GROUP_ROLES = (
    (Group.COORDINATOR, COORDINATOR),
    (Group.ARCHITECT, ARCHITECT),
    (Group.INVENTORY, INVENTORY),
)
# A database is a team server once `hjem server init` has forced row security on its cases;
# a database beside it in the same cluster (hjem's groups exist) is not one until then.
SECURED = text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('cases')")
MEMBERSHIP = text(
    "SELECT rolname, pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles"
    " WHERE rolname = ANY(:roles)"
)


@dataclass(frozen=True)
class Identity:
    user: str  # the login name ("" for the embedded workspace)
    group: Group | None  # None: a login on a hjem server that is in none of its groups
    server: str  # host/database, never the password ("" for the embedded workspace)


def is_team_server(connection: Connection) -> bool:
    if connection.dialect.name != "postgresql":
        return False
    return bool(connection.execute(SECURED).scalar())


def identify(connection: Connection) -> Identity:
    """Who `connection` is signed in as, and in which hjem group."""
    if connection.dialect.name != "postgresql":
        return Identity("", Group.EVERYTHING, "")
    user = str(connection.execute(text("SELECT current_user")).scalar_one())
    if not is_team_server(connection):
        return Identity(user, Group.EVERYTHING, server_label(connection))
    member = {
        str(name): bool(is_member)
        for name, is_member in connection.execute(
            MEMBERSHIP, {"roles": [role for _group, role in GROUP_ROLES]}
        )
    }
    return Identity(user, _group(member), server_label(connection))


def identify_in(session: Session) -> Identity:
    """`identify` for work run in a workspace session (the windows' operations)."""
    return identify(session.connection())


def _group(member: dict[str, bool]) -> Group | None:
    if not member:  # `hjem server init` never ran here
        return Group.EVERYTHING
    return next((group for group, role in GROUP_ROLES if member.get(role)), None)


def server_label(connection: Connection) -> str:
    """host/database of the connection's server, for the status line."""
    address = connection.engine.url
    return f"{address.host or 'localhost'}/{address.database or ''}"
