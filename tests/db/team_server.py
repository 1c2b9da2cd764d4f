"""A team server for the tests of roles and row policies: `hjem server init` done on a fresh
database of the suite's real PostgreSQL server, five people, and two families' cases.

Roles are the cluster's, and every test's database lives in the same cluster: each test's
people get names of their own (a number), and are dropped after it.
"""

from __future__ import annotations

import itertools
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

import hjem.budget.models  # noqa: F401  (a case names its grant scheme's table)
from hjem.db.engine import make_engine
from hjem.db.people import add_person, assign_case, disable_person
from hjem.db.server import init
from hjem.db.workspace import Workspace
from tests.inventory.helpers import add_cases, available_item

CASE_A, CASE_B, CASE_A2 = "FBH-2026-001", "FBH-2026-002", "FBH-2026-003"
# Who is who: Ada works on cases A and A2, Bo on case B; Ivar keeps the inventory; Cora
# coordinates; Dina was an architect on case A until she was disabled.
PEOPLE = {
    "ada": "architect",
    "bo": "architect",
    "ivar": "inventory",
    "cora": "coordinator",
    "dina": "architect",
}
_runs = itertools.count()


@dataclass
class Team:
    admin_url: str
    admin: Engine
    logins: dict[str, str]  # the test's name ("ada") → the login made for this test
    urls: dict[str, str]
    cases: dict[str, int]  # code → id
    items: dict[str, str]  # "reserved_a", "reserved_b", "free" → item code

    engines: dict[str, Engine] = field(default_factory=dict)

    def engine(self, person: str) -> Engine:
        """One engine per person for the whole test, disposed after it."""
        if person not in self.engines:
            self.engines[person] = create_engine(self.urls[person])
        return self.engines[person]

    def dispose(self) -> None:
        for engine in self.engines.values():
            engine.dispose()


@pytest.fixture
def team(fresh_postgres) -> Iterator[Team]:
    admin = make_engine(fresh_postgres)
    init(admin)
    run = f"{next(_runs)}_{uuid.uuid4().hex[:6]}"
    logins = {name: f"{name}_{run}" for name in PEOPLE}
    urls = {}
    for name, role in PEOPLE.items():
        person = add_person(admin, logins[name], role, None)
        address = make_url(fresh_postgres).set(username=person.name, password=person.password)
        urls[name] = address.render_as_string(hide_password=False)
    cases, items = _seed(fresh_postgres)
    for code, name in ((CASE_A, "ada"), (CASE_A2, "ada"), (CASE_B, "bo"), (CASE_A, "dina")):
        assign_case(admin, code, logins[name])
    disable_person(admin, logins["dina"])
    team = Team(fresh_postgres, admin, logins, urls, cases, items)
    yield team
    team.dispose()
    _drop_people(admin, logins.values())
    admin.dispose()


def _seed(url: str) -> tuple[dict[str, int], dict[str, str]]:
    """As the administrator (a superuser, whom row security never filters)."""
    from hjem.inventory.reservations import reserve

    workspace = Workspace(url)
    with workspace.session() as session:
        add_cases(session, CASE_A, CASE_B, CASE_A2)
        items = {key: available_item(session).code for key in ("reserved_a", "reserved_b", "free")}
        reserve(session, items["reserved_a"], CASE_A, "ada")
        reserve(session, items["reserved_b"], CASE_B, "bo")
        cases = {code: id_ for code, id_ in session.execute(text("SELECT code, id FROM cases"))}
        for code in (CASE_A, CASE_B):
            _household(session, cases[code])
    workspace.close()
    return cases, items


def _household(session, case_id: int) -> None:
    """A child, a visit, a stored plan and a budget line for the case."""
    values = {"case": case_id}
    for statement in (
        "INSERT INTO children (case_id, age_band, position) VALUES (:case, '3_5', 0)",
        "INSERT INTO visits (case_id, visited_on, notes) VALUES (:case, '2026-11-02', '')",
        "INSERT INTO case_plans (case_id, document, saved_by, saved_at, version)"
        " VALUES (:case, '\\x00', '', now(), 1)",
        BUDGET_LINE,
    ):
        session.execute(text(statement), values)


BUDGET_LINE = (
    "INSERT INTO budget_lines (case_id, source, description, category, cash_ore,"
    " in_kind_ore, status, position) VALUES (:case, 'manual', 'Seng', 'basale_moebler',"
    " 100000, 0, 'planned', 0)"
)


def _drop_people(admin: Engine, logins) -> None:
    with admin.begin() as connection:
        for login in logins:
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :u"),
                {"u": login},
            )
            connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')


def at_once(work: dict[str, Callable[[], str]]) -> dict[str, str]:
    """Each person's work in a thread of its own, released at the same moment; what each
    said, by name."""
    start = threading.Barrier(len(work))
    outcomes: dict[str, str] = {}

    def run(name: str) -> None:
        start.wait()
        outcomes[name] = work[name]()

    threads = [threading.Thread(target=run, args=(name,)) for name in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes
