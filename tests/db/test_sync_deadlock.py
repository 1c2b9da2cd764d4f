"""Two laptops whose pushes claim the same two items in opposite orders, each in one server
transaction (a batch of apply_all): each gets one item and waits for the other's, and the
server ends the deadlock by rolling one transaction back. That push applies its batch again:
nothing is lost or applied twice, every answer is stored, and no item is promised twice.
Real PostgreSQL, real deadlock."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import text

from hjem.sync.apply import apply_all
from hjem.sync.operations import Answer, Kind, Outcome
from tests.db.sync_server import claim, holder_of, new_items, records, servers
from tests.db.team_server import CASE_A, CASE_B, Team, at_once

WAITING = text(
    "SELECT count(*) FROM pg_stat_activity"
    " WHERE datname = current_database() AND wait_event_type = 'Lock'"
)
DEADLOCKS = text("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")


def _now(connection, query) -> int:
    """`query`'s count as the server's statistics say it at this moment (not as they were
    when the connection's transaction began)."""
    connection.execute(text("SELECT pg_stat_clear_snapshot()"))
    count = int(connection.scalar(query))
    connection.commit()
    return count


def _until(check, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.parametrize("guarded", [False, True])
def test_a_deadlock_between_two_pushes_is_applied_again(team: Team, guarded: bool):
    """Without savepoints the victim's batch is applied again with them; with them (after a
    refusal earlier in the push) it is applied again in halves, one operation each."""
    first, second = new_items(team, 2)
    outboxes = {
        "ada": _outbox(team, CASE_A, "Ada", (first, second), guarded),
        "bo": _outbox(team, CASE_B, "Bo", (second, first), guarded),
    }
    with team.admin.connect() as watcher:
        before = _now(watcher, DEADLOCKS)
        with servers(team, "ada", "bo") as spaces, team.admin.connect() as locker:
            # The administrator holds both items, so each push stops at its first claim of
            # the batch; let go at once, each gets one item and then waits for the other.
            locker.execute(
                text("SELECT id FROM items WHERE code IN (:a, :b) FOR UPDATE"),
                {"a": first, "b": second},
            )

            def pushing(person: str):
                answers = apply_all(spaces[person], outboxes[person])
                return lambda: json.dumps([a.to_json() for a in answers])

            def release_when_both_wait() -> None:
                _until(lambda: _now(watcher, WAITING) >= 2)
                locker.commit()

            said = at_once(
                {"ada": pushing("ada"), "bo": pushing("bo"), "": _quietly(release_when_both_wait)}
            )
        _until(lambda: _now(watcher, DEADLOCKS) > before)
    answers = {p: [Answer.from_json(a) for a in json.loads(said[p])] for p in outboxes}
    won = {p for p, said_to in answers.items() if said_to[-1].outcome == Outcome.APPLIED}
    assert len(won) == 1, answers  # the other push was the deadlock's victim, then too late
    (winner,) = won
    loser = "bo" if winner == "ada" else "ada"
    assert [a.outcome for a in answers[winner][-2:]] == [Outcome.APPLIED] * 2
    assert [a.outcome for a in answers[loser][-2:]] == [Outcome.CONFLICT] * 2
    heads = {tuple(a.outcome for a in said_to[:-2]) for said_to in answers.values()}
    assert heads == {EARLIER[guarded]}
    case = CASE_A if winner == "ada" else CASE_B
    assert (holder_of(team, first), holder_of(team, second)) == (case, case)
    rows = records(team)
    for person, ops in outboxes.items():  # each recorded once, with the answer it was given
        for op, answer in zip(ops, answers[person], strict=True):
            assert Answer.from_json(rows.pop(op.id)[3]) == answer
    assert rows == {}


UNKNOWN = "ZZZZ-9999"  # no such item
EARLIER = {  # the answers before the two claims
    False: (Outcome.APPLIED,),
    True: (Outcome.APPLIED, Outcome.REFUSED, Outcome.APPLIED),
}


def _outbox(team: Team, case: str, who: str, both: tuple[str, str], guarded: bool):
    """A claim of an item of its own (a batch of its own), then, when `guarded`, a claim of
    an item the server does not know (refused: the push keeps savepoints from then on) and
    another claim, then the claims of both items, in one transaction."""
    own = new_items(team, 2)
    head = [claim(Kind.RESERVE, case, own[0], who)]
    if guarded:
        head += [claim(Kind.HOLD, case, UNKNOWN, who), claim(Kind.RESERVE, case, own[1], who)]
    return head + [claim(Kind.RESERVE, case, code, who) for code in both]


def _quietly(work):
    def run() -> str:
        work()
        return ""

    return run
