"""The budget as CSV and Excel, read back: its lines and totals, and never the address."""

import csv
import datetime as dt
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from hjem.budget.export import danish_number, export_budget
from hjem.budget.lines import add_service_line, lines_of, set_line_status, sync_plan_lines
from hjem.budget.schemes import BudgetError
from hjem.cases.cases import CaseData, create_case
from hjem.cases.errors import CaseNotFound
from hjem.floorplan.model import ORIGIN, Placement, Plan
from hjem.i18n import set_language
from hjem.inventory.placing import placement_for
from tests.inventory.helpers import available_item, donation

CODE = "FBH-2026-020"
CANARY = "CANARY-ADR-7f3a"
HEADER = [
    *("Beskrivelse", "Kategori", "Kilde", "Kontant", "Genbrug (værdi)", "Støtteordning"),
    *("Status", "Søgt", "Bevilget", "Betalt", "Bemærkning"),
]
EXAMPLE = "Eksempel: opstartsstøtte"


@pytest.fixture
def budget(workspace):
    """A case whose address is the canary, with a donated sofa, a bed to buy (applied for),
    a moving van over its limit, and a line someone typed as a formula."""
    with workspace.session() as session:
        create_case(session, CaseData(CODE, "Familien Sol", "Aarhus"), address=CANARY)
        sofa = available_item(session, donation(value_ore=150_000))
        bed = Placement("p2", "Seng", "seng", 90, 200, 50, ORIGIN, price_ore=149_950)
        sync_plan_lines(session, CODE, Plan(placements=(placement_for(sofa, "p1"), bed)))
        bed_line = next(line for line in lines_of(session, CODE) if line.placement_id == "p2")
        set_line_status(session, bed_line.id, "applied", dt.date(2026, 3, 5))
        add_service_line(session, CODE, "Flyttebil", "flytning", 450_000)
        add_service_line(session, CODE, "=HYPERLINK(1)", "andet", 1_000)
    return workspace


def no_address_read(workspace):
    """Fail if any statement while it is active names the address column."""
    statements = []

    def seen(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(workspace.engine, "before_cursor_execute", seen)
    return statements, lambda: event.remove(workspace.engine, "before_cursor_execute", seen)


def export(workspace, path):
    statements, stop = no_address_read(workspace)
    try:
        with workspace.session() as session:
            count = export_budget(session, CODE, path)
    finally:
        stop()
    assert statements and not [s for s in statements if "address" in s.lower()]
    return count


def test_the_csv_has_the_lines_the_totals_and_never_the_address(budget, tmp_path):
    path = tmp_path / "budget.csv"
    assert export(budget, path) == 4
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and CANARY.encode() not in data
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == [f"Budget for sag {CODE} (Familien Sol) – støtteordning: {EXAMPLE}"]
    assert rows[2] == HEADER
    assert [row[:7] for row in rows[3:7]] == [
        ["Sofa, grå", "Basale møbler og udstyr", "Planen", "0,00", "1500,00", EXAMPLE, "planlagt"],
        ["Seng", "Basale møbler og udstyr", "Planen", "1499,50", "0,00", EXAMPLE, "søgt"],
        ["Flyttebil", "Flytning", "Ydelse", "4500,00", "0,00", EXAMPLE, "planlagt"],
        ["'=HYPERLINK(1)", "Andet", "Ydelse", "10,00", "0,00", EXAMPLE, "planlagt"],
    ]
    assert rows[4][7:10] == ["2026-03-05", "", ""]
    totals = {row[0]: row[1:] for row in rows[9:18] if row}
    assert totals["Flytning"] == ["4500,00", "0,00", "0,00", "4000,00", "-500,00", "ja"]
    assert totals["Basale møbler og udstyr"][:5] == [
        "1499,50",
        "1500,00",
        "0,00",
        "8000,00",
        "6500,50",
    ]
    assert totals["I alt"] == ["6009,50", "1500,00", "0,00", "25000,00", "18990,50", ""]
    warnings = rows[rows.index(["Advarsler"]) + 1 :]
    assert any("Flytning: 4.500,00" in row[0] for row in warnings)


def test_the_workbook_has_numbers_in_kroner_and_never_the_address(budget, tmp_path):
    path = tmp_path / "budget.xlsx"
    export(budget, path)
    with zipfile.ZipFile(path) as archive:
        assert not [n for n in archive.namelist() if CANARY.encode() in archive.read(n)]
    sheet = load_workbook(path).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[2] == HEADER
    assert rows[4][:4] == ["Seng", "Basale møbler og udstyr", "Planen", Decimal("1499.5")]
    assert rows[4][7].date() == dt.date(2026, 3, 5)
    assert sheet.cell(5, 4).number_format == '#,##0.00 "kr."'
    formula = sheet.cell(7, 1)
    assert formula.value == "=HYPERLINK(1)" and formula.data_type == "s"
    total = next(row for row in rows if row[0] == "I alt")
    assert total[1:6] == [Decimal("6009.5"), 1500, 0, 25000, Decimal("18990.5")]
    assert sheet.cell(rows.index(total) + 1, 1).font.bold


def test_headers_follow_the_language(budget, tmp_path):
    set_language("en")
    try:
        export(budget, tmp_path / "budget.csv")
    finally:
        set_language("da")
    rows = list(
        csv.reader((tmp_path / "budget.csv").read_text("utf-8-sig").splitlines(), delimiter=";")
    )
    assert rows[2][:4] == ["Description", "Category", "Source", "Cash"]


def test_a_wrong_file_or_case_is_said_and_nothing_is_left_behind(budget, tmp_path):
    with pytest.raises(BudgetError) as refused, budget.session() as session:
        export_budget(session, CODE, tmp_path / "budget.pdf")
    assert refused.value.message.text() == "budget.pdf: vælg en fil, der ender på .csv eller .xlsx"
    with pytest.raises(BudgetError), budget.session() as session:
        export_budget(session, CODE, tmp_path / "missing" / "budget.csv")
    with pytest.raises(CaseNotFound), budget.session() as session:
        export_budget(session, "NOPE", tmp_path / "budget.csv")
    (tmp_path / "budget.csv").write_text("old")
    export(budget, tmp_path / "budget.csv")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file() and "budget" in p.name) == [
        "budget.csv"
    ]


def test_danish_numbers():
    assert [danish_number(n) for n in (0, 5, 123_450, -150, 100_000_000)] == [
        "0,00",
        "0,05",
        "1234,50",
        "-1,50",
        "1000000,00",
    ]
