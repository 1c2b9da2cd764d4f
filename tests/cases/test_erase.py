"""Erasing a case: every row of it goes, on SQLite and PostgreSQL; its reserved items are
available again with a history line naming only the case code; delivered items stay the
family's; another case is untouched; nothing is erased when the case is unknown."""

import pytest
from sqlalchemy import text

from hjem.cases.cases import address_of, list_cases
from hjem.cases.erase import ERASED, erase_case, what_goes
from hjem.cases.errors import CaseError
from hjem.inventory.details import item_details
from hjem.inventory.items import get_item
from hjem.inventory.models import Status
from tests.cases.helpers_erase import ADDRESS, MOON, SUN, full_case

CASE_TABLES = ("children", "visits", "case_plans", "budget_lines", "case_architects")


def _rows_of(session, case_id: int, code: str) -> dict[str, int]:
    counts = {
        table: session.execute(
            text(f"SELECT count(*) FROM {table} WHERE case_id = :id"), {"id": case_id}
        ).scalar()
        for table in (*CASE_TABLES, "case_addresses")
    }
    counts["cases"] = session.execute(
        text("SELECT count(*) FROM cases WHERE code = :code"), {"code": code}
    ).scalar()
    counts["reservations"] = session.execute(
        text("SELECT count(*) FROM reservations WHERE case_code = :code"), {"code": code}
    ).scalar()
    return counts


def _case_id(session, code: str) -> int:
    return session.execute(text("SELECT id FROM cases WHERE code = :c"), {"c": code}).scalar()


def test_erasing_a_case_deletes_every_row_of_it_and_returns_its_items(workspace):
    with workspace.session() as session:
        items = full_case(session)
        others = full_case(session, MOON, "Månevej 2")
        sun_id, moon_id = _case_id(session, SUN.code), _case_id(session, MOON.code)
        session.execute(
            text("INSERT INTO case_architects (case_id, login) VALUES (:id, 'mette')"),
            {"id": sun_id},
        )
        assert _rows_of(session, sun_id, SUN.code)["case_addresses"] == 1
        moon_before = _rows_of(session, moon_id, MOON.code)
    with workspace.session() as session:
        report = erase_case(session, SUN.code, who="Mette")
    assert (report.code, report.alias, report.children, report.visits) == (
        SUN.code,
        SUN.alias,
        2,
        1,
    )
    assert (report.plans, report.budget_lines, report.address) == (1, 2, True)
    assert (report.reservations, report.items_returned, report.items_kept) == (3, 2, 1)
    with workspace.session() as session:
        assert set(_rows_of(session, sun_id, SUN.code).values()) == {0}
        assert _rows_of(session, moon_id, MOON.code) == moon_before  # the other family's
        assert [row.code for row in list_cases(session)] == [MOON.code]
        for role in ("reserved_1", "reserved_2"):
            assert get_item(session, items[role]).status == Status.AVAILABLE
        assert get_item(session, items["delivered"]).status == Status.DELIVERED
        assert get_item(session, others["reserved_1"]).status == Status.RESERVED


def test_a_returned_items_history_names_the_case_code_and_nothing_of_the_household(workspace):
    with workspace.session() as session:
        items = full_case(session)
    with workspace.session() as session:
        erase_case(session, SUN.code, who="Mette")
    with workspace.session() as session:
        history = item_details(session, items["reserved_1"]).history
    last = history[0]  # newest first
    assert (last.kind, last.who, last.to_status, last.reason) == (
        ERASED,
        "Mette",
        Status.AVAILABLE,
        SUN.code,
    )
    said = " ".join(f"{e.reason} {e.who}" for e in history)
    for household in (ADDRESS, SUN.alias, SUN.municipality):
        assert household not in said


def test_the_preview_counts_what_goes_and_changes_nothing(workspace):
    with workspace.session() as session:
        full_case(session)
    with workspace.session() as session:
        preview = what_goes(session, SUN.code)
    assert (preview.children, preview.budget_lines, preview.items_returned) == (2, 2, 2)
    with workspace.session() as session:
        assert address_of(session, SUN.code) == ADDRESS


def test_an_unknown_case_is_said_and_nothing_is_erased(workspace):
    with workspace.session() as session:
        full_case(session)
    with pytest.raises(CaseError), workspace.session() as session:
        erase_case(session, "FBH-2026-999")
    with workspace.session() as session:
        assert [row.code for row in list_cases(session)] == [SUN.code]


def test_an_item_sent_to_repair_while_reserved_stays_in_repair(workspace):
    from hjem.inventory.lifecycle import move

    with workspace.session() as session:
        items = full_case(session)
        item = get_item(session, items["reserved_1"])
        move(session, item, Status.REPAIR, "Lise", "ben knækket")
    with workspace.session() as session:
        report = erase_case(session, SUN.code, who="Mette")
    assert report.items_returned == 1
    with workspace.session() as session:
        assert get_item(session, items["reserved_1"]).status == Status.REPAIR
        assert item_details(session, items["reserved_1"]).history[0].kind == ERASED
