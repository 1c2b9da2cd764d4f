"""Running `hjem` as a real process against a real workspace, for the tests of what a person is
told when the database misbehaves (busy, damaged, full, far away)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT
from tests.workspace_file import session_key, workspace_file

FAILURE_BOUND_S = 60  # a hang ends the test, not the suite

# A second process that takes the workspace's write lock and keeps it until its stdin closes.
HOLD_WRITE_LOCK = """
import sys
import sqlcipher3
connection = sqlcipher3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA key = \\"x'" + sys.argv[2] + "'\\"")
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE settings SET value = value")
print("locked", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
"""


def hjem(
    *args: str, data: Path | None = None, timeout: float = FAILURE_BOUND_S, **env: str
) -> subprocess.CompletedProcess[str]:
    """`python -m hjem ARGS` with its workspace in `data` and `env` added to the environment."""
    environment = {**os.environ, **env}
    if data is not None:
        environment["HJEM_DATA_DIR"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "hjem", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=timeout,
    )


def said(result: subprocess.CompletedProcess[str]) -> str:
    """What the process printed, with the sign of a crash checked away first."""
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything, everything
    return everything


@contextmanager
def write_lock_held(workspace: Path, key: bytes | None = None) -> Iterator[None]:
    """Another process holds the write lock of the workspace (encrypted under `key`, else the
    session's) while the block runs."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(workspace), (key or session_key()).hex()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=FAILURE_BOUND_S)


def integrity(workspace: Path) -> str:
    with workspace_file(workspace) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def count(workspace: Path, table: str) -> int:
    with workspace_file(workspace) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
