"""Reservations: one family case per item, enforced by the database, under races too."""

import datetime as dt
import multiprocessing
import threading

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from hjem.db.workspace import Workspace
from hjem.inventory.errors import AlreadyReserved, NotAvailable
from hjem.inventory.items import create_item, get_item
from hjem.inventory.models import Reservation, Status
from hjem.inventory.reservations import deliver, release, reserve, reserved_for
from tests.inventory.helpers import add_cases, available_item, donation

RACERS = 8


def test_an_item_is_reserved_for_one_case_and_the_next_is_told(workspace):
    with workspace.session() as session:
        code = available_item(session).code
        add_cases(session, "FBH-2026-001", "FBH-2026-002")
    with workspace.session() as session:
        reserve(session, code, "FBH-2026-001", "Lise")
    with pytest.raises(AlreadyReserved) as refused, workspace.session() as session:
        reserve(session, code, "FBH-2026-002", "Ole")
    assert refused.value.message.text("da") == f"{code} er allerede reserveret til en anden familie"
    with workspace.session() as session:
        assert get_item(session, code).status == Status.RESERVED
        assert [r.case_code for r in reserved_for(session, "FBH-2026-001")] == ["FBH-2026-001"]


def test_release_and_deliver(workspace):
    with workspace.session() as session:
        code = available_item(session).code
        add_cases(session, "FBH-2026-001", "FBH-2026-002")
        reserve(session, code, "FBH-2026-001", "Lise")
        release(session, code, "Lise", "familien valgte en anden")
        assert get_item(session, code).status == Status.AVAILABLE
        reserve(session, code, "FBH-2026-002", "Ole")
        deliver(session, code, "Ole")
        assert get_item(session, code).status == Status.DELIVERED
        assert reserved_for(session, "FBH-2026-002") == []


def test_only_available_items_can_be_reserved(workspace):
    with workspace.session() as session:
        code = create_item(session, donation(), "Lise").code
        add_cases(session, "FBH-2026-001", "FBH-2026-002")
    with pytest.raises(NotAvailable) as refused, workspace.session() as session:
        reserve(session, code, "FBH-2026-001", "Lise")
    assert "modtaget" in refused.value.message.text("da")


def test_an_expired_reservation_makes_way(workspace):
    with workspace.session() as session:
        code = available_item(session).code
        add_cases(session, "FBH-2026-001", "FBH-2026-002")
        yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
        reserve(session, code, "FBH-2026-001", "Lise", expires_at=yesterday)
    with workspace.session() as session:
        reserve(session, code, "FBH-2026-002", "Ole")
        reservations = session.scalars(select(Reservation).order_by(Reservation.id)).all()
    assert [(r.case_code, r.active, r.end_reason) for r in reservations] == [
        ("FBH-2026-001", False, "expired"),
        ("FBH-2026-002", True, ""),
    ]


def test_the_rule_is_in_the_database_not_only_in_python(workspace):
    with workspace.session() as session:
        item_id = available_item(session).id
        add_cases(session, "FBH-2026-001", "FBH-2026-002")
    row = {
        "item_id": item_id,
        "case_code": "FBH-2026-001",
        "reserved_by": "x",
        "active": True,
        "end_reason": "",
        "reserved_at": dt.datetime.now(dt.UTC),
    }
    with pytest.raises(IntegrityError), workspace.session() as session:
        session.execute(insert(Reservation), [row, {**row, "case_code": "FBH-2026-002"}])


def _race(workspace: Workspace, code: str, racers: int) -> list[str]:
    """Many architects press "reserve" on the same item at the same moment."""
    start = threading.Barrier(racers)
    outcomes: list[str] = []

    def attempt(case_code: str) -> None:
        start.wait()
        try:
            with workspace.session() as session:
                reserve(session, code, case_code, f"arkitekt {case_code}")
            outcomes.append("won")
        except AlreadyReserved:
            outcomes.append("told")

    threads = [threading.Thread(target=attempt, args=(f"FBH-2026-{i:03d}",)) for i in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_a_race_on_postgresql_has_exactly_one_winner(fresh_postgres):
    workspace = Workspace(fresh_postgres)
    with workspace.session() as session:
        add_cases(session, *(f"FBH-2026-{i:03d}" for i in range(RACERS)))
    for _ in range(10):
        with workspace.session() as session:
            code = available_item(session).code
        outcomes = _race(workspace, code, RACERS)
        assert sorted(outcomes) == ["told"] * (RACERS - 1) + ["won"]
        with workspace.session() as session:
            assert (
                session.query(Reservation)
                .filter_by(active=True, item_id=get_item(session, code).id)
                .count()
                == 1
            )
    workspace.close()


def _process_attempt(url: str, code: str, case_code: str, start, results) -> None:
    workspace = Workspace(url, migrate=False)
    start.wait()
    try:
        with workspace.session() as session:
            reserve(session, code, case_code, case_code)
        results.put("won")
    except AlreadyReserved:
        results.put("told")
    except Exception as error:  # reported, so the test shows what went wrong
        results.put(f"error: {error!r}")
    finally:
        workspace.close()


def test_a_race_between_processes_on_one_sqlite_file_has_exactly_one_winner(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    workspace = Workspace(url)
    with workspace.session() as session:
        add_cases(session, *(f"FBH-2026-{i:03d}" for i in range(RACERS)))
    context = multiprocessing.get_context("spawn")
    for _ in range(3):
        with workspace.session() as session:
            code = available_item(session).code
        start, results = context.Barrier(RACERS), context.Queue()
        processes = [
            context.Process(
                target=_process_attempt, args=(url, code, f"FBH-2026-{i:03d}", start, results)
            )
            for i in range(RACERS)
        ]
        for process in processes:
            process.start()
        outcomes = [results.get(timeout=120) for _ in processes]
        for process in processes:
            process.join(timeout=60)
        assert sorted(outcomes) == ["told"] * (RACERS - 1) + ["won"]
    workspace.close()
