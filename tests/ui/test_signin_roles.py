"""After signing in, the start screen and the menus show what the person's group may use, on
the suite's real PostgreSQL server: an inventory manager the inventory and no cases, an
architect their own cases and plans but not the grant schemes, a coordinator everything."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QTableView

from tests.db.team_server import CASE_A, CASE_A2, CASE_B, Team
from tests.ui.conftest import _main_window
from tests.ui.driver import read_message_box
from tests.ui.signin_helpers import answer_sign_in, password_of, suite_server

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("HJEM_SIGNIN_SHOTS")  # a folder: keep the pictures for the docs


@pytest.fixture
def team_window(qtbot, team: Team, settings, recovery_folder, monkeypatch):
    monkeypatch.delenv("HJEM_DATABASE_URL", raising=False)
    settings.set_team_server(suite_server(team))
    yield from _main_window(qtbot, settings, recovery_folder)


def _sign_in(window, team: Team, person: str) -> None:
    answer_sign_in(team.logins[person], password_of(team, person))
    assert window.team.sign_in()


def _visible(window, name: str) -> bool:
    return window.start.findChild(QPushButton, name).isVisible()


def _listed(qtbot, window) -> list[str]:
    qtbot.waitUntil(
        lambda: window.cases.list is not None and bool(window.cases.list.rows), timeout=8000
    )
    return sorted(row.code for row in window.cases.list.rows)


def test_the_inventory_manager_gets_the_inventory_and_no_cases(qtbot, team_window, team: Team):
    window = team_window
    _sign_in(window, team, "ivar")
    signed_in = window.findChild(type(window.team.label), "signed_in").text()
    assert team.logins["ivar"] in signed_in and "lageransvarlig" in signed_in
    assert f"127.0.0.1/{team.admin_url.rsplit('/', 1)[1]}" in signed_in
    assert password_of(team, "ivar") not in signed_in + window.windowTitle()
    qtbot.wait(400)  # the case list would have come by now
    assert window.cases.list is None
    assert _visible(window, "start_inventory")
    assert not any(_visible(window, name) for name in ("start_new", "start_open", "start_demo"))
    assert window.start.role_intro.isVisible() and not window.start.samples.isVisible()
    for key in ("menu.new", "menu.open", "menu.schemes"):
        assert not window.menus.actions[key].isVisible()
    assert not window.menus.menus["menu.title.draw"].menuAction().isVisible()
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "start-inventory.png"))
    QTest.mouseClick(window.start.findChild(QPushButton, "start_inventory"), LEFT)
    qtbot.waitUntil(lambda: window.inventory_window is not None, timeout=8000)
    table = window.inventory_window.findChild(QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 3, timeout=8000)
    window.cases.show_case(CASE_A)  # no case window, even if asked
    assert window.cases.open == {}
    window.inventory_window.close()


def test_an_architect_gets_their_own_cases_and_plans_but_not_the_schemes(
    qtbot, team_window, team: Team
):
    window = team_window
    _sign_in(window, team, "ada")
    assert _listed(qtbot, window) == sorted([CASE_A, CASE_A2])
    assert _visible(window, "start_new") and not _visible(window, "start_demo")
    assert not window.menus.actions["menu.schemes"].isVisible()
    assert window.menus.actions["menu.new"].isVisible()
    assert "arkitekt" in window.team.label.text()
    # The coordinator opens cases; the server already lists only Ada's own.
    listing = window.cases.list
    assert not listing.new_button.isVisible() and not listing.only_mine.isVisible()
    listing.set_me("Ada Arkitekt")
    assert not listing.only_mine.isVisible() and len(listing.rows) == 2


def test_a_coordinator_gets_everything(qtbot, team_window, team: Team):
    window = team_window
    _sign_in(window, team, "cora")
    assert _listed(qtbot, window) == sorted([CASE_A, CASE_A2, CASE_B])
    assert window.menus.actions["menu.schemes"].isVisible()
    assert _visible(window, "start_demo") and _visible(window, "start_new")
    qtbot.waitUntil(window.cases.list.new_button.isVisible, timeout=4000)


def test_signing_in_as_someone_else_closes_the_last_persons_windows(qtbot, team_window, team: Team):
    window = team_window
    _sign_in(window, team, "ada")
    _listed(qtbot, window)
    window.cases.show_case(CASE_A)
    qtbot.waitUntil(lambda: CASE_A in window.cases.open)
    _sign_in(window, team, "ivar")
    assert window.cases.open == {} and not window.cases.list.isVisible()


def test_without_signing_in_nothing_opens_the_local_workspace_instead(qtbot, team_window, tmp_path):
    window = team_window
    seen: list[str] = []
    read_message_box(seen)
    QTest.mouseClick(window.start.findChild(QPushButton, "start_inventory"), LEFT)
    assert seen and "ikke logget ind" in seen[0]
    assert window.cases.list is None
    assert not (tmp_path / "data" / "workspace.sqlite").exists()


def test_an_address_given_at_start_needs_no_dialog_and_still_shows_the_group(
    qtbot, team: Team, settings, recovery_folder, monkeypatch
):
    monkeypatch.setenv("HJEM_DATABASE_URL", team.urls["ivar"])
    window = next(_main_window(qtbot, settings, recovery_folder))
    qtbot.waitUntil(lambda: "lageransvarlig" in window.team.label.text(), timeout=8000)
    assert window.cases.list is None and not _visible(window, "start_new")
    window.close()


def test_at_start_hjem_asks_to_sign_in_first(qtbot, team_window, team: Team, settings):
    from hjem.ui.app import _greet

    settings.set_user_name("Ada")  # the first start's question is answered already
    answer_sign_in(team.logins["ada"], password_of(team, "ada"))
    _greet(team_window, offer_recovery=False)
    assert "arkitekt" in team_window.team.label.text()
    qtbot.waitUntil(lambda: team_window.cases.list is not None, timeout=8000)
