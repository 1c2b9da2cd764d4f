"""A real PostgreSQL server for the tests, started by the suite itself in a temporary folder.

initdb and pg_ctl come from the machine (Debian's postgresql package). As root, the server runs
as the `postgres` user. When HJEM_REQUIRE_POSTGRES is set (CI sets it) a missing server is an
error, not a skip.

The administrator `postgres` is let in without a password (the suite's own fixtures); every
other login must give its password (SCRAM), as on a team's server, so that the tests of
signing in check real passwords.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
from pathlib import Path


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# pg_hba.conf: the first line that matches decides.
ACCESS_RULES = """\
local all postgres trust
local all all scram-sha-256
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
host all postgres ::1/128 trust
host all all ::1/128 scram-sha-256
"""


class PostgresServer:
    def __init__(self, folder: Path, options: str = ""):
        self.initdb, self.pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if not (self.initdb and self.pg_ctl):
            raise FileNotFoundError("initdb/pg_ctl not found (apt-get install postgresql)")
        self.folder = folder
        self.data = folder / "data"
        self.port = _free_port()
        self._as_root = os.geteuid() == 0
        self.options = options  # more `-c name=value` for the server (a TLS test's)

    def _run(self, *args: str) -> None:
        command = list(args)
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        if self._as_root:
            shutil.chown(self.folder, "postgres")
            os.chmod(self.folder, 0o700)
        self._run(
            self.initdb,
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
        )
        self._write_access_rules()
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        options += f" {self.options}" if self.options else ""
        self._run(
            self.pg_ctl,
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def give_to_server(self, path: Path) -> None:
        """A file the server reads (a TLS key): its own, and private to it."""
        os.chmod(path, 0o600)
        if self._as_root:
            shutil.chown(path, "postgres")

    def _write_access_rules(self) -> None:
        rules = self.data / "pg_hba.conf"
        rules.write_text(ACCESS_RULES)
        if self._as_root:
            shutil.chown(rules, "postgres")

    def stop(self) -> None:
        self._run(self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")
