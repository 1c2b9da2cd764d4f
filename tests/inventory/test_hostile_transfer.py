"""Imports and exports under hostile files and bad conditions (issue 12, point 11): numbers too
large for a float or a Decimal, a UTF-8 file with one stray byte, a cell longer than Excel
allows, a full disk, formula signs in their full-width forms. Each ends in a clear message,
nothing imported or half written; a large import writes in bulk and stays all or nothing."""

import csv
import errno
import io
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hjem.db.workspace import Workspace
from hjem.inventory.errors import InventoryError
from hjem.inventory.items import create_item, data_of
from hjem.inventory.models import Donor, Item, ItemEvent, Location
from hjem.inventory.sheets import write_problem
from hjem.inventory.transfer import ImportFailed, export_items, import_items
from tests.conftest import ROOT
from tests.inventory.helpers import donation
from tests.inventory.test_transfer import HEADER, count, new_row, write_csv

HUGE = "123456789012345678901234567"  # 27 digits: beyond a float's integers, at Decimal's edge


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"bredde": HUGE}, "bredde", "mellem 0 og 1000"),
        ({"værdi": HUGE}, "værdi", "for stort"),
        ({"værdi": "1.234.567.890.123.456.789.012.345,00"}, "værdi", "for stort"),
        ({"værdi": "9" * 30 + ",99"}, "værdi", "for stort"),
    ],
)
def test_a_number_of_many_digits_is_a_row_error(workspace, tmp_path, cells, column, words):
    path = write_csv(tmp_path / "a.csv", [new_row(), new_row(**cells)])
    with pytest.raises(ImportFailed) as failed, workspace.session() as session:
        import_items(session, path, "Lise")
    [error] = failed.value.report.errors
    assert (error.row, error.column) == (3, column)
    assert words in error.message.text("da")
    assert count(workspace) == 0


def _workbook(path, row):
    """A workbook of one row; 12345654321 stands for a number openpyxl cannot write."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(HEADER.split(";"))
    book.active.append([12345654321 if value == 10**400 else value for value in row])
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data.replace(b">12345654321<", b">1" + b"0" * 400 + b"<"))
    return path


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("bredde", 10**400, "mellem 0 og 1000"),  # no float holds it
        ("bredde", 10**25, "mellem 0 og 1000"),
        ("værdi", 10**25, "for stort"),
        ("værdi", 1e300, "for stort"),
    ],
)
def test_a_huge_number_in_a_workbook_is_a_row_error(workspace, tmp_path, column, value, words):
    values = {"navn": "Sofa", "kategori": "sofa", "bredde": 200, "dybde": 90, "højde": 80}
    row = [values.get(c, "") for c in HEADER.split(";")]
    row[HEADER.split(";").index(column)] = value
    path = _workbook(tmp_path / "a.xlsx", row)
    with pytest.raises(ImportFailed) as failed, workspace.session() as session:
        import_items(session, path, "Lise")
    [error] = failed.value.report.errors
    assert (error.row, error.column, words in error.message.text("da")) == (2, column, True)


def test_a_utf8_file_with_one_stray_byte_says_so_and_where(workspace, tmp_path):
    lines = [new_row("Sofa grøn"), new_row("Stol"), new_row("Bord", farve="grå")]
    path = write_csv(tmp_path / "blandet.csv", lines, encoding="utf-8")
    path.write_bytes(path.read_bytes().replace("grå".encode(), b"gr\xe5"))  # cp1252's å
    with pytest.raises(InventoryError) as refused, workspace.session() as session:
        import_items(session, path, "Lise")
    said = refused.value.message.text("da")
    assert "ikke gyldig UTF-8 i linje 4" in said and "CSV UTF-8" in said
    assert "mangler" not in said
    assert count(workspace) == 0


def test_a_cell_longer_than_excel_allows_is_named_with_its_row_and_limit(workspace, tmp_path):
    path = write_csv(tmp_path / "lang.csv", [new_row(), new_row(noter="x" * 200_000)])
    with pytest.raises(ImportFailed) as failed, workspace.session() as session:
        import_items(session, path, "Lise")
    [error] = failed.value.report.errors
    assert (error.row, error.column) == (3, "noter")
    assert error.message.text("da") == "er for lang (over 32.767 tegn i én celle)"


def test_a_header_cell_of_any_length_gives_a_short_message(workspace, tmp_path):
    path = write_csv(tmp_path / "a.csv", [], header=HEADER + ";" + "y" * 200_000)
    with pytest.raises(InventoryError) as refused, workspace.session() as session:
        import_items(session, path, "Lise")
    assert len(refused.value.message.text("da")) < 300


@pytest.mark.parametrize("sign", ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦"])
def test_every_formula_sign_is_guarded_in_a_csv_export_and_read_back(workspace, tmp_path, sign):
    path = tmp_path / "lager.csv"
    notes = f'{sign}HYPERLINK("http://x")'
    with workspace.session() as session:
        create_item(session, donation(notes=notes, name=f"{sign}1+1"), "Lise")
        export_items(session, path)
    text = path.read_bytes().decode("utf-8-sig")  # a "\r" in a cell kept as it is
    [_, row] = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert row[HEADER.split(";").index("noter")] == "'" + notes
    if not sign.isspace():  # a name is kept without the spaces around it
        assert row[HEADER.split(";").index("navn")].startswith("'")
    blanked = text.replace(row[0], "", 1)
    path.write_bytes(blanked.encode("utf-8-sig"))
    with workspace.session() as session:
        import_items(session, path, "Lise")
        items = session.scalars(select(Item).order_by(Item.id)).all()
        assert data_of(items[-1]).notes == notes  # the guard is taken away again


# A full disk, in a child process whose files may not grow past a few kilobytes: writing more
# fails with EFBIG (SIGXFSZ ignored), as it would with ENOSPC on a full disk.
_FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
    from hjem.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


def _hjem_on_full_disk(limit, temporary, *args):
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temporary)}
    return subprocess.run(
        [sys.executable, "-c", _FULL_DISK, str(limit), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


@pytest.fixture
def full_workspace(tmp_path):
    url = f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    workspace = Workspace(url)
    with workspace.session() as session:
        for number in range(300):
            notes = " ".join(str(number * 7919 + n) for n in range(40))  # packs badly
            create_item(session, donation(f"Sofa {number}", notes=notes), "Lise")
    workspace.close()
    return url


@pytest.mark.parametrize(
    ("action", "suffix"), [("export", ".csv"), ("export", ".xlsx"), ("labels", ".pdf")]
)
def test_an_export_to_a_full_disk_says_the_disk_is_full_and_leaves_nothing(
    full_workspace, tmp_path, action, suffix
):
    folder, temporary = tmp_path / "ud", tmp_path / "tmp"
    folder.mkdir()
    temporary.mkdir()
    target = folder / f"lager{suffix}"
    arguments = ("--database", full_workspace, "inventory", action, target)
    done = _hjem_on_full_disk(40_000, temporary, *arguments)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (
        f"Filen »lager{suffix}« kan ikke gemmes: der er ikke plads nok på disken. Intet er"
        " gemt; frigør plads, eller gem et andet sted"
    )
    assert list(folder.iterdir()) == list(temporary.iterdir()) == []  # nor openpyxl's sheet


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "ikke plads nok på disken"),
        (OSError(errno.EFBIG, "File too large"), "ikke plads nok på disken"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "ikke plads nok på disken"),
        (PermissionError(errno.EACCES, "Permission denied"), "åben i et andet program"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "Vælg en anden mappe"),
    ],
)
def test_a_failed_write_is_explained_by_its_cause(error, words):
    assert words in write_problem(error, Path("lager.csv")).text("da")


def test_a_file_that_may_not_be_written_still_asks_whether_it_is_open(workspace, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root may write anywhere")
    folder = tmp_path / "låst"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(InventoryError) as refused, workspace.session() as session:
        export_items(session, folder / "lager.csv")
    assert "åben i et andet program" in refused.value.message.text("da")


def test_a_budget_workbook_to_a_full_disk_prints_only_its_message(tmp_path):
    from hjem.budget.lines import add_service_line
    from hjem.cases.cases import CaseData, create_case

    url = f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    workspace = Workspace(url)
    with workspace.session() as session:
        create_case(session, CaseData("FBH-2026-001", "Familien Sol"))
        for number in range(40):
            add_service_line(session, "FBH-2026-001", f"Flyttebil {number}", "flytning", 4500)
    workspace.close()
    target = tmp_path / "budget.xlsx"
    child = f"""
        import resource, signal, sys
        from hjem.budget.export import export_budget
        from hjem.db.workspace import Workspace

        workspace = Workspace({url!r})
        with workspace.session() as session:  # the workspace's own files made first
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
            try:
                export_budget(session, "FBH-2026-001", {str(target)!r})
            except Exception as error:
                print(error.message.text("da"), file=sys.stderr)
        """
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(child)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert done.stderr.strip() == (
        "Filen »budget.xlsx« kan ikke gemmes: der er ikke plads nok på disken. Intet er"
        " gemt; frigør plads, eller gem et andet sted"
    )
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".hjem-*")) == []


def test_a_large_import_is_written_whole_with_its_donors_places_and_history(workspace, tmp_path):
    lines = [
        new_row(f"Ting {n}", placering=f"Lager A/Zone {n % 3}", giver=f"Giver {n % 4}")
        for n in range(2500)
    ]
    lines[7] = new_row("Ting 7", status="ledig", giver="", placering="")
    with workspace.session() as session:
        report = import_items(session, write_csv(tmp_path / "mange.csv", lines), "Lise")
    assert (report.created, report.updated) == (2500, 0)
    with workspace.session() as session:
        items = session.scalars(select(Item).order_by(Item.id)).all()
        assert len({item.code for item in items}) == 2500
        by_name = {item.name: item for item in items}
        one = data_of(by_name["Ting 5"])
        assert (one.location, one.donor_name) == ("Lager A/Zone 2", "Giver 1")
        assert by_name["Ting 7"].status == "available" and by_name["Ting 7"].donor is None
        bulk = by_name["Ting 5"]
        made = create_item(session, donation("Ting 5", location="Lager A/Zone 2"), "Lise")
        assert bulk.search_text.split()[1:] == made.search_text.split()[1:]  # but the code
        assert (bulk.long_side, bulk.short_side, bulk.version) == (200.0, 90.0, 1)
        assert session.scalar(select(func.count(Location.id))) == 4
        assert session.scalar(select(func.count(Donor.id))) == 2499
        events = session.execute(select(ItemEvent.kind, func.count()).group_by(ItemEvent.kind))
        assert dict(events.all()) == {"created": 2501, "status": 1}


def test_one_bad_row_in_a_large_import_keeps_every_row_out(workspace, tmp_path):
    lines = [new_row(f"Ting {n}", placering="Lager Ny") for n in range(3000)]
    lines[2999] = new_row("Skab", bredde="tolv")
    with pytest.raises(ImportFailed) as failed, workspace.session() as session:
        import_items(session, write_csv(tmp_path / "mange.csv", lines), "Lise")
    assert [(e.row, e.column) for e in failed.value.report.errors] == [(3001, "bredde")]
    with workspace.session() as session:
        assert session.scalar(select(func.count(Location.id))) == 0
    assert count(workspace) == 0


def test_every_error_is_counted_though_only_the_first_thousand_are_listed(workspace, tmp_path):
    lines = [new_row("Skab", bredde="tolv", dybde="x") for _ in range(600)]
    with pytest.raises(ImportFailed) as failed, workspace.session() as session:
        import_items(session, write_csv(tmp_path / "fejl.csv", lines), "Lise")
    report = failed.value.report
    assert (len(report.errors), report.error_count, report.failed_rows) == (1000, 1200, 600)


def test_the_command_says_how_many_errors_it_did_not_list(tmp_path, monkeypatch, capsys):
    from hjem.cli import main

    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path / "data"))
    lines = [new_row("Skab", bredde="tolv", dybde="x") for _ in range(600)]
    path = write_csv(tmp_path / "fejl.csv", lines)
    url = f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    assert main(["--database", url, "inventory", "import", str(path), "--who", "Lise"]) == 2
    said = capsys.readouterr().err.splitlines()
    assert said[0] == "Række 2, bredde: skal være et mål i cm, fx 12,5"
    assert said[1000:] == ["… og 200 fejl mere", "600 rækker har fejl; intet er importeret"]
