"""The inventory in and out of spreadsheets: CSV (UTF-8 with BOM, semicolons, as Danish Excel
expects) or XLSX, chosen by the file's suffix. Photos are never exported.

Columns, in this order, named in the first row:
  kode                    the item's label code; empty for a new item
  navn                    name
  kategori                category slug ("sofa"); the category's name ("Sofa") is read too
  bredde, dybde, højde    cm, the Danish way ("12,5"); "12.5" is read too
  farve                   colour/material
  stand                   condition: as_new, good, fair or worn (their Danish names are read too)
  hel, ren, røgfri, dyrefri, skadedyrsfri    ja/nej (x, 1/0, true/false are read too)
  noter                   notes
  modtaget                date received, ISO ("2026-11-01"); 1-11-2026 and 1.11.2026 are read too
  placering               place in storage, "Lager A/Zone 2/Hylde 3"
  værdi                   estimated value in kroner, "1.234,50"
  giver, giver_kontakt    the donor's name and contact
  status                  received or available (modtaget/ledig are read too)
In XLSX, sizes, value and date are real numbers and a date, so a spreadsheet can sort and sum.
Only navn, kategori, bredde, dybde and højde must be there; a column left out keeps an updated
item's value. A CSV cell that would start a formula in Excel is written after a "'".

Importing is all or nothing: every row is read and checked first, and if any has a problem
ImportFailed lists them all (row as the spreadsheet counts, header = row 1) and nothing is
written. Then a row without a code makes a new item; one with a code updates that item.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice
from pathlib import Path
from typing import Any, cast

from sqlalchemy import String, select
from sqlalchemy.orm import Session

from hjem.i18n import LANGUAGES, Message, msg, tr
from hjem.inventory.codes import normalized
from hjem.inventory.errors import InventoryError
from hjem.inventory.items import ItemData, check, create_item, data_of, update_item
from hjem.inventory.lifecycle import BY_RESERVATION, allowed, move
from hjem.inventory.models import Category, Condition, Donor, Item, Location, Status
from hjem.money import parse_kroner

FIELDS = {  # column → ItemData field
    **{"navn": "name", "kategori": "category", "bredde": "width", "dybde": "depth"},
    **{"højde": "height", "farve": "colour", "stand": "condition", "hel": "whole"},
    **{"ren": "clean", "røgfri": "smoke_free", "dyrefri": "pet_free", "skadedyrsfri": "no_pests"},
    **{"noter": "notes", "modtaget": "received_on", "placering": "location", "værdi": "value_ore"},
    **{"giver": "donor_name", "giver_kontakt": "donor_contact"},
}
COLUMNS = ("kode", *FIELDS, "status")
REQUIRED = ("navn", "kategori", "bredde", "dybde", "højde")
FLAGS = ("hel", "ren", "røgfri", "dyrefri", "skadedyrsfri")
SIZES = ("bredde", "dybde", "højde")
MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024  # an XLSX is a ZIP: refuse a bomb before it is unpacked
MAX_ROWS = 100_000
MAX_LISTED_ERRORS = 1000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_YES, _NO = {"ja", "j", "x", "1", "true", "yes"}, {"nej", "n", "", "0", "false", "no"}
_NUMBER = re.compile(r"^\d+(,\d+)?$|^\d{1,3}(\.\d{3})+(,\d+)?$|^\d+\.\d+$")
_DANISH_DATE = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet counts: the header is row 1
    column: str
    message: Message

    def describe(self) -> Message:
        return msg("transfer.row_error", row=self.row, column=self.column, problem=self.message)


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)  # codes of the new items
    updated: list[str] = field(default_factory=list)  # codes of the changed items
    errors: list[RowError] = field(default_factory=list)  # the first MAX_LISTED_ERRORS
    failed_rows: int = 0


class ImportFailed(InventoryError):
    def __init__(self, report: ImportReport):
        count = report.failed_rows
        key = "transfer.error.failed_one" if count == 1 else "transfer.error.failed_many"
        super().__init__(msg(key, count=count))
        self.report = report


class _Bad(Exception):
    def __init__(self, key: str, **params: object):
        self.message = msg(key, **params)


def _kind(path: Path) -> str:
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("csv", "xlsx"):
        raise InventoryError(msg("transfer.error.format", file=path.name))
    return kind


# Export


def _decimal_text(value: float) -> str:
    text = format(Decimal(repr(float(value))), "f").removesuffix(".0")
    return text.replace(".", ",")


def _money_text(ore: int) -> str:
    kroner, rest = divmod(ore, 100)
    return f"{kroner:,}".replace(",", ".") + f",{rest:02d}"


def _values(item: Item) -> list[Any]:
    data = data_of(item)
    values: list[Any] = [item.code]
    values += [getattr(data, name) for name in FIELDS.values()]
    return [*values, item.status]


def _csv_cell(value: Any, column: str) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if column == "værdi":
        return _money_text(value)
    if isinstance(value, float):
        return _decimal_text(value)
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_csv(path: Path, rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(COLUMNS)
        writer.writerows(
            [_csv_cell(v, c) for v, c in zip(row, COLUMNS, strict=True)] for row in rows
        )


def _xlsx_cell(value: Any, column: str) -> Any:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    return Decimal(value) / 100 if column == "værdi" else value


def _write_xlsx(path: Path, rows: list[list[Any]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Genstande"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([_xlsx_cell(v, c) for v, c in zip(row, COLUMNS, strict=True)])
    for cells in sheet.iter_rows(min_row=2):
        for cell, column in zip(cells, COLUMNS, strict=True):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, whatever it starts with
            cell.number_format = {"værdi": "#,##0.00", "modtaget": "yyyy-mm-dd"}.get(column, "")
    sheet.freeze_panes = "A2"
    book.save(path)


def export_items(session: Session, path: str | os.PathLike[str]) -> int:
    """Write every item to a .csv or .xlsx file; the number of items written."""
    path = Path(path)
    writer = _write_csv if _kind(path) == "csv" else _write_xlsx
    rows = [_values(item) for item in session.scalars(select(Item).order_by(Item.id))]
    partial = path.with_name(f".{path.name}.partial")
    try:  # written beside, then moved in place: an old file is never half overwritten
        writer(partial, rows)
        partial.replace(path)
    except OSError:
        raise InventoryError(msg("transfer.error.cannot_write", file=path.name)) from None
    finally:
        partial.unlink(missing_ok=True)
    return len(rows)


# Reading a file


def _read_csv(path: Path) -> list[list[Any]]:
    data = path.read_bytes()
    try:
        if b"\0" in data:
            raise UnicodeError
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:  # what Danish Excel's plain "CSV (semikolonsepareret)" writes
            text = data.decode("cp1252")
    except UnicodeError:
        raise InventoryError(msg("transfer.error.not_csv", file=path.name)) from None
    header = text.partition("\n")[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return list(islice(reader, MAX_ROWS + 2))
    except csv.Error:
        raise InventoryError(msg("transfer.error.not_csv", file=path.name)) from None


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise InventoryError(msg("transfer.error.too_big", limit=MAX_BYTES // 2**20))
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            sheet.reset_dimensions()  # a file's own claim of its size is not trusted
            rows = sheet.iter_rows(max_col=len(COLUMNS) + 10, values_only=True)
            return [list(row) for row in islice(rows, MAX_ROWS + 2)]
        finally:
            book.close()
    except InventoryError:
        raise
    except Exception:  # a broken workbook fails in openpyxl, zipfile or XML in many ways
        raise InventoryError(msg("transfer.error.not_xlsx", file=path.name)) from None


def _read(path: Path) -> list[list[Any]]:
    reader = _read_csv if _kind(path) == "csv" else _read_xlsx
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InventoryError(msg("transfer.error.too_big", limit=MAX_BYTES // 2**20))
        rows = reader(path)
    except OSError:
        raise InventoryError(msg("transfer.error.cannot_read", file=path.name)) from None
    if len(rows) > MAX_ROWS + 1:
        raise InventoryError(msg("transfer.error.too_many_rows", limit=float(MAX_ROWS)))
    if not rows:
        raise InventoryError(msg("transfer.error.empty", file=path.name))
    return rows


def _columns(header: list[Any]) -> dict[str, int]:
    """Where each column is; columns with no name are ignored."""
    names = [_text(cell).lower().lstrip("\ufeff") for cell in header]
    if missing := [name for name in REQUIRED if name not in names]:
        raise InventoryError(msg("transfer.error.missing_columns", columns=", ".join(missing)))
    if unknown := [name for name in names if name and name not in COLUMNS]:
        raise InventoryError(msg("transfer.error.unknown_columns", columns=", ".join(unknown)))
    if repeated := sorted({name for name in names if name and names.count(name) > 1}):
        raise InventoryError(msg("transfer.error.repeated_column", column=repeated[0]))
    return {name: i for i, name in enumerate(names) if name}


# Reading a cell


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def _size(cell: Any) -> float:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell)
    text = re.sub(r"\s|cm$", "", _text(cell).lower())
    if not text:
        raise _Bad("inventory.problem.empty")
    if not _NUMBER.match(text):
        raise _Bad("transfer.problem.number")
    return float(text.replace(".", "").replace(",", ".") if "," in text else text)


def _flag(cell: Any) -> bool:
    text = _text(cell).lower()
    if text in _YES or text in _NO:
        return text in _YES
    raise _Bad("transfer.problem.flag")


def _date(cell: Any) -> dt.date | None:
    if isinstance(cell, dt.datetime | dt.date):
        return cell.date() if isinstance(cell, dt.datetime) else cell
    text = _text(cell)
    try:
        if found := _DANISH_DATE.match(text):
            day, month, year = map(int, found.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        raise _Bad("transfer.problem.date") from None


def _money(cell: Any) -> int:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return int((Decimal(repr(cell)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    ore = parse_kroner(_text(cell) or "0")
    if ore is None:
        raise _Bad("transfer.problem.money")
    return ore


def _names(prefix: str, values: Iterable[str]) -> dict[str, str]:
    """Each value under itself and its name in every language, lower case."""
    found = {value: value for value in values}
    for value in list(found):
        found |= {tr(f"{prefix}.{value}", lang).lower(): value for lang in LANGUAGES}
    return found


_CONDITIONS = _names("condition", [c.value for c in Condition])


def _condition(cell: Any) -> str:
    text = _text(cell).lower() or Condition.GOOD.value
    if text not in _CONDITIONS:
        raise _Bad("inventory.problem.unknown")
    return _CONDITIONS[text]


_PARSERS: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(SIZES, _size),
    **dict.fromkeys(FLAGS, _flag),
    "stand": _condition,
    "modtaget": _date,
    "værdi": _money,
}
_STATUSES = _names("status", [s.value for s in Status])


def _status(cell: Any, now: str) -> str:
    """The status a row asks for; `now` is the item's (received for a new item)."""
    text = _text(cell).lower()
    status = _STATUSES.get(text) if text else now
    if status is None:
        raise _Bad("inventory.problem.unknown")
    if status == now:
        return status
    if status not in (Status.RECEIVED, Status.AVAILABLE):
        raise _Bad("transfer.problem.status")
    if not allowed(now, status) or (now, status) in BY_RESERVATION:
        raise _Bad("transfer.problem.move", from_status=msg(f"status.{now}"), to_status=text)
    return status


# Checking a row


@dataclass(frozen=True)
class _Row:
    code: str | None
    data: ItemData
    status: str


class _Context:
    """What rows are checked against: the categories, the items there are, the codes seen."""

    def __init__(self, session: Session):
        self.categories: dict[str, str] = {}
        for slug, name in session.execute(select(Category.slug, Category.name)):
            self.categories |= {slug.lower(): slug, name.lower(): slug}
        self.items = {item.code: item for item in session.scalars(select(Item))}
        self.seen: dict[str, int] = {}  # code → the row it was first seen on

    def category(self, cell: Any) -> str:
        text = _text(cell)
        if not text:
            raise _Bad("inventory.problem.empty")
        if text.lower() not in self.categories:
            raise _Bad("inventory.problem.unknown_category", category=text)
        return self.categories[text.lower()]

    def code(self, cell: Any, row: int) -> str | None:
        code = normalized(_text(cell))
        if not code:
            return None
        if code not in self.items:
            raise _Bad("transfer.problem.unknown_code", code=code)
        if code in self.seen:
            raise _Bad("transfer.problem.repeated_code", code=code, row=self.seen[code])
        self.seen[code] = row
        return code


# Where a new row starts from (its required columns replace all that matters), and what a
# field check() refused is set to, so that checking again finds the row's next problem.
_SAFE = ItemData(name="-", category="", width=1.0, depth=1.0, height=1.0)
_CHECKED_COLUMNS = {name: column for column, name in FIELDS.items()} | {"value": "værdi"}


def _check(row: int, data: ItemData) -> list[RowError]:
    errors: list[RowError] = []
    for _ in FIELDS:
        try:
            check(data)
            return errors + _narrow(row, data)
        except InventoryError as problem:
            params = dict(problem.message.params)  # check() names the field and the problem
            column = _CHECKED_COLUMNS[params["field"].key.rpartition(".")[2]]
            errors.append(RowError(row, column, params["problem"]))
            data = replace(data, **{FIELDS[column]: getattr(_SAFE, FIELDS[column])})
    return errors


def _narrow(row: int, data: ItemData) -> list[RowError]:
    """check() allows 200 characters; some database columns hold fewer (PostgreSQL refuses)."""
    texts = [("farve", data.colour, Item.colour), ("giver", data.donor_name, Donor.name)]
    texts += [("giver_kontakt", data.donor_contact, Donor.contact)]
    texts += [("placering", part, Location.name) for part in data.location.split("/")]
    return [
        RowError(row, column, msg("inventory.problem.too_long", limit=limit))
        for column, text, attribute in texts
        if len(text.strip()) > (limit := cast(String, attribute.type).length or MAX_BYTES)
    ]


def _row(row: int, cells: dict[str, Any], context: _Context) -> tuple[_Row, list[RowError]]:
    errors: list[RowError] = []
    parsers = {**_PARSERS, "kategori": context.category}
    code = item = None
    try:
        code = context.code(cells.get("kode"), row)
        item = context.items[code] if code else None
        status = _status(cells.get("status"), item.status if item else Status.RECEIVED)
    except _Bad as bad:
        errors.append(RowError(row, "status" if item else "kode", bad.message))
        status = Status.RECEIVED
    values = {}
    for column in (column for column in FIELDS if column in cells):
        try:
            values[FIELDS[column]] = parsers.get(column, _text)(cells[column])
        except _Bad as bad:
            errors.append(RowError(row, column, bad.message))
    data = replace(data_of(item) if item else _SAFE, **values)
    return _Row(code, data, status), errors + _check(row, data)


# Importing


def _save(session: Session, row: _Row, context: _Context, who: str, report: ImportReport) -> None:
    item = context.items[row.code] if row.code else None
    if item is None:
        item = create_item(session, row.data, who)
        report.created.append(item.code)
    elif data_of(item) != row.data or item.status != row.status:
        if data_of(item) != row.data:
            item = update_item(session, item.code, item.version, row.data, who)
        report.updated.append(item.code)
    if item.status != row.status:
        move(session, item, Status(row.status), who, tr("transfer.reason"))


def import_items(session: Session, path: str | os.PathLike[str], who: str) -> ImportReport:
    """Create and update items from a .csv or .xlsx file, all or nothing: ImportFailed (with
    every problem found) before anything is written if any row is wrong."""
    header, *body = _read(Path(path))
    columns = _columns(header)
    context, report, rows = _Context(session), ImportReport(), []
    for number, cells in enumerate(body, start=2):
        if all(not _text(cell) for cell in cells):
            continue
        row, errors = _row(number, {c: _cell(cells, i) for c, i in columns.items()}, context)
        if errors:
            report.failed_rows += 1
            report.errors += errors[: MAX_LISTED_ERRORS - len(report.errors)]
        rows.append(row)
    if report.failed_rows:
        raise ImportFailed(report)
    for row in rows:
        _save(session, row, context, who, report)
    session.flush()
    return report


def _cell(cells: list[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None
