"""Issue 12, point 10: a PostgreSQL server that takes the connection and never answers ends in
a message within seconds, not a hang; statements on a working server have a time limit."""

from __future__ import annotations

import socket
import time

from hjem.db.engine import STATEMENT_TIMEOUT_MS
from hjem.db.workspace import Workspace
from tests.db.hjem_process import hjem, said

FAILURE_BOUND_S = 20  # the message is due within 10 s; a hang fails the test here


def test_a_server_that_never_answers_is_said_within_seconds(tmp_path, silent_server):
    address = f"postgresql://x:pw-secret@127.0.0.1:{silent_server}/db"
    started = time.monotonic()
    danish = hjem("case", "list", "--database", address, data=tmp_path, timeout=FAILURE_BOUND_S)
    elapsed = time.monotonic() - started
    english = hjem(
        "--lang", "en", "case", "list", data=tmp_path, timeout=FAILURE_BOUND_S,
        HJEM_DATABASE_URL=address,
    )  # fmt: skip
    assert danish.returncode == 2 and english.returncode == 2
    assert "Serveren 127.0.0.1 svarer ikke" in said(danish)
    assert "The server 127.0.0.1 does not answer" in said(english)
    assert "pw-secret" not in danish.stderr + english.stderr
    print(f"silent server: message after {elapsed:.1f} s")  # reported, not asserted


def test_a_server_that_refuses_the_connection_asks_to_check_the_address(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # closed again: nobody listens there
    result = hjem("case", "list", "--database", f"postgresql://x@127.0.0.1:{port}/db")
    assert result.returncode == 2
    assert "Serveren 127.0.0.1 kan ikke nås. Tjek adressen" in said(result)


def test_statements_on_the_server_have_a_time_limit(fresh_postgres):
    workspace = Workspace(fresh_postgres)
    shown = workspace.read(
        lambda session: session.connection().exec_driver_sql("SHOW statement_timeout").scalar()
    )
    assert shown == f"{STATEMENT_TIMEOUT_MS // 1000}s"
    workspace.close()


def test_a_missing_database_or_user_on_a_working_server_is_named(tmp_path, postgres_url):
    server = postgres_url.rsplit("/", 1)[0]  # postgresql+psycopg://postgres@127.0.0.1:PORT
    no_database = hjem("case", "list", "--database", f"{server}/ingen_db", data=tmp_path)
    assert no_database.returncode == 2
    assert "har ingen database, der hedder ingen_db" in said(no_database)
    stranger = server.replace("postgres@", "ukendt:pw-secret@")
    no_user = hjem("case", "list", "--database", f"{stranger}/postgres", data=tmp_path)
    assert no_user.returncode == 2
    assert "afviser brugeren ukendt" in said(no_user) and "pw-secret" not in no_user.stderr
