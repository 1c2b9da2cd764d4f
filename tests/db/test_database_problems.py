"""Issue 12, point 9: a damaged workspace, one a newer hjem upgraded, a folder hjem may not
write in, a full disk and an address hjem cannot use each end in a clear message and exit 2,
never a traceback, and nothing is deleted or half-written."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command

from hjem.db.engine import make_engine
from hjem.db.migrate import alembic_config
from tests.conftest import ROOT
from tests.db.hjem_process import FAILURE_BOUND_S, count, hjem, integrity, said

# `hjem ARGS` with files limited to LIMIT bytes: a write beyond fails as on a full disk (EFBIG,
# with SIGXFSZ ignored so the process is told instead of killed). A workspace's writes go to
# its WAL file first, which starts empty: LIMIT is how much of them fits.
FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from hjem.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _workspace_at(folder: Path, revision: str) -> Path:
    path = folder / "workspace.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()
    return path


# --- a damaged workspace file ---


def _random_bytes(path: Path) -> None:
    """A workspace whose pages are overwritten: its key (the session's) still fits by the key
    file's check value, so hjem knows the file, not the key, is wrong."""
    _workspace_at(path.parent, "head")
    path.write_bytes(os.urandom(8192))


def _truncated_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(40))


@pytest.mark.parametrize("damage", [_random_bytes, _truncated_header])
def test_a_damaged_workspace_is_named_and_kept(tmp_path, damage):
    path = tmp_path / "workspace.sqlite"
    damage(path)
    before = path.read_bytes()
    result = hjem("case", "list", data=tmp_path)
    assert result.returncode == 2
    assert f"Arbejdsområdet {path} er beskadiget" in said(result)
    assert "ingen sikkerhedskopi" in result.stderr
    assert path.read_bytes() == before  # never deleted, never "repaired"


def test_a_damaged_workspace_points_at_its_newest_backup(tmp_path):
    path = tmp_path / "workspace.sqlite"
    _random_bytes(path)
    for stamp in ("20260101-090000", "20260301-090000"):
        (tmp_path / f"workspace.sqlite.backup-{stamp}").write_bytes(b"")
    result = hjem("--lang", "en", "db", "upgrade", data=tmp_path)
    assert result.returncode == 2
    assert f"The latest backup is {path}.backup-20260301-090000" in said(result)


# --- a workspace a newer hjem upgraded ---


def test_a_workspace_from_a_newer_hjem_asks_for_an_update_and_is_not_touched(tmp_path):
    path = _workspace_at(tmp_path, "head")
    with make_engine(f"sqlite:///{path}").begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    for args in (("case", "list"), ("db", "upgrade"), ("demo",)):
        result = hjem(*args, data=tmp_path)
        assert result.returncode == 2
        assert "Opdater hjem" in said(result) and "0099" in result.stderr
    assert count(path, "items") == 0  # the demo added nothing
    assert not list(tmp_path.glob("*.backup-*"))  # nor was an upgrade begun


# --- a folder hjem may not write in ---


def test_a_data_folder_that_is_a_file_is_said(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = hjem("db", "upgrade", data=blocker / "hjem")
    assert result.returncode == 2
    assert "hjem må ikke skrive i mappen" in said(result)


def _read_only(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`hjem ARGS` with `folder` read-only. Root may write in a folder without write access,
    so as root the folder is mounted read-only in a mount namespace of the process's own."""
    env = {**os.environ, "HJEM_DATA_DIR": str(folder)}
    hjem_command = [sys.executable, "-m", "hjem", *args]
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return subprocess.run(
            hjem_command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
        )
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("as root a folder is read-only only on a read-only mount; no unshare")
    mount = f'mount --bind "{folder}" "{folder}" && mount -o remount,ro,bind "{folder}"'
    script = f'{mount} || exit 99; exec "$@"'
    result = subprocess.run(
        [unshare, "-m", "sh", "-c", script, "sh", *hjem_command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=FAILURE_BOUND_S,
    )
    if result.returncode == 99:
        pytest.skip(f"cannot mount read-only here: {result.stderr.strip()}")
    return result


def test_db_upgrade_in_a_read_only_folder_is_said_and_changes_nothing(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = _workspace_at(folder, "0003")  # an upgrade is due, and its backup
    before = path.read_bytes()
    try:
        result = _read_only(folder, "db", "upgrade")
    finally:
        folder.chmod(0o700)
    assert result.returncode == 2
    assert f"hjem må ikke skrive i mappen {folder}" in said(result)
    assert path.read_bytes() == before


# --- a full disk ---


def _with_full_disk(data: Path, limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(limit), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HJEM_DATA_DIR": str(data)},
        timeout=FAILURE_BOUND_S,
    )


def _is_full_disk_message(result: subprocess.CompletedProcess[str]) -> bool:
    text = said(result)
    return "Disken er fuld" in text or "kunne ikke skrives til disken" in text


def test_a_full_disk_during_the_demo_is_said_and_nothing_is_half_written(tmp_path):
    path = _workspace_at(tmp_path, "head")
    result = _with_full_disk(tmp_path, 64 * 1024, "demo")
    assert result.returncode == 2 and _is_full_disk_message(result)
    assert integrity(path) == "ok"
    assert count(path, "items") == 0 and count(path, "cases") == 0


def _new_items_file(source: Path, target: Path) -> None:
    """The demo's inventory as a file of new items (no codes, no reservations)."""
    assert hjem("demo", data=source).returncode == 0
    exported = source / "exported.csv"
    assert hjem("inventory", "export", str(exported), data=source).returncode == 0
    with exported.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    dropped = {rows[0].index("kode"), rows[0].index("status")}
    with target.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=";").writerows(
            [cell for i, cell in enumerate(row) if i not in dropped] for row in rows
        )


def test_a_full_disk_during_an_import_is_said_and_nothing_is_half_written(tmp_path):
    export = tmp_path / "inventory.csv"
    _new_items_file(tmp_path / "source", export)
    target = tmp_path / "target"
    target.mkdir()
    path = _workspace_at(target, "head")
    result = _with_full_disk(target, 8 * 1024, "inventory", "import", str(export), "--who", "Lise")
    assert result.returncode == 2 and _is_full_disk_message(result)
    assert integrity(path) == "ok" and count(path, "items") == 0


# --- an address hjem cannot use ---

BAD_ADDRESSES = [
    ("hjem:pw-secret@host/db", "adresse i --database eller HJEM_DATABASE_URL kan ikke læses"),
    ("postgresql://u:pw-secret@host:99999/db", "portnummeret 99999"),
    ("postgresql://u:pw-secret@host:abc/db", "kan ikke læses"),
    ("mysql://u:pw-secret@host/db", "af typen mysql"),
]


@pytest.mark.parametrize(("address", "problem"), BAD_ADDRESSES)
def test_an_address_hjem_cannot_use_is_said_without_its_password(tmp_path, address, problem):
    given = hjem("case", "list", "--database", address, data=tmp_path)
    from_env = hjem("case", "list", data=tmp_path, HJEM_DATABASE_URL=address)
    for result in (given, from_env):
        assert result.returncode == 2
        assert problem in said(result)
        assert "pw-secret" not in result.stdout + result.stderr
