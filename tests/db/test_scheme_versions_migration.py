"""Migration 0004 (scheme versions) keeps every scheme, limit and reference a workspace had,
on SQLite (where the table is rebuilt with foreign keys on) and PostgreSQL, and goes back."""

from alembic import command
from sqlalchemy import text

from hjem.db.engine import make_engine
from hjem.db.migrate import alembic_config, current_revision, head_revision, upgrade


def _at(engine, revision):
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _down(engine, revision):
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _fill(connection):
    connection.execute(
        text(
            "INSERT INTO cases (id, code, alias, municipality, architect, adults, status,"
            " scheme_id, address, created_at, updated_at, version) VALUES (7, 'FBH-2026-007',"
            " 'Familien Sol', '', '', 1, 'open', 1, '', '2026-01-01', '2026-01-01', 1)"
        )
    )
    connection.execute(
        text(
            "INSERT INTO budget_lines (case_id, source, description, category, cash_ore,"
            " in_kind_ore, scheme_id, status, position) VALUES (7, 'service', 'Flyttebil',"
            " 'flytning', 350000, 0, 1, 'approved', 1)"
        )
    )


def _picture(connection):
    return (
        connection.execute(text("SELECT count(*) FROM scheme_limits WHERE scheme_id = 1")).scalar(),
        connection.execute(text("SELECT scheme_id FROM cases")).scalars().all(),
        connection.execute(text("SELECT scheme_id FROM budget_lines")).scalars().all(),
    )


def test_the_scheme_versions_migration_keeps_every_limit_and_reference(database_url):
    engine = make_engine(database_url)
    _at(engine, "0003")
    with engine.begin() as connection:
        _fill(connection)
        before = _picture(connection)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.begin() as connection:
        assert _picture(connection) == before == (6, [1], [1])
        version, state, in_kind = connection.execute(
            text("SELECT version, state, limits_include_in_kind FROM grant_schemes")
        ).one()
        assert (version, state, bool(in_kind)) == (1, "active", False)
    _down(engine, "0003")
    with engine.begin() as connection:
        assert _picture(connection) == before
    engine.dispose()
