"""Migration 0006 (issue 13): the address moves to a table of its own, and back, on SQLite and
PostgreSQL; the audit log is made on both, written on PostgreSQL alone, and a PostgreSQL
server that `hjem server init` never set up reads addresses through the same functions."""

from alembic import command
from sqlalchemy import inspect, text

import hjem.budget.models  # noqa: F401  (a case names its grant scheme's table)
from hjem.cases.cases import CaseData, address_of, create_case, set_address
from hjem.cases.overview import has_address
from hjem.db.engine import make_engine
from hjem.db.migrate import alembic_config, current_revision, head_revision, upgrade
from hjem.db.workspace import Workspace

ADDRESS = "Solvej 3, 2. tv, 5000 Odense C"
CASES = {"FBH-2026-001": ADDRESS, "FBH-2026-002": ""}  # the second has none


def _migrate(connection, target: str, down: bool = False) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    (command.downgrade if down else command.upgrade)(config, target)


def _old_case(connection, code: str, address: str) -> None:
    connection.execute(
        text(
            "INSERT INTO cases (code, alias, municipality, architect, adults, status, address,"
            " created_at, updated_at, version) VALUES (:code, 'Familien Sol', '', '', 1,"
            " 'active', :address, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
        ),
        {"code": code, "address": address},
    )


def _addresses_in_cases(connection) -> dict[str, str]:
    return dict(connection.execute(text("SELECT code, address FROM cases")).all())


def test_the_address_moves_to_its_own_table_and_back(database_url):
    engine = make_engine(database_url)
    with engine.begin() as connection:
        _migrate(connection, "0005")
        for code, address in CASES.items():
            _old_case(connection, code, address)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert "address" not in {c["name"] for c in inspect(engine).get_columns("cases")}
    workspace = Workspace(database_url)
    with workspace.session() as session:
        assert address_of(session, "FBH-2026-001") == ADDRESS
        assert has_address(session, "FBH-2026-001")
        assert address_of(session, "FBH-2026-002") == ""
        assert not has_address(session, "FBH-2026-002")
        rows = session.execute(text("SELECT count(*) FROM case_addresses")).scalar()
        assert rows == 1  # an empty address is no address
    workspace.close()
    with engine.begin() as connection:
        _migrate(connection, "0005", down=True)
        assert _addresses_in_cases(connection) == CASES
        assert "case_addresses" not in inspect(connection).get_table_names()
        assert "audit_log" not in inspect(connection).get_table_names()
        _migrate(connection, "head")
    workspace = Workspace(database_url)
    with workspace.session() as session:
        assert address_of(session, "FBH-2026-001") == ADDRESS
    workspace.close()
    engine.dispose()


def test_reading_the_address_is_audited_on_postgresql_and_not_on_sqlite(database_url):
    """On a server never init'ed (the suite's superuser owns the tables) the functions are
    there all the same; the laptop's SQLite file keeps no audit."""
    workspace = Workspace(database_url)
    with workspace.session() as session:
        create_case(session, CaseData("FBH-2026-001", "Familien Sol"), address=ADDRESS)
        set_address(session, "FBH-2026-001", ADDRESS + " (ny)")
    with workspace.session(read_only=True) as session:
        assert address_of(session, "FBH-2026-001") == ADDRESS + " (ny)"
    with workspace.session() as session:
        actions = session.execute(text("SELECT action FROM audit_log ORDER BY id")).scalars()
        logged = list(actions)
    workspace.close()
    on_server = database_url.startswith("postgresql")
    expected = ["address_changed", "address_changed", "address_read"] if on_server else []
    assert logged == expected
