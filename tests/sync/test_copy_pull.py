"""Issue 15: the working copy holds what the person may see, and a pull reads only what
changed since the last one (real PostgreSQL as the person, a real encrypted SQLite copy)."""

from __future__ import annotations

from hjem.db.people import unassign_case
from hjem.inventory.reservations import reserve
from hjem.sync.copy import copy_path
from hjem.sync.engine import refresh
from hjem.sync.state import take_addresses
from tests.db.team_server import CASE_A, CASE_A2, CASE_B
from tests.sync.laptops import as_admin, change_items, count, donate, laptop


def _codes(copy, table: str) -> set[str]:
    from sqlalchemy import text

    return set(copy.read(lambda s: s.scalars(text(f"SELECT code FROM {table}")).all()))


def _set_address(team, code: str, address: str) -> None:
    from sqlalchemy import text

    with as_admin(team) as session:
        session.execute(text("SELECT hjem_set_case_address(:c, :a)"), {"c": code, "a": address})


def test_a_fresh_copy_holds_what_the_person_may_see_and_no_more(team):
    donate(team, 3, photos=True)
    _set_address(team, CASE_A, "Hemmelig Allé 7, 2. th.")
    with laptop(team, "ada") as (server, copy):
        report = refresh(server, copy)
        assert _codes(copy, "cases") == {CASE_A, CASE_A2}  # not Bo's case
        assert count(copy, "SELECT count(*) FROM children") == 1  # case A's household
        assert count(copy, "SELECT count(*) FROM visits") == 1
        assert count(copy, "SELECT count(*) FROM budget_lines") == 1
        assert count(copy, "SELECT count(*) FROM case_plans") == 1
        assert count(copy, "SELECT count(*) FROM case_addresses") == 0  # not taken along
        items = _codes(copy, "items")
        assert team.items["reserved_a"] in items and team.items["free"] in items
        assert team.items["reserved_b"] not in items  # reserved for Bo's case
        assert len(items) == 5
        assert count(copy, "SELECT count(*) FROM reservations") == 1
        assert count(copy, "SELECT count(*) FROM photos WHERE length(thumbnail) > 0") == 3
        assert count(copy, "SELECT count(*) FROM photos WHERE length(display) > 0") == 0
        assert count(copy, "SELECT count(*) FROM items WHERE donor_id IS NOT NULL") == 0
        assert count(copy, "SELECT count(*) FROM grant_schemes") >= 0
        assert report.items_read == 5
    name = copy_path(team.urls["ada"]).name
    assert "ada" not in name and "FBH" not in name and "Allé" not in name


def test_the_address_comes_along_only_when_the_person_chose_it(team):
    _set_address(team, CASE_A, "Hemmelig Allé 7, 2. th.")
    with laptop(team, "ada") as (server, copy):
        copy.run(lambda s: take_addresses(s, True))
        refresh(server, copy)
        assert count(copy, "SELECT count(*) FROM case_addresses") == 1
        copy.run(lambda s: take_addresses(s, False))
        refresh(server, copy)
        assert count(copy, "SELECT count(*) FROM case_addresses") == 0


def test_a_second_pull_reads_only_the_items_that_changed(team):
    codes = donate(team, 40)
    with laptop(team, "ada") as (server, copy):
        assert refresh(server, copy).items_read == 42  # and the free one, and case A's
        change_items(team, codes[:10])
        again = refresh(server, copy)
        assert again.items_read == 10
        assert again.rows_read["photos"] == 0 and again.rows_read["case_plans"] == 0
        assert count(copy, "SELECT count(*) FROM items WHERE notes <> ''") == 10
        assert refresh(server, copy).items_read == 0


def test_an_item_reserved_by_someone_else_leaves_the_copy(team):
    codes = donate(team, 2)
    with laptop(team, "ada") as (server, copy):
        refresh(server, copy)
        assert codes[0] in _codes(copy, "items")
        with as_admin(team) as session:
            reserve(session, codes[0], CASE_B, "bo")
        report = refresh(server, copy)
        assert codes[0] not in _codes(copy, "items") and codes[1] in _codes(copy, "items")
        assert report.removed["items"] == 1


def test_a_case_no_longer_assigned_leaves_the_copy_with_its_reservations(team):
    with laptop(team, "ada") as (server, copy):
        refresh(server, copy)
        assert CASE_A in _codes(copy, "cases")
        unassign_case(team.admin, CASE_A, team.logins["ada"])
        refresh(server, copy)
        assert _codes(copy, "cases") == {CASE_A2}
        assert team.items["reserved_a"] not in _codes(copy, "items")
        assert count(copy, "SELECT count(*) FROM children") == 0
        assert count(copy, "SELECT count(*) FROM reservations") == 0


def test_the_copy_opens_under_a_key_derived_from_the_laptops_workspace(team, monkeypatch):
    from hjem.config import data_dir
    from hjem.sync.copy import copy_key

    monkeypatch.setenv("HJEM_DATABASE_URL", team.urls["ada"])  # the server is no root of keys
    key = copy_key(team.urls["ada"])
    assert (data_dir() / "workspace.sqlite").stat().st_size > 0  # the laptop's own, made
    assert key != copy_key(team.urls["bo"]) and len(key) == 32
