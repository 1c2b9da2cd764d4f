"""Issue 15, the window's side: an architect signed in through a real network line (a relay in
front of the suite's PostgreSQL) gets a working copy; when the line is cut or goes silent the
window carries on from the copy (the case list, the plan, the furniture list), reservations
wait as provisional, and when the line is back one click on the status syncs them."""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame, QLabel, QPushButton
from sqlalchemy import text
from sqlalchemy.engine import make_url

from hjem.cases.plans import save_case_plan
from hjem.db.roles import Group, Identity
from hjem.db.server_address import TeamServer
from hjem.db.workspace import Workspace
from hjem.floorplan.commands import SetTitle
from hjem.floorplan.hjemfile import plan_from_bytes
from hjem.floorplan.model import Plan
from hjem.i18n import tr
from hjem.ids import CaseCode, ItemCode
from hjem.inventory.placing import Standing
from hjem.inventory.reservations import reserve
from hjem.sync.copy import open_copy
from hjem.sync.engine import refresh
from hjem.sync.state import remember_person
from hjem.ui.operations import Change
from hjem.ui.signin.passwords import PasswordKeeper
from hjem.ui.sync.control import Mode
from hjem.ui.sync.work import reserve_work
from tests.db.team_server import CASE_A, CASE_A2, CASE_B, Team
from tests.inventory.helpers import available_item, donation
from tests.sync.laptops import as_admin, plan_with_sofa
from tests.sync.network import Line, Relay
from tests.ui.conftest import _main_window
from tests.ui.driver import when_dialog
from tests.ui.signin_helpers import answer_sign_in, password_of

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("HJEM_SYNC_SHOTS")  # a folder: keep the pictures for the docs
WAIT_MS = 20_000  # a silent server is given up on after the sign-in's 4 s, then the copy


@pytest.fixture
def relay(team: Team):
    address = make_url(team.admin_url)
    line = Relay(address.host or "127.0.0.1", address.port or 5432)
    yield line
    line.close()


@pytest.fixture
def line_server(team: Team, relay: Relay) -> TeamServer:
    database = make_url(team.admin_url).database or ""
    return TeamServer("127.0.0.1", relay.port, database, "disable")


@pytest.fixture
def plan_with_the_free_item(team: Team, samples) -> str:
    return plan_with_sofa(team, samples)


@dataclass(frozen=True)
class AdasLaptop:
    """Ada's laptop, set up for the team's server behind the relay."""

    qtbot: object
    server: TeamServer
    settings: object
    recovery_folder: object

    @contextmanager
    def window(self):
        yield from _main_window(self.qtbot, self.settings, self.recovery_folder)


@pytest.fixture
def ada(
    qtbot, team: Team, line_server, settings, recovery_folder, monkeypatch, memory_keyring
) -> AdasLaptop:
    monkeypatch.delenv("HJEM_DATABASE_URL", raising=False)
    settings.set_team_server(line_server)
    settings.set_team_login(team.logins["ada"])
    return AdasLaptop(qtbot, line_server, settings, recovery_folder)


def _sign_in(qtbot, window, team: Team, person: str) -> None:
    answer_sign_in(team.logins[person], password_of(team, person), remember=True)
    assert window.team.sign_in()
    sync = window.team.sync
    qtbot.waitUntil(
        lambda: sync.status is not None and sync.status.pulled_at is not None, timeout=WAIT_MS
    )


def _cut_the_line(qtbot, window, relay: Relay) -> None:
    """The train goes into a tunnel; the next sync finds the server gone."""
    relay.set(Line.CUT)
    sync = window.team.sync
    sync.sync_now()
    qtbot.waitUntil(lambda: sync.mode is Mode.OFFLINE, timeout=WAIT_MS)


def _donated(furniture) -> list[Standing]:
    return [p.standing for p in furniture.placed if p.placement.inventory_item]


def _agree(box) -> None:
    """Say yes to "Reservér … til sagen?" (the box's own yes button)."""
    agree = next(b for b in box.findChildren(QPushButton) if b.text() == tr("furnish.reserve.yes"))
    agree.click()


def _status_text(window) -> str:
    return window.team.sync_window.button.text()


def _listed(qtbot, window) -> list[str]:
    qtbot.waitUntil(
        lambda: window.cases.list is not None and bool(window.cases.list.rows), timeout=WAIT_MS
    )
    return sorted(row.code for row in window.cases.list.rows)


def _reserved_on_server(team: Team, code: str) -> list[str]:
    with as_admin(team) as session:
        query = text(
            "SELECT r.case_code FROM reservations r JOIN items i ON i.id = r.item_id"
            " WHERE i.code = :code AND r.active"
        )
        return list(session.scalars(query, {"code": code}))


def test_a_cut_line_moves_the_window_to_the_copy_and_one_click_syncs_when_it_is_back(
    qtbot, team: Team, relay, ada, plan_with_the_free_item
):
    free = plan_with_the_free_item
    with ada.window() as window:
        _sign_in(qtbot, window, team, "ada")
        sync = window.team.sync
        assert sync.mode is Mode.ONLINE and "Online" in _status_text(window)

        _cut_the_line(qtbot, window, relay)
        assert "Offline siden" in _status_text(window)
        assert window.operations.offline
        assert _listed(qtbot, window) == sorted([CASE_A, CASE_A2])

        assert window.open_case_plan(CaseCode(CASE_A))  # the plan comes from the copy
        furniture = window.session.furnishing.furniture
        qtbot.waitUntil(lambda: _donated(furniture) == [Standing.FREE], timeout=WAIT_MS)
        when_dialog(_agree)
        QTest.mouseClick(furniture.reserve_button, LEFT)
        qtbot.waitUntil(
            lambda: _donated(furniture) == [Standing.PROVISIONAL],
            timeout=WAIT_MS,
        )
        assert "1 ændring venter" in _status_text(window)
        if SHOTS:
            window.resize(1366, 768)
            window.session.view.fit_to_plan()
            window.grab().save(os.path.join(SHOTS, "sync-offline.png"))
        assert _reserved_on_server(team, free) == []  # nothing reached the server

        # a change the outbox cannot carry (the household, the budget) is refused
        refused = window.operations.run(lambda session: None, frozenset({Change.CASES}))
        assert refused.problem is not None and "offline" in refused.problem.message.text()

        relay.set(Line.UP)
        QTest.mouseClick(window.team.sync_window.button, LEFT)  # Synkronisér nu
        qtbot.waitUntil(
            lambda: (
                sync.mode is Mode.ONLINE
                and sync.progress is None
                and sync.status is not None
                and sync.status.waiting == 0
            ),
            timeout=WAIT_MS,
        )
        assert _reserved_on_server(team, free) == [CASE_A]
        assert "Online" in _status_text(window)


def test_the_window_starts_on_the_copy_while_a_silent_server_is_asked(
    qtbot, team: Team, relay, ada
):
    with ada.window() as window:
        _sign_in(qtbot, window, team, "ada")  # once online: the copy is made, the password kept
    assert PasswordKeeper().recall(ada.server, team.logins["ada"])

    relay.set(Line.SILENT)
    with ada.window() as window:
        window.team.sign_in_at_start()  # as the greeting does: no dialog, a remembered password
        sync = window.team.sync
        qtbot.waitUntil(lambda: sync.mode is Mode.OFFLINE, timeout=WAIT_MS)
        assert sync._trying  # the server is still being asked ...
        assert _listed(qtbot, window) == sorted([CASE_A, CASE_A2])  # ... and the window works
        assert "Offline siden" in _status_text(window)
        qtbot.waitUntil(lambda: not sync._trying, timeout=WAIT_MS)
        assert sync.mode is Mode.OFFLINE  # it never answered: still offline, no dialog came


def test_without_a_remembered_password_cancelling_the_sign_in_works_offline(
    qtbot, team: Team, relay, ada
):
    with ada.window() as window:
        _sign_in(qtbot, window, team, "ada")
    PasswordKeeper().forget(ada.server, team.logins["ada"])

    relay.set(Line.CUT)
    with ada.window() as window:
        when_dialog(lambda dialog: dialog.findChild(QPushButton, "signin_cancel").click())
        window.team.sign_in_at_start()
        sync = window.team.sync
        qtbot.waitUntil(lambda: sync.mode is Mode.OFFLINE, timeout=WAIT_MS)
        assert _listed(qtbot, window) == sorted([CASE_A, CASE_A2])
        assert team.logins["ada"] in window.team.label.text()


def test_forbered_besog_holds_the_plans_items_by_the_servers_clock_before_going(
    qtbot, team: Team, relay, ada, plan_with_the_free_item
):
    free = plan_with_the_free_item
    with ada.window() as window:
        _sign_in(qtbot, window, team, "ada")
        window.cases.show_case(CaseCode(CASE_A))
        case_window = window.cases.open[CaseCode(CASE_A)]
        case_window.tabs.setCurrentWidget(case_window.visits)
        prepare = case_window.findChild(QPushButton, "case_prepare_visit")
        assert prepare.isVisible()
        reports: list[str] = []

        def hold(dialog) -> None:
            when_dialog(lambda box: (reports.append(box.text()), box.accept()))
            QTest.mouseClick(dialog.findChild(QPushButton, "prepare_visit_hold"), LEFT)

        when_dialog(hold)
        QTest.mouseClick(prepare, LEFT)
        qtbot.waitUntil(lambda: bool(reports), timeout=WAIT_MS)
        assert "holdt til sag" in reports[0]
        with as_admin(team) as session:
            held = session.execute(
                text(
                    "SELECT r.case_code, r.expires_at - now() FROM reservations r"
                    " JOIN items i ON i.id = r.item_id WHERE i.code = :code AND r.active"
                ),
                {"code": free},
            ).one()
        assert held[0] == CASE_A
        assert 47 * 3600 < held[1].total_seconds() <= 48 * 3600
        case_window.close()


def test_a_plan_saved_by_another_meanwhile_is_a_conflict_whose_way_out_opens_a_copy(
    qtbot, team: Team, relay, ada, plan_with_the_free_item
):
    with ada.window() as window:
        _sign_in(qtbot, window, team, "ada")
        sync = window.team.sync
        _cut_the_line(qtbot, window, relay)
        assert window.open_case_plan(CaseCode(CASE_A))
        window.document.apply(SetTitle("Adas udkast"), "titel")
        assert window.save_to_case()  # into the outbox, based on the version pulled
        with as_admin(team) as session:  # meanwhile the coordinator saves the case's plan
            version = session.scalar(
                text("SELECT version FROM case_plans WHERE case_id = :c"),
                {"c": team.cases[CASE_A]},
            )
            save_case_plan(session, CaseCode(CASE_A), Plan(title="Coras"), "Cora", version)

        relay.set(Line.UP)
        QTest.mouseClick(window.team.sync_window.button, LEFT)
        qtbot.waitUntil(
            lambda: sync.mode is Mode.ONLINE and bool(sync.status and sync.status.conflicts),
            timeout=WAIT_MS,
        )
        assert "1 konflikt" in _status_text(window)
        shown: list[str] = []

        def way_out(dialog) -> None:
            row = dialog.findChild(QFrame, f"conflict_{sync.status.conflicts[0].op_id}")
            shown.append(" ".join(label.text() for label in row.findChildren(QLabel)))
            if SHOTS:
                dialog.grab().save(os.path.join(SHOTS, "sync-conflict.png"))
            QTest.mouseClick(row.findChild(QPushButton, "conflict_way_out"), LEFT)
            assert dialog.findChild(QLabel, "sync_no_conflicts").isVisible()
            dialog.reject()

        when_dialog(way_out)
        window.team.sync_window.show_conflicts()
        assert "gemt af Cora" in shown[0] and "kopi" in shown[0]
        assert window.document.plan.title == "Adas udkast"  # the laptop's plan, whole ...
        assert window.document.case_code is None and window.document.is_modified  # ... a copy
        assert not sync.status.conflicts
        with as_admin(team) as session:  # the server keeps the coordinator's
            stored = session.scalar(
                text("SELECT document FROM case_plans WHERE case_id = :c"),
                {"c": team.cases[CASE_A]},
            )
        assert plan_from_bytes(bytes(stored)).title == "Coras"


def test_a_sofa_another_family_got_first_is_swapped_for_a_similar_one_that_fits(
    qtbot, team: Team, relay, ada, plan_with_the_free_item
):
    lost = plan_with_the_free_item
    with as_admin(team) as session:
        other = available_item(session, donation(name="Sofa, blå", size=(190, 85, 80))).code
    with ada.window() as window:
        _sign_in(qtbot, window, team, "ada")
        sync = window.team.sync
        _cut_the_line(qtbot, window, relay)
        window.operations.run(reserve_work(window.operations, lost, CASE_A, "Ada"))
        with as_admin(team) as session:  # meanwhile Bo's family gets that sofa
            reserve(session, ItemCode(lost), CaseCode(CASE_B), "bo")

        relay.set(Line.UP)
        QTest.mouseClick(window.team.sync_window.button, LEFT)
        qtbot.waitUntil(
            lambda: sync.mode is Mode.ONLINE and bool(sync.status and sync.status.conflicts),
            timeout=WAIT_MS,
        )
        offered: list[str] = []

        def choose(similar) -> None:
            offered.extend(similar.findChild(QLabel, "similar_heading").text().split())
            if SHOTS:
                similar.grab().save(os.path.join(SHOTS, "sync-find-similar.png"))
            QTest.keyClick(similar, Qt.Key.Key_Return)  # the closest, chosen at the start

        def way_out(dialog) -> None:
            row = dialog.findChild(QFrame, f"conflict_{sync.status.conflicts[0].op_id}")
            assert "en anden sag fik den først" in row.findChild(QLabel).text()
            when_dialog(choose)
            QTest.mouseClick(row.findChild(QPushButton, "conflict_way_out"), LEFT)
            dialog.reject()

        when_dialog(way_out)
        window.team.sync_window.show_conflicts()
        assert CASE_A in offered
    assert _reserved_on_server(team, other) == [CASE_A]
    assert _reserved_on_server(team, lost) == [CASE_B]
    with as_admin(team) as session:
        stored = session.scalar(
            text("SELECT document FROM case_plans WHERE case_id = :c"), {"c": team.cases[CASE_A]}
        )
    sofa = next(p for p in plan_from_bytes(bytes(stored)).placements if p.id == "p1")
    assert sofa.inventory_item == other and sofa.label == "Sofa, blå"


FIREWALLED = "10.255.255.1"  # non-routable: a connection attempt never hears back


def test_a_firewalled_server_given_by_address_starts_the_window_on_the_copy(
    qtbot, team: Team, settings, recovery_folder, monkeypatch
):
    address = make_url(team.urls["ada"]).set(host=FIREWALLED, port=5432)
    url = address.render_as_string(hide_password=False)
    copy = open_copy(url)  # as an earlier visit left it: pulled from the real server
    server = Workspace(team.urls["ada"])
    refresh(server, copy)
    copy.run(lambda s: remember_person(s, Identity(team.logins["ada"], Group.ARCHITECT, "x")))
    server.close()
    copy.close()
    monkeypatch.setenv("HJEM_DATABASE_URL", url)
    with contextmanager(_main_window)(qtbot, settings, recovery_folder) as window:
        sync = window.team.sync
        qtbot.waitUntil(lambda: sync.mode is Mode.OFFLINE, timeout=WAIT_MS)
        assert sync._trying  # the server is being asked, off the window's thread
        assert _listed(qtbot, window) == sorted([CASE_A, CASE_A2])
        assert "Offline siden" in _status_text(window)
