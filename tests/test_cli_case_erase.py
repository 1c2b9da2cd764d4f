"""`hjem case erase` and `hjem case retention` in a process of their own: erasing asks for the
case's code at a terminal, refuses without one unless --yes, says what went, and never prints
the address; the retention period is shown and set."""

import os
import subprocess
import sys

import pytest
from sqlalchemy import text

from hjem.db.workspace import Workspace
from tests.cases.helpers_erase import ADDRESS, MOON, SUN, full_case
from tests.conftest import ROOT


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    workspace = Workspace(f"sqlite:///{folder / 'workspace.sqlite'}")
    with workspace.session() as session:
        full_case(session)
        full_case(session, MOON, "Månevej 2")
    workspace.close()
    return folder


def hjem(data_dir, *args, stdin=subprocess.DEVNULL):
    env = {k: v for k, v in os.environ.items() if k != "HJEM_DATABASE_URL"}
    env["HJEM_DATA_DIR"] = str(data_dir)
    result = subprocess.run(
        [sys.executable, "-m", "hjem", "--lang", "da", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=env,
        stdin=stdin,
    )
    assert ADDRESS not in result.stdout + result.stderr
    return result


def _codes(data_dir) -> list[str]:
    workspace = Workspace(f"sqlite:///{data_dir / 'workspace.sqlite'}")
    with workspace.session() as session:
        codes = list(session.execute(text("SELECT code FROM cases ORDER BY code")).scalars())
    workspace.close()
    return codes


def test_erase_with_yes_says_what_went_and_the_case_is_gone(data_dir):
    result = hjem(data_dir, "case", "erase", SUN.code, "--yes", "--who", "Mette")
    assert result.returncode == 0, result.stderr
    said = result.stdout
    assert f"Sag {SUN.code} »Familien Sol« er slettet for altid" in said
    for line in ("2 børn", "1 besøg", "1 gemt plan", "2 budgetlinjer", "den nye adresse"):
        assert line in said
    assert "2 reserverede genstande tilbage på lageret" in said
    assert "1 leveret genstand bliver hos familien" in said
    assert _codes(data_dir) == [MOON.code]


def test_without_a_terminal_and_without_yes_nothing_is_erased(data_dir):
    result = hjem(data_dir, "case", "erase", SUN.code)
    assert result.returncode == 2
    assert "Intet er slettet" in result.stderr and "--yes" in result.stderr
    assert _codes(data_dir) == [SUN.code, MOON.code]


def _at_a_terminal(data_dir, typed: str):
    """The command with a terminal for its input, into which `typed` is written."""
    main, side = os.openpty()
    try:
        os.write(main, typed.encode() + b"\n")
        return hjem(data_dir, "case", "erase", SUN.code, stdin=side)
    finally:
        os.close(side)
        os.close(main)


def test_at_a_terminal_typing_the_code_erases_the_case(data_dir):
    result = _at_a_terminal(data_dir, SUN.code)
    assert result.returncode == 0, result.stderr
    assert "»Familien Sol« slettes for altid" in result.stdout  # the question names the alias
    assert f"Skriv sagsnummeret {SUN.code}" in result.stdout
    assert _codes(data_dir) == [MOON.code]


def test_at_a_terminal_anything_but_the_code_keeps_the_case(data_dir):
    result = _at_a_terminal(data_dir, "ja")
    assert result.returncode == 1
    assert f"Intet er slettet: sag {SUN.code} er der stadig" in result.stderr
    assert _codes(data_dir) == [SUN.code, MOON.code]


def test_an_unknown_case_is_said_clearly(data_dir):
    result = hjem(data_dir, "case", "erase", "FBH-2026-999", "--yes")
    assert result.returncode == 2
    assert "Der er ingen sag med nummeret FBH-2026-999" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_retention_period_is_shown_and_set(data_dir):
    shown = hjem(data_dir, "case", "retention")
    assert shown.returncode == 0 and "gemmes i 12 måneder" in shown.stdout
    set_ = hjem(data_dir, "case", "retention", "1")
    assert set_.returncode == 0 and "gemmes i 1 måned," in set_.stdout
    refused = hjem(data_dir, "case", "retention", "0")
    assert refused.returncode == 2 and "fra 1 til 120" in refused.stderr
