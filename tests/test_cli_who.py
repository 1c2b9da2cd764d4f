"""Who the command line names in the items' history: the name given with --who, else the name
the volunteer gave the window, never the computer's login name. An import with no name known
is refused in Danish with how to give one; the demo, as the window's, is recorded unnamed."""

from __future__ import annotations

import getpass
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from hjem import cli as hjem_cli
from hjem.cli import main
from hjem.db.workspace import Workspace
from hjem.i18n import set_language
from hjem.inventory.models import Item, ItemEvent
from tests.conftest import ROOT
from tests.inventory.test_transfer import new_row, write_csv


def _names(url: str) -> set[str]:
    workspace = Workspace(url)
    with workspace.session() as session:
        names = set(session.scalars(select(ItemEvent.who)))
    workspace.close()
    return names


def _items(url: str) -> int:
    workspace = Workspace(url)
    with workspace.session() as session:
        count = len(session.scalars(select(Item.id)).all())
    workspace.close()
    return count


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'workspace.sqlite'}"


@pytest.fixture
def sheet(tmp_path):
    return write_csv(tmp_path / "lager.csv", [new_row("Sofa, grå")])


@pytest.fixture
def hjem(monkeypatch, capsys):
    """`hjem --database URL ...` in this process, the window's saved name being `saved`."""

    def run(url, *args, saved=""):
        monkeypatch.setattr(hjem_cli, "saved_user_name", lambda: saved)
        set_language("da")
        status = main(["--database", url, *args])
        return status, capsys.readouterr()

    yield run
    set_language("da")


def test_an_import_with_no_name_known_is_refused_with_how_to_give_one(hjem, url, sheet):
    status, out = hjem(url, "inventory", "import", str(sheet))
    assert status == 2 and out.out == ""
    assert "--who NAVN" in out.err and "Indstillinger › Dit navn" in out.err
    assert _items(url) == 0


def test_the_name_given_with_who_goes_into_the_history(hjem, url, sheet):
    status, _ = hjem(url, "inventory", "import", str(sheet), "--who", "Mette", saved="Ole")
    assert status == 0 and _names(url) == {"Mette"}


def test_the_window_s_saved_name_is_the_default(hjem, url, sheet):
    status, _ = hjem(url, "inventory", "import", str(sheet), saved="Ole")
    assert status == 0 and _names(url) == {"Ole"}


def test_a_name_of_spaces_is_no_name(hjem, url, sheet):
    status, out = hjem(url, "inventory", "import", str(sheet), "--who", "  ", saved="Ole")
    assert status == 2 and "--who NAVN" in out.err


def test_the_demo_with_no_name_known_is_recorded_unnamed_not_by_login(hjem, url):
    status, _ = hjem(url, "demo")
    assert status == 0 and _names(url) == {""}
    assert getpass.getuser() not in _names(url)


def _saved_in_window_settings(config_home, name: str) -> None:
    """What the window's Settings.set_user_name leaves on Linux, where XDG_CONFIG_HOME is."""
    settings = QSettings(str(config_home / "RodeKors" / "hjem.conf"), QSettings.Format.IniFormat)
    settings.setValue("user_name", name)
    settings.sync()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's settings path on Linux")
def test_a_real_hjem_reads_the_name_the_window_saved(tmp_path, url, sheet):
    _saved_in_window_settings(tmp_path / "config", "Mette Jensen")
    env = os.environ | {"XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "hjem", "--database", url, "inventory", "import", str(sheet)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert _names(url) == {"Mette Jensen"}
