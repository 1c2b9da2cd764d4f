import itertools
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from hjem.db.workspace import Workspace
from tests.postgres import PostgresServer

_numbers = itertools.count()


@pytest.fixture(scope="session")
def postgres_url():
    # In /tmp itself: the `postgres` user must reach the folder, and pytest's own temporary
    # folders are private to the user running the tests.
    folder = Path(tempfile.mkdtemp(prefix="hjem-postgres-"))
    server = PostgresServer(folder)
    try:
        url = server.start()
    except (FileNotFoundError, OSError) as error:
        if os.environ.get("HJEM_REQUIRE_POSTGRES"):
            raise
        pytest.skip(f"no PostgreSQL server: {error}")
    yield url
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def fresh_postgres(postgres_url):
    """A new, empty database on the test server (dropped afterwards)."""
    name = f"hjem_test_{next(_numbers)}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield postgres_url.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    return request.getfixturevalue("fresh_postgres")


@pytest.fixture
def workspace(database_url):
    space = Workspace(database_url)
    yield space
    space.close()


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port on which a server accepts connections and never says a word."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()
