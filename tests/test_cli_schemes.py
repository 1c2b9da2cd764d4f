"""`hjem scheme list|show|add|edit|import|export`: what a coordinator types and reads, exit
codes 0 and 2 (never a traceback), the example marked, and nothing half-imported."""

import datetime as dt
import json

import pytest

from hjem.budget.lines import add_service_line, set_line_status
from hjem.budget.schemes import list_schemes
from hjem.cases.cases import CaseData, create_case
from hjem.db.workspace import Workspace
from tests.test_cli_cases import hjem


@pytest.fixture
def data_dir(tmp_path):
    """A fresh workspace with the example scheme and one case approved under it."""
    folder = tmp_path / "data"
    workspace = Workspace(f"sqlite:///{folder / 'workspace.sqlite'}")
    with workspace.session() as session:
        create_case(session, CaseData("FBH-2026-001", "Familien Sol", scheme_id=1), "")
        line = add_service_line(session, "FBH-2026-001", "Flyttebil", "flytning", 350_000)
        set_line_status(session, line.id, "approved", dt.date(2026, 3, 5))
    workspace.close()
    return folder


def schemes_in(data_dir):
    workspace = Workspace(f"sqlite:///{data_dir / 'workspace.sqlite'}")
    with workspace.session() as session:
        schemes = list_schemes(session, every_version=True)
    workspace.close()
    return schemes


def test_a_scheme_is_added_shown_and_listed_with_the_example_marked(data_dir):
    added = hjem(
        data_dir,
        *("scheme", "add", "Aarhus Kommune", "--total", "30.000"),
        *("--limit", "basale_moebler=10.000,50", "--in-kind", "--valid-to", "31.12.2026"),
    )
    assert added.returncode == 0, added.stderr
    assert "»Aarhus Kommune« er gemt" in added.stdout
    shown = hjem(data_dir, "scheme", "show", "Aarhus Kommune")
    assert "30.000,00\xa0kr." in shown.stdout and "10.000,50\xa0kr." in shown.stdout
    assert "kontanter og genbrug" in shown.stdout and "31.12.2026" in shown.stdout
    assert "EKSEMPEL" not in shown.stdout
    listed = hjem(data_dir, "scheme", "list")
    assert "Eksempel: opstartsstøtte (eksempel)" in listed.stdout
    assert "EKSEMPEL – beløbene er ikke fra en rigtig ordning" in listed.stdout
    assert "EKSEMPEL" in hjem(data_dir, "scheme", "show", "1").stdout
    as_json = json.loads(hjem(data_dir, "scheme", "list", "--json").stdout)["schemes"]
    assert [s["example"] for s in as_json] == [False, True]


def test_editing_a_scheme_approved_budgets_use_saves_a_new_version(data_dir):
    edited = hjem(data_dir, "scheme", "edit", "1", "--total", "40.000", "--real")
    assert edited.returncode == 0, edited.stderr
    assert "version 2" in edited.stdout and "beholder version 1" in edited.stdout
    old, new = sorted(schemes_in(data_dir), key=lambda s: s.version)
    assert (old.total_limit_ore, old.state, old.example) == (2_500_000, "superseded", True)
    assert (new.total_limit_ore, new.state, new.example) == (4_000_000, "active", False)
    assert "version 1" in hjem(data_dir, "scheme", "list", "--all").stdout


@pytest.mark.parametrize(
    "args, said",
    [
        (("add", "X", "--total", "mange"), "Samlet ramme: skriv et beløb i kroner"),
        (("add", "X", "--total", "1", "--limit", "bil=5"), "ukendt kategori »bil«"),
        (("add", "X", "--total", "1", "--limit", "toej"), "--limit toej: skriv kategori=beløb"),
        (("add", "X", "--total", "1", "--valid-from", "32.01.2026"), "Gyldig fra: skriv en dato"),
        (("add", "Eksempel: opstartsstøtte", "--total", "1"), "Der er allerede en støtteordning"),
        (("show", "Fonden"), "Der er ingen støtteordning, der hedder »Fonden«"),
        (("edit", "99", "--total", "1"), "ingen støtteordning med nummer 99"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_exit_2(data_dir, args, said):
    result = hjem(data_dir, "scheme", *args)
    assert result.returncode == 2
    assert said in result.stderr and "Traceback" not in result.stderr
    assert len(schemes_in(data_dir)) == 1


def test_schemes_go_out_to_json_and_back_in(data_dir, tmp_path):
    target = tmp_path / "ordninger.json"
    assert hjem(data_dir, "scheme", "export", str(target)).returncode == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    document["schemes"][0]["total"] = "30.000,00"
    document["schemes"].append({"name": "Fonden", "total": 5000, "limits": {"toej": "1000"}})
    target.write_text(json.dumps(document), encoding="utf-8")
    imported = hjem(data_dir, "scheme", "import", str(target))
    assert imported.returncode == 0, imported.stderr
    assert "1 oprettet, 0 ændret, 1 gemt som ny version" in imported.stdout
    current = {s.name: s for s in schemes_in(data_dir) if s.state == "active"}
    assert current["Fonden"].limits == {"toej": 100_000}
    assert current["Eksempel: opstartsstøtte"].total_limit_ore == 3_000_000


@pytest.mark.parametrize(
    "text, said",
    [
        ("{not json", "kan ikke læses som JSON (fejl i linje 1)"),
        ('{"schemes": []}', "indeholder ingen støtteordninger"),
        (
            '{"schemes": [{"name": "A", "total": 1}, {"name": "B", "total": "en del"}]}',
            'ordning nr. 2 »B«, feltet "total": skal være et beløb i kroner',
        ),
        ('{"schemes": [{"name": "A", "total": 1, "colour": "red"}]}', "ukendt felt"),
        ('{"schemes": [{"name": "A", "total": 1, "valid_to": "31/12"}]}', "skal være en dato"),
        ('{"schemes": [{"name": "A", "total": 1}, {"name": "a", "total": 2}]}', "to gange"),
    ],
)
def test_a_bad_scheme_file_changes_nothing_and_says_where(data_dir, tmp_path, text, said):
    source = tmp_path / "ordninger.json"
    source.write_text(text, encoding="utf-8")
    result = hjem(data_dir, "scheme", "import", str(source))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert said in result.stderr and "Intet er ændret" in result.stderr
    assert [s.name for s in schemes_in(data_dir)] == ["Eksempel: opstartsstøtte"]
