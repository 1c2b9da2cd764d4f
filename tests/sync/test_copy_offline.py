"""Issue 15: work done on the working copy offline, then synced: provisional reservations
become the server's, and what the server gave to another, or another saved first, is kept as
a conflict for the person, never settled silently (real PostgreSQL, real SQLite copies)."""

from __future__ import annotations

from sqlalchemy import text

from hjem.db.people import assign_case
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import plan_from_bytes
from hjem.floorplan.model import Placement, Plan
from hjem.ids import ElementId
from hjem.sync.engine import refresh, sync
from hjem.sync.operations import Answer, Operation, Reason
from hjem.sync.outbox import (
    is_provisional,
    provisional_items,
    release_offline,
    reserve_offline,
    save_plan_offline,
    waiting_count,
)
from hjem.sync.status import describe
from tests.db.team_server import CASE_A, CASE_B
from tests.sync.laptops import as_admin, count, donate, laptop


def _reserved_for(team, code: str) -> list[str]:
    with as_admin(team) as session:
        query = text(
            "SELECT r.case_code FROM reservations r JOIN items i ON i.id = r.item_id"
            " WHERE i.code = :code AND r.active"
        )
        return list(session.scalars(query, {"code": code}))


def test_provisional_reservations_become_the_servers_when_synced(team):
    codes = donate(team, 3)
    with laptop(team, "ada") as (server, copy):
        refresh(server, copy)
        for code in codes:
            copy.run(lambda s, code=code: reserve_offline(s, code, CASE_A, "Ada"))
        copy.run(lambda s: release_offline(s, codes[2], CASE_A, "Ada"))
        assert copy.read(lambda s: provisional_items(s, CASE_A)) == codes[:2]
        assert _reserved_for(team, codes[0]) == []  # nothing reached the server yet
        report = sync(server, copy)
        assert report.applied == 4 and report.conflicts == []
        assert copy.read(waiting_count) == 0
        assert not copy.read(lambda s: is_provisional(s, codes[0]))
        assert copy.read(lambda s: provisional_items(s, CASE_A)) == []
    assert _reserved_for(team, codes[0]) == [CASE_A] == _reserved_for(team, codes[1])
    assert _reserved_for(team, codes[2]) == []


def test_two_laptops_place_the_same_sofa_offline_and_exactly_one_gets_it(team):
    (sofa,) = donate(team, 1)
    with laptop(team, "ada") as (ada_server, ada), laptop(team, "bo") as (bo_server, bo):
        refresh(ada_server, ada)
        refresh(bo_server, bo)
        ada.run(lambda s: reserve_offline(s, sofa, CASE_A, "Ada"))
        bo.run(lambda s: reserve_offline(s, sofa, CASE_B, "Bo"))
        first = sync(ada_server, ada)
        second = sync(bo_server, bo)
        assert first.applied == 1 and first.conflicts == []
        assert second.applied == 0 and len(second.conflicts) == 1
        conflict = second.conflicts[0]
        assert Answer.from_json(conflict.answer).reason == Reason.RESERVED_ELSEWHERE
        assert (conflict.item_code, conflict.case_code) == (sofa, CASE_B)
        words = describe(conflict).text("da")
        assert sofa in words and CASE_B in words and "Find et lignende" in words
        # Bo's provisional reservation is undone, and the sofa is gone from his copy.
        assert count(bo, "SELECT count(*) FROM reservations") == 1  # case B's own
        assert count(bo, f"SELECT count(*) FROM items WHERE code = '{sofa}'") == 0
        assert count(bo, "SELECT count(*) FROM sync_conflicts") == 1
        assert bo.read(waiting_count) == 0
    assert _reserved_for(team, sofa) == [CASE_A]


def test_a_plan_saved_by_two_people_offline_is_applied_once_and_kept_as_a_copy_once(team):
    assign_case(team.admin, CASE_A, team.logins["bo"])
    ada_plan, bo_plan = Plan(title="Adas udkast"), Plan(title="Bos udkast")
    with laptop(team, "ada") as (ada_server, ada), laptop(team, "bo") as (bo_server, bo):
        refresh(ada_server, ada)
        refresh(bo_server, bo)
        ada.run(lambda s: save_plan_offline(s, CASE_A, ada_plan, "Ada"))
        ada.run(lambda s: save_plan_offline(s, CASE_A, Plan(title="Adas plan"), "Ada"))
        bo.run(lambda s: save_plan_offline(s, CASE_A, bo_plan, "Bo"))
        assert ada.read(waiting_count) == 1  # the second save replaced the first
        assert sync(ada_server, ada).conflicts == []
        report = sync(bo_server, bo)
        (conflict,) = report.conflicts
        answer = Answer.from_json(conflict.answer)
        assert answer.reason == Reason.PLAN_MOVED_ON and answer.saved_by == "Ada"
        kept = plan_from_bytes(Operation.from_json(conflict.body).document)
        assert kept.title == "Bos udkast"  # Bo's document, whole
        assert "Ada" in describe(conflict).text("da")
        bo_now = bo.read(lambda s: s.scalar(text("SELECT document FROM case_plans LIMIT 1")))
    with as_admin(team) as session:
        query = text("SELECT document FROM case_plans WHERE case_id = :id")
        stored = session.scalar(query, {"id": team.cases[CASE_A]})
    assert plan_from_bytes(stored).title == "Adas plan"
    assert plan_from_bytes(bo_now).title == "Adas plan"  # Bo's copy shows the server's plan


def test_a_plan_saved_offline_brings_its_pieces_to_buy_into_the_servers_budget(team):
    bunk = Placement(
        id=ElementId("p1"),
        label="Køjeseng",
        category="seng",
        width=90,
        depth=200,
        height=160,
        center=Point(100, 150),
        price_ore=149_950,
    )
    with laptop(team, "ada") as (server, copy):
        refresh(server, copy)
        copy.run(lambda s: save_plan_offline(s, CASE_A, Plan(placements=(bunk,)), "Ada"))
        assert sync(server, copy).applied == 1
    with as_admin(team) as session:
        lines = session.execute(
            text(
                "SELECT description, cash_ore FROM budget_lines"
                " WHERE case_id = :c AND source = 'plan'"
            ),
            {"c": team.cases[CASE_A]},
        ).all()
    assert [tuple(line) for line in lines] == [("Køjeseng", 149_950)]
