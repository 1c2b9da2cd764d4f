"""The server-side half of the audit (migration 0006) after `hjem server init`: every function
of hjem's belongs to the tables' owner, runs as its definer with a pinned search_path, and is
callable only by the groups that need it; and two inits at once wait for each other."""

from __future__ import annotations

import threading

from sqlalchemy import text

from hjem.db.engine import make_engine
from hjem.db.server import ARCHITECT, COORDINATOR, EXECUTE_GRANTS, INVENTORY, OWNER, init
from hjem.db.workspace import Workspace
from tests.db.team_server import Team

GROUP = {"ada": ARCHITECT, "ivar": INVENTORY, "cora": COORDINATOR}
FUNCTIONS = (
    "SELECT p.oid::regprocedure::text, pg_get_userbyid(p.proowner), p.prosecdef, p.proconfig"
    " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
    " WHERE n.nspname = 'public' AND starts_with(p.proname, 'hjem_')"
)


def _functions(url: str) -> list[tuple]:
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(text(FUNCTIONS))]
    engine.dispose()
    return rows


def test_init_hands_the_functions_a_shared_login_made_to_the_owner(fresh_postgres):
    Workspace(fresh_postgres).close()  # migrated by the administrator, as before init
    assert {owner for _, owner, _, _ in _functions(fresh_postgres)} == {"postgres"}
    init(make_engine(fresh_postgres))
    functions = _functions(fresh_postgres)
    assert len(functions) == 13
    for name, owner, definer, config in functions:
        pinned = ["search_path=pg_catalog, public, pg_temp"]
        assert (owner, definer, config) == (OWNER, True, pinned), name


def test_only_the_groups_that_need_a_function_may_call_it(team: Team):
    names = [name for name, *_ in _functions(team.admin_url)]
    query = text("SELECT has_function_privilege(:login, :function, 'EXECUTE')")
    with team.admin.connect() as connection:
        for person in ("ada", "ivar", "cora"):
            callable_ = {
                name
                for name in names
                if connection.execute(
                    query, {"login": team.logins[person], "function": name}
                ).scalar()
            }
            expected = {f for f, callers in EXECUTE_GRANTS.items() if GROUP[person] in callers}
            assert callable_ == expected, person


def test_two_inits_at_once_both_succeed(fresh_postgres):
    engines = [make_engine(fresh_postgres) for _ in range(2)]
    failures: list[BaseException] = []

    def run(engine) -> None:
        try:
            init(engine)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=run, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in engines:
        engine.dispose()
    assert failures == []
