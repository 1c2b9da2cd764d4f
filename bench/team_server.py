"""Benchmark of row-level security on a team server (issue 13): the same hjem queries as the
tables' owner and as each kind of person, on 100 000 items and 1 000 cases.

A throwaway PostgreSQL cluster (the test suite's `tests.postgres.PostgresServer`) gets
`hjem server init`, then 100 000 items (as `bench.inventory` makes them, multi-row INSERTs),
1 000 cases, a reservation on 2 000 of the reserved items, 20 architects with 50 cases each,
one architect assigned to every case, and a coordinator. Then, interleaved round by round:

- fit_query: `hjem.inventory.listing.table_rows` with the furnishing panel's "what fits here"
  query (available items within W × D, best fit first, 300 rows), random spaces, the same
  sequence for everyone;
- case_list: `hjem.cases.cases.list_cases`, what `hjem case list` and the case window call;
- case_reservations: `hjem.inventory.reservations.reserved_for`, a case's reserved items as
  its window lists them, for the first case (assigned to the architect measured): the
  reservations' policy reaches the assignment through `cases`, itself row-secured.

The baseline ("owner") is the administrator's login after `SET ROLE hjem_owner`, the role that
owns the tables. FORCE ROW LEVEL SECURITY gives the owner a policy too (`USING (true)`), so the
owner's query runs through the same row-security machinery with a trivial condition: the
difference is the cost of the people's policy conditions, nothing else. The superuser (whom
row security never filters) is reported beside it for reference (`superuser_us`).

`ratio` is owner / person as DESIGN.md defines it (higher is better); `rls_over_owner` is the
person's time over the owner's, the issue's target being ≤ 1.3. `rows` is what the person got.

Run: python -m bench.team_server [--quick] [--explain]. Prints one JSON line; --explain also
prints EXPLAIN ANALYZE of each role's case list and fit query to stderr.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

import hjem.budget.models  # noqa: F401  (a case names its grant scheme's table)
from bench.common import case, report
from bench.inventory import fill
from hjem.cases.cases import list_cases
from hjem.cases.models import Case, CaseArchitect
from hjem.db.engine import make_engine
from hjem.db.people import add_person
from hjem.db.server import OWNER, init
from hjem.db.workspace import Workspace
from hjem.ids import CaseCode
from hjem.inventory.listing import table_rows
from hjem.inventory.models import Item, Reservation, Status
from hjem.inventory.reservations import reserved_for
from hjem.inventory.search import Query
from tests.postgres import PostgresServer  # the suite's own throwaway server

FIT_CANDIDATES = 300  # hjem.ui.furnishing.FIT_CANDIDATES (not imported: it loads Qt)
ARCHITECTS = 20
RESERVED = 2_000
FIRST_CASE = "FBH-2026-0000"  # arkitekt00's
WIDE = "alle_sager"  # the architect assigned to every case: the owner's rows, through a policy


def seed(admin_url: str, items: int, cases: int, rng: random.Random) -> None:
    """Items, cases and reservations, as the administrator (bulk INSERTs, no policy)."""
    workspace = Workspace(admin_url)
    fill(workspace, items, rng)
    with workspace.session() as session:
        codes = [FIRST_CASE] + [f"FBH-2026-{i:04d}" for i in range(1, cases)]
        session.execute(insert(Case), [_case(code, i) for i, code in enumerate(codes)])
        reserved = session.scalars(
            select(Item.id).where(Item.status == Status.RESERVED.value).limit(RESERVED)
        ).all()
        session.execute(
            insert(Reservation),
            [
                {"item_id": item, "case_code": codes[i % cases], "reserved_by": "bench"}
                for i, item in enumerate(reserved)
            ],
        )
    workspace.close()


def _case(code: str, i: int) -> dict[str, Any]:
    return {"code": code, "alias": f"Familie {i}", "municipality": "København", "version": 1}


def add_people(admin: Engine, cases: int) -> dict[str, str]:
    """role name → login: 20 architects with an equal share of the cases each, the wide
    architect with all of them, one coordinator. Passwords are the logins (a throwaway
    cluster)."""
    people = {f"arkitekt{n:02d}": "architect" for n in range(ARCHITECTS)}
    people |= {WIDE: "architect", "koordinator": "coordinator"}
    for name, role in people.items():
        add_person(admin, name, role, name)
    with Session(admin) as session, session.begin():
        ids = session.scalars(select(Case.id).order_by(Case.id)).all()
        share = max(1, cases // ARCHITECTS)
        rows = [{"case_id": c, "login": f"arkitekt{i // share:02d}"} for i, c in enumerate(ids)]
        rows += [{"case_id": c, "login": WIDE} for c in ids]
        session.execute(insert(CaseArchitect), rows)
        session.execute(text("ANALYZE"))
    return {"architect": "arkitekt00", "architect_all": WIDE, "coordinator": "koordinator"}


def person_url(admin_url: str, login: str) -> str:
    address = make_url(admin_url).set(username=login, password=login)
    return address.render_as_string(hide_password=False)


def owner_engine(admin_url: str) -> Engine:
    """The administrator's login, become the tables' owner on every connection."""
    engine = make_engine(admin_url)

    @event.listens_for(engine, "connect")
    def become_owner(connection: Any, _record: Any) -> None:
        connection.execute(f'SET ROLE "{OWNER}"')
        connection.commit()  # else the pool's rollback would undo it

    return engine


def timed_rounds(
    sessions: dict[str, Session], queries: list[Callable[[Session], object]]
) -> dict[str, list[float]]:
    """Each query run by everyone in turn (so a busy moment hits all alike), in µs."""
    times: dict[str, list[float]] = {who: [] for who in sessions}
    for run in queries:
        for who, session in sessions.items():
            start = time.perf_counter()
            run(session)
            times[who].append((time.perf_counter() - start) * 1e6)
    return times


def fit_queries(rng: random.Random, count: int) -> list[Callable[[Session], object]]:
    spaces = [(rng.uniform(40, 260), rng.uniform(40, 120)) for _ in range(count)]
    queries = [
        Query(status=Status.AVAILABLE.value, fits=space, limit=FIT_CANDIDATES) for space in spaces
    ]
    return [lambda s, q=q: table_rows(s, q) for q in queries]


def compare(name: str, n: int, times: dict[str, list[float]], rows: dict[str, int]) -> list[dict]:
    owner = statistics.median(times["owner"])
    superuser = round(statistics.median(times["superuser"]), 1)
    found = []
    for who in times.keys() - {"owner", "superuser"}:
        ours = statistics.median(times[who])
        found.append(
            case(
                f"{name}_{who}",
                n,
                ours,
                owner,
                rls_over_owner=round(ours / owner, 2),
                superuser_us=superuser,
                rows=rows[who],
            )
        )
    return sorted(found, key=lambda row: row["case"])


@contextmanager
def sessions_of(engines: dict[str, Engine]) -> Iterator[dict[str, Session]]:
    opened = {who: Session(engine) for who, engine in engines.items()}
    try:
        yield opened
    finally:
        for session in opened.values():
            session.close()


def measure(
    engines: dict[str, Engine], rng: random.Random, repeats: int, size: tuple[int, int]
) -> list[dict]:
    """Both queries for everyone; `size` is (items, cases)."""
    with sessions_of(engines) as sessions:
        fits = fit_queries(rng, repeats)
        timed_rounds(sessions, fits[:5])  # warm the caches and the plans
        fit_rows = {who: len(fits[0](s)) for who, s in sessions.items()}  # type: ignore[arg-type]
        results = compare("fit_query", size[0], timed_rounds(sessions, fits), fit_rows)
        listing = [list_cases] * repeats
        timed_rounds(sessions, listing[:3])
        case_rows = {who: len(list_cases(s)) for who, s in sessions.items()}
        results += compare("case_list", size[1], timed_rounds(sessions, listing), case_rows)
        results += _reservations(sessions, repeats)
    return results


def _reservations(sessions: dict[str, Session], repeats: int) -> list[dict]:
    def run(session: Session) -> list[Reservation]:
        session.expunge_all()  # as a fresh window: objects loaded, not found in the identity map
        return reserved_for(session, CaseCode(FIRST_CASE))

    runs = [run] * repeats
    timed_rounds(sessions, runs[:3])
    rows = {who: len(run(s)) for who, s in sessions.items()}
    return compare("case_reservations", RESERVED, timed_rounds(sessions, runs), rows)


def explain(engines: dict[str, Engine]) -> None:
    """EXPLAIN ANALYZE of the statements hjem's own functions send, per role, to stderr."""
    for who, engine in engines.items():
        for label, run in (
            ("case_list", list_cases),
            ("case_reservations", lambda s: reserved_for(s, CaseCode(FIRST_CASE))),
            ("fit_query", lambda s: table_rows(s, Query(status="available", fits=(200, 100)))),
        ):
            with Session(engine) as session:
                statement, parameters = _last_statement(engine, lambda r=run, s=session: r(s))
                plan = session.connection().exec_driver_sql(
                    f"EXPLAIN ANALYZE {statement}", parameters
                )
                lines = "\n".join(row[0] for row in plan)
            print(f"--- {label} as {who}\n{lines}\n", file=sys.stderr)


def _last_statement(engine: Engine, run: Callable[[], object]) -> tuple[str, dict[str, Any]]:
    """The SQL and parameters of the last statement `run` sends, as the driver got them."""
    seen: list[tuple[str, Any]] = []

    def record(_c: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    statement, parameters = seen[-1]
    return statement, dict(parameters)


def main() -> None:
    quick = "--quick" in sys.argv
    items, cases = (20_000, 200) if quick else (100_000, 1_000)
    rng = random.Random(20261203)
    folder = Path(tempfile.mkdtemp(prefix="hjem-bench-pg-"))
    server = PostgresServer(folder)
    admin_url = server.start()
    engines: dict[str, Engine] = {}
    try:
        admin = make_engine(admin_url)
        init(admin)
        seed(admin_url, items, cases, rng)
        logins = add_people(admin, cases)
        engines = {"superuser": admin, "owner": owner_engine(admin_url)}
        engines |= {who: make_engine(person_url(admin_url, login)) for who, login in logins.items()}
        if "--explain" in sys.argv:
            explain(engines)
        results = measure(engines, rng, 30 if quick else 200, (items, cases))
    finally:
        for engine in engines.values():
            engine.dispose()
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    report("team_server", results)


if __name__ == "__main__":
    main()
