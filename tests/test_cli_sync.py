"""`hjem sync [--json] [--status]` as a real process: exit codes, the JSON's shape, conflicts in
plain Danish, and a server out of reach said within the timeout with the outbox untouched."""

from __future__ import annotations

import json
import socket
import time

from hjem.sync.copy import open_copy
from hjem.sync.engine import refresh
from hjem.sync.operations import Kind, Operation
from hjem.sync.outbox import record, reserve_offline, waiting_count
from tests.db.hjem_process import hjem, said
from tests.db.team_server import CASE_A, CASE_B
from tests.sync.laptops import as_admin, donate, laptop

UNREACHABLE_BOUND_S = 20  # the message is due within the connect timeout (5 s)


def test_sync_prints_what_it_did_and_json_has_one_object(team):
    donate(team, 2)
    first = hjem("sync", "--database", team.urls["ada"])
    assert first.returncode == 0, said(first)
    assert "Lager opdateret nu" in said(first)
    assert "Hentet: 4 genstande, 2 sager." in first.stdout
    result = hjem("sync", "--json", "--database", team.urls["ada"])
    assert result.returncode == 0, said(result)
    report = json.loads(result.stdout)
    assert set(report) == {"applied", "conflicts", "pulled", "removed", "pulled_at", "waiting"}
    assert report["applied"] == 0 and report["conflicts"] == [] and report["waiting"] == 0
    assert report["pulled"]["items"] == 0  # nothing changed since the first sync


def test_a_conflict_is_listed_in_danish_with_its_codes_and_exit_1(team):
    (sofa,) = donate(team, 1)
    with laptop(team, "ada") as (server, copy):
        refresh(server, copy)
        copy.run(lambda s: reserve_offline(s, sofa, CASE_A, "Ada"))
    with as_admin(team) as session:
        from hjem.inventory.reservations import reserve

        reserve(session, sofa, CASE_B, "Bo")
    result = hjem("sync", "--database", team.urls["ada"])
    assert result.returncode == 1, said(result)
    assert f"{sofa} kunne ikke reserveres til sag {CASE_A}" in result.stdout
    assert "Find et lignende" in result.stdout
    status = hjem("sync", "--status", "--json", "--database", team.urls["ada"])
    assert status.returncode == 0
    shown = json.loads(status.stdout)
    assert shown["waiting"] == 0 and [c["item"] for c in shown["conflicts"]] == [sofa]


def _waiting_copy(url: str) -> None:
    copy = open_copy(url)
    copy.run(lambda s: record(s, Operation(Kind.RESERVE, CASE_A, "Ada", item_code="ABC123")))
    copy.close()


def _waiting(url: str) -> int:
    copy = open_copy(url)
    try:
        return copy.read(waiting_count)
    finally:
        copy.close()


def test_a_server_that_never_answers_is_said_in_time_and_the_outbox_waits(silent_server):
    url = f"postgresql://ada:pw-secret@127.0.0.1:{silent_server}/hjem"
    _waiting_copy(url)
    started = time.monotonic()
    result = hjem("sync", "--database", url, timeout=UNREACHABLE_BOUND_S)
    elapsed = time.monotonic() - started
    assert result.returncode == 2
    assert "Serveren 127.0.0.1 svarer ikke" in said(result)
    assert "1 ændring venter stadig på den bærbare" in result.stderr
    assert "pw-secret" not in result.stdout + result.stderr
    assert _waiting(url) == 1
    print(f"silent server: said after {elapsed:.1f} s")


def test_a_closed_port_is_said_and_the_outbox_waits():
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # closed again: nobody listens there
    url = f"postgresql://ada@127.0.0.1:{port}/hjem"
    _waiting_copy(url)
    result = hjem("sync", "--json", "--database", url)
    assert result.returncode == 2 and result.stdout == ""
    assert "kan ikke nås" in said(result)
    assert _waiting(url) == 1


def test_sync_without_a_team_server_says_it_needs_one():
    result = hjem("sync")
    assert result.returncode == 2
    assert "hjem sync kræver en teamserver" in said(result)
