"""Pushes repeated and raced on the real team server. Three laptops, each an architect with
a case of their own, queue many operations on one shared pool of items (claims of the same
items, releases, plan saves); each outbox is pushed three times at once. No item is ever
promised twice, every operation gets the same answer each time, and the server's state is
exactly what the applied answers say. And the sofa two offline laptops placed for two
families goes to exactly one of them."""

from __future__ import annotations

import json
import random

from hjem.floorplan.hjemfile import plan_bytes
from hjem.floorplan.model import Plan
from hjem.sync.apply import apply_all
from hjem.sync.operations import Answer, Kind, Operation, Outcome, Reason
from tests.db.sync_server import (
    CASE_C,
    active_holders,
    add_third_architect,
    claim,
    holder_of,
    new_items,
    records,
    servers,
)
from tests.db.team_server import CASE_A, CASE_A2, CASE_B, Team, at_once

LAPTOPS = {"ada": (CASE_A, CASE_A2), "bo": (CASE_B,), "cy": (CASE_C,)}
PLAN_VERSIONS = {CASE_A: 1, CASE_A2: None, CASE_B: 1, CASE_C: None}  # as team_server seeds
OPERATIONS = 60
PUSHES = 3
CLAIMS = (Kind.HOLD, Kind.RESERVE)


def _outbox(person: str, pool: list[str], rng: random.Random) -> list[Operation]:
    """What a laptop queued offline: claims of the pool's items for its cases (often items
    another laptop claims too), releases of what it believes it holds, plan saves each based
    on the version its previous save would make (and one stale save in the middle)."""
    ops: list[Operation] = []
    versions = {case: PLAN_VERSIONS[case] for case in LAPTOPS[person]}
    for n in range(OPERATIONS):
        case, roll = rng.choice(LAPTOPS[person]), rng.random()
        if n == OPERATIONS // 2:  # a save based on a version the plan never had
            ops.append(_save(case, person, 0))
        elif roll < 0.55:
            ops.append(claim(rng.choice(CLAIMS), case, rng.choice(pool), person))
        elif roll < 0.85:
            ops.append(claim(Kind.RELEASE, case, rng.choice(pool), person))
        else:
            ops.append(_save(case, person, versions[case]))
            versions[case] = (versions[case] or 0) + 1
    return ops


def _save(case: str, who: str, based_on: int | None) -> Operation:
    return Operation(Kind.SAVE_PLAN, case, who, based_on=based_on, document=plan_bytes(Plan()))


def _pushing(space, ops: list[Operation]):
    def push() -> str:
        return json.dumps([answer.to_json() for answer in apply_all(space, ops)])

    return push


def _expected_holders(outboxes: dict[str, list[Operation]], answers) -> dict[str, str]:
    """Item code → the case holding it, as the applied answers say: a case holds an item
    when its last applied claim or release of it, in its laptop's order, was a claim."""
    holders: dict[str, str] = {}
    for person, ops in outboxes.items():
        last: dict[tuple[str, str], Kind] = {}
        for op, answer in zip(ops, answers[person], strict=True):
            if op.kind != Kind.SAVE_PLAN and answer.outcome == Outcome.APPLIED:
                last[(op.case_code, op.item_code)] = op.kind
        for (case, item), kind in last.items():
            if kind in CLAIMS:
                assert item not in holders, f"{item} promised to {holders[item]} and {case}"
                holders[item] = case
    return holders


def test_three_laptops_each_pushing_three_times_at_once(team: Team):
    add_third_architect(team)
    pool = new_items(team, 6)
    rng = random.Random(20270120)
    outboxes = {person: _outbox(person, pool, rng) for person in LAPTOPS}
    pushes = [f"{person}#{n}" for person in LAPTOPS for n in range(PUSHES)]
    with _spaces(team, pushes) as spaces:
        said = at_once({p: _pushing(spaces[p], outboxes[p.split("#")[0]]) for p in pushes})
    assert set(said) == set(pushes)  # every push finished
    answers = {}
    for person in LAPTOPS:
        heard = {said[f"{person}#{n}"] for n in range(PUSHES)}
        assert len(heard) == 1, f"{person}'s pushes were answered differently"
        answers[person] = [Answer.from_json(a) for a in json.loads(heard.pop())]
    assert all(len(items) == 1 for items in active_holders(team).values())
    expected = _expected_holders(outboxes, answers)
    assert {item: holder_of(team, item) for item in pool} == {
        item: expected.get(item) for item in pool
    }
    _each_recorded_once_with_its_answer(team, outboxes, answers)
    reasons = {(a.outcome, a.reason) for person in answers for a in answers[person]}
    assert reasons >= {  # the race was real: each way out was taken
        (Outcome.APPLIED, Reason.NONE),
        (Outcome.CONFLICT, Reason.RESERVED_ELSEWHERE),
        (Outcome.CONFLICT, Reason.PLAN_MOVED_ON),
        (Outcome.REFUSED, Reason.NOT_RESERVED),
    }


def _spaces(team: Team, pushes: list[str]):
    """A server workspace per push: the same person's three pushes are three connections,
    as three processes of one laptop would be."""
    for push in pushes:
        team.urls.setdefault(push, team.urls[push.split("#")[0]])
    return servers(team, *pushes)


def _each_recorded_once_with_its_answer(team: Team, outboxes, answers) -> None:
    rows = records(team)
    for person, ops in outboxes.items():
        for op, answer in zip(ops, answers[person], strict=True):
            kind, case, login, stored = rows.pop(op.id)
            assert (kind, case, login) == (op.kind.value, op.case_code, team.logins[person])
            assert Answer.from_json(stored) == answer
    assert rows == {}


def test_two_offline_laptops_placed_the_same_sofa_for_two_families(team: Team):
    sofas = new_items(team, 5)
    with servers(team, "ada", "bo") as spaces:
        for sofa in sofas:
            queued = {
                "ada": claim(Kind.RESERVE, CASE_A, sofa, "Ada"),
                "bo": claim(Kind.RESERVE, CASE_B, sofa, "Bo"),
            }
            said = at_once(
                {p: _pushing(spaces[p], [op]) for p, op in queued.items()}  # both sync at once
            )
            answers = {p: Answer.from_json(json.loads(said[p])[0]) for p in queued}
            outcomes = sorted((a.outcome, a.reason) for a in answers.values())
            assert outcomes == [
                (Outcome.APPLIED, Reason.NONE),
                (Outcome.CONFLICT, Reason.RESERVED_ELSEWHERE),
            ]
            winner = next(p for p, a in answers.items() if a.outcome == Outcome.APPLIED)
            assert holder_of(team, sofa) == queued[winner].case_code
            for person, op in queued.items():  # a later sync hears the same
                again = Answer.from_json(json.loads(_pushing(spaces[person], [op])())[0])
                assert again == answers[person]


def test_two_saves_of_one_plan_at_once_one_applied_one_told_who_saved(team: Team):
    """Both based on the same version: the loser's version check fails mid-transaction (the
    plan module rolls the whole transaction back, the record with it); the operation is
    applied again from the start and answered as a conflict, recorded once."""
    pushes = ("first", "second")
    for push in pushes:
        team.urls[push] = team.urls["ada"]
    version = 1
    with servers(team, *pushes) as spaces:
        for _ in range(8):
            ops = {push: _save(CASE_A, push, version) for push in pushes}
            said = at_once({p: _pushing(spaces[p], [ops[p]]) for p in pushes})
            answers = {p: Answer.from_json(json.loads(said[p])[0]) for p in pushes}
            winner = next(p for p, a in answers.items() if a.outcome == Outcome.APPLIED)
            loser = answers[pushes[1 - pushes.index(winner)]]
            assert answers[winner].version == version + 1
            assert (loser.outcome, loser.reason, loser.saved_by) == (
                Outcome.CONFLICT,
                Reason.PLAN_MOVED_ON,
                winner,
            )
            version += 1
    assert len(records(team)) == 16
