"""Migration 0008 (issue 15): the server's applied operations and the laptop's outbox,
conflicts and sync state, up and down again, on SQLite and PostgreSQL; on PostgreSQL the
record is stamped with the server's login and clock, and the server's expiry function comes
and goes with the migration."""

from alembic import command
from sqlalchemy import inspect, text

from hjem.db.engine import make_engine
from hjem.db.migrate import alembic_config, current_revision, head_revision, upgrade

SYNC_TABLES = {"applied_ops", "sync_outbox", "sync_conflicts", "sync_state"}
EXPIRE = "SELECT count(*) FROM pg_proc WHERE proname = 'hjem_end_expired_reservation'"


def _migrate(connection, target: str, down: bool = False) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    (command.downgrade if down else command.upgrade)(config, target)


def test_the_sync_tables_come_and_go_with_the_migration(database_url):
    engine = make_engine(database_url)
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as connection:
        _migrate(connection, "0007")
    assert not SYNC_TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) >= SYNC_TABLES
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO applied_ops (op_id, kind, case_code, answer)"
                " VALUES ('op', 'hold', 'FBH-2026-001', '')"
            )
        )
        login, at = connection.execute(text("SELECT login, applied_at FROM applied_ops")).one()
        assert login == ("postgres" if postgres else "")  # the server's own current_user
        assert at is not None
        if postgres:
            assert connection.execute(text(EXPIRE)).scalar() == 1
        _migrate(connection, "0007", down=True)
    assert not SYNC_TABLES & set(inspect(engine).get_table_names())
    if postgres:
        with engine.connect() as connection:
            assert connection.execute(text(EXPIRE)).scalar() == 0
    engine.dispose()
