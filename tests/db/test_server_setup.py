"""`hjem server …` as the coordinator runs it, on the suite's real PostgreSQL server: init made
once and again, people added and disabled, cases assigned; an inventory manager's `hjem case
list` refused in Danish; the reservation race across different people's sessions."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from hjem.db.migrate import head_revision
from hjem.db.server import OWNER, ROW_SECURED
from hjem.db.workspace import Workspace
from hjem.inventory.errors import AlreadyReserved
from hjem.inventory.reservations import reserve
from tests.db.hjem_process import hjem, said
from tests.db.team_server import CASE_A, CASE_B, Team, at_once
from tests.inventory.helpers import available_item


def _login() -> str:
    return f"p_{uuid.uuid4().hex[:10]}"


def _drop(url: str, *logins: str) -> None:
    admin = create_engine(url)
    with admin.begin() as connection:
        for login in logins:
            connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')
    admin.dispose()


def test_init_makes_the_owner_own_every_table_and_forces_row_security(fresh_postgres):
    first = hjem("server", "init", "--database", fresh_postgres, "--lang", "da")
    assert first.returncode == 0, said(first)
    assert f"version {head_revision()}" in said(first)
    again = hjem("server", "init", "--database", fresh_postgres)  # nothing to change
    assert again.returncode == 0, said(again)
    engine = create_engine(fresh_postgres)
    with engine.connect() as connection:
        owners = set(
            connection.execute(
                text("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        )
        forced = dict(
            connection.execute(
                text(
                    "SELECT relname, relforcerowsecurity AND relrowsecurity FROM pg_class"
                    " WHERE relname = ANY(:tables)"
                ),
                {"tables": list(ROW_SECURED)},
            ).all()
        )
        can_login = connection.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname LIKE 'hjem\\_%'")
        ).scalars()
        assert set(can_login) == {False}
    engine.dispose()
    assert owners == {OWNER}
    assert forced == dict.fromkeys(ROW_SECURED, True)


def test_init_takes_over_a_database_made_by_the_old_shared_login(fresh_postgres):
    Workspace(fresh_postgres).close()  # migrated by the administrator, as before issue 13
    result = hjem("server", "init", "--database", fresh_postgres)
    assert result.returncode == 0, said(result)
    engine = create_engine(fresh_postgres)
    with engine.connect() as connection:
        owners = connection.execute(
            text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        assert list(owners) == [OWNER]
    engine.dispose()


def test_a_person_is_added_with_a_password_shown_once_and_never_stored_as_text(team: Team):
    login = _login()
    result = hjem(
        "server",
        "user",
        "add",
        login,
        "--role",
        "inventory",
        "--lang",
        "da",
        "--database",
        team.admin_url,
    )
    assert result.returncode == 0, said(result)
    lines = said(result).splitlines()
    assert lines[0] == f"Brugeren {login} er oprettet som lageransvarlig."
    password = lines[1].removeprefix("Adgangskode: ")
    assert len(password) >= 20
    with team.admin.connect() as connection:
        stored = connection.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": login}
        ).scalar_one()
    assert stored.startswith("SCRAM-SHA-256$") and password not in stored
    twice = hjem(
        "server",
        "user",
        "add",
        login,
        "--role",
        "architect",
        "--password",
        "x" * 20,
        "--database",
        team.admin_url,
        "--lang",
        "da",
    )
    assert twice.returncode == 2 and "findes allerede" in said(twice)
    _drop(team.admin_url, login)


@pytest.mark.parametrize("name", ["Ada", "hjem_owner", "pg_x", "a b", '"; DROP TABLE cases; --'])
def test_a_name_that_is_no_plain_login_is_refused(team: Team, name: str):
    result = hjem(
        "server",
        "user",
        "add",
        name,
        "--role",
        "architect",
        "--lang",
        "da",
        "--database",
        team.admin_url,
    )
    assert result.returncode == 2 and "kan ikke være et brugernavn" in said(result)


def test_disable_assign_and_unassign_say_what_they_did_and_refuse_what_they_cannot(team: Team):
    ivar = team.logins["ivar"]
    run = lambda *args: hjem("server", *args, "--lang", "da", "--database", team.admin_url)  # noqa: E731
    assigned = run("assign", CASE_B, team.logins["ada"])
    assert assigned.returncode == 0 and "har nu adgang til sag" in said(assigned)
    again = run("assign", CASE_B, team.logins["ada"])
    assert again.returncode == 0 and "havde allerede adgang" in said(again)
    assert run("assign", CASE_B, ivar).returncode == 2  # an inventory manager gets no case
    taken = run("unassign", CASE_B, team.logins["ada"])
    assert taken.returncode == 0 and "har ikke længere adgang til sag" in said(taken)
    listed = hjem("case", "list", "--lang", "da", "--database", team.urls["ada"])
    assert listed.returncode == 0 and CASE_B not in listed.stdout and CASE_A in listed.stdout
    assert "havde ikke adgang" in said(run("unassign", CASE_B, team.logins["ada"]))
    missing = run("assign", "FBH-2026-999", team.logins["ada"])
    assert missing.returncode == 2 and "ingen sag med nummeret" in said(missing)
    assert run("user", "disable", "postgres").returncode == 2  # not one of hjem's people
    disabled = run("user", "disable", ivar)
    assert disabled.returncode == 0 and "er spærret" in said(disabled)
    refused = hjem("case", "list", "--lang", "da", "--database", team.urls["ivar"])
    assert refused.returncode == 2 and "er spærret på serveren" in said(refused)


def test_the_server_commands_need_a_server_and_never_print_the_address_password(tmp_path):
    local = hjem("server", "init", "--lang", "da", "--database", f"sqlite:///{tmp_path}/w.sqlite")
    assert local.returncode == 2 and "kræver en PostgreSQL-server" in said(local)
    far = hjem("server", "init", "--database", "postgresql://kim:Hemmelig42@127.0.0.1:1/hjem")
    assert far.returncode == 2 and "Hemmelig42" not in said(far)


def test_an_inventory_manager_is_told_in_danish_that_cases_are_not_theirs(team: Team):
    result = hjem("case", "list", "--lang", "da", "--database", team.urls["ivar"])
    assert result.returncode == 2, said(result)
    assert "Det har du ikke adgang til på serveren 127.0.0.1" in said(result)
    password = make_url(team.urls["ivar"]).password
    assert password and password not in said(result)


def test_an_architect_lists_only_their_own_cases(team: Team):
    result = hjem("case", "list", "--json", "--database", team.urls["bo"])
    assert result.returncode == 0, said(result)
    assert CASE_B in result.stdout and CASE_A not in result.stdout


def test_the_race_across_two_peoples_sessions_has_exactly_one_winner(team: Team):
    """Ada and Bo reserve the same item at the same moment, each for their own case; each
    sees only their own case's reservations, and the unique index still decides."""
    admin = Workspace(team.admin_url)
    spaces = {name: Workspace(team.urls[name], migrate=False) for name in ("ada", "bo")}
    for _ in range(5):
        with admin.session() as session:
            code = available_item(session).code
        outcomes = _race(spaces, code)
        assert sorted(outcomes) == ["told", "won"]
        with admin.session() as session:
            active = session.execute(
                text(
                    "SELECT count(*) FROM reservations r JOIN items i ON i.id = r.item_id"
                    " WHERE i.code = :code AND r.active"
                ),
                {"code": code},
            ).scalar_one()
        assert active == 1
    for space in (*spaces.values(), admin):
        space.close()


def _race(spaces: dict[str, Workspace], code: str) -> list[str]:
    cases = {"ada": CASE_A, "bo": CASE_B}

    def attempt(name: str) -> Callable[[], str]:
        def work() -> str:
            try:
                with spaces[name].session() as session:
                    reserve(session, code, cases[name], name)
            except AlreadyReserved:
                return "told"
            return "won"

        return work

    return list(at_once({name: attempt(name) for name in spaces}).values())


def test_the_one_active_index_holds_where_the_other_reservation_is_hidden(team: Team):
    """Bo cannot see Ada's reservation of an item, and still cannot reserve it too."""
    bo = Workspace(team.urls["bo"], migrate=False)
    with bo.session() as session:
        hidden = session.execute(text("SELECT count(*) FROM reservations")).scalar_one()
        inserted = text(
            "INSERT INTO reservations (item_id, case_code, reserved_by, reserved_at, active,"
            " end_reason) SELECT id, :case, 'bo', now(), true, '' FROM items WHERE code = :item"
        )
    assert hidden == 1  # Bo's own only
    with pytest.raises(Exception) as refused, bo.session() as session:
        session.execute(inserted, {"case": CASE_B, "item": team.items["reserved_a"]})
    assert getattr(getattr(refused.value, "orig", None), "sqlstate", None) == "23505"
    bo.close()


def test_the_coordinator_opens_cases_and_an_architect_is_told_it_is_not_theirs(team: Team):
    """An architect cannot create a case (it would be assigned to no one): the coordinator
    opens it and assigns it."""
    opened = hjem(
        "case",
        "add",
        "FBH-2026-010",
        "--alias",
        "Familien Ti",
        "--lang",
        "da",
        "--database",
        team.urls["cora"],
    )
    assert opened.returncode == 0, said(opened)
    refused = hjem(
        "case",
        "add",
        "FBH-2026-011",
        "--alias",
        "Familien Elleve",
        "--lang",
        "da",
        "--database",
        team.urls["ada"],
    )
    assert refused.returncode == 2 and "Det har du ikke adgang til" in said(refused)


def test_a_person_whose_hjem_finds_the_schema_behind_asks_the_coordinator(team: Team):
    """Migrations run only as the owner: a person's hjem that finds the server's schema at an
    older revision says who can update it, and changes nothing."""
    older = "0004"
    with team.admin.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": older})
    try:
        result = hjem("case", "list", "--lang", "da", "--database", team.urls["ada"])
        assert result.returncode == 2
        assert "Bed koordinatoren køre »hjem server init«" in said(result)
        with team.admin.connect() as connection:
            version = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert version.scalar() == older
    finally:
        with team.admin.begin() as connection:
            connection.execute(
                text("UPDATE alembic_version SET version_num = :v"), {"v": head_revision()}
            )
