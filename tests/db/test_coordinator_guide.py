"""docs/shared-server.md tried as a new coordinator would: on a fresh PostgreSQL cluster of its
own, the guide's certificate commands, its postgresql.conf and pg_hba.conf lines (TLS and SCRAM
passwords, as on a real server), then its first evening run literally — from an empty server
to an architect and an inventory manager working, over `sslmode=verify-full` — and its backup
and restore.

The blocks are the guide's own, found by their `<!-- guide-test: NAME -->` marks. Only what
cannot run here is replaced: the server's name (`hjem.example.org` → localhost), the paths of
Debian's configuration folder, the passwords the guide leaves to the reader (the ones
`hjem server user add` printed), and the `sudo` lines, whose work this test does itself.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import ROOT
from tests.postgres import PostgresServer

GUIDE = ROOT / "docs" / "shared-server.md"
NAME = "hjem.example.org"
DEBIAN_CONFIG = "/etc/postgresql/15/main/"
ADMIN_PASSWORD = "a-long-administrator-password-2026"
# The harness's own way in (the guide's pg_hba.conf lets the superuser in by socket only).
HARNESS_HBA = "host all postgres 127.0.0.1/32 trust\n"
EXPECTED = re.compile(r"# → (\(exit (\d+)\) )?(.*)")


def guide_block(name: str) -> str:
    """The fenced block after the guide's `<!-- guide-test: NAME -->` mark."""
    found = re.search(rf"<!-- guide-test: {name} -->\n```\w*\n(.*?)```", GUIDE.read_text(), re.S)
    assert found, f"docs/shared-server.md has no block marked {name!r}"
    return found.group(1)


def commands(block: str) -> Iterator[tuple[str, list[str]]]:
    """Each command of a shell block (continued lines joined), with the `# → ` lines that
    follow it: what it should say."""
    lines = block.replace("\\\n", " ").splitlines()
    current: tuple[str, list[str]] | None = None
    for line in lines:
        if line.startswith("# →") and current is not None:
            current[1].append(line)
        elif line.strip() and not line.startswith("#"):
            if current is not None:
                yield current
            current = (line, [])
    if current is not None:
        yield current


@dataclass
class Laptop:
    """The coordinator's and the people's shells: one environment, the passwords read off
    the screen."""

    port: int
    env: dict[str, str]
    passwords: dict[str, str] = field(default_factory=dict)
    addresses: dict[str, str] = field(default_factory=dict)  # login → HJEM_DATABASE_URL

    def typed(self, line: str) -> str:
        line = line.replace(NAME, f"localhost:{self.port}")
        for placeholder, password in self.passwords.items():
            line = line.replace(placeholder, password)
        return line

    def run(self, line: str, expected: list[str]) -> None:
        if line.startswith("sudo "):
            return  # done by the test itself
        if line.startswith("export "):
            key, value = shlex.split(line)[1].split("=", 1)
            self.env[key] = self.typed(value.replace("$HOME", self.env["HOME"]))
            login = re.match(r"postgresql://([^:@]+)", self.env[key])
            self.addresses[login.group(1) if login else ""] = self.env[key]
            return
        result = self._bash(self.typed(line))
        self._check(line, result, expected)
        person = re.match(r"hjem server user add (\S+)", line)
        if person:
            shown = re.search(r"Adgangskode: (\S+)", result.stdout)
            assert shown, result.stdout
            self.passwords[f"{person.group(1).upper()}S-PASSWORD"] = shown.group(1)

    def _bash(self, line: str) -> subprocess.CompletedProcess[str]:
        hjem = f'hjem() {{ "{sys.executable}" -m hjem "$@"; }}; '
        return subprocess.run(
            ["bash", "-c", hjem + line],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.env["HOME"],
            timeout=120,
        )

    def _check(self, line: str, result: subprocess.CompletedProcess[str], expected: list[str]):
        said = result.stdout + result.stderr
        assert "Traceback" not in said, f"{line}\n{said}"
        code = 0
        for comment in expected:
            found = EXPECTED.match(comment)
            assert found, comment
            code = int(found.group(2) or code)
            assert found.group(3).replace(NAME, "localhost") in said, f"{line}\n{said}"
        assert result.returncode == code, f"{line} → exit {result.returncode}\n{said}"


@pytest.fixture
def cluster() -> Iterator[PostgresServer]:
    folder = Path(tempfile.mkdtemp(prefix="hjem-guide-"))
    server = PostgresServer(folder)
    try:
        server.start()
    except (FileNotFoundError, OSError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get("HJEM_REQUIRE_POSTGRES"):
            raise
        pytest.skip(f"no PostgreSQL server: {error}")
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


def _superuser(server: PostgresServer, *statements: str) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{server.port}/postgres"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


def _set_up_server(server: PostgresServer, home: Path) -> None:
    """Section 1's sudo lines, section 2's certificates, the configuration files, reload."""
    _superuser(
        server,
        f"CREATE ROLE hjemadmin LOGIN CREATEROLE PASSWORD '{ADMIN_PASSWORD}'",
        "CREATE DATABASE hjem_oevelse OWNER hjemadmin",
        "CREATE DATABASE hjem_restored OWNER hjemadmin",
        "GRANT pg_signal_backend TO hjemadmin",
    )
    tls = home / "tls"
    tls.mkdir()
    script = guide_block("certificates").replace(NAME, "localhost")
    subprocess.run(["bash", "-e", "-c", script], cwd=tls, check=True, capture_output=True)
    for name in ("server.crt", "server.key"):
        shutil.copy(tls / name, server.data / name)
        os.chmod(server.data / name, 0o600)
        if os.geteuid() == 0:
            shutil.chown(server.data / name, "postgres", "postgres")
    settings = guide_block("postgresql.conf").replace(DEBIAN_CONFIG, f"{server.data}/")
    with (server.data / "postgresql.conf").open("a") as conf:
        conf.write(settings)
    (server.data / "pg_hba.conf").write_text(HARNESS_HBA + guide_block("pg_hba.conf"))
    _superuser(server, "SELECT pg_reload_conf()")
    (home / ".postgresql").mkdir()
    shutil.copy(tls / "hjem-ca.crt", home / ".postgresql" / "hjem-ca.crt")  # "on each laptop"
    _wait_for_tls(server, home)


def _wait_for_tls(server: PostgresServer, home: Path) -> None:
    address = (
        f"postgresql://hjemadmin@localhost:{server.port}/hjem_oevelse?sslmode=verify-full"
        f"&sslrootcert={home}/.postgresql/hjem-ca.crt"
    )
    for _ in range(50):  # the reload is asynchronous
        try:
            psycopg.connect(address, password=ADMIN_PASSWORD).close()
            return
        except psycopg.OperationalError:
            time.sleep(0.1)
    psycopg.connect(address, password=ADMIN_PASSWORD).close()  # say why


def test_the_guide_takes_an_empty_server_to_two_people_working(cluster, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    _set_up_server(cluster, home)
    pg_bin = str(Path(cluster.pg_ctl or "").parent)
    env = {**os.environ, "HOME": str(home), "PATH": f"{pg_bin}:{os.environ['PATH']}"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("HJEM_DATABASE_URL", None)
    env.pop("PGPASSWORD", None)
    laptop = Laptop(cluster.port, env, {"ADMIN-PASSWORD": ADMIN_PASSWORD})
    for line, expected in commands(guide_block("first evening")):
        laptop.run(line, expected)
    _only_tls_and_the_right_password(laptop)
    _backup_and_restore(laptop)


def _only_tls_and_the_right_password(laptop: Laptop) -> None:
    """The guide's pg_hba.conf: no connection without TLS, none with a wrong password."""
    ada = laptop.addresses["ada"]
    without_tls = ada.replace("sslmode=verify-full", "sslmode=disable")
    wrong = ada.replace(laptop.passwords["ADAS-PASSWORD"], "wrong")
    for address in (without_tls, wrong):
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(address).close()
    psycopg.connect(ada).close()


def _backup_and_restore(laptop: Laptop) -> None:
    """Section 9 on the training database: the dump, a restore into a new database, and the
    architect's case list there."""
    laptop.env["PGPASSWORD"] = ADMIN_PASSWORD  # "from PGPASSWORD or ~/.pgpass"
    backup = guide_block("backup").replace("/hjem?", "/hjem_oevelse?")
    for line, expected in commands(backup):
        laptop.run(line, expected)
    (dump,) = Path(laptop.env["HOME"]).glob("hjem-*.dump")
    restore = guide_block("restore").replace("hjem-2026-12-01.dump", dump.name)
    for line, expected in commands(restore):
        laptop.run(line, expected)
    del laptop.env["PGPASSWORD"]
    _audit_log_survives(laptop)
    restored = laptop.addresses["ada"].replace("/hjem_oevelse?", "/hjem_restored?")
    laptop.run(f'hjem case list --database "{restored}"', ["# → DEMO-2026-001"])


def _audit_log_survives(laptop: Laptop) -> None:
    """The restored audit log says who did what when, as the original did: the rows are
    loaded before the dump's triggers are made, so none is rewritten or added by the restore."""
    admin = laptop.addresses["hjemadmin"]
    logs = []
    for database in ("/hjem_oevelse?", "/hjem_restored?"):
        address = admin.replace("/hjem_oevelse?", database).replace("/hjem?", database)
        result = laptop._bash(f'hjem server audit --json --database "{laptop.typed(address)}"')
        assert result.returncode == 0, result.stderr
        logs.append(result.stdout)
    assert logs[0].count("\n") >= 2 and logs[0] == logs[1]
