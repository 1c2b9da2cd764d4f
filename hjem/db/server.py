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
- The address and the audit log (migration 0006) are made by the migration on every
  PostgreSQL server, with their SECURITY DEFINER functions and triggers, EXECUTE taken from
  PUBLIC: so a server never init'ed still reads addresses the one way, and audits. Init hands
  those functions to the owner (a shared login may have made them) and grants EXECUTE to the
  groups that call them. No person has any privilege on `case_addresses`: the functions are
  the only way to it, and so the table needs no row policy. The audit log: the coordinator
  reads it; no one changes or deletes a row (no grant, and a trigger refuses even the owner).
- Two coordinators running init at once would race on the same grants and policies: init
  holds a session-level advisory lock from start to end. Not a transaction-level one
  (pg_advisory_xact_lock): init spans three transactions, the migration's its own.
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
    # The household: an architect through their own cases, the coordinator all of it. An
    # architect may erase a case of their own (DELETE; the row policy keeps it to theirs):
    # its household rows, address and assignments go by ON DELETE CASCADE, which runs with
    # the tables' owner's rights, so no grant on case_addresses or case_architects is needed.
    "cases": {ARCHITECT: ("SELECT", "UPDATE", "DELETE"), COORDINATOR: ALL},
    "children": {ARCHITECT: ALL, COORDINATOR: ALL},
    "visits": {ARCHITECT: ALL, COORDINATOR: ALL},
    "case_plans": {ARCHITECT: ALL, COORDINATOR: ALL},
    "budget_lines": {ARCHITECT: ALL, COORDINATOR: ALL},
    "case_architects": {ARCHITECT: READ, COORDINATOR: ALL},
    # Reservations: a case code and who reserved, never the household. Erasing a case
    # deletes its reservations (they name the case with no ON DELETE), so an architect may
    # delete those of their own cases.
    "reservations": {ARCHITECT: ALL, INVENTORY: ALL, COORDINATOR: ALL},
    # The inventory: the inventory managers' own; an architect looks, and reserving changes
    # an item's status (only those columns: no name, size or note) and writes its history.
    "items": {
        ARCHITECT: ("SELECT", "UPDATE (status, updated_at, version)"),
        INVENTORY: ALL,
        COORDINATOR: ALL,
    },
    # An architect's history lines are not limited to their own cases' items: reserving writes
    # the line in the same flush as the reservation (which of the two rows comes first is the
    # ORM's choice), and an architect also ends another case's expired reservation of the item
    # they reserve (reservations.expire_stale). A row policy would refuse both. A line adds
    # nothing to what the architect may already do (change an item's status); what happened
    # is recorded by the server itself in the audit log, which no one can write to.
    "item_events": {ARCHITECT: ("SELECT", "INSERT"), INVENTORY: ALL, COORDINATOR: ALL},
    "photos": {ARCHITECT: READ, INVENTORY: ALL, COORDINATOR: ALL},
    "locations": {ARCHITECT: READ, INVENTORY: ALL, COORDINATOR: ALL},
    "categories": {ARCHITECT: READ, INVENTORY: READ, COORDINATOR: ALL},
    "donors": {INVENTORY: ALL, COORDINATOR: ALL},  # donors' contact details
    # Grant schemes feed the budgets: the architects read them, the coordinator keeps them.
    "grant_schemes": {ARCHITECT: READ, COORDINATOR: ALL},
    "scheme_limits": {ARCHITECT: READ, COORDINATOR: ALL},
    "settings": {ARCHITECT: READ, INVENTORY: READ, COORDINATOR: ALL},
    # The address: through the functions below only (EXECUTE_GRANTS), for no one directly.
    "case_addresses": {},
    # The audit log, written by the server alone: the coordinator reads it.
    "audit_log": {COORDINATOR: READ},
    # Offline visits (hjem.sync): the server's record of the operations a person's laptop
    # pushed, written (and its answer read again) by that person; the laptop's own tables
    # exist here only so that every database has one schema: no one touches them.
    "applied_ops": {ARCHITECT: ("SELECT", "INSERT", "UPDATE"), COORDINATOR: ALL},
    "sync_outbox": {},
    "sync_conflicts": {},
    "sync_state": {},
    # Every hjem reads the schema's revision when it starts.
    "alembic_version": {ARCHITECT: READ, INVENTORY: READ, COORDINATOR: READ},
}

# The SECURITY DEFINER functions of migration 0006 a person calls, and who may call them;
# every other function of hjem's (the triggers', the helpers') is callable by no person.
# Named as PostgreSQL spells a regprocedure, so they compare with what pg_proc says.
_CASE_PEOPLE = (ARCHITECT, COORDINATOR)
EXECUTE_GRANTS: Mapping[str, tuple[str, ...]] = {
    "hjem_case_address(text)": _CASE_PEOPLE,
    "hjem_case_has_address(text)": _CASE_PEOPLE,
    "hjem_set_case_address(text,text)": _CASE_PEOPLE,
    "hjem_audit(text,text)": _CASE_PEOPLE,
    # Migration 0008: an expired reservation ends by the server's clock, whoever reserves the
    # item next (another case's reservation is hidden from an architect by its row policy).
    "hjem_end_expired_reservation(integer,text)": (ARCHITECT, INVENTORY, COORDINATOR),
}
FUNCTION_PREFIX = "hjem_"
# The key of init's advisory lock: any fixed number, the same in every hjem ("hjem" in ASCII).
INIT_LOCK = 0x68_6A_65_6D

# "This row belongs to a case assigned to the person": the condition of the architects' row
# policies, with {case} the expression of the row's case id.
_ASSIGNED = (
    "EXISTS (SELECT 1 FROM case_architects a WHERE a.case_id = {case} AND a.login = current_user)"
)
# A reservation's case, as the architect sees the cases: the forced policy on `cases` applies
# inside this condition too, so it already keeps to the person's assigned cases (repeating the
# assignment here made each check two lookups of case_architects; bench.team_server).
_RESERVATION_ASSIGNED = "EXISTS (SELECT 1 FROM cases c WHERE c.code = reservations.case_code)"
# The architects' row condition per table under row-level security.
ARCHITECT_ROWS: Mapping[str, str] = {
    "cases": _ASSIGNED.format(case="cases.id"),
    "children": _ASSIGNED.format(case="children.case_id"),
    "visits": _ASSIGNED.format(case="visits.case_id"),
    "case_plans": _ASSIGNED.format(case="case_plans.case_id"),
    "budget_lines": _ASSIGNED.format(case="budget_lines.case_id"),
    "case_architects": "login = current_user",
    "reservations": _RESERVATION_ASSIGNED,
    "applied_ops": "login = current_user",
}
ROW_SECURED = tuple(ARCHITECT_ROWS)
# Rows a person may write, beyond what they may see: every person's applied_ops rows carry
# their own login, so a laptop cannot record its operations under someone else's name (the
# coordinator sees every row, to keep the table tidy, but writes only their own).
WRITE_CHECKS: Mapping[str, str] = {"applied_ops": "login = current_user"}
POLICY_PREFIX = "hjem_"


def init(engine: Engine) -> None:
    """Roles, ownership, the schema, grants and row policies on the server at `engine`, as
    its administrator; doing it again changes nothing that is already right."""
    with engine.connect() as guard:
        guard.exec_driver_sql("SELECT pg_advisory_lock(%(key)s)", {"key": INIT_LOCK})
        guard.commit()
        try:
            _init(engine)
        finally:
            guard.exec_driver_sql("SELECT pg_advisory_unlock(%(key)s)", {"key": INIT_LOCK})
            guard.commit()


def _init(engine: Engine) -> None:
    with engine.begin() as connection:
        cursor = driver_cursor(connection)
        create_missing_roles(cursor)
        _prepare_database(cursor)
        _hand_tables_to_owner(cursor)
        _hand_functions_to_owner(cursor)
    upgrade(engine, as_role=OWNER)
    with engine.begin() as connection:
        cursor = driver_cursor(connection)
        _grant(cursor)
        _grant_execute(cursor)
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


def _hand_functions_to_owner(cursor: Cursor[tuple[object, ...]]) -> None:
    """hjem's functions made by a shared login before init pass to the owner: a SECURITY
    DEFINER function runs with its owner's rights, which must be the tables' owner's."""
    for function in _functions(cursor, f"pg_get_userbyid(p.proowner) <> '{OWNER}'"):
        cursor.execute(
            sql.SQL("ALTER FUNCTION {} OWNER TO {}").format(
                sql.SQL(function), sql.Identifier(OWNER)
            )
        )


def _functions(cursor: Cursor[tuple[object, ...]], condition: str) -> list[str]:
    """hjem's functions in the public schema, as `name(argument types)`, that meet the
    `condition` (hjem's own SQL, never a person's input)."""
    cursor.execute(
        "SELECT p.oid::regprocedure::text FROM pg_proc p"
        " JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = 'public' AND starts_with(p.proname, %s) AND " + condition,
        (FUNCTION_PREFIX,),
    )
    return [str(row[0]) for row in cursor.fetchall()]


def _grant_execute(cursor: Cursor[tuple[object, ...]]) -> None:
    """Exactly EXECUTE_GRANTS: no function of hjem's is PUBLIC's, or any group's else."""
    groups = sql.SQL(", ").join(sql.Identifier(g) for g in GROUPS.values())
    for function in _functions(cursor, "true"):
        cursor.execute(
            sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC, {}").format(sql.SQL(function), groups)
        )
    for function, callers in EXECUTE_GRANTS.items():
        cursor.execute(
            sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(
                sql.SQL(function), sql.SQL(", ").join(sql.Identifier(c) for c in callers)
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
        for role, seen, written in _policies(table):
            _create_policy(cursor, table, role, seen, written)


def _policies(table: str) -> Iterable[tuple[str, str, str]]:
    """(role, rows seen, rows written) for each role with a policy on `table`."""
    yield OWNER, "true", "true"
    written = WRITE_CHECKS.get(table, "true")
    yield COORDINATOR, "true", written
    if INVENTORY in GRANTS[table]:  # the reservations: every one, to hand items out
        yield INVENTORY, "true", written
    architect = ARCHITECT_ROWS[table]
    yield ARCHITECT, architect, WRITE_CHECKS.get(table, architect)


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
    cursor: Cursor[tuple[object, ...]], table: str, role: str, seen: str, written: str
) -> None:
    # The conditions are hjem's own text (ARCHITECT_ROWS, WRITE_CHECKS), never a person's input.
    cursor.execute(
        sql.SQL("CREATE POLICY {} ON {} FOR ALL TO {} USING ({}) WITH CHECK ({})").format(
            sql.Identifier(POLICY_PREFIX + role.removeprefix("hjem_")),
            sql.Identifier(table),
            sql.Identifier(role),
            sql.SQL(seen),
            sql.SQL(written),
        )
    )
