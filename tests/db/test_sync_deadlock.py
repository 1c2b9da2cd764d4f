"""Two laptops whose pushes claim the same two items in opposite orders, each in one server
transaction (a batch of apply_all): each gets one item and waits for the other's, and the
server ends the deadlock by rolling one transaction back. That push applies its batch again
one operation per transaction: nothing is lost or applied twice, every answer is stored, and
no item is promised twice. Real PostgreSQL, real deadlock."""

from __future__ import annotations

import json
import time

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


def test_a_deadlock_between_two_pushes_is_applied_again_in_smaller_transactions(team: Team):
    first, second, warm_a, warm_b = new_items(team, 4)
    outboxes = {  # the first claim is a batch of its own; the next two share a transaction
        "ada": [claim(Kind.RESERVE, CASE_A, code, "Ada") for code in (warm_a, first, second)],
        "bo": [claim(Kind.RESERVE, CASE_B, code, "Bo") for code in (warm_b, second, first)],
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
    won = {p for p, said_to in answers.items() if said_to[1].outcome == Outcome.APPLIED}
    assert len(won) == 1, answers  # the other push was the deadlock's victim, then too late
    (winner,) = won
    loser = "bo" if winner == "ada" else "ada"
    assert [a.outcome for a in answers[winner]] == [Outcome.APPLIED] * 3
    assert [a.outcome for a in answers[loser]] == [Outcome.APPLIED] + [Outcome.CONFLICT] * 2
    case = CASE_A if winner == "ada" else CASE_B
    assert (holder_of(team, first), holder_of(team, second)) == (case, case)
    rows = records(team)
    for person, ops in outboxes.items():  # each recorded once, with the answer it was given
        for op, answer in zip(ops, answers[person], strict=True):
            assert Answer.from_json(rows.pop(op.id)[3]) == answer
    assert rows == {}


def _quietly(work):
    def run() -> str:
        work()
        return ""

    return run
