"""Logging donations, editing them, and their lifecycle."""

import pytest
from sqlalchemy import select

from hjem.db.workspace import Workspace
from hjem.inventory.codes import ALPHABET, LENGTH, normalized
from hjem.inventory.errors import EditConflict, IllegalMove, InventoryError
from hjem.inventory.items import create_item, data_of, get_item, update_item
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Item, ItemEvent, Status
from tests.inventory.helpers import available_item, donation


def test_a_donation_gets_a_readable_code_and_starts_as_received(workspace):
    with workspace.session() as session:
        item = create_item(
            session, donation(location="Lager A/Zone 2/Hylde 3", value_ore=120_050), "Lise"
        )
        code = item.code
    assert len(code) == LENGTH and set(code) <= set(ALPHABET)
    with workspace.session() as session:
        item = get_item(session, code.lower())
        assert item.status == Status.RECEIVED
        assert (item.long_side, item.short_side) == (200.0, 90.0)
        assert data_of(item).location == "Lager A/Zone 2/Hylde 3"
        assert item.value_ore == 120_050


def test_codes_are_read_forgivingly():
    assert normalized(" k7p-2qo ") == "K7P2Q0"
    assert normalized("il") == "11"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": " "}, "Navn"),
        ({"width": -20.0}, "Bredde"),
        ({"depth": float("nan")}, "Dybde"),
        ({"category": "rocket"}, "Kategori"),
        ({"condition": "broken"}, "Stand"),
    ],
)
def test_a_bad_value_is_refused_and_nothing_is_saved(workspace, change, field):
    data = donation()
    bad = data.__class__(**{**data.__dict__, **change})
    with pytest.raises(InventoryError) as refused, workspace.session() as session:
        create_item(session, bad, "Lise")
    assert refused.value.message.text("da").startswith(field)
    with workspace.session() as session:
        assert session.scalar(select(Item.id)) is None


def test_an_illegal_move_is_refused_and_every_move_is_in_the_history(workspace):
    with workspace.session() as session:
        item = create_item(session, donation(), "Lise")
        with pytest.raises(IllegalMove) as refused:
            move(session, item, Status.DELIVERED, "Lise")
        assert "modtaget" in refused.value.message.text("da")
        move(session, item, Status.REPAIR, "Lise", "løst ben")
        move(session, item, Status.AVAILABLE, "Ole", "limet")
        session.flush()
        events = session.scalars(
            select(ItemEvent).where(ItemEvent.item_id == item.id).order_by(ItemEvent.id)
        ).all()
    assert [
        (e.who, e.from_status, e.to_status, e.reason) for e in events if e.kind == "status"
    ] == [
        ("Lise", "received", "repair", "løst ben"),
        ("Ole", "repair", "available", "limet"),
    ]


def test_an_edit_made_on_an_old_copy_is_refused(workspace):
    with workspace.session() as session:
        item = available_item(session)
        code, version = item.code, item.version
    with workspace.session() as session:
        update_item(session, code, version, donation(name="Sofa, blå"), "Lise")
    with pytest.raises(EditConflict) as refused, workspace.session() as session:
        update_item(session, code, version, donation(name="Sofa, rød"), "Ole")
    assert "ændret" in refused.value.message.text("da")
    with workspace.session() as session:
        assert get_item(session, code).name == "Sofa, blå"


def test_two_sessions_saving_the_same_item_at_once_the_second_is_told(fresh_postgres):
    # Interleaved in one thread only PostgreSQL can do this; SQLite queues writers (see the
    # multi-process reservation test) and the old-copy test above covers its version check.
    workspace = Workspace(fresh_postgres)
    with workspace.session() as session:
        code = available_item(session).code
    first, second = workspace._sessions(), workspace._sessions()
    try:
        a, b = get_item(first, code), get_item(second, code)
        update_item(first, code, a.version, donation(name="Sofa A"), "Lise")
        first.commit()
        with pytest.raises(EditConflict):
            update_item(second, code, b.version, donation(name="Sofa B"), "Ole")
    finally:
        first.close()
        second.rollback()
        second.close()
        workspace.close()


def test_codes_never_look_like_numbers_to_a_spreadsheet():
    from hjem.inventory.codes import new_code

    for _ in range(2000):
        code = new_code()
        assert any(c.isalpha() and c != "E" for c in code), code


def test_text_longer_than_its_column_is_refused_before_the_database_sees_it(workspace):
    with pytest.raises(InventoryError) as refused, workspace.session() as session:
        create_item(session, donation(colour="x" * 150), "Lise")
    assert refused.value.message.text("da").startswith("Farve")
    with pytest.raises(InventoryError), workspace.session() as session:
        create_item(session, donation(location="Lager/" + "y" * 90), "Lise")
