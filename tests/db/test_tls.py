"""TLS for anything but this computer: a weak mode for a server elsewhere is refused before
anything is sent, the default is verify-full, and this computer is left as it is."""

from __future__ import annotations

import time

import pytest
from sqlalchemy.engine import make_url

from hjem.db.engine import database_url
from hjem.db.signin import SignInProblem, sign_in
from hjem.db.workspace import open_workspace
from hjem.errors import DatabaseProblem
from tests.db.team_server import Team

REMOTE = "postgresql://ada@hjem.example.org:5432/hjem"


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "bogus"])
def test_a_weak_tls_mode_for_another_computer_is_refused_naming_the_setting(mode):
    with pytest.raises(DatabaseProblem) as refused:
        database_url(f"{REMOTE}?sslmode={mode}")
    said = refused.value.message.text("da")
    assert refused.value.message.key == "tls.required"
    assert f"sslmode={mode}" in said and "Teamserver" in said and "hjem.example.org" in said


def test_another_computer_is_reached_with_verify_full_by_default():
    assert make_url(database_url(REMOTE)).query == {"sslmode": "verify-full"}


@pytest.mark.parametrize("mode", ["require", "verify-ca", "verify-full"])
def test_the_safe_modes_and_the_ca_file_are_kept(mode):
    address = make_url(database_url(f"{REMOTE}?sslmode={mode}&sslrootcert=/etc/hjem/ca.crt"))
    assert address.query == {"sslmode": mode, "sslrootcert": "/etc/hjem/ca.crt"}


@pytest.mark.parametrize(
    "local",
    [
        "postgresql://ada@localhost/hjem",
        "postgresql://ada@127.0.0.1:5432/hjem",
        "postgresql://ada@[::1]:5432/hjem",
        "postgresql://ada@/hjem?host=/var/run/postgresql",
        "postgresql://ada@/hjem",
    ],
)
def test_this_computer_is_left_as_it_is(local):
    assert "sslmode" not in make_url(database_url(local)).query
    plain = make_url(database_url(f"{local}{'&' if '?' in local else '?'}sslmode=disable"))
    assert plain.query["sslmode"] == "disable"


def test_verify_full_to_a_server_without_tls_fails_with_the_tls_message_quickly(team: Team):
    url = team.urls["ada"] + "?sslmode=verify-full"
    started = time.monotonic()
    with pytest.raises(SignInProblem) as refused:
        sign_in(url)
    assert time.monotonic() - started < 5
    assert refused.value.message.key == "tls.not_offered"
    assert "TLS" in refused.value.message.text("da")
    with pytest.raises(DatabaseProblem) as on_the_command_line:
        open_workspace(url)
    assert on_the_command_line.value.message.key == "tls.not_offered"
