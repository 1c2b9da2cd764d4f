"""Issue 15, *Forbered besøg*: before a visit, while online, the architect holds the items of
the case's plan on the team server for 48 hours by the server's clock, and the case, its plan
and those items come to the laptop (a real PostgreSQL as the person, a real encrypted copy)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import select, text

from hjem.cases.errors import CaseNotFound
from hjem.cases.plans import load_case_plan
from hjem.inventory.models import Reservation
from hjem.inventory.reservations import reserved_for
from hjem.sync.apply import apply_once
from hjem.sync.operations import Kind, Operation, Outcome, Reason
from hjem.sync.outbox import waiting_count
from hjem.sync.visit import prepare_visit, visit_shortlist
from hjem.sync.visit_words import visit_summary
from tests.conftest import ROOT
from tests.db.sync_server import records, servers
from tests.db.team_server import CASE_A, CASE_B, Team
from tests.sync.laptops import as_admin, laptop
from tests.sync.visits import HOLD, furnish_case_a, server_now

DAY = 24.0


def _laptop_a_day_behind(team: Team, case: str, codes: list[str]) -> dict:
    """Ada's laptop, its clock a day behind, prepares the visit in a process of its own."""
    arguments = [team.urls["ada"], str(-DAY), case, "Ada", *codes]
    done = subprocess.run(
        [sys.executable, "-m", "tests.sync.visit_laptop", *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def _holds(team: Team) -> dict[str, tuple[str, dt.datetime | None]]:
    """Item code → (case, end) of every active reservation, as the administrator sees."""
    query = text(
        "SELECT i.code, r.case_code, r.expires_at FROM reservations r"
        " JOIN items i ON i.id = r.item_id WHERE r.active"
    )
    with as_admin(team) as session:
        return {code: (case, end) for code, case, end in session.execute(query)}


def _copy_reservations(copy, case: str) -> dict[str, dt.datetime | None]:
    return copy.read(lambda s: {r.item.code: r.expires_at for r in reserved_for(s, case)})


def test_the_chosen_items_are_held_by_the_servers_clock_and_the_copy_has_the_visit(team):
    furniture = furnish_case_a(team)
    sofa, bed = furniture.codes["sofa"], furniture.codes["bed"]
    before = server_now(team)
    report = _laptop_a_day_behind(team, CASE_A, [sofa, bed])
    after = server_now(team)
    real = dt.datetime.now(dt.UTC)
    laptop_clock = dt.datetime.fromisoformat(report["clock"])
    assert abs(laptop_clock - real + dt.timedelta(hours=DAY)) < dt.timedelta(minutes=5)
    assert report["not_held"] == {} and report["case_copied"] is True
    holds = _holds(team)
    for code in (sofa, bed):
        end = dt.datetime.fromisoformat(report["held"][code])
        assert before + HOLD <= end <= after + HOLD  # the server's now, not a day early
        assert holds[code] == (CASE_A, end)
    with laptop(team, "ada") as (_server, copy):
        stored = copy.read(lambda s: load_case_plan(s, CASE_A))
        assert stored is not None
        assert {p.inventory_item for p in stored.plan.placements} >= {sofa, bed}
        on_copy = _copy_reservations(copy, CASE_A)
        assert on_copy.keys() == {sofa, bed, team.items["reserved_a"]}
        assert on_copy[sofa] is not None
        assert abs(on_copy[sofa].replace(tzinfo=dt.UTC) - holds[sofa][1]) < dt.timedelta(seconds=1)
        assert copy.read(waiting_count) == 0  # nothing of it waits to be pushed


def test_preparing_again_keeps_the_holds_and_reserves_nothing_twice(team):
    furniture = furnish_case_a(team)
    sofa, bed = furniture.codes["sofa"], furniture.codes["bed"]
    with laptop(team, "ada") as (server, copy):
        first = prepare_visit(server, copy, CASE_A, [sofa, bed, sofa], "Ada")
        again = prepare_visit(server, copy, CASE_A, [bed], "Ada")  # the sofa: held again
        untouched = prepare_visit(server, copy, CASE_A, [], "Ada", renew_holds=False)
        assert [h.code for h in first.held] == [sofa, bed]  # a code named twice: one hold
        assert [h.code for h in again.held] == [bed, sofa] and again.not_held == []
        assert untouched.held == [] and untouched.not_held == []
        ends = {h.code: h.expires_at for h in first.held}
        for later in again.held:
            earlier = ends[later.code]
            assert later.expires_at is not None and earlier is not None
            assert later.expires_at >= earlier  # renewed, never shortened
        assert _copy_reservations(copy, CASE_A).keys() == {sofa, bed, team.items["reserved_a"]}
    with as_admin(team) as session:
        for code in (sofa, bed):
            active = session.scalars(
                select(Reservation)
                .join(Reservation.item)
                .where(Reservation.active, text("items.code = :code")),
                {"code": code},
            ).all()
            assert [r.case_code for r in active] == [CASE_A]
    assert len(records(team)) == 4  # each run's own operations, each applied once (none 3rd)


def test_a_lapsed_hold_of_the_case_is_held_again_from_the_servers_now(team):
    furniture = furnish_case_a(team)
    sofa = furniture.codes["sofa"]
    with laptop(team, "ada") as (server, copy):
        prepare_visit(server, copy, CASE_A, [sofa], "Ada")
        with as_admin(team) as session:  # the visit was put off, and the hold ran out
            session.execute(
                text(
                    "UPDATE reservations SET expires_at = now() - interval '1 hour'"
                    " WHERE active AND expires_at IS NOT NULL"
                )
            )
        before = server_now(team)
        report = prepare_visit(server, copy, CASE_A, [], "Ada")
    assert [h.code for h in report.held] == [sofa]
    assert report.held_until is not None and report.held_until >= before + HOLD
    assert _holds(team)[sofa] == (CASE_A, report.held_until)


def test_an_item_another_case_reserved_meanwhile_is_not_held_and_says_why(team):
    furniture = furnish_case_a(team)
    sofa, bed = furniture.codes["sofa"], furniture.codes["bed"]
    with laptop(team, "ada") as (server, copy):
        shortlist = server.read(lambda s: visit_shortlist(s, CASE_A))
        assert bed in [e.code for e in shortlist if e.preselected]
        with servers(team, "bo") as spaces:  # Bo takes the bed while Ada looks at her list
            taken = apply_once(spaces["bo"], Operation(Kind.RESERVE, CASE_B, "Bo", item_code=bed))
        assert taken.outcome == Outcome.APPLIED
        report = prepare_visit(server, copy, CASE_A, [sofa, bed], "Ada")
        assert [h.code for h in report.held] == [sofa]
        assert [(n.code, n.outcome, n.reason) for n in report.conflicts] == [
            (bed, Outcome.CONFLICT, Reason.RESERVED_ELSEWHERE)
        ]
        assert bed not in _copy_reservations(copy, CASE_A)
        said = [m.text("da") for m in visit_summary(report, furniture.names)]
    assert _holds(team)[bed][0] == CASE_B
    assert said[0].startswith("1 genstand er holdt til sag " + CASE_A)
    assert "1 genstand kunne ikke holdes:" in said
    assert f"Enkeltseng ({bed}) er reserveret til en anden sag. Find et lignende." in said


def test_an_architect_cannot_hold_for_a_case_that_is_not_theirs(team):
    furniture = furnish_case_a(team)
    sofa = furniture.codes["sofa"]
    with laptop(team, "ada") as (server, copy):
        with pytest.raises(CaseNotFound):
            server.read(lambda s: visit_shortlist(s, CASE_B))
        report = prepare_visit(server, copy, CASE_B, [sofa], "Ada")
        assert report.held == [] and not report.case_copied
        assert [(n.code, n.outcome) for n in report.refused] == [(sofa, Outcome.REFUSED)]
        assert report.refused[0].reason in (Reason.UNKNOWN_CASE, Reason.NOT_PERMITTED)
        said = [m.text("da") for m in visit_summary(report)]
        assert CASE_B not in copy.read(lambda s: s.scalars(text("SELECT code FROM cases")).all())
    assert sofa not in _holds(team)
    assert said[0] == "Ingen genstande er holdt."
    assert said[-1].startswith(f"Sag {CASE_B} kunne ikke hentes til den bærbare")


def test_the_shortlist_checks_the_plans_free_items_and_marks_the_cases_own(team):
    furniture = furnish_case_a(team)
    codes = furniture.codes
    with laptop(team, "ada") as (server, copy):
        prepare_visit(server, copy, CASE_A, [codes["chair"]], "Ada")  # a hold of the case
        shortlist = server.read(lambda s: visit_shortlist(s, CASE_A))
    by_code = {e.code: e for e in shortlist}
    assert len(by_code) == len(shortlist)  # each item once
    assert [e.code for e in shortlist if e.preselected] == [codes["sofa"], codes["bed"]]
    assert all(not e.already_ours and e.in_plan for e in shortlist if e.preselected)
    suggested = [e.code for e in shortlist if not e.preselected and not e.already_ours]
    # For the sofa case B holds: the other free sofa; for the table with no item: the three
    # nearest in size, nearest first; nothing for the piece of no particular kind.
    assert suggested == [
        team.items["free"],
        codes["table_fits"],
        codes["table_near"],
        codes["table_small"],
    ]
    ours = [e for e in shortlist if e.already_ours]
    assert {e.code for e in ours} == {team.items["reserved_a"], codes["chair"]}
    assert all(not e.preselected for e in ours)
    assert by_code[team.items["reserved_a"]].held_until is None  # reserved, with no end
    assert by_code[team.items["reserved_a"]].in_plan
    held = by_code[codes["chair"]]
    assert held.held_until is not None and not held.in_plan
    assert held.held_until - server_now(team) > HOLD - dt.timedelta(minutes=5)
    assert by_code[codes["bed"]].size == (90, 200, 50) and by_code[codes["bed"]].category == "seng"
    assert team.items["reserved_b"] not in by_code


def test_the_suggestions_are_bounded(team):
    furniture = furnish_case_a(team)
    with laptop(team, "ada") as (server, _copy):
        few = server.read(lambda s: visit_shortlist(s, CASE_A, per_category=1, max_suggestions=1))
    suggested = [e.code for e in few if not e.preselected and not e.already_ours]
    assert suggested == [team.items["free"]]
    assert furniture.codes["table_fits"] not in {e.code for e in few}
