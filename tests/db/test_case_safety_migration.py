"""Migration 0003 (issue 11, point 2): a reservation names a case that exists, on SQLite and
PostgreSQL; reservations made earlier for case codes without a case survive the upgrade."""

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError

from hjem.cases.cases import CaseData, get_case, list_cases, update_case
from hjem.db.engine import make_engine
from hjem.db.migrate import alembic_config, current_revision, head_revision, upgrade
from hjem.db.workspace import Workspace
from hjem.inventory.errors import InventoryError
from hjem.inventory.models import Reservation
from hjem.inventory.reservations import reserve, reserved_for
from tests.inventory.helpers import add_cases, available_item

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


def _item(connection, code: str) -> int:
    connection.execute(
        text(
            "INSERT INTO items (code, name, category_id, width, depth, height, long_side,"
            " short_side, colour, condition, whole, clean, smoke_free, pet_free, no_pests,"
            " notes, received_on, value_ore, status, search_text, version, created_at,"
            " updated_at) VALUES (:code, 'Sofa', 1, 200, 90, 80, 200, 90, '', 'good', true,"
            " true, true, true, true, '', :day, 0, 'reserved', 'sofa', 1, :now, :now)"
        ),
        {"code": code, "day": NOW.date(), "now": NOW},
    )
    return connection.execute(text("SELECT id FROM items WHERE code = :c"), {"c": code}).scalar()


def _reservation(connection, item_id: int, case_code: str) -> None:
    connection.execute(
        text(
            "INSERT INTO reservations (item_id, case_code, reserved_by, reserved_at, active,"
            " end_reason) VALUES (:item, :case, 'Lise', :now, true, '')"
        ),
        {"item": item_id, "case": case_code, "now": NOW},
    )


def test_an_orphaned_reservation_survives_the_upgrade_with_a_case_made_for_it(database_url):
    engine = make_engine(database_url)
    config = alembic_config()
    with engine.begin() as connection:  # a workspace of the version before
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        _reservation(connection, _item(connection, "H-0001"), "FBH-2026-099")  # no such case
        _reservation(connection, _item(connection, "H-0002"), "FBH-2026-099")
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    workspace = Workspace(database_url)
    with workspace.session() as session:
        kept = reserved_for(session, "FBH-2026-099")
        assert sorted(r.item.code for r in kept) == ["H-0001", "H-0002"]
        case = get_case(session, "FBH-2026-099")
        assert "opgradering" in case.alias and case.status == "active"
        assert [row.code for row in list_cases(session)] == ["FBH-2026-099"]
    workspace.close()


def test_the_database_refuses_a_reservation_for_a_case_that_does_not_exist(workspace):
    with workspace.session() as session:
        item_id = available_item(session).id
    row = {"item_id": item_id, "case_code": "FBH-2026-999", "reserved_by": "Lise"}
    with pytest.raises(IntegrityError), workspace.session() as session:
        session.execute(insert(Reservation), [{**row, "active": True, "end_reason": ""}])


def test_reserving_for_an_unknown_case_is_told_in_words_and_keeps_nothing(workspace):
    with workspace.session() as session:
        code = available_item(session).code
    with pytest.raises(InventoryError) as refused, workspace.session() as session:
        reserve(session, code, "FBH-9999-999", "Lise")
    said = refused.value.message.text("da")
    assert said.startswith("Der er ingen sag med nummeret FBH-9999-999")
    with workspace.session() as session:
        assert reserved_for(session, "FBH-9999-999") == []


def test_a_renumbered_case_takes_its_reservations_along(workspace):
    with workspace.session() as session:
        code = available_item(session).code
        add_cases(session, "FBH-2026-001")
        reserve(session, code, "FBH-2026-001", "Lise")
        version = get_case(session, "FBH-2026-001").version
    with workspace.session() as session:
        update_case(session, "FBH-2026-001", CaseData("FBH-2026-002", "Familien Sol"), version)
    with workspace.session() as session:
        assert [r.item.code for r in reserved_for(session, "FBH-2026-002")] == [code]
