"""The inventory in and out of spreadsheets: CSV (UTF-8 with BOM, semicolons, as Danish Excel
expects) or XLSX, chosen by the file's suffix. Photos are never exported.

Columns, in this order, named in the first row (in the export's language: Danish as here, or
English as `transfer.column.*` in the catalog says; an import reads either):
  kode                    the item's label code; empty for a new item
  navn                    name
  kategori                the category's name ("Klædeskab"); its slug and English name are read too
  bredde, dybde, højde    cm, the Danish way ("12,5"); "12.5" is read too
  farve                   colour/material
  stand                   condition, named in the export's language ("God"); either language and
                          the internal values (as_new, good, fair, worn) are read
  hel, ren, røgfri, dyrefri, skadedyrsfri    ja/nej or yes/no (x, 1/0, true/false are read too)
  noter                   notes
  modtaget                date received, ISO ("2026-11-01"); 1-11-2026 and 1.11.2026 are read too
  placering               place in storage, "Lager A/Zone 2/Hylde 3"
  værdi                   estimated value in kroner, "1.234,50"
  giver, giver_kontakt    the donor's name and contact
  status                  named in the export's language ("ledig"); only received or available
                          (modtaget/ledig) can be imported
In XLSX, sizes, value and date are real numbers and a date, so a spreadsheet can sort and sum.
Only navn, kategori, bredde, dybde and højde must be there; a column left out keeps an updated
item's value. A CSV cell that would start a formula in Excel is written after a "'".

Importing is all or nothing: every row is read and checked first, and if any has a problem
ImportFailed lists them all (row as the spreadsheet counts, header = row 1) and nothing is
written. Then a row without a code makes a new item; one with a code updates that item.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hjem.i18n import LANGUAGES, Message, catalog, current_language, msg, tr
from hjem.ids import ItemCode
from hjem.inventory import cells, sheets
from hjem.inventory.bulk import Change, save_changes
from hjem.inventory.category_names import CategoryNames
from hjem.inventory.cells import CellProblem
from hjem.inventory.codes import normalized
from hjem.inventory.errors import InventoryError
from hjem.inventory.items import ItemData, check, data_of
from hjem.inventory.models import Item, Status

FIELDS = {  # column → ItemData field
    **{"navn": "name", "kategori": "category", "bredde": "width", "dybde": "depth"},
    **{"højde": "height", "farve": "colour", "stand": "condition", "hel": "whole"},
    **{"ren": "clean", "røgfri": "smoke_free", "dyrefri": "pet_free", "skadedyrsfri": "no_pests"},
    **{"noter": "notes", "modtaget": "received_on", "placering": "location", "værdi": "value_ore"},
    **{"giver": "donor_name", "giver_kontakt": "donor_contact"},
}
COLUMNS = ("kode", *FIELDS, "status")
HEADER_KEYS = {"kode": "code", **FIELDS, "status": "status"}  # column → transfer.column.<key>
REQUIRED = ("navn", "kategori", "bredde", "dybde", "højde")
FLAGS = ("hel", "ren", "røgfri", "dyrefri", "skadedyrsfri")
SIZES = ("bredde", "dybde", "højde")
MAX_LISTED_ERRORS = 1000
# Every item with what a row of it shows, in a few queries rather than a few per item.
_ALL_ITEMS = select(Item).options(selectinload(Item.location), selectinload(Item.donor))
_PARSERS: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(FIELDS, cells.text),
    **dict.fromkeys(SIZES, cells.size),
    **dict.fromkeys(FLAGS, cells.flag),
    "stand": cells.condition,
    "modtaget": cells.date,
    "værdi": cells.money,
}


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet counts: the header is row 1
    column: str
    message: Message


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)  # the first MAX_LISTED_ERRORS
    failed_rows: int = 0  # all of them
    error_count: int = 0  # all of them, listed or not


class ImportFailed(InventoryError):
    def __init__(self, report: ImportReport):
        super().__init__(msg("transfer.error.failed", count=report.failed_rows))
        self.report = report


# Export


def _money_text(ore: int) -> str:
    kroner, rest = divmod(ore, 100)
    return f"{kroner:,}".replace(",", ".") + f",{rest:02d}"


def headers(lang: str) -> list[str]:
    """The first row of an export in `lang`."""
    return [tr(f"transfer.column.{HEADER_KEYS[column]}", lang) for column in COLUMNS]


def _values(item: Item, lang: str) -> list[Any]:
    """An item's row, its words (category, condition, status, yes/no) in `lang`."""
    data = data_of(item)
    category = catalog(lang).get(f"category.{data.category}.name", item.category.name)
    words = {"category": category, "condition": tr(f"condition.{data.condition}", lang)}
    values = [words.get(name, getattr(data, name)) for name in FIELDS.values()]
    said = [_yes_no(v, lang) if isinstance(v, bool) else v for v in values]
    return [item.code, *said, tr(f"status.{item.status}", lang)]


def _yes_no(value: bool, lang: str) -> str:
    return tr("transfer.yes" if value else "transfer.no", lang)


def _csv_cell(value: Any, column: str) -> str:
    if column == "værdi":
        return _money_text(value)
    if isinstance(value, float):  # as many decimals as it has, the Danish way: 12,5
        return format(Decimal(repr(value)), "f").removesuffix(".0").replace(".", ",")
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return "'" + text if text.startswith(sheets.FORMULA_START) else text


def _xlsx_cell(value: Any, column: str) -> Any:
    return Decimal(value) / 100 if column == "værdi" else value


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    texts = [[_csv_cell(v, c) for v, c in zip(row, COLUMNS, strict=True)] for row in rows]
    return sheets.csv_bytes(header, texts)


def _xlsx(header: list[str], rows: list[list[Any]]) -> bytes:
    values = [[_xlsx_cell(v, c) for v, c in zip(row, COLUMNS, strict=True)] for row in rows]
    value, received = header[COLUMNS.index("værdi")], header[COLUMNS.index("modtaget")]
    return sheets.xlsx_bytes(header, values, {value: "#,##0.00", received: "yyyy-mm-dd"})


def export_items(session: Session, path: str | os.PathLike[str], lang: str | None = None) -> int:
    """Write every item to a .csv or .xlsx file, headers and words in `lang` (the current
    language unless said); the number of items written."""
    path, lang = Path(path), lang or current_language()
    make = _csv if sheets.kind(path) == "csv" else _xlsx
    rows = [_values(item, lang) for item in session.scalars(_ALL_ITEMS.order_by(Item.id))]
    sheets.write_file(path, lambda: make(headers(lang), rows))  # made in memory, written whole
    return len(rows)


# Reading the file: every cell parsed, before the workspace is asked anything


def _column_names() -> dict[str, str]:
    """Each column under its name in every language, lower case."""
    return {
        tr(f"transfer.column.{key}", lang).lower(): column
        for column, key in HEADER_KEYS.items()
        for lang in LANGUAGES
    }


def _shown(names: list[str]) -> str:
    """Column names for a message, each cut short: a header cell may hold anything."""
    return ", ".join(name if len(name) <= 40 else name[:39] + "…" for name in names)


def _columns(header: list[Any]) -> dict[str, int]:
    """Where each column is, named in either language; columns with no name are ignored."""
    known = _column_names()
    written = [cells.text(cell).lower().lstrip("\ufeff") for cell in header]
    names = [known.get(name, name) for name in written]
    if missing := [name for name in REQUIRED if name not in names]:
        raise InventoryError(msg("transfer.error.missing_columns", columns=_shown(missing)))
    if unknown := [name for name in names if name and name not in COLUMNS]:
        raise InventoryError(msg("transfer.error.unknown_columns", columns=_shown(unknown)))
    if repeated := sorted({name for name in names if name and names.count(name) > 1}):
        raise InventoryError(msg("transfer.error.repeated_column", column=_shown(repeated[:1])))
    return {name: i for i, name in enumerate(names) if name}


@dataclass
class _Parsed:
    """A row with its cells read: the values of its fields, and the words (code, category,
    status) only the workspace can tell the meaning of."""

    row: int
    words: dict[str, str]
    fields: dict[str, Any]
    errors: list[RowError]


def _parsed(row: int, values: dict[str, Any]) -> _Parsed:
    parsed = _Parsed(row, {}, {}, [])
    for column, cell in values.items():
        try:
            if isinstance(cell, str) and len(cell) > sheets.MAX_CELL:
                limit = float(sheets.MAX_CELL)  # a float is written the reader's way: 32.767
                raise CellProblem("import_export.problem.cell_too_long", limit=limit)
            if column in _WORDS:
                parsed.words[column] = cells.text(cell)
            else:
                parsed.fields[FIELDS[column]] = _PARSERS[column](cell)
        except CellProblem as problem:
            parsed.errors.append(RowError(row, column, problem.message))
    return parsed


_WORDS = ("kode", "kategori", "status")


def _read(path: Path, tick: Progress) -> tuple[list[Any], dict[str, int], list[_Parsed]]:
    """The file's header, where its columns are, and its rows that are not blank, parsed."""
    header, *body = sheets.read_rows(path)
    columns = _columns(header)
    parsed = []
    for number, row_cells in enumerate(body, start=2):
        if number % 1000 == 0:
            tick(number - 1, 2 * len(body))
        if all(not cells.text(cell) for cell in row_cells):
            continue
        values = {c: row_cells[i] if i < len(row_cells) else None for c, i in columns.items()}
        parsed.append(_parsed(number, values))
    return header, columns, parsed


# Checking the rows against the workspace: its categories and the items the codes name


class _Context:
    """What rows are checked against: the categories, the items named, the codes seen."""

    def __init__(self, session: Session, rows: list[_Parsed]):
        self.categories = CategoryNames(session)
        named = {normalized(row.words.get("kode", "")) for row in rows} - {""}
        self.items = _items_named(session, sorted(named))
        self.seen: dict[ItemCode, int] = {}  # code → the row it was first seen on

    def category(self, typed: str) -> str:
        if not typed:
            raise CellProblem("inventory.problem.empty")
        slug = self.categories.slug(typed)
        if slug is None:
            raise CellProblem("inventory.problem.unknown_category", category=typed)
        return slug

    def code(self, typed: str, row: int) -> ItemCode | None:
        code = normalized(typed)
        if not code:
            return None
        if code not in self.items:
            raise CellProblem("transfer.problem.unknown_code", code=code)
        if code in self.seen:
            raise CellProblem("transfer.problem.repeated_code", code=code, row=self.seen[code])
        self.seen[code] = row
        return code


def _items_named(session: Session, codes: list[str]) -> dict[ItemCode, Item]:
    """The items with these codes, with all a row of them shows, a thousand per query."""
    items: dict[ItemCode, Item] = {}
    for start in range(0, len(codes), 1000):
        chunk = codes[start : start + 1000]
        items |= {i.code: i for i in session.scalars(_ALL_ITEMS.where(Item.code.in_(chunk)))}
    return items


# Where a new row starts from (its required columns replace all that matters), and what a
# field check() refused is set to, so that checking again finds the row's next problem.
_SAFE = ItemData(name="-", category="", width=1.0, depth=1.0, height=1.0)
_CHECKED_COLUMNS = {name: column for column, name in FIELDS.items()} | {"value": "værdi"}


def _check(row: int, data: ItemData) -> list[RowError]:
    errors: list[RowError] = []
    for _ in FIELDS:
        try:
            check(data)
            return errors
        except InventoryError as problem:
            params = dict(problem.message.params)  # check() names the field and the problem
            column = _CHECKED_COLUMNS[params["field"].key.rpartition(".")[2]]
            errors.append(RowError(row, column, params["problem"]))
            data = replace(data, **{FIELDS[column]: getattr(_SAFE, FIELDS[column])})
    return errors


def _row(parsed: _Parsed, context: _Context) -> tuple[Change, list[RowError]]:
    row, words, fields, errors = parsed.row, parsed.words, dict(parsed.fields), [*parsed.errors]
    code = item = None
    try:
        code = context.code(words.get("kode", ""), row)
        item = context.items[code] if code else None
    except CellProblem as problem:
        errors.append(RowError(row, "kode", problem.message))
    try:
        status = cells.status(words.get("status"), item.status if item else Status.RECEIVED)
    except CellProblem as problem:
        errors.append(RowError(row, "status", problem.message))
        status = Status.RECEIVED
    if "kategori" in words:
        try:
            fields["category"] = context.category(words["kategori"])
        except CellProblem as problem:
            errors.append(RowError(row, "kategori", problem.message))
    data = replace(data_of(item) if item else _SAFE, **fields)
    return Change(code, data, status), sorted(errors + _check(row, data), key=_place)


def _place(error: RowError) -> int:
    return COLUMNS.index(error.column)


def _checked(rows: list[_Parsed], context: _Context) -> tuple[list[Change], ImportReport]:
    report, changes = ImportReport(), []
    for parsed in rows:
        change, errors = _row(parsed, context)
        if errors:
            report.failed_rows += 1
            report.error_count += len(errors)
            report.errors += errors[: MAX_LISTED_ERRORS - len(report.errors)]
        changes.append(change)
    return changes, report


def _as_written(report: ImportReport, header: list[Any], columns: dict[str, int]) -> ImportReport:
    """The report with each column named as the file's first row names it."""
    written = {column: cells.text(header[i]).lstrip("\ufeff") for column, i in columns.items()}
    report.errors = [replace(e, column=written.get(e.column, e.column)) for e in report.errors]
    return report


# Importing

Progress = Callable[[int, int], None]  # (rows done, rows in all)


def import_items(
    session: Session, path: str | os.PathLike[str], who: str, progress: Progress | None = None
) -> ImportReport:
    """Create and update items from a .csv or .xlsx file, all or nothing: ImportFailed (with
    every problem found) before anything is written if any row is wrong. `progress` hears how
    far it got: the rows are counted twice, read and then saved.

    The file is read and every cell parsed before the workspace is asked anything; then a few
    queries, the rows checked, and the new items written in a few bulk INSERTs: a SQLite
    workspace is locked for writing only for that short while."""
    tick = progress or (lambda _done, _total: None)
    header, columns, rows = _read(Path(path), tick)
    context = _Context(session, rows)
    changes, report = _checked(rows, context)
    if report.failed_rows:
        raise ImportFailed(_as_written(report, header, columns))
    total = len(changes)
    report.created, report.updated = save_changes(
        session,
        changes,
        context.items,
        who,
        tr("transfer.reason"),
        lambda done: tick(total + done, 2 * total),
    )
    session.flush()
    return report
