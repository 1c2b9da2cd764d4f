"""Spreadsheet import and export: round trips, all-or-nothing imports, Danish numbers, and
files that are broken or hostile."""

import csv
import datetime as dt
import io
import os
import zipfile

import pytest
from sqlalchemy import func, select

from hjem.i18n import tr
from hjem.inventory import sheets
from hjem.inventory.errors import InventoryError
from hjem.inventory.items import create_item, data_of, get_item, update_item
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Item, Status
from hjem.inventory.reservations import release, reserve
from hjem.inventory.sheets import MAX_ROWS
from hjem.inventory.transfer import COLUMNS, ImportFailed, export_items, import_items
from tests.inventory.helpers import add_cases, available_item, donation

HEADER = ";".join(COLUMNS)


def write_csv(path, lines, header=HEADER, delimiter=";", encoding="utf-8-sig"):
    text = "\r\n".join([header, *lines]).replace(";", delimiter) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def new_row(name="Sofa", kategori="sofa", bredde="200", kode="", status="", **more):
    values = {"kode": kode, "navn": name, "kategori": kategori, "bredde": bredde}
    values |= {"dybde": "90", "højde": "80", "status": status, **more}
    return ";".join(values.get(column, "") for column in COLUMNS)


def count(workspace):
    with workspace.session() as session:
        return session.scalar(select(func.count(Item.id)))


def varied_items(session):
    """Items using every column: Danish letters, odd sizes, text that looks like a formula."""
    first = available_item(
        session,
        donation(
            name="Lænestol, «grøn» ; fløjl",
            category="laenestol",
            size=(75.5, 80.25, 101.0),
            colour="grøn",
            condition="as_new",
            whole=True,
            clean=True,
            smoke_free=True,
            notes='=1+1\nanden linje, "citat"',
            location="Lager Å/Zone 2/Hylde 3",
            value_ore=123_450,
            donor_name="Søren Ærø",
            donor_contact="+45 12 34 56 78",
        ),
    )
    second = create_item(session, donation(name="Seng", category="seng", pet_free=True), "Lise")
    third = create_item(
        session, donation(name="-Skab", category="klaedeskab", size=(0.5, 1, 2)), "L"
    )
    return [first, second, third]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_what_is_exported_is_imported_back_the_same(workspace, tmp_path, suffix):
    path = tmp_path / f"lager{suffix}"
    with workspace.session() as session:
        items = varied_items(session)
        before = {item.code: (data_of(item), item.status) for item in items}
        assert export_items(session, path) == 3
    with workspace.session() as session:  # everything changed after the export...
        for code in before:
            item = get_item(session, code)
            update_item(session, code, item.version, donation(name="Andet", location="X"), "Ole")
    with workspace.session() as session:  # ...and put back by importing it
        report = import_items(session, path, "Ole")
    assert (report.created, report.updated) == (0, 3)
    with workspace.session() as session:
        after = {c: (data_of(get_item(session, c)), get_item(session, c).status) for c in before}
    assert after == before


@pytest.mark.parametrize(
    ("lang", "header", "words", "foreign"),
    [
        ("da", "kode;navn;kategori", "Lænestol;75,5;80,25;101;grøn;Som ny;ja", ("yes", "no")),
        ("en", "code;name;category", "Armchair;75,5;80,25;101;grøn;As new;yes", ("ja", "nej")),
    ],
)
def test_an_export_speaks_one_language_and_comes_back_the_same(
    workspace, tmp_path, lang, header, words, foreign
):
    path = tmp_path / "lager.csv"
    with workspace.session() as session:
        items = varied_items(session)
        before = {item.code: (data_of(item), item.status) for item in items}
        reserve(session, items[0].code, *add_cases(session, "FBH-2026-001"), "Lise")
        export_items(session, path, lang)
        release(session, items[0].code, "Lise")
    text = path.read_text("utf-8-sig")
    first, row = list(csv.reader(io.StringIO(text), delimiter=";"))[:2]
    assert ";".join(first).startswith(header)
    assert words in ";".join(row) and row[-1] == tr("status.reserved", lang)
    assert not any(f";{word};" in text for word in (*foreign, "good", "as_new", "reserved"))
    reserved = tr("status.reserved", lang)
    path.write_text(text.replace(reserved, tr("status.available", lang)), "utf-8-sig")
    with workspace.session() as session:
        for code in before:
            item = get_item(session, code)
            update_item(session, code, item.version, donation(name="Andet", location="X"), "Ole")
    with workspace.session() as session:
        import_items(session, path, "Ole")
    with workspace.session() as session:
        after = {c: (data_of(get_item(session, c)), get_item(session, c).status) for c in before}
    assert after == before


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_rows_without_codes_become_new_items_with_the_same_values(workspace, tmp_path, suffix):
    path, blank = tmp_path / f"lager{suffix}", tmp_path / f"uden-koder{suffix}"
    with workspace.session() as session:
        originals = [(data_of(i), i.status) for i in varied_items(session)]
        export_items(session, path)
    _blank_codes(path, blank)
    with workspace.session() as session:
        report = import_items(session, blank, "Ole")
        assert (report.created, report.updated) == (3, 0)
        created = session.scalars(select(Item).order_by(Item.id)).all()[3:]
        assert [(data_of(i), i.status) for i in created] == originals


def _blank_codes(source, target):
    if source.suffix == ".csv":
        lines = source.read_bytes().decode("utf-8-sig").split("\r\n")
        lines[1:] = [";" + line.split(";", 1)[1] if line else line for line in lines[1:]]
        target.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
        return
    from openpyxl import load_workbook

    book = load_workbook(source)
    for row in book.active.iter_rows(min_row=2):
        row[0].value = None
    book.save(target)


def test_every_bad_row_is_reported_and_nothing_is_imported(workspace, tmp_path):
    with workspace.session() as session:
        existing = available_item(session)
        code, version = existing.code, existing.version
    path = write_csv(
        tmp_path / "fejl.csv",
        [
            new_row("Sofa"),  # row 2 is fine
            new_row("Stol", bredde="tolv"),
            new_row("Raket", kategori="raket"),
            new_row(" "),
            new_row("Bord", kode="ZZZZZZ"),
            new_row("Seng", status="reserved"),
            new_row("Ny sofa", kode=code.lower()),  # row 8 is fine, an update
            new_row("Skab", bredde="-4", værdi="mange"),
        ],
    )
    before = count(workspace)
    with pytest.raises(ImportFailed) as failed, workspace.session() as session:
        import_items(session, path, "Lise")
    report = failed.value.report
    assert [(e.row, e.column) for e in report.errors] == [
        (3, "bredde"),
        (4, "kategori"),
        (5, "navn"),
        (6, "kode"),
        (7, "status"),
        (9, "bredde"),
        (9, "værdi"),
    ]
    assert report.failed_rows == 6
    assert failed.value.message.text("da") == "6 rækker har fejl; intet er importeret"
    assert report.errors[0].message.text("da") == "skal være et mål i cm, fx 12,5"
    assert count(workspace) == before
    with workspace.session() as session:
        assert (get_item(session, code).name, get_item(session, code).version) == (
            "Sofa, grå",
            version,
        )


def test_danish_numbers_money_dates_and_names_are_read(workspace, tmp_path):
    row = new_row(
        "Lænestol",
        kategori="Lænestol",
        bredde="75,5",
        stand="Som ny",
        hel="x",
        ren="1",
        røgfri="true",
        dyrefri="Ja",
        skadedyrsfri="nej",
        modtaget="1.11.2026",
        værdi="1.234,50 kr.",
        status="ledig",
    )
    with workspace.session() as session:
        import_items(session, write_csv(tmp_path / "dansk.csv", [row]), "Lise")
        item = session.scalars(select(Item)).one()
        data = data_of(item)
    assert (data.category, data.width, data.condition, item.status) == (
        "laenestol",
        75.5,
        "as_new",
        Status.AVAILABLE,
    )
    assert (data.whole, data.clean, data.smoke_free, data.pet_free, data.no_pests) == (
        (True,) * 4 + (False,)
    )
    assert (data.received_on, data.value_ore) == (dt.date(2026, 11, 1), 123_450)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_bom_encoding_and_delimiter_are_found(workspace, tmp_path, encoding, delimiter):
    row = new_row("Sofa grøn", bredde="200,5" if delimiter == ";" else "200.5")
    path = write_csv(tmp_path / "a.csv", [row], delimiter=delimiter, encoding=encoding)
    with workspace.session() as session:
        assert import_items(session, path, "Lise").created == 1
        data = data_of(session.scalars(select(Item)).one())
    assert (data.name, data.width) == ("Sofa grøn", 200.5)


def test_columns_left_out_keep_an_items_values(workspace, tmp_path):
    with workspace.session() as session:
        item = create_item(session, donation(location="Lager A", value_ore=500), "Lise")
        code = item.code
    path = write_csv(
        tmp_path / "navne.csv", [f"{code};Sofa, blå;sofa;200;90;80"], header=HEADER[:38]
    )
    with workspace.session() as session:
        assert import_items(session, path, "Ole").updated == 1
        data = data_of(get_item(session, code))
    assert (data.name, data.location, data.value_ore) == ("Sofa, blå", "Lager A", 500)


def test_an_import_makes_no_status_move_the_lifecycle_forbids(workspace, tmp_path):
    with workspace.session() as session:
        item = available_item(session)
        move(session, item, Status.REPAIR, "Lise")
        code = item.code
    path = write_csv(tmp_path / "a.csv", [new_row(kode=code, status="received")])
    with pytest.raises(ImportFailed) as failed, workspace.session() as session:
        import_items(session, path, "Lise")
    [error] = failed.value.report.errors
    assert (error.row, error.column) == (2, "status")
    assert "til reparation til modtaget" in error.message.text("da")


def _many_rows(path):
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER + "\n" + (new_row() + "\n") * (MAX_ROWS + 1))
    return path


def _sparse(path, size):
    with path.open("wb") as f:
        f.truncate(size)
    return path


def _zip(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d.joinpath("a.xlsx").write_bytes(os.urandom(5000)), "ikke et Excel"),
        (lambda d: _zip(d / "a.xlsx"), "ikke et Excel"),
        (lambda d: d.joinpath("a.csv").write_bytes(b"\x00\xff" * 999), "ikke en CSV"),
        (lambda d: _many_rows(d / "a.csv"), "for mange rækker"),
        (lambda d: _sparse(d / "a.csv", 2**30), "for stor"),
        (lambda d: write_csv(d / "a.csv", ["x;y"], header="name;size"), "mangler kolonnerne"),
        (lambda d: write_csv(d / "a.csv", [], header=HEADER + ";pris"), "ikke kender: pris"),
        (lambda d: d.joinpath("a.csv").write_bytes(b""), "tom"),
        (lambda d: d.joinpath("a.txt").write_text(HEADER), "hverken"),
        (lambda d: None, "kan ikke læses"),
    ],
)
def test_a_broken_or_hostile_file_ends_in_one_clear_message(workspace, tmp_path, make, words):
    make(tmp_path)
    path = next(tmp_path.glob("a.*"), tmp_path / "findes-ikke.csv")
    before = count(workspace)
    with pytest.raises(InventoryError) as refused, workspace.session() as session:
        import_items(session, path, "Lise")
    assert type(refused.value) is InventoryError
    assert words in refused.value.message.text("da")
    assert count(workspace) == before


def test_export_refuses_an_unknown_suffix_and_a_place_it_cannot_write(workspace, tmp_path):
    with pytest.raises(InventoryError) as refused, workspace.session() as session:
        export_items(session, tmp_path / "lager.ods")
    assert "hverken" in refused.value.message.text("da")
    folder = tmp_path / "ud" / "mappe.csv"
    folder.mkdir(parents=True)  # a folder cannot be overwritten by a file
    with pytest.raises(InventoryError) as refused, workspace.session() as session:
        export_items(session, folder)
    assert "kan ikke gemmes" in refused.value.message.text("da")
    assert list(folder.parent.iterdir()) == [folder]  # and nothing left behind


def test_a_workbook_too_large_unpacked_is_refused_before_it_is_unpacked(
    workspace, tmp_path, monkeypatch
):
    monkeypatch.setattr(sheets, "MAX_UNPACKED", 1_000_000)
    path = tmp_path / "bombe.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * 2_000_000)  # packs to 2 kB
    with pytest.raises(InventoryError) as refused, workspace.session() as session:
        import_items(session, path, "Lise")
    assert "pakket ud" in refused.value.message.text("da")


def test_text_longer_than_its_database_column_is_a_row_error_not_a_crash(workspace, tmp_path):
    row = new_row(farve="grå" * 50, placering="Lager A/" + "H" * 81)
    with pytest.raises(ImportFailed) as failed, workspace.session() as session:
        import_items(session, write_csv(tmp_path / "a.csv", [row]), "Lise")
    assert [(e.row, e.column) for e in failed.value.report.errors] == [
        (2, "farve"),
        (2, "placering"),
    ]
    assert "højst 120 tegn" in failed.value.report.errors[0].message.text("da")


def test_control_characters_do_not_stop_an_export_to_a_workbook(workspace, tmp_path):
    from openpyxl import load_workbook

    with workspace.session() as session:
        create_item(session, donation(notes="ben\x0blimet"), "Lise")
        export_items(session, tmp_path / "lager.xlsx")
    sheet = load_workbook(tmp_path / "lager.xlsx").active
    assert sheet.cell(2, COLUMNS.index("noter") + 1).value == "benlimet"
