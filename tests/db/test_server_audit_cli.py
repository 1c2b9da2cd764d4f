"""`hjem server audit` as the coordinator runs it, in a process of its own, on the real server:
a table in Danish and local time, JSON lines, --case and --since; a bad date and a person who
may not read the log are told so in Danish (exit 2), never with a traceback."""

from __future__ import annotations

import datetime as dt
import json
import re

from sqlalchemy.orm import Session

from hjem.cases.cases import address_of, set_address
from tests.db.hjem_process import hjem, said
from tests.db.team_server import CASE_A, CASE_B, Team

ADDRESS = "Solvej 3, 2. tv, 5000 Odense C"


def _audit(team: Team, *args: str, person: str = "cora"):
    return hjem("server", "audit", "--database", team.urls[person], "--lang", "da", *args)


def _read_the_address(team: Team) -> None:
    with Session(team.engine("cora")) as session, session.begin():
        set_address(session, CASE_A, ADDRESS)
    with Session(team.engine("ada")) as session, session.begin():
        address_of(session, CASE_A)


def test_the_log_as_a_table_in_danish_words_and_local_time(team: Team):
    _read_the_address(team)
    result = _audit(team)
    assert result.returncode == 0, said(result)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Tidspunkt", "Bruger", "Handling", "Sag", "Genstand", "Detalje"]
    read = [line for line in lines if "læste adressen" in line]
    assert len(read) == 1 and team.logins["ada"] in read[0] and CASE_A in read[0]
    today = dt.datetime.now().astimezone().strftime("%Y-%m-%d")
    assert re.match(rf"{today} \d\d:\d\d:\d\d  ", read[0])
    assert re.fullmatch(r"\d+ hændelser\.", lines[-1])
    assert "Solvej" not in result.stdout


def test_json_lines_and_the_case_and_since_filters(team: Team):
    _read_the_address(team)
    result = _audit(team, "--json")
    assert result.returncode == 0, said(result)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    mine = [r for r in rows if r["action"] == "address_read"]
    assert [(r["login"], r["case_code"]) for r in mine] == [(team.logins["ada"], CASE_A)]
    assert dt.datetime.fromisoformat(mine[0]["at"]).tzinfo is not None
    only_b = [
        json.loads(line) for line in _audit(team, "--json", "--case", CASE_B).stdout.splitlines()
    ]
    assert only_b and {r["case_code"] for r in only_b} == {CASE_B}
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert _audit(team, "--json", "--since", tomorrow).stdout == ""
    today = _audit(team, "--json", "--since", dt.date.today().isoformat())
    assert len(today.stdout.splitlines()) == len(rows)


def test_a_date_that_cannot_be_read_is_said_in_danish(team: Team):
    result = _audit(team, "--since", "3.12.2026")
    assert result.returncode == 2
    assert "Datoen »3.12.2026« kan ikke læses. Skriv den som ÅÅÅÅ-MM-DD" in said(result)


def test_an_architect_may_not_read_the_log_and_is_told_so(team: Team):
    result = _audit(team, person="ada")
    assert result.returncode == 2
    assert "Det har du ikke adgang til på serveren" in said(result) and result.stdout == ""
