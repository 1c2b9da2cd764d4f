"""Two workspaces migrated at the same moment in one process (the window opens a working copy
on a worker thread while another is migrated): each gets its own whole schema. Alembic keeps
the running migration in module-level state, so hjem runs one migration at a time."""

from __future__ import annotations

import threading

from sqlalchemy import inspect

from hjem.db.engine import make_engine
from hjem.db.migrate import current_revision, head_revision, upgrade


def test_workspaces_migrated_on_four_threads_at_once_each_get_the_whole_schema(tmp_path):
    engines = [make_engine(f"sqlite:///{tmp_path / f'w{n}.sqlite'}") for n in range(4)]
    start = threading.Barrier(len(engines))
    problems: list[BaseException] = []

    def migrate(engine) -> None:
        start.wait()
        try:
            upgrade(engine)
        except BaseException as error:  # kept for the assertion below, with its type
            problems.append(error)

    threads = [threading.Thread(target=migrate, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    for engine in engines:
        assert current_revision(engine) == head_revision()
        assert {"cases", "items", "sync_outbox"} <= set(inspect(engine).get_table_names())
        engine.dispose()
