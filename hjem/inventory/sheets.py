"""Spreadsheet files in and out: CSV (UTF-8 with BOM and semicolons, as Danish Excel expects;
UTF-8 or cp1252 and ; or , when read) and XLSX. Nothing read is trusted: files are capped in
size and rows, an XLSX in what it unpacks to, and a broken file ends in one InventoryError."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from hjem.i18n import msg
from hjem.inventory.errors import InventoryError

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024  # an XLSX is a ZIP; zipfile reads no more than it declares
MAX_ROWS = 100_000
MAX_COLUMNS = 40
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what Excel would take for a formula
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what openpyxl refuses to store


def kind(path: Path) -> str:
    """ "csv" or "xlsx", by the file's suffix."""
    found = path.suffix.lower().lstrip(".")
    if found not in ("csv", "xlsx"):
        raise InventoryError(msg("transfer.error.format", file=path.name))
    return found


def write_csv(path: Path, header: Sequence[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)


def write_xlsx(
    path: Path, header: Sequence[str], rows: list[list[Any]], formats: dict[str, str]
) -> None:
    """A workbook of one sheet; text cells stay text (never a formula), columns get `formats`."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one plain worksheet
    sheet.title = "Genstande"
    sheet.append(list(header))
    for row in rows:
        sheet.append([CONTROL.sub("", v) if isinstance(v, str) else v for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell, column in zip(cells, header, strict=True):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, whatever it starts with
            cell.number_format = formats.get(column, "")
    sheet.freeze_panes = "A2"
    book.save(path)


def _read_csv(path: Path) -> list[list[Any]]:
    data = path.read_bytes()
    try:
        if b"\0" in data:  # no text file holds one
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
                raise InventoryError(msg("transfer.error.unpacked", limit=MAX_UNPACKED // 2**20))
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            sheet.reset_dimensions()  # a file's own claim of its size is not trusted
            rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
            return [list(row) for row in islice(rows, MAX_ROWS + 2)]
        finally:
            book.close()
    except InventoryError:
        raise
    except Exception:  # a broken workbook fails in openpyxl, zipfile or XML in many ways
        raise InventoryError(msg("transfer.error.not_xlsx", file=path.name)) from None


def read_rows(path: Path) -> list[list[Any]]:
    """Every row of the file (the header first), within the limits."""
    reader = _read_csv if kind(path) == "csv" else _read_xlsx
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
