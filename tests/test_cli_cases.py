"""`hjem case list` and `hjem budget export` on a workspace in a folder of their own: what they
print, their exit codes, and that a family's address never leaves the database."""

import json
import os
import subprocess
import sys

import pytest

from hjem.budget.lines import add_service_line
from hjem.cases.cases import CaseData, create_case
from hjem.db.workspace import Workspace
from tests.conftest import ROOT

CANARY = "CANARY-ADR-7f3a"


@pytest.fixture
def data_dir(tmp_path):
    """A workspace as `hjem` finds it in HJEM_DATA_DIR, with two cases."""
    folder = tmp_path / "data"
    workspace = Workspace(f"sqlite:///{folder / 'workspace.sqlite'}")
    with workspace.session() as session:
        create_case(session, CaseData("FBH-2026-001", "Familien Sol", "Aarhus", "Mette"), CANARY)
        create_case(session, CaseData("FBH-2026-002", "Familien Måne", "Odense", "Ole"), CANARY)
        add_service_line(session, "FBH-2026-001", "Flyttebil", "flytning", 250_000)
    workspace.close()
    return folder


def hjem(data_dir, *args):
    env = {k: v for k, v in os.environ.items() if k != "HJEM_DATABASE_URL"}
    env["HJEM_DATA_DIR"] = str(data_dir)
    result = subprocess.run(
        [sys.executable, "-m", "hjem", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=env,
    )
    assert CANARY not in result.stdout + result.stderr
    return result


def test_case_list_as_json_names_cases_but_never_their_address(data_dir):
    result = hjem(data_dir, "case", "list", "--json")
    assert result.returncode == 0, result.stderr
    cases = json.loads(result.stdout)["cases"]
    assert sorted(c["code"] for c in cases) == ["FBH-2026-001", "FBH-2026-002"]
    assert set(cases[0]) == {"code", "alias", "status", "municipality", "architect"}
    sol = next(c for c in cases if c["code"] == "FBH-2026-001")
    assert (sol["alias"], sol["status"], sol["municipality"], sol["architect"]) == (
        "Familien Sol",
        "referred",
        "Aarhus",
        "Mette",
    )


def test_case_list_as_text(data_dir):
    result = hjem(data_dir, "case", "list")
    assert result.returncode == 0
    assert "Familien Måne" in result.stdout and "henvist" in result.stdout
    assert result.stdout.strip().endswith("2 sager")


def test_budget_export_writes_the_file_without_the_address(data_dir, tmp_path):
    out = tmp_path / "budget.xlsx"
    result = hjem(data_dir, "budget", "export", "FBH-2026-001", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "FBH-2026-001" in result.stdout and out.exists()
    csv_out = tmp_path / "budget.csv"
    assert (
        hjem(data_dir, "budget", "export", "FBH-2026-001", "--output", str(csv_out)).returncode == 0
    )
    text = csv_out.read_text("utf-8-sig")
    assert "Flyttebil;Flytning;Ydelse;2500,00" in text and CANARY not in text


@pytest.mark.parametrize(
    "args, said",
    [
        (("budget", "export", "NOPE", "-o", "x.csv"), "Der er ingen sag med nummeret NOPE"),
        (
            ("budget", "export", "FBH-2026-001", "-o", "x.pdf"),
            "vælg en fil, der ender på .csv eller .xlsx",
        ),
        (("budget", "export", "FBH-2026-001"), "-o/--output"),
        (("case", "frobnicate"), "frobnicate"),
    ],
)
def test_mistakes_are_said_in_one_line_with_exit_code_2(data_dir, tmp_path, args, said):
    result = hjem(data_dir, *args)
    assert result.returncode == 2
    assert said in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_help_speaks_danish_or_english(data_dir):
    def helped(*args):
        return " ".join(hjem(data_dir, *args, "--help").stdout.split())  # unwrapped

    assert "støtteordningens rammer" in helped("budget")
    assert "grant scheme's limits" in helped("--lang", "en", "budget")
    assert "(never the address)" in helped("--lang", "en", "case", "list")
    assert "adressen kommer aldrig med" in helped("budget", "export")
