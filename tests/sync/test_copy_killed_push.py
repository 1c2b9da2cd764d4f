"""Issue 15: a sync killed (SIGKILL) at 100 random moments of a push of 200 waiting operations,
rerun after each kill: every operation is applied exactly once on the server, and the outbox
is empty. Real processes, a real PostgreSQL server, a real encrypted SQLite copy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from sqlalchemy import text

from hjem.sync.engine import refresh
from hjem.sync.operations import Answer, Outcome
from hjem.sync.outbox import release_offline, reserve_offline, waiting_count
from tests.conftest import ROOT
from tests.db.team_server import CASE_A
from tests.sync.laptops import as_admin, donate, laptop

RESERVED, RELEASED = 130, 70  # 200 operations: 130 claims, then 70 of them released
KILLS = 100
BOUND_S = 240  # a hang ends the test


def _queue(copy, codes: list[str]) -> None:
    def work(session) -> None:
        for code in codes:
            reserve_offline(session, code, CASE_A, "Ada")
        for code in codes[:RELEASED]:
            release_offline(session, code, CASE_A, "Ada")

    copy.run(work)


def test_a_push_killed_a_hundred_times_applies_every_operation_exactly_once(team):
    codes = donate(team, RESERVED)
    with laptop(team, "ada") as (server, copy):
        refresh(server, copy)
        _queue(copy, codes)
        assert copy.read(waiting_count) == RESERVED + RELEASED
    seed = int(os.environ.get("HJEM_KILL_SEED", time.time_ns() % 1_000_000))
    started = time.monotonic()
    driver = subprocess.run(
        [sys.executable, "-m", "tests.sync.push_driver", team.urls["ada"], str(KILLS), str(seed)],
        capture_output=True, text=True, cwd=ROOT, timeout=BOUND_S,
    )  # fmt: skip
    assert driver.returncode == 0, driver.stderr
    outcome = json.loads(driver.stdout.strip().splitlines()[-1])
    print(f"{outcome} in {time.monotonic() - started:.1f} s")  # the seed makes it again
    assert outcome["kills"] == KILLS
    assert outcome["answered_last"] < RESERVED + RELEASED / 2  # the kills came all along
    with laptop(team, "ada") as (_, copy):
        assert copy.read(waiting_count) == 0
        assert copy.read(lambda s: s.scalar(text("SELECT count(*) FROM sync_conflicts"))) == 0
    with as_admin(team) as session:
        answers = session.scalars(text("SELECT answer FROM applied_ops")).all()
        assert len(answers) == RESERVED + RELEASED
        assert {Answer.from_json(a).outcome for a in answers} == {Outcome.APPLIED}
        mine = text(
            "SELECT count(*) FILTER (WHERE r.active), count(*) FROM reservations r"
            " JOIN items i ON i.id = r.item_id WHERE i.code = ANY(:codes)"
        )
        active, made = session.execute(mine, {"codes": codes}).one()
        assert (active, made) == (RESERVED - RELEASED, RESERVED)  # each claim made once
        events = text(
            "SELECT count(*) FROM item_events e JOIN items i ON i.id = e.item_id"
            " WHERE i.code = ANY(:codes) AND e.kind IN ('reserve', 'release')"
        )
        assert session.scalar(events, {"codes": codes}) == RESERVED + RELEASED
