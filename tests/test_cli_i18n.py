"""`hjem i18n`: the status of every printout language, and the round trip through the
spreadsheet a volunteer translator fills in: a good sheet is written back whole, a broken one
is refused with every mistake named and nothing written."""

import tomllib

import pytest
from openpyxl import load_workbook

from hjem.i18n import PRINT_LANGUAGES
from hjem.resources import asset
from tests.conftest import hjem_in_process


@pytest.fixture
def hjem(monkeypatch, capsys, tmp_path):
    yield from hjem_in_process(monkeypatch, capsys, tmp_path / "data")


def _rows(sheet):
    header = [cell.value for cell in sheet[1]]
    return header, {(row[0].value, row[1].value or ""): row for row in sheet.iter_rows(min_row=3)}


def test_status_names_every_language_and_which_are_not_proofread(hjem):
    status, out = hjem("i18n", "status")
    assert status == 0
    lines = out.out.splitlines()
    assert [line.split()[0] for line in lines] == list(PRINT_LANGUAGES)
    assert "gennemlæst af" in lines[0] and "ikke gennemlæst" in lines[2]  # da, ar
    assert all("99 af 99" in line for line in lines)


def test_the_spreadsheet_has_a_column_per_language_the_note_beside_and_every_plural_form(
    hjem, tmp_path
):
    sheet_file = tmp_path / "oversaettelser.xlsx"
    status, out = hjem("i18n", "export", str(sheet_file))
    assert status == 0 and "99" in out.out
    header, rows = _rows(load_workbook(sheet_file)["Texts"])
    assert header == ["key", "form", "note", *PRINT_LANGUAGES]
    title = rows[("handover.title", "")]
    assert "Cover page" in title[2].value and title[5].value == "بيتكم الجديد"
    forms = [form for key, form in rows if key == "handover.room.items"]
    assert forms == ["zero", "one", "two", "few", "many", "other"]  # Arabic's six
    few = rows[("handover.room.items", "few")]
    assert few[header.index("uk")].value == "{count} предмети меблів"
    assert few[header.index("tr")].value is None  # Turkish has no such form: left empty


def test_a_sheet_read_back_unchanged_writes_the_same_catalogs(hjem, tmp_path):
    sheet_file = tmp_path / "sheet.xlsx"
    hjem("i18n", "export", str(sheet_file))
    status, out = hjem("i18n", "import", str(sheet_file), "--folder", str(tmp_path / "cat"))
    assert status == 0, out.err
    for lang in PRINT_LANGUAGES[2:]:
        written = (tmp_path / "cat" / lang / "printout.toml").read_text()
        assert written == asset("i18n", lang, "printout.toml").read_text(), lang


def test_a_translators_changes_and_sign_off_are_written(hjem, tmp_path):
    sheet_file = tmp_path / "sheet.xlsx"
    hjem("i18n", "export", str(sheet_file))
    book = load_workbook(sheet_file)
    header, rows = _rows(book["Texts"])
    rows[("handover.title", "")][header.index("tr")].value = "Yeni eviniz!"
    status_sheet = book["Status"]
    turkish = next(row for row in status_sheet.iter_rows(min_row=2) if row[0].value == "tr")
    turkish[2].value, turkish[3].value = "Ayşe Yılmaz", "2026-12-10"
    book.save(sheet_file)
    status, out = hjem("i18n", "import", str(sheet_file), "--folder", str(tmp_path / "cat"))
    assert status == 0, out.err
    written = tomllib.loads((tmp_path / "cat" / "tr" / "printout.toml").read_text())
    assert written["handover"]["title"] == "Yeni eviniz!"
    assert written["_meta"] == {"reviewed_by": "Ayşe Yılmaz", "date": "2026-12-10"}


def test_a_broken_sheet_is_refused_with_every_mistake_and_nothing_is_written(hjem, tmp_path):
    sheet_file = tmp_path / "sheet.xlsx"
    hjem("i18n", "export", str(sheet_file))
    book = load_workbook(sheet_file)
    header, rows = _rows(book["Texts"])
    rows[("handover.room.items", "few")][header.index("ar")].value = "قطع أثاث"  # no {count}
    rows[("handover.room.items", "few")][header.index("tr")].value = "{count} mobilya"
    rows[("handover.footer.page", "")][header.index("pl")].value = "Strona {page} z {pagse}"
    book.save(sheet_file)
    folder = tmp_path / "cat"
    status, out = hjem("i18n", "import", str(sheet_file), "--folder", str(folder))
    assert status == 2
    assert "intet er ændret" in out.err
    assert "column ar (handover.room.items)" not in out.err  # ar's mistake is its placeholder
    assert "column ar: handover.room.items: placeholders must be {count}" in out.err
    assert "column tr (handover.room.items): tr has no form 'few'" in out.err
    assert "column pl: handover.footer.page: placeholders must be {page, pages}" in out.err
    assert not folder.exists()


def test_a_file_that_is_no_spreadsheet_is_refused_clearly(hjem, tmp_path):
    bad = tmp_path / "sheet.xlsx"
    bad.write_text("not a spreadsheet")
    status, out = hjem("i18n", "import", str(bad), "--folder", str(tmp_path / "cat"))
    assert status == 2 and "sheet.xlsx: not an .xlsx spreadsheet" in out.err
    assert "Traceback" not in out.err
