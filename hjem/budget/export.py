"""A case's budget as a spreadsheet for the coordinator or the municipality: CSV (UTF-8 with
BOM, semicolons and amounts as "1234,50", as Danish Excel expects) or XLSX (amounts as numbers
in kroner), chosen by the file's suffix.

One sheet: a title naming the case by code and alias, the lines, the totals per category
against the scheme's limits, then the warnings. The case's address is never read here, so it
cannot reach the file. The file is written beside its place and moved in: an old file is never
half overwritten.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.atomic import write_atomically
from hjem.budget.arithmetic import BudgetSummary, CategoryTotal, Line
from hjem.budget.lines import budget_summary
from hjem.budget.models import GrantScheme
from hjem.budget.schemes import BudgetError
from hjem.cases.errors import CaseNotFound
from hjem.cases.models import Case
from hjem.db.audit import BUDGET_EXPORTED, record_case_action
from hjem.i18n import msg, tr
from hjem.ids import CaseCode
from hjem.inventory.sheets import CONTROL, FORMULA_START, disk_full, workbook_bytes

LINE_COLUMNS = (
    *("description", "category", "source", "cash", "in_kind", "scheme", "status"),
    *("applied_on", "approved_on", "paid_on", "note"),
)
TOTAL_COLUMNS = ("category", "cash", "in_kind", "other_cash", "limit", "remaining", "over")
KRONER_FORMAT = '#,##0.00 "kr."'
DATE_FORMAT = "yyyy-mm-dd"


class Ore(int):
    """An amount in a cell: written in kroner."""


Row = tuple[str, list[Any]]  # (style: title, header, line or total; the cells)


def danish_number(ore: int) -> str:
    """ "1234,50": kroner the way a Danish spreadsheet reads a number."""
    kroner, rest = divmod(abs(ore), 100)
    return f"{'-' if ore < 0 else ''}{kroner},{rest:02d}"


def _case_names(session: Session, code: CaseCode) -> tuple[CaseCode, str]:
    found = session.execute(select(Case.code, Case.alias).where(Case.code == code.strip()))
    row = found.first()
    if row is None:
        raise CaseNotFound(code)
    return row[0], row[1]


def _notes(summary: BudgetSummary) -> dict[int, str]:
    notes: dict[int, list[str]] = {}
    for warning in summary.warnings:
        if warning.line is not None:
            notes.setdefault(warning.line, []).append(tr(f"budget.note.{warning.kind.value}"))
    return {line: "; ".join(texts) for line, texts in notes.items()}


def _line_cells(line: Line, scheme_name: str, note: str) -> list[Any]:
    return [
        line.description,
        tr(f"budget_category.{line.category}"),
        tr(f"line_source.{line.source}"),
        Ore(line.cash_ore),
        Ore(line.in_kind_ore),
        scheme_name,
        tr(f"line_status.{line.status}"),
        *(line.applied_on, line.approved_on, line.paid_on, note),
    ]


def _total_cells(name: str, total: CategoryTotal | BudgetSummary) -> list[Any]:
    limit, remaining = total.limit_ore, total.remaining_ore
    return [
        *(name, Ore(total.cash_ore), Ore(total.in_kind_ore), Ore(total.other_cash_ore)),
        None if limit is None else Ore(limit),
        None if remaining is None else Ore(remaining),
        tr("budget.export.yes") if total.over else "",
    ]


def layout(
    summary: BudgetSummary, code: CaseCode, alias: str, schemes: dict[int, str]
) -> list[Row]:
    """The sheet, row by row, whatever the format."""
    title = tr("budget.export.title", code=code, alias=alias, scheme=summary.scheme.name)
    notes = _notes(summary)
    rows: list[Row] = [("title", [title]), ("blank", [])]
    rows.append(("header", [tr(f"budget.column.{c}") for c in LINE_COLUMNS]))
    for index, line in enumerate(summary.lines):
        scheme = summary.scheme.name if line.scheme_id is None else schemes.get(line.scheme_id, "")
        rows.append(("line", _line_cells(line, scheme, notes.get(index, ""))))
    rows += [("blank", []), ("header", [tr(f"budget.total.{c}") for c in TOTAL_COLUMNS])]
    for total in summary.categories:
        if total.cash_ore or total.in_kind_ore or total.other_cash_ore or total.limit_ore:
            name = tr(f"budget_category.{total.category}")
            rows.append(("line", _total_cells(name, total)))
    rows.append(("total", _total_cells(tr("budget.total.all"), summary)))
    if summary.warnings:
        rows += [("blank", []), ("header", [tr("budget.export.warnings")])]
        rows += [("line", [warning.message.text()]) for warning in summary.warnings]
    return rows


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Ore):
        return danish_number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text  # never a formula in Excel


def _write_csv(path: Path, rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerows([_csv_cell(value) for value in cells] for _, cells in rows)


def _write_xlsx(path: Path, rows: list[Row]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one plain worksheet
    sheet.title = tr("budget.export.sheet")
    for style, cells in rows:
        sheet.append([_xlsx_value(value) for value in cells])
        for cell, value in zip(sheet[sheet.max_row], cells, strict=False):
            if isinstance(value, str):
                cell.data_type = "s"  # text, never a formula, whatever it starts with
            cell.number_format = _number_format(value)
            cell.font = Font(bold=style in ("title", "header", "total"))
    sheet.column_dimensions["A"].width = 40
    for letter in "BCDEFGHIJK":
        sheet.column_dimensions[letter].width = 16
    path.write_bytes(workbook_bytes(book))  # never a ZIP writer left open by a full disk


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Ore):
        return Decimal(int(value)) / 100
    return CONTROL.sub("", value) if isinstance(value, str) else value


def _number_format(value: Any) -> str:
    if isinstance(value, Ore):
        return KRONER_FORMAT
    return DATE_FORMAT if isinstance(value, dt.date) else "General"


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Never half a file there (see `hjem.atomic`)."""
    try:
        write_atomically(path, write)
    except OSError as error:
        key = "import_export.error.disk_full" if disk_full(error) else "budget.error.cannot_write"
        raise BudgetError(msg(key, file=path.name)) from None


def export_budget(session: Session, case_code: CaseCode, path: str | os.PathLike[str]) -> int:
    """Write the case's budget to a .csv or .xlsx file; the number of lines written."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise BudgetError(msg("budget.error.format", file=target.name))
    code, alias = _case_names(session, case_code)
    # On a team server, one audit row; if the file cannot be written, it goes with the work.
    record_case_action(session, BUDGET_EXPORTED, code)
    summary = budget_summary(session, code)
    names = session.execute(select(GrantScheme.id, GrantScheme.name))
    schemes = {scheme_id: name for scheme_id, name in names}
    rows = layout(summary, code, alias, schemes)
    writer = _write_csv if suffix == ".csv" else _write_xlsx
    _write_atomically(target, lambda temporary: writer(temporary, rows))
    return len(summary.lines)
