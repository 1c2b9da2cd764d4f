"""The workspace holds a family's new address: on a shared machine nobody but its owner may
read the folder or the files hjem makes there (the database, its WAL, backups, recovery)."""

import stat
import sys

import pytest
from sqlalchemy import text

from hjem.config import data_dir, private_file, recovery_dir
from hjem.db.migrate import backup_sqlite
from hjem.db.workspace import Workspace

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_workspace_is_readable_by_its_owner_only(tmp_path, monkeypatch):
    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path / "hjem"))
    monkeypatch.delenv("HJEM_DATABASE_URL", raising=False)
    workspace = Workspace()
    with workspace.session() as session:
        session.execute(text("SELECT 1"))
        folder = data_dir()
        made = sorted(p.name for p in folder.iterdir())
        assert "workspace.sqlite-wal" in made  # the WAL, checked too
        assert mode(folder) == 0o700
        for path in folder.iterdir():
            assert mode(path) == 0o600, path.name
    workspace.close()
    assert mode(recovery_dir()) == 0o700


def test_a_workspace_made_by_an_older_hjem_is_made_private(tmp_path, monkeypatch):
    folder = tmp_path / "hjem"
    folder.mkdir(mode=0o755)
    old = folder / "old.sqlite3"
    old.write_bytes(b"")
    old.chmod(0o644)
    monkeypatch.setenv("HJEM_DATA_DIR", str(folder))
    assert mode(data_dir()) == 0o700
    assert mode(private_file(old)) == 0o600


def test_the_migration_backup_is_private(tmp_path):
    workspace = Workspace(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    assert mode(backup_sqlite(workspace.engine, tmp_path / "w.sqlite3")) == 0o600
    workspace.close()
