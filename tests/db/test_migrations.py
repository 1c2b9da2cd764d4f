"""Schema changes go only through Alembic: one head, upgrade from empty, models match."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select

import hjem.budget.models  # every table, in the metadata compared with the migrations
import hjem.cases.models
import hjem.db.audit
import hjem.db.settings
import hjem.sync.models  # noqa: F401
from hjem.db.base import Base
from hjem.db.engine import make_engine
from hjem.db.migrate import alembic_config, backup_sqlite, current_revision, head_revision, upgrade
from hjem.floorplan.categories import CATEGORIES
from hjem.inventory.models import Category
from tests.workspace_file import workspace_file


def test_the_migrations_have_one_head():
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_an_empty_database_upgrades_to_the_head(database_url):
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert {"items", "photos", "reservations", "item_events", "locations", "categories"} <= set(
        inspect(engine).get_table_names()
    )
    engine.dispose()


def test_the_models_match_the_migrations(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    engine.dispose()


def test_the_categories_are_seeded_in_danish_with_the_plans_slugs(workspace):
    with workspace.session() as session:
        categories = session.scalars(select(Category).order_by(Category.position)).all()
    assert [c.slug for c in categories] == list(CATEGORIES)
    assert categories[CATEGORIES.index("klaedeskab")].name == "Klædeskab"


def test_a_sqlite_backup_is_a_consistent_copy_with_what_the_wal_holds(tmp_path):
    url = f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as connection:  # committed, but still only in the WAL file
        connection.exec_driver_sql("INSERT INTO donors (name, contact) VALUES ('a', 'b')")
    copy = backup_sqlite(engine, tmp_path / "workspace.sqlite")
    assert copy.name.startswith("workspace.sqlite.backup-")
    with workspace_file(copy) as check:
        assert check.execute("SELECT name FROM donors").fetchall() == [("a",)]
    engine.dispose()


def test_sqlite_runs_with_wal_foreign_keys_and_full_sync(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    engine.dispose()


def test_a_workspace_from_the_first_version_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "workspace.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql("INSERT INTO donors (name, contact) VALUES ('Lise', '')")
    backup = upgrade(engine)
    assert backup is not None and backup.exists()
    with workspace_file(backup) as copy:  # the copy is the workspace as it was
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT name FROM donors").fetchall() == [("Lise",)]
    assert current_revision(engine) == head_revision()
    assert {"cases", "budget_lines", "grant_schemes"} <= set(inspect(engine).get_table_names())
    engine.dispose()
