"""Migration 0007 (issue 14): `cases.closed_at`, backfilled from the last change for cases
already closed, and gone again on the way down; on SQLite and PostgreSQL."""

import datetime as dt

from alembic import command
from sqlalchemy import inspect, text

from hjem.db.engine import make_engine
from hjem.db.migrate import alembic_config, current_revision, head_revision, upgrade

CHANGED = dt.datetime(2025, 3, 4, 10, 30, tzinfo=dt.UTC)


def _migrate(connection, target: str, down: bool = False) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    (command.downgrade if down else command.upgrade)(config, target)


def _case(connection, code: str, status: str) -> None:
    connection.execute(
        text(
            "INSERT INTO cases (code, alias, municipality, architect, adults, status,"
            " created_at, updated_at, version) VALUES (:code, 'Familien Sol', '', '', 1,"
            " :status, :changed, :changed, 1)"
        ),
        {"code": code, "status": status, "changed": CHANGED},
    )


def _closed_at(connection) -> dict[str, dt.datetime | None]:
    rows = connection.execute(text("SELECT code, closed_at FROM cases ORDER BY code")).all()
    return {code: _aware(moment) for code, moment in rows}


def _aware(moment):
    if isinstance(moment, str):  # SQLite hands a plain text back through text()
        moment = dt.datetime.fromisoformat(moment)
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def test_closed_cases_get_their_last_change_as_closing_and_the_column_goes_down_again(
    database_url,
):
    engine = make_engine(database_url)
    with engine.begin() as connection:
        _migrate(connection, "0006")
        _case(connection, "FBH-2025-001", "closed")
        _case(connection, "FBH-2025-002", "active")
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.begin() as connection:
        assert _closed_at(connection) == {"FBH-2025-001": CHANGED, "FBH-2025-002": None}
        _migrate(connection, "0006", down=True)
    assert "closed_at" not in {c["name"] for c in inspect(engine).get_columns("cases")}
    with engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM cases")).scalar() == 2
    engine.dispose()
