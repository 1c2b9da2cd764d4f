"""`apply_once` on the real team server, as each person with their own login (row security
on): every outcome and reason, each answer the same when pushed again, and hostile
operations refused cleanly. applied_ops holds no household data."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select, text

from hjem.db.workspace import Workspace
from hjem.floorplan.hjemfile import plan_bytes
from hjem.floorplan.model import Plan
from hjem.inventory.models import Status
from hjem.sync import apply
from hjem.sync.apply import apply_all, apply_once
from hjem.sync.operations import Answer, Kind, Operation, Outcome, Reason
from tests.db.sync_server import claim, holder_of, new_items, records, servers
from tests.db.team_server import CASE_A, CASE_A2, CASE_B, Team

APPLIED = Answer("", Outcome.APPLIED)
PLAN = plan_bytes(Plan())


def _twice(space: Workspace, op: Operation) -> Answer:
    """The answer, after checking a second push gets the same one."""
    answer = apply_once(space, op)
    assert apply_once(space, op) == answer
    return answer


def _said(answer: Answer) -> tuple[Outcome, Reason]:
    return answer.outcome, answer.reason


def _server_now(space: Workspace) -> dt.datetime:
    return space.read(lambda session: session.scalar(select(func.now())))


def test_each_kind_of_person_holds_reserves_and_releases_their_own_cases_items(team: Team):
    sofa, chair, table = new_items(team, 3)
    with servers(team, "ada", "bo", "cora") as spaces:
        hold = _twice(spaces["ada"], claim(Kind.HOLD, CASE_A, sofa))
        assert hold.outcome == Outcome.APPLIED and hold.expires_at is not None
        until = hold.expires_at - _server_now(spaces["ada"])
        assert dt.timedelta(hours=47, minutes=59) < until <= apply.HOLD_DURATION
        made_firm = _twice(spaces["ada"], claim(Kind.RESERVE, CASE_A, sofa))
        assert (made_firm.outcome, made_firm.expires_at) == (Outcome.APPLIED, None)
        assert _said(_twice(spaces["bo"], claim(Kind.RESERVE, CASE_B, chair, "Bo"))) == _said(
            APPLIED
        )
        assert _said(_twice(spaces["cora"], claim(Kind.HOLD, CASE_A2, table, "Cora"))) == (
            Outcome.APPLIED,
            Reason.NONE,
        )
        released = _twice(spaces["ada"], claim(Kind.RELEASE, CASE_A, sofa))
        assert _said(released) == (Outcome.APPLIED, Reason.NONE)
    assert (holder_of(team, sofa), holder_of(team, chair), holder_of(team, table)) == (
        None,
        CASE_B,
        CASE_A2,
    )


def test_an_item_another_case_has_or_in_repair_is_a_conflict(team: Team):
    (in_repair,) = new_items(team, 1, Status.REPAIR)
    with servers(team, "ada", "cora") as spaces:
        taken = claim(Kind.RESERVE, CASE_A, team.items["reserved_b"])  # Bo's case has it
        assert _said(_twice(spaces["ada"], taken)) == (
            Outcome.CONFLICT,
            Reason.RESERVED_ELSEWHERE,
        )
        repair = claim(Kind.HOLD, CASE_A, in_repair)
        assert _said(_twice(spaces["ada"], repair)) == (Outcome.CONFLICT, Reason.NOT_AVAILABLE)
        by_cora = claim(Kind.RESERVE, CASE_A2, team.items["reserved_a"], "Cora")
        assert _said(_twice(spaces["cora"], by_cora)) == (
            Outcome.CONFLICT,
            Reason.RESERVED_ELSEWHERE,
        )
    assert holder_of(team, team.items["reserved_b"]) == CASE_B


def test_a_case_not_assigned_or_unknown_and_a_release_not_held_are_refused(team: Team):
    free = team.items["free"]
    with servers(team, "ada") as spaces:
        ada = spaces["ada"]
        for case in (CASE_B, "FBH-2099-999"):  # Bo's case is invisible to Ada
            for kind in (Kind.HOLD, Kind.RESERVE):
                assert _said(_twice(ada, claim(kind, case, free))) == (
                    Outcome.REFUSED,
                    Reason.UNKNOWN_CASE,
                )
            plan = Operation(Kind.SAVE_PLAN, case, "Ada", based_on=1, document=PLAN)
            assert _said(_twice(ada, plan)) == (Outcome.REFUSED, Reason.UNKNOWN_CASE)
        not_held = claim(Kind.RELEASE, CASE_A, free)
        assert _said(_twice(ada, not_held)) == (Outcome.REFUSED, Reason.NOT_RESERVED)
        bos = claim(Kind.RELEASE, CASE_B, team.items["reserved_b"])
        assert _said(_twice(ada, bos)) == (Outcome.REFUSED, Reason.NOT_RESERVED)
        others = claim(Kind.RELEASE, CASE_A, team.items["reserved_b"])
        assert _said(_twice(ada, others)) == (Outcome.REFUSED, Reason.NOT_RESERVED)
        unknown = claim(Kind.HOLD, CASE_A, "ZZZZ-9999")
        assert _said(_twice(ada, unknown)) == (Outcome.REFUSED, Reason.UNKNOWN_ITEM)
    assert holder_of(team, team.items["reserved_b"]) == CASE_B
    assert holder_of(team, free) is None


def test_a_plan_saved_on_top_of_its_version_and_one_saved_since_by_someone_else(team: Team):
    with servers(team, "ada", "cora") as spaces:
        first = Operation(Kind.SAVE_PLAN, CASE_A, "Ada", based_on=1, document=PLAN)
        assert _twice(spaces["ada"], first) == Answer(first.id, Outcome.APPLIED, version=2)
        by_cora = Operation(Kind.SAVE_PLAN, CASE_A, "Cora", based_on=2, document=PLAN)
        assert _twice(spaces["cora"], by_cora).version == 3
        offline = Operation(Kind.SAVE_PLAN, CASE_A, "Ada", based_on=2, document=PLAN)
        moved_on = _twice(spaces["ada"], offline)
        assert (moved_on.outcome, moved_on.reason, moved_on.saved_by) == (
            Outcome.CONFLICT,
            Reason.PLAN_MOVED_ON,
            "Cora",
        )
        # A version the case never had (or another case's): the same conflict, nothing saved.
        for based_on in (None, 999, -1, 2**70):
            made_up = Operation(Kind.SAVE_PLAN, CASE_A, "Ada", based_on=based_on, document=PLAN)
            assert _said(_twice(spaces["ada"], made_up)) == (
                Outcome.CONFLICT,
                Reason.PLAN_MOVED_ON,
            )
        new = Operation(Kind.SAVE_PLAN, CASE_A2, "Ada", based_on=None, document=PLAN)
        assert _twice(spaces["ada"], new).version == 1


def test_an_inventory_manager_may_not_push_and_nothing_is_recorded(team: Team):
    with servers(team, "ivar") as spaces:
        for op in (
            claim(Kind.RESERVE, CASE_A, team.items["free"], "Ivar"),
            Operation(Kind.SAVE_PLAN, CASE_A, "Ivar", based_on=1, document=PLAN),
        ):
            assert _said(_twice(spaces["ivar"], op)) == (Outcome.REFUSED, Reason.NOT_PERMITTED)
    assert records(team) == {}
    assert holder_of(team, team.items["free"]) is None


def test_a_permission_the_server_refuses_during_the_effect_is_an_answer(team: Team):
    """Ada's group loses its right to change items: the claim's UPDATE is refused by the
    server (SQLSTATE 42501); the refusal is the operation's lasting answer."""
    with team.admin.begin() as connection:
        connection.exec_driver_sql("REVOKE UPDATE ON items FROM hjem_architect")
    with servers(team, "ada") as spaces:
        op = claim(Kind.RESERVE, CASE_A, team.items["free"])
        assert _said(_twice(spaces["ada"], op)) == (Outcome.REFUSED, Reason.NOT_PERMITTED)
    assert holder_of(team, team.items["free"]) is None
    assert records(team)[op.id][0:3] == ("reserve", CASE_A, team.logins["ada"])


def test_hostile_operations_are_refused_cleanly(team: Team, monkeypatch):
    monkeypatch.setattr(apply, "MAX_DOCUMENT_BYTES", 1_000_000)
    huge = Operation(Kind.SAVE_PLAN, CASE_A, "Ada", based_on=1, document=b"PK" * 500_001)
    hostile = [
        huge,
        Operation(Kind.SAVE_PLAN, CASE_A, "Ada", based_on=1, document=b"PK\x03\x04junk"),
        Operation(Kind.SAVE_PLAN, CASE_A, "Ada", based_on=1, document=b""),
        claim(Kind.HOLD, CASE_A, "X" * 500),
        claim(Kind.HOLD, "F" * 500, team.items["free"]),
        claim(Kind.HOLD, "", team.items["free"]),
        Operation(Kind.HOLD, CASE_A, "A" * 500, item_code=team.items["free"]),
        Operation(Kind.HOLD, CASE_A, "Ada", item_code=team.items["free"], id="not-a-uuid"),
        Operation(Kind.HOLD, CASE_A, "Ada", item_code=team.items["free"], id="'; DROP--"),
        Operation(Kind.HOLD, CASE_A, "Ada", item_code=None),  # type: ignore[arg-type]
    ]
    with servers(team, "ada") as spaces:
        for op in hostile:
            assert _said(_twice(spaces["ada"], op)) == (Outcome.REFUSED, Reason.INVALID), op.id
    assert holder_of(team, team.items["free"]) is None
    assert set(records(team)) == {hostile[1].id, hostile[2].id}  # well-formed, not plans


def test_an_operation_id_of_someone_elses_is_refused_and_their_answer_kept(team: Team):
    with servers(team, "ada", "bo") as spaces:
        bos = claim(Kind.HOLD, CASE_B, team.items["free"], "Bo")
        answer = apply_once(spaces["bo"], bos)
        stolen = Operation(Kind.RELEASE, CASE_A, "Ada", item_code=team.items["free"], id=bos.id)
        assert _said(_twice(spaces["ada"], stolen)) == (Outcome.REFUSED, Reason.NOT_PERMITTED)
        assert apply_once(spaces["bo"], bos) == answer
    assert holder_of(team, team.items["free"]) == CASE_B


def test_applied_ops_holds_a_case_code_and_kind_never_the_household(team: Team):
    with team.admin.begin() as connection:
        connection.execute(
            text("SELECT hjem_set_case_address(:code, 'Søvej 4, 2. th.')"), {"code": CASE_A}
        )
    with servers(team, "ada") as spaces:
        ops = [
            claim(Kind.HOLD, CASE_A, team.items["free"]),
            claim(Kind.RESERVE, CASE_A, team.items["reserved_b"]),
            Operation(Kind.SAVE_PLAN, CASE_A, "Ada", based_on=1, document=PLAN),
            Operation(Kind.SAVE_PLAN, CASE_A, "Ada", based_on=1, document=PLAN),
        ]
        for op in ops:
            apply_once(spaces["ada"], op)
    rows = records(team)
    assert set(rows) == {op.id for op in ops}
    for kind, case, login, answer in rows.values():
        assert (case, login) == (CASE_A, team.logins["ada"]) and kind in set(Kind)
        assert set(json.loads(answer)) == {
            "op",
            "outcome",
            "reason",
            "version",
            "saved_by",
            "expires_at",
        }
        assert "Søvej" not in answer and "Familien" not in answer


@pytest.mark.parametrize("person", ["ada", "cora"])
def test_the_record_names_the_login_that_pushed_whatever_the_laptop_says(team: Team, person):
    with servers(team, person) as spaces:
        op = claim(Kind.HOLD, CASE_A, team.items["free"], who="bo")  # a name, not a login
        apply_once(spaces[person], op)
    assert records(team)[op.id][2] == team.logins[person]


def test_one_push_with_the_same_operation_twice_in_a_transaction(team: Team):
    """apply_all's second batch holds both copies: the second is answered as the first was,
    and applied once."""
    sofa, chair = new_items(team, 2)
    first = claim(Kind.HOLD, CASE_A, sofa)
    twice = claim(Kind.RESERVE, CASE_A, chair)
    with servers(team, "ada") as spaces:
        answers = list(apply_all(spaces["ada"], [first, twice, twice]))
    assert answers[1] == answers[2] and _said(answers[2]) == _said(APPLIED)
    assert set(records(team)) == {first.id, twice.id}
    assert json.loads(records(team)[twice.id][3]) == json.loads(answers[1].to_json())
    assert holder_of(team, chair) == CASE_A


def test_an_inventory_managers_push_of_many_is_refused_one_by_one(team: Team):
    """The record of a batch's first operation is refused (no privilege on applied_ops), which
    ends the whole transaction: the batch is applied again in smaller ones, down to one
    operation each, and every operation is answered, with no record."""
    ops = [claim(Kind.RESERVE, CASE_A, code, "Ivar") for code in new_items(team, 7)]
    with servers(team, "ivar") as spaces:
        answers = list(apply_all(spaces["ivar"], ops))
    assert [a.op_id for a in answers] == [op.id for op in ops]
    assert {_said(a) for a in answers} == {(Outcome.REFUSED, Reason.NOT_PERMITTED)}
    assert records(team) == {}
