"""Signing in to the team's server with a real password (the suite's server checks every
password but the administrator's): the right one gets in, a wrong one, a disabled login and an
expired one are each told so within 5 s, and the password is never written anywhere."""

from __future__ import annotations

import logging
import time
import traceback

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from hjem.db.people import add_person
from hjem.db.roles import Group
from hjem.db.signin import SignInProblem, TeamServer, sign_in
from tests.db.hjem_process import hjem
from tests.db.team_server import Team

QUICK_S = 5.0


def _with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def _refusal(url: str) -> SignInProblem:
    started = time.monotonic()
    with pytest.raises(SignInProblem) as refused:
        sign_in(url)
    assert time.monotonic() - started < QUICK_S
    return refused.value


@pytest.mark.parametrize(
    ("person", "group"),
    [("ada", Group.ARCHITECT), ("ivar", Group.INVENTORY), ("cora", Group.COORDINATOR)],
)
def test_the_right_password_signs_in_and_hjem_learns_the_group(team: Team, person, group):
    signed_in = sign_in(team.urls[person])
    try:
        assert signed_in.identity.user == team.logins[person]
        assert signed_in.identity.group == group
        assert signed_in.identity.server == f"127.0.0.1/{make_url(team.admin_url).database}"
    finally:
        signed_in.workspace.close()


def test_a_wrong_password_is_refused_in_danish(team: Team):
    problem = _refusal(_with_password(team.urls["ada"], "not-her-password"))
    assert problem.message.key == "signin.wrong_login"
    assert "adgangskoden passer ikke" in problem.message.text("da")


def test_a_disabled_person_is_told_so(team: Team):
    problem = _refusal(team.urls["dina"])
    assert problem.message.key == "signin.disabled"
    assert "spærret" in problem.message.text("da")


def test_an_expired_account_is_refused_as_the_server_tells_it(team: Team):
    """PostgreSQL tells a client with an expired login only that authentication failed (the
    reason goes to the server's log), so the message names both."""
    with team.admin.begin() as connection:
        login = team.logins["ivar"]
        connection.exec_driver_sql(f"ALTER ROLE \"{login}\" VALID UNTIL 'yesterday'")
    problem = _refusal(team.urls["ivar"])
    assert problem.message.key == "signin.wrong_login"
    assert "udløbet" in problem.message.text("da")


def test_a_login_in_no_hjem_group_is_not_a_hjem_person(team: Team):
    stranger = add_person(team.admin, f"{team.logins['ada']}_x", "architect", None)
    with team.admin.begin() as connection:
        connection.exec_driver_sql(f'REVOKE hjem_architect FROM "{stranger.name}"')
    url = make_url(team.admin_url).set(username=stranger.name, password=stranger.password)
    try:
        problem = _refusal(url.render_as_string(hide_password=False))
        assert problem.message.key == "signin.not_a_person"
    finally:
        with team.admin.begin() as connection:
            connection.exec_driver_sql(f'DROP ROLE "{stranger.name}"')


def test_the_password_reaches_no_log_and_no_error_text(team: Team, caplog, tmp_path):
    password = make_url(team.urls["ada"]).password
    assert password
    caplog.set_level(logging.DEBUG)
    for name in ("sqlalchemy.engine", "sqlalchemy.pool", "psycopg"):
        caplog.set_level(logging.DEBUG, logger=name)  # restored after the test
    signed_in = sign_in(team.urls["ada"])
    signed_in.workspace.close()
    wrong = _with_password(team.urls["ada"], password[::-1])
    problem = _refusal(wrong)
    written = [record.getMessage() for record in caplog.records]
    written += traceback.format_exception(problem)
    written += [problem.message.text("da"), problem.message.text("en"), repr(problem)]
    for text_ in written:
        assert password not in text_ and password[::-1] not in text_


def test_a_team_server_address_carries_tls_and_the_ca_file_but_is_shown_without_secrets():
    server = TeamServer("hjem.example.org", 5433, "hjem", "verify-full", "/home/a/ca.crt")
    address = make_url(server.url("ada", "s3cret/@:"))
    assert address.password == "s3cret/@:" and address.username == "ada"
    assert address.query == {"sslmode": "verify-full", "sslrootcert": "/home/a/ca.crt"}
    assert server.label == "hjem.example.org/hjem"
    assert "s3cret" not in server.label + server.keyring_service


def test_the_command_line_takes_the_password_from_pgpassword(team: Team, tmp_path):
    address = make_url(team.urls["ada"])
    without_password = URL.create(
        address.drivername, address.username, None, address.host, address.port, address.database
    ).render_as_string()
    given = hjem(
        "case",
        "list",
        "--database",
        without_password,
        data=tmp_path,
        PGPASSWORD=address.password or "",
    )
    assert given.returncode == 0, given.stderr
    assert "FBH-2026-001" in given.stdout and "FBH-2026-002" not in given.stdout
    missing = hjem(
        "case", "list", "--database", without_password, data=tmp_path, PGPASSWORD="wrong"
    )
    assert missing.returncode != 0
    assert "afviser brugeren" in missing.stderr


def test_the_command_line_takes_the_password_from_the_address(team: Team, tmp_path):
    given = hjem("case", "list", "--database", team.urls["bo"], data=tmp_path)
    assert given.returncode == 0, given.stderr
    assert "FBH-2026-002" in given.stdout and "FBH-2026-001" not in given.stdout


def test_the_administrator_is_a_coordinator(team: Team):
    with team.admin.connect() as connection:
        from hjem.db.roles import identify

        assert identify(connection).group == Group.COORDINATOR
        connection.execute(text("SELECT 1"))


def test_a_server_that_never_answers_is_given_up_on_within_5_s(silent_server):
    url = f"postgresql://ada:pw@127.0.0.1:{silent_server}/hjem"
    problem = _refusal(url)
    assert problem.message.key == "signin.no_answer"
    assert "inden for 4 sekunder" in problem.message.text("da")
    assert "within 4 seconds" in problem.message.text("en")
