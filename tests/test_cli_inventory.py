"""`hjem inventory` and `hjem demo` as a volunteer types them: categories by their Danish or
English name, sizes checked, output into a pipe that closes early, the demo kept away from
real inventories."""

import os
import subprocess
import sys

import pytest

from hjem.cli import main
from hjem.db.workspace import Workspace
from hjem.i18n import set_language
from tests.conftest import ROOT
from tests.inventory.helpers import available_item, donation

WARDROBE = "Klædeskab, hvidt"


@pytest.fixture
def hjem(tmp_path, monkeypatch, capsys):
    """`hjem --database <a workspace with a wardrobe and a sofa> ...` run in this process."""
    url = f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    workspace = Workspace(url)
    with workspace.session() as session:
        available_item(session, donation(WARDROBE, "klaedeskab", (100, 58, 200)))
        available_item(session, donation("Sofa, grå", "sofa"))
    workspace.close()
    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path / "data"))

    def run(*args, database=url):
        set_language("da")  # as a fresh `hjem` starts
        status = main(["--database", database, *args])
        return status, capsys.readouterr()

    yield run
    set_language("da")


@pytest.mark.parametrize("typed", ["klædeskab", "KLÆDESKAB", "klaedeskab", "Wardrobe"])
def test_a_category_is_found_by_its_danish_or_english_name(hjem, typed):
    status, out = hjem("inventory", "find", "--category", typed)
    assert status == 0 and WARDROBE in out.out and "Sofa" not in out.out


def test_an_unknown_category_lists_the_names_there_are(hjem):
    status, out = hjem("inventory", "find", "--category", "skab")
    assert status == 2 and out.out == ""
    assert "»skab«" in out.err and "Klædeskab (klaedeskab)" in out.err and "Sofa" in out.err


@pytest.mark.parametrize("fits", ["200x90x", "200", "x90", "0x90", "200x90x80", "2OOx90"])
def test_a_size_that_is_not_width_by_depth_is_refused(hjem, fits):
    with pytest.raises(SystemExit) as exit:
        hjem("inventory", "find", "--fits", fits)
    assert exit.value.code == 2


def test_a_size_is_read_with_spaces_commas_and_either_x(hjem, capsys):
    for fits in ("110 x 60", "110×60", "110,5x60,5 cm"):
        status, out = hjem("inventory", "find", "--fits", fits)
        assert status == 0 and WARDROBE in out.out and "Sofa" not in out.out, fits


def test_the_size_refusal_says_what_to_write(hjem, capsys):
    with pytest.raises(SystemExit):
        hjem("inventory", "find", "--fits", "200x90x")
    assert (
        "»200x90x« er ikke et mål. Skriv bredde x dybde i cm, fx 200x90" in capsys.readouterr().err
    )


def test_a_status_is_named_in_danish_or_english_and_a_wrong_one_refused(hjem, capsys):
    assert hjem("inventory", "find", "--status", "ledig")[1].out.count("ledig") == 2
    assert "0 genstande" in hjem("inventory", "find", "--status", "reserveret")[1].out
    assert "2 genstande" in hjem("inventory", "find", "--status", "alle")[1].out
    with pytest.raises(SystemExit) as exit:
        hjem("inventory", "find", "--status", "solgt")
    assert exit.value.code == 2 and "ledig" in capsys.readouterr().err


def test_output_into_a_pipe_that_closes_early_ends_quietly(tmp_path):
    """`hjem inventory find | head -1`: the reader goes before hjem has written."""
    database = f"sqlite:///{tmp_path / 'w.sqlite'}"
    process = subprocess.Popen(
        [sys.executable, "-m", "hjem", "--database", database, "inventory", "find"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={
            "HJEM_DATA_DIR": str(tmp_path),
            "PATH": "/usr/bin:/bin",
            "HJEM_WORKSPACE_KEY": os.environ["HJEM_WORKSPACE_KEY"],
        },
    )
    process.stdout.close()  # like `head` after its lines
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0
    assert errors == ""


def test_the_demo_is_refused_in_a_workspace_with_real_things(hjem):
    status, out = hjem("demo")
    assert status == 2
    assert "Lageret har allerede 2 genstande" in out.err and "demo" not in out.out
    assert hjem("inventory", "find", "--status", "alle")[1].out.endswith("2 genstande\n")


def test_the_demo_is_refused_in_the_shared_workspace(hjem, fresh_postgres):
    status, out = hjem("demo", database=fresh_postgres)
    assert status == 2 and "fælles lager på serveren" in out.err
    found = hjem("inventory", "find", "--status", "alle", database=fresh_postgres)[1].out
    assert found.endswith("0 genstande\n")


def test_the_demo_fills_an_empty_local_workspace_once(hjem, tmp_path):
    empty = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    status, out = hjem("demo", database=empty)
    assert status == 0 and "69 demo-genstande" in out.out
    status, out = hjem("demo", database=empty)
    assert status == 0 and "allerede" in out.out
