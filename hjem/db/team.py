"""Which kind of person is signed in on a team server: the hjem group of the login.

The database decides what a person may do (hjem.db.server); this only lets hjem say so
before it tries, in the person's language, instead of failing halfway with "permission
denied". A database counts as a team server once `hjem server init` has set row-level
security on its cases; an older server shared by one login is not one.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from hjem.db.server import ARCHITECT, COORDINATOR, INVENTORY

ROLE_OF_GROUP = {COORDINATOR: "coordinator", ARCHITECT: "architect", INVENTORY: "inventory"}

_SECURED = text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('cases')")
# A superuser is a member of every role: the administrator counts as a coordinator.
_GROUPS = text(
    "SELECT rolname FROM pg_roles WHERE rolname = ANY(:groups)"
    " AND pg_has_role(current_user, oid, 'MEMBER')"
)


def is_team_server(session: Session) -> bool:
    if session.get_bind().dialect.name != "postgresql":
        return False
    return bool(session.scalar(_SECURED))


def team_role(session: Session) -> str | None:
    """The person's role on a team server: "coordinator", "architect" or "inventory" (the
    widest, should a login be in several groups); None on SQLite, on a server without roles,
    or for a login in none of hjem's groups."""
    if not is_team_server(session):
        return None
    groups = set(session.scalars(_GROUPS, {"groups": list(ROLE_OF_GROUP)}))
    return next((role for group, role in ROLE_OF_GROUP.items() if group in groups), None)
