"""Spreadsheet files in and out: CSV (UTF-8 with BOM and semicolons, as Danish Excel expects;
UTF-8 or cp1252 and ; or , when read) and XLSX. Nothing read is trusted: files are capped in
size and rows, an XLSX in what it unpacks to, and a broken file ends in one InventoryError.
Files are written whole or not at all (`hjem.atomic`), and a failed write says why."""

from __future__ import annotations

import csv
import errno
import gc
import io
import re
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from hjem.atomic import write_bytes_atomically
from hjem.i18n import Message, msg
from hjem.inventory.errors import InventoryError

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024  # an XLSX is a ZIP; zipfile reads no more than it declares
MAX_ROWS = 100_000
MAX_COLUMNS = 40
MAX_CELL = 32_767  # characters: Excel's own limit for one cell
# What a spreadsheet may take for the start of a formula: Excel and LibreOffice read the
# full-width forms an East Asian keyboard types (＝＋－＠) and the small forms as well.
FORMULA_START = (
    *("=", "+", "-", "@", "\t", "\r"),
    *("\uff1d", "\uff0b", "\uff0d", "\uff20"),
    *("\ufe66", "\ufe62", "\ufe63", "\ufe6b"),
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what openpyxl refuses to store


def kind(path: Path) -> str:
    """ "csv" or "xlsx", by the file's suffix."""
    found = path.suffix.lower().lstrip(".")
    if found not in ("csv", "xlsx"):
        raise InventoryError(msg("transfer.error.format", file=path.name))
    return found


def disk_full(error: OSError) -> bool:
    """Whether a write failed for want of room (or of the quota, or a file-size limit)."""
    return error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


def write_problem(error: OSError, path: Path) -> Message:
    """What to tell a person whose file could not be written: a full disk is not a file open
    in another program (only a refusal to open it might be)."""
    if disk_full(error):
        return msg("import_export.error.disk_full", file=path.name)
    if isinstance(error, PermissionError):  # Windows says this of a file open in Excel too
        return msg("transfer.error.cannot_write", file=path.name)
    return msg("import_export.error.cannot_write", file=path.name)


def write_file(path: Path, make: Callable[[], bytes]) -> None:
    """What `make` makes in place of `path`, whole or not at all; InventoryError saying why
    not (making a workbook writes temporary files, so it may find the disk full too)."""
    try:
        write_bytes_atomically(path, make())
    except OSError as error:
        raise InventoryError(write_problem(error, path)) from None


def csv_bytes(header: Sequence[str], rows: list[list[str]]) -> bytes:
    """A CSV file as Danish Excel reads it: UTF-8 with a BOM, semicolons."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue().encode("utf-8-sig")


def workbook_bytes(book: Any) -> bytes:
    """An openpyxl workbook saved in memory, then written by the caller: saved straight to a
    file, a full disk leaves openpyxl's ZIP writer open, and Python prints its failure to
    close on stderr later. openpyxl still writes each sheet to a temporary file first; if
    that fails, what it leaves open is closed here, quietly, and the file removed."""
    from openpyxl.worksheet import _writer

    data, before = io.BytesIO(), set(_writer.ALL_TEMP_FILES)
    with _quiet_finalizers():
        try:
            book.save(data)
            return data.getvalue()
        except OSError as error:  # copied without its frames, which hold openpyxl's writer
            failure = OSError(error.errno, error.strerror)
    for name in set(_writer.ALL_TEMP_FILES) - before:
        Path(name).unlink(missing_ok=True)
        _writer.ALL_TEMP_FILES.remove(name)
    raise failure


@contextmanager
def _quiet_finalizers() -> Iterator[None]:
    """Objects dropped inside are finalized inside, their errors not printed ("Exception
    ignored in ..."): openpyxl's sheet writer fails again when it is closed on a full disk."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        yield
    finally:
        gc.collect()
        sys.unraisablehook = hook


def xlsx_bytes(header: Sequence[str], rows: list[list[Any]], formats: dict[str, str]) -> bytes:
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
    return workbook_bytes(book)


# A character of two to four bytes in UTF-8: a file holding one was written as UTF-8.
_UTF8_LETTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _decoded(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), or cp1252 as Danish Excel's plain "CSV
    (semikolonsepareret)" writes. A UTF-8 file with a stray byte is not read as cp1252: all
    its æøå would turn into "Ã¦Ã¸Ã¥" and its columns go missing."""
    if b"\0" in data:  # no text file holds one
        raise InventoryError(msg("transfer.error.not_csv", file=path.name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if data.startswith(b"\xef\xbb\xbf") or _UTF8_LETTER.search(data):
            line = data.count(b"\n", 0, error.start) + 1
            raise InventoryError(
                msg("import_export.error.not_utf8", file=path.name, line=line)
            ) from None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        raise InventoryError(msg("transfer.error.not_csv", file=path.name)) from None


def _read_csv(path: Path) -> list[list[Any]]:
    text = _decoded(path.read_bytes(), path)
    header = text.partition("\n")[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    # Long cells are read and refused by name (row, column, MAX_CELL), not as a broken file;
    # the file's own size cap bounds them. The limit is the csv module's, for every reader.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
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
