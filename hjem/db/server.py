"""A team server that decides itself who sees what: roles, ownership, grants and row policies.

`init` is what `hjem server init` runs with an owner/admin login (a superuser, or a role with
CREATEROLE that owns the database). It is idempotent: run it again after every update of hjem.

- Group roles, NOLOGIN: `hjem_architect`, `hjem_inventory`, `hjem_coordinator`; each person is
  a login role in one of them (hjem.db.people). `hjem_owner`, NOLOGIN too, owns every table:
  the migrations run as it (`SET ROLE`), and no person can become it.
- Roles are the cluster's, grants and policies the database's. So the roles are created only
  when missing, under fixed names, and everything else is (re)done per database. A cluster with
  two hjem databases (a training one beside the real one) shares the groups and the people; an
  architect sees in each database only the cases assigned to them there.
- Row-level security is set here, not in the Alembic migrations: SQLite has no roles, and the
  embedded workspace must stay as it is. FORCE ROW LEVEL SECURITY makes the owner, too, pass a
  policy; its own policy lets the migrations see every row (0003 moves data).
- The policies compare with `current_user`, not `session_user`: an administrator who does
  `SET ROLE ada` sees exactly what Ada sees, and a person who does `SET ROLE hjem_architect`
  (a group they belong to) sees no case at all, as no case is assigned to a group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from psycopg import Cursor, sql
from sqlalchemy import Connection, Engine

from hjem.db.migrate import OWNER_ROLE, upgrade

OWNER = OWNER_ROLE  # owns the tables; cannot log in
ARCHITECT, INVENTORY, COORDINATOR = "hjem_architect", "hjem_inventory", "hjem_coordinator"
GROUPS: Mapping[str, str] = {
    "architect": ARCHITECT,
    "inventory": INVENTORY,
    "coordinator": COORDINATOR,
}
ALL = ("SELECT", "INSERT", "UPDATE", "DELETE")
READ = ("SELECT",)

# Per table, what each group may do; a group not named has no privilege on it at all, so it
# is told "permission denied" rather than shown an empty table. Every table of the schema is
# here (a test checks it): a new table without a line is a test failure, not a silent hole.
GRANTS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    # The household: an architect through their own cases, the coordinator all of it.
    "cases": {ARCHITECT: ("SELECT", "UPDATE"), COORDINATOR: ALL},
    "children": {ARCHITECT: ALL, COORDINATOR: ALL},
    "visits": {ARCHITECT: ALL, COORDINATOR: ALL},
    "case_plans": {ARCHITECT: ALL, COORDINATOR: ALL},
    "budget_lines": {ARCHITECT: ALL, COORDINATOR: ALL},
    "case_architects": {ARCHITECT: READ, COORDINATOR: ALL},
    # Reservations: a case code and who reserved, never the household.
    "reservations": {
        ARCHITECT: ("SELECT", "INSERT", "UPDATE"),
        INVENTORY: ALL,
        COORDINATOR: ALL,
    },
    # The inventory: the inventory managers' own; an architect looks, and reserving changes
    # an item's status (only those columns: no name, size or note) and writes its history.
    "items": {
        ARCHITECT: ("SELECT", "UPDATE (status, updated_at, version)"),
        INVENTORY: ALL,
        COORDINATOR: ALL,
    },
    "item_events": {ARCHITECT: ("SELECT", "INSERT"), INVENTORY: ALL, COORDINATOR: ALL},
    "photos": {ARCHITECT: READ, INVENTORY: ALL, COORDINATOR: ALL},
    "locations": {ARCHITECT: READ, INVENTORY: ALL, COORDINATOR: ALL},
    "categories": {ARCHITECT: READ, INVENTORY: READ, COORDINATOR: ALL},
    "donors": {INVENTORY: ALL, COORDINATOR: ALL},  # donors' contact details
    # Grant schemes feed the budgets: the architects read them, the coordinator keeps them.
    "grant_schemes": {ARCHITECT: READ, COORDINATOR: ALL},
    "scheme_limits": {ARCHITECT: READ, COORDINATOR: ALL},
    "settings": {ARCHITECT: READ, INVENTORY: READ, COORDINATOR: ALL},
    # Every hjem reads the schema's revision when it starts.
    "alembic_version": {ARCHITECT: READ, INVENTORY: READ, COORDINATOR: READ},
}

# "This row belongs to a case assigned to the person": the condition of the architects' row
# policies, with {case} the expression of the row's case id.
_ASSIGNED = (
    "EXISTS (SELECT 1 FROM case_architects a WHERE a.case_id = {case} AND a.login = current_user)"
)
_RESERVATION_ASSIGNED = (
    "EXISTS (SELECT 1 FROM cases c JOIN case_architects a ON a.case_id = c.id"
    " WHERE c.code = reservations.case_code AND a.login = current_user)"
)
# The architects' row condition per table under row-level security.
ARCHITECT_ROWS: Mapping[str, str] = {
    "cases": _ASSIGNED.format(case="cases.id"),
    "children": _ASSIGNED.format(case="children.case_id"),
    "visits": _ASSIGNED.format(case="visits.case_id"),
    "case_plans": _ASSIGNED.format(case="case_plans.case_id"),
    "budget_lines": _ASSIGNED.format(case="budget_lines.case_id"),
    "case_architects": "login = current_user",
    "reservations": _RESERVATION_ASSIGNED,
}
ROW_SECURED = tuple(ARCHITECT_ROWS)
POLICY_PREFIX = "hjem_"


def init(engine: Engine) -> None:
    """Roles, ownership, the schema, grants and row policies on the server at `engine`, as
    its administrator; doing it again changes nothing that is already right."""
    with engine.begin() as connection:
        cursor = driver_cursor(connection)
        create_missing_roles(cursor)
        _prepare_database(cursor)
        _hand_tables_to_owner(cursor)
    upgrade(engine, as_role=OWNER)
    with engine.begin() as connection:
        cursor = driver_cursor(connection)
        _grant(cursor)
        _secure_rows(cursor)


def driver_cursor(connection: Connection) -> Cursor[tuple[object, ...]]:
    """The driver's own cursor: its statements are composed with psycopg.sql (identifiers
    quoted) and never pass SQLAlchemy's statement log."""
    driver = connection.connection.driver_connection
    assert driver is not None
    cursor: Cursor[tuple[object, ...]] = driver.cursor()
    return cursor


def create_missing_roles(cursor: Cursor[tuple[object, ...]]) -> None:
    """The owner and the three groups, NOLOGIN, each made only if the cluster lacks it."""
    for role in (OWNER, *GROUPS.values()):
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
    # The administrator becomes the owner to migrate, and a member of no group.
    cursor.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(OWNER)))


def _prepare_database(cursor: Cursor[tuple[object, ...]]) -> None:
    """Only hjem's people connect; only the owner creates in the schema."""
    cursor.execute("SELECT current_database()")
    row = cursor.fetchone()
    assert row is not None
    database = sql.Identifier(str(row[0]))
    cursor.execute(sql.SQL("REVOKE CONNECT, TEMPORARY ON DATABASE {} FROM PUBLIC").format(database))
    groups = sql.SQL(", ").join(sql.Identifier(g) for g in GROUPS.values())
    cursor.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, groups))
    cursor.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    cursor.execute(
        sql.SQL("GRANT USAGE, CREATE ON SCHEMA public TO {}").format(sql.Identifier(OWNER))
    )
    cursor.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(groups))


def _hand_tables_to_owner(cursor: Cursor[tuple[object, ...]]) -> None:
    """Tables made before the server had roles (the shared login of older hjem) pass to the
    owner, so the migrations, run as the owner, may change them. Sequences that belong to a
    table's column follow their table."""
    cursor.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"
        " AND pg_get_userbyid(c.relowner) <> %s",
        (OWNER,),
    )
    for (table,) in cursor.fetchall():
        cursor.execute(
            sql.SQL("ALTER TABLE public.{} OWNER TO {}").format(
                sql.Identifier(str(table)), sql.Identifier(OWNER)
            )
        )


def _grant(cursor: Cursor[tuple[object, ...]]) -> None:
    """Exactly GRANTS: what a group held before on a table is revoked first."""
    groups = [sql.Identifier(g) for g in GROUPS.values()]
    for table, rights in GRANTS.items():
        name = sql.Identifier(table)
        cursor.execute(
            sql.SQL("REVOKE ALL ON TABLE {} FROM PUBLIC, {}").format(
                name, sql.SQL(", ").join(groups)
            )
        )
        for group, privileges in rights.items():
            cursor.execute(
                sql.SQL("GRANT {} ON TABLE {} TO {}").format(
                    sql.SQL(", ").join(sql.SQL(p) for p in privileges),
                    name,
                    sql.Identifier(group),
                )
            )
    # A sequence's next number tells nothing; whoever may insert a row needs one.
    cursor.execute(
        sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {}").format(
            sql.SQL(", ").join(groups)
        )
    )


def _secure_rows(cursor: Cursor[tuple[object, ...]]) -> None:
    """Row-level security, forced, on the household tables and the reservations, with one
    policy per group that may touch them (and one for the owner, for the migrations)."""
    for table in ROW_SECURED:
        name = sql.Identifier(table)
        cursor.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(name))
        cursor.execute(sql.SQL("ALTER TABLE {} FORCE ROW LEVEL SECURITY").format(name))
        _drop_policies(cursor, table)
        for role, condition in _policies(table):
            _create_policy(cursor, table, role, condition)


def _policies(table: str) -> Iterable[tuple[str, str]]:
    """(role, row condition) for each role with a policy on `table`."""
    yield OWNER, "true"
    yield COORDINATOR, "true"
    if INVENTORY in GRANTS[table]:  # the reservations: every one, to hand items out
        yield INVENTORY, "true"
    yield ARCHITECT, ARCHITECT_ROWS[table]


def _drop_policies(cursor: Cursor[tuple[object, ...]], table: str) -> None:
    cursor.execute(
        "SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = %s",
        (table,),
    )
    for (policy,) in cursor.fetchall():
        cursor.execute(
            sql.SQL("DROP POLICY {} ON {}").format(
                sql.Identifier(str(policy)), sql.Identifier(table)
            )
        )


def _create_policy(
    cursor: Cursor[tuple[object, ...]], table: str, role: str, condition: str
) -> None:
    # The condition is hjem's own text (ARCHITECT_ROWS), never a person's input.
    cursor.execute(
        sql.SQL("CREATE POLICY {} ON {} FOR ALL TO {} USING ({}) WITH CHECK ({})").format(
            sql.Identifier(POLICY_PREFIX + role.removeprefix("hjem_")),
            sql.Identifier(table),
            sql.Identifier(role),
            sql.SQL(condition),
            sql.SQL(condition),
        )
    )
