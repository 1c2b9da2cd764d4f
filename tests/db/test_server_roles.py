"""Who may do what on a team server, cell by cell: every table × select, insert, update,
delete × an architect with the case, an architect without it, an inventory manager and a
coordinator; and a disabled person cannot connect at all.

Each cell is one of: "rows" (the case's rows are seen or changed), "empty" (the statement
runs, but row security hides the rows: nothing seen, nothing changed), "ok" (a row is
inserted; on the tables without row security: the statement is allowed), "policy" (an
insert the row policy refuses) and "denied" (no privilege on the table: permission denied,
never an empty result).
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from hjem.db.problems import explain
from hjem.db.server import GRANTS
from tests.db.team_server import BUDGET_LINE, CASE_A, CASE_A2, Team

PERSONS = ("ada", "bo", "ivar", "cora")  # with the case, without it, inventory, coordinator
OPERATIONS = ("select", "insert", "update", "delete")

# The household tables and the reservations, as seen on case A (Ada's, not Bo's). An insert
# adds a row to case A2 (Ada's too) or, for the reservations, reserves the free item for A.
HOUSEHOLD: dict[str, dict[str, tuple[str, str, str, str]]] = {
    #                  select    insert    update    delete
    "cases": {  # an architect erases a case of their own (hjem.cases.erase)
        "ada": ("rows", "denied", "rows", "rows"),
        "bo": ("empty", "denied", "empty", "empty"),
        "ivar": ("denied", "denied", "denied", "denied"),
        "cora": ("rows", "ok", "rows", "rows"),
    },
    "case_architects": {
        "ada": ("rows", "denied", "denied", "denied"),
        "bo": ("empty", "denied", "denied", "denied"),
        "ivar": ("denied", "denied", "denied", "denied"),
        "cora": ("rows", "ok", "rows", "rows"),
    },
    "reservations": {  # deleted when their case is erased
        "ada": ("rows", "ok", "rows", "rows"),
        "bo": ("empty", "policy", "empty", "empty"),
        "ivar": ("rows", "ok", "rows", "rows"),
        "cora": ("rows", "ok", "rows", "rows"),
    },
}
for _table in ("children", "visits", "case_plans", "budget_lines"):
    HOUSEHOLD[_table] = {
        "ada": ("rows", "ok", "rows", "rows"),
        "bo": ("empty", "policy", "empty", "empty"),
        "ivar": ("denied", "denied", "denied", "denied"),
        "cora": ("rows", "ok", "rows", "rows"),
    }

# The tables without row security: what each person may do at all ("ok" or "denied").
_S, _SU, _SI, _ALL, _NONE = "S", "SU", "SI", "SIUD", ""
OTHERS: dict[str, dict[str, str]] = {
    "items": {"ada": _SU, "bo": _SU, "ivar": _ALL, "cora": _ALL},
    "item_events": {"ada": _SI, "bo": _SI, "ivar": _ALL, "cora": _ALL},
    "photos": {"ada": _S, "bo": _S, "ivar": _ALL, "cora": _ALL},
    "locations": {"ada": _S, "bo": _S, "ivar": _ALL, "cora": _ALL},
    "categories": {"ada": _S, "bo": _S, "ivar": _S, "cora": _ALL},
    "donors": {"ada": _NONE, "bo": _NONE, "ivar": _ALL, "cora": _ALL},
    "grant_schemes": {"ada": _S, "bo": _S, "ivar": _NONE, "cora": _ALL},
    "scheme_limits": {"ada": _S, "bo": _S, "ivar": _NONE, "cora": _ALL},
    "settings": {"ada": _S, "bo": _S, "ivar": _S, "cora": _ALL},
    "alembic_version": {"ada": _S, "bo": _S, "ivar": _S, "cora": _S},
    # The address only through the server's functions; the audit log for the coordinator's eyes.
    "case_addresses": {"ada": _NONE, "bo": _NONE, "ivar": _NONE, "cora": _NONE},
    "audit_log": {"ada": _NONE, "bo": _NONE, "ivar": _NONE, "cora": _S},
    # The laptop's own sync tables exist on the server only for one schema everywhere.
    "sync_outbox": {"ada": _NONE, "bo": _NONE, "ivar": _NONE, "cora": _NONE},
    "sync_conflicts": {"ada": _NONE, "bo": _NONE, "ivar": _NONE, "cora": _NONE},
    "sync_state": {"ada": _NONE, "bo": _NONE, "ivar": _NONE, "cora": _NONE},
}
# The server's record of pushed operations, as seen on a row of Ada's: each person writes
# rows under their own login only; the coordinator sees (and may delete) every row. No one
# but the coordinator deletes, so a record that makes a repeated push harmless stays.
#                  select    insert    update    delete    insert as Ada
APPLIED_OPS = {
    "ada": ("rows", "ok", "rows", "denied", "ok"),
    "bo": ("empty", "ok", "empty", "denied", "policy"),
    "ivar": ("denied", "denied", "denied", "denied", "denied"),
    "cora": ("rows", "ok", "policy", "rows", "policy"),
}
KEY_COLUMN = {"case_architects": "case_id", "reservations": "case_code", "cases": "id"}


def test_every_table_of_the_schema_has_grants_and_a_row_in_this_matrix(team: Team):
    with team.admin.connect() as connection:
        tables = set(
            connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        )
    assert tables == set(GRANTS) == set(HOUSEHOLD) | set(OTHERS) | {"applied_ops"}


def test_the_applied_operations_cell_by_cell(team: Team):
    """Ada's row, stamped with her login by the server itself; "insert as Ada" names her
    login explicitly, as a laptop that claims to be her would."""
    with team.engine("ada").begin() as connection:
        connection.execute(text(f"{_APPLIED} VALUES ('ada-op', 'hold', :case, '')"), _A)
        stamped = connection.execute(text("SELECT login FROM applied_ops")).scalar()
    assert stamped == team.logins["ada"]
    seen = {person: _applied_ops_cells(team, person) for person in PERSONS}
    assert seen == APPLIED_OPS


_APPLIED = "INSERT INTO applied_ops (op_id, kind, case_code, answer)"
_A = {"case": CASE_A}


def _applied_ops_cells(team: Team, person: str) -> tuple[str, ...]:
    engine, where = team.engine(person), "WHERE op_id = 'ada-op'"
    claimed = "INSERT INTO applied_ops (op_id, kind, case_code, answer, login)"
    return (
        _attempt(engine, f"SELECT count(*) FROM applied_ops {where}", {}),
        _attempt(engine, f"{_APPLIED} VALUES ('new-op', 'hold', :case, '')", _A, inserts=True),
        _attempt(engine, f"UPDATE applied_ops SET answer = 'x' {where}", {}),
        _attempt(engine, f"DELETE FROM applied_ops {where}", {}),
        _attempt(
            engine,
            f"{claimed} VALUES ('new-op', 'hold', :case, '', :login)",
            _A | {"login": team.logins["ada"]},
            inserts=True,
        ),
    )


@pytest.mark.parametrize("table", sorted(HOUSEHOLD))
def test_the_household_tables_cell_by_cell(team: Team, table: str):
    seen = {
        person: tuple(_household_cell(team, person, table, op) for op in OPERATIONS)
        for person in PERSONS
    }
    assert seen == HOUSEHOLD[table]


@pytest.mark.parametrize("table", sorted(OTHERS))
def test_the_other_tables_cell_by_cell(team: Team, table: str):
    seen = {person: _privileges(team, person, table) for person in PERSONS}
    assert seen == OTHERS[table]


def _household_cell(team: Team, person: str, table: str, operation: str) -> str:
    """What `person` gets from `operation` on case A's rows of `table` (rolled back)."""
    column = KEY_COLUMN.get(table, "case_id")
    key = CASE_A if column == "case_code" else team.cases[CASE_A]
    if (table, operation) == ("cases", "delete"):  # A has reservations, which keep a case
        key = team.cases[CASE_A2]
    where = f"WHERE {column} = :key"
    statements = {
        "select": f"SELECT count(*) FROM {table} {where}",
        "update": f"UPDATE {table} SET {column} = {column} {where}",
        "delete": f"DELETE FROM {table} {where}",
    }
    if operation == "insert":
        return _attempt(team.engine(person), *_insertion(team, table), inserts=True)
    return _attempt(team.engine(person), statements[operation], {"key": key})


def _insertion(team: Team, table: str) -> tuple[str, dict[str, object]]:
    case = team.cases[CASE_A2]  # A2: Ada's, without any rows yet
    statements = {
        "cases": "INSERT INTO cases (code, alias, municipality, architect, adults, status,"
        " created_at, updated_at, version) VALUES ('FBH-2026-009', 'Ny', '', '',"
        " 1, 'referred', now(), now(), 1)",
        "case_architects": "INSERT INTO case_architects (case_id, login) VALUES (:case, 'x')",
        "children": "INSERT INTO children (case_id, age_band, position) VALUES (:case, '0_2', 0)",
        "visits": "INSERT INTO visits (case_id, visited_on, notes) VALUES (:case, now(), '')",
        "case_plans": "INSERT INTO case_plans (case_id, document, saved_by, saved_at, version)"
        " VALUES (:case, '\\x00', '', now(), 1)",
        "budget_lines": BUDGET_LINE,
        "reservations": "INSERT INTO reservations (item_id, case_code, reserved_by,"
        " reserved_at, active, end_reason) SELECT id, :code, 'x', now(), true, '' FROM items"
        " WHERE code = :item",
    }
    return statements[table], {"case": case, "code": CASE_A, "item": team.items["free"]}


def _privileges(team: Team, person: str, table: str) -> str:
    """The letters S, I, U, D of what `person` may do on `table` (statements touching no row:
    the privilege is checked all the same)."""
    statements = {
        "S": f"SELECT count(*) FROM {table}",
        "I": f"INSERT INTO {table} SELECT * FROM {table} WHERE false",
        "U": f"UPDATE {table} SET {_any_column(table)} = {_any_column(table)} WHERE false",
        "D": f"DELETE FROM {table} WHERE false",
    }
    engine = team.engine(person)
    return "".join(
        letter for letter, sql in statements.items() if _attempt(engine, sql, {}) != "denied"
    )


def _any_column(table: str) -> str:
    columns = {"alembic_version": "version_num", "settings": "key", "items": "status"}
    columns |= {"sync_outbox": "seq", "sync_conflicts": "op_id", "sync_state": "key"}
    return (columns | {"case_addresses": "case_id"}).get(table, "id")


def _attempt(engine: Engine, statement: str, values: dict, inserts: bool = False) -> str:
    """Runs `statement` in a transaction that is rolled back; the cell it makes."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            result = connection.execute(text(statement), values)
            count = result.scalar() if result.returns_rows else result.rowcount
        except DBAPIError as error:
            return _refusal(error)
        finally:
            transaction.rollback()
    if inserts:
        assert count == 1
        return "ok"
    return "rows" if count else "empty"


def _refusal(error: DBAPIError) -> str:
    assert getattr(error.orig, "sqlstate", None) == "42501", error  # insufficient_privilege
    return "policy" if "row-level security" in str(error.orig) else "denied"


def test_a_disabled_person_cannot_connect_and_is_told_the_login_is_refused(team: Team):
    engine = team.engine("dina")
    with pytest.raises(OperationalError) as refused:
        engine.connect()
    assert "not permitted to log in" in str(refused.value.orig)
    said = explain(refused.value, team.urls["dina"])
    assert said is not None and said.key == "database.login_disabled"


def test_an_architect_changes_only_an_items_status_not_its_description(team: Team):
    assert _attempt(team.engine("ada"), "UPDATE items SET status = status", {}) == "rows"
    assert _attempt(team.engine("ada"), "UPDATE items SET name = 'x'", {}) == "denied"
    assert _attempt(team.engine("ivar"), "UPDATE items SET name = 'x'", {}) == "rows"


def test_the_policies_follow_current_user_through_set_role(team: Team):
    """Ada, as her group, sees no case (none is assigned to a group); the administrator, as
    Ada, sees exactly Ada's cases."""
    count = "SELECT count(*) FROM cases"
    with team.engine("ada").connect() as connection:
        assert connection.execute(text(count)).scalar() == 2
        connection.exec_driver_sql("SET ROLE hjem_architect")
        assert connection.execute(text(count)).scalar() == 0
    with team.admin.connect() as connection:
        connection.exec_driver_sql(f'SET ROLE "{team.logins["ada"]}"')
        codes = connection.execute(text("SELECT code FROM cases ORDER BY code")).scalars()
        assert list(codes) == [CASE_A, CASE_A2]
        connection.exec_driver_sql("RESET ROLE")
