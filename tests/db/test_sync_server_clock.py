"""Holds expire by the team server's clock, not the laptop's: a laptop whose clock is a day
behind places a hold; a laptop whose clock is a day ahead (so by its own clock the hold ended
long ago) still cannot take the item; once the server's clock passes the hold's end, a laptop
whose clock is a day behind (so by its own clock the hold has a day to go) takes it. Each
laptop is a real process with its clock shifted (tests.db.shifted_clock)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select, text

from hjem.db.workspace import Workspace
from hjem.sync.operations import Answer, Kind, Operation, Outcome, Reason
from tests.conftest import ROOT
from tests.db.sync_server import claim, holder_of, new_items
from tests.db.team_server import CASE_A, CASE_B, Team

HOLD_SECONDS = 2.0
DAY = 24.0


class Laptop:
    def __init__(self, process: subprocess.Popen[str]):
        self.process = process
        assert process.stdout is not None
        self.clock = dt.datetime.fromisoformat(json.loads(process.stdout.readline())["clock"])

    def push(self, op: Operation) -> Answer:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(op.to_json() + "\n")
        self.process.stdin.flush()
        return Answer.from_json(self.process.stdout.readline())


@contextmanager
def laptop(team: Team, person: str, hours: float) -> Iterator[Laptop]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    arguments = [team.urls[person], str(hours), str(HOLD_SECONDS)]
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.db.shifted_clock", *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=ROOT,
    )
    try:
        yield Laptop(process)
    finally:
        process.kill()
        process.wait(timeout=30)


def _server_now(team: Team) -> dt.datetime:
    admin = Workspace(team.admin_url)
    now = admin.read(lambda session: session.scalar(select(func.now())))
    admin.close()
    return now


def _wait_for_server_clock_past(team: Team, moment: dt.datetime) -> None:
    deadline = time.monotonic() + 30
    while _server_now(team) <= moment:
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_a_hold_ends_by_the_servers_clock_whatever_the_laptops_say(team: Team):
    (sofa,) = new_items(team, 1)
    with (
        laptop(team, "ada", -DAY) as behind,
        laptop(team, "bo", +DAY) as ahead,
        laptop(team, "bo", -DAY) as bo_behind,
    ):
        real = dt.datetime.now(dt.UTC)
        assert abs(behind.clock - real - dt.timedelta(hours=-DAY)) < dt.timedelta(minutes=5)
        assert abs(ahead.clock - real - dt.timedelta(hours=DAY)) < dt.timedelta(minutes=5)
        before = _server_now(team)
        held = behind.push(claim(Kind.HOLD, CASE_A, sofa))
        assert held.outcome == Outcome.APPLIED and held.expires_at is not None
        hold = dt.timedelta(seconds=HOLD_SECONDS)
        assert before + hold <= held.expires_at <= _server_now(team) + hold  # not a day off
        too_early = ahead.push(claim(Kind.RESERVE, CASE_B, sofa, "Bo"))
        assert _server_now(team) < held.expires_at, "the machine was too slow for this test"
        assert (too_early.outcome, too_early.reason) == (
            Outcome.CONFLICT,
            Reason.RESERVED_ELSEWHERE,
        )
        _wait_for_server_clock_past(team, held.expires_at)
        taken = bo_behind.push(claim(Kind.RESERVE, CASE_B, sofa, "Bo"))
        assert (taken.outcome, taken.reason) == (Outcome.APPLIED, Reason.NONE)
    assert holder_of(team, sofa) == CASE_B
    with team.admin.connect() as connection:
        ended = connection.execute(
            text(
                "SELECT r.end_reason, r.ended_at >= r.expires_at FROM reservations r"
                " JOIN items i ON i.id = r.item_id WHERE i.code = :code AND NOT r.active"
            ),
            {"code": sofa},
        ).one()
    assert tuple(ended) == ("expired", True)  # ended by the server, at its own time
