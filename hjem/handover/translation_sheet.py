"""The printout's catalogs as a spreadsheet a volunteer translator can fill in, and back.

Sheet "Texts": one row per text (a counted text: one row per plural form), the note saying
where it appears, then one column per printout language. A form a language does not have is
greyed and stays empty. Sheet "Status": who proofread each language and when; a reviewer
signs off by filling in their name and the date.

Import checks the whole sheet first (every language's placeholders, plural forms, no stray
text where none belongs) and refuses it with every problem listed, writing nothing; a good
sheet is written as one catalog file per translated language, all renamed into place at the
end. Danish and English are hjem's own: their columns are for reference and are not read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hjem.atomic import write_atomically
from hjem.handover.translations import (
    NATIVE_NAMES,
    PRINTOUT_FILE,
    note_for,
    printout_catalog,
    printout_keys,
    review,
    template_problem,
    translated_languages,
)
from hjem.i18n import META_TABLE, PRINT_LANGUAGES, Template, catalog, plural_tags
from hjem.resources import asset

TEXTS, STATUS = "Texts", "Status"
FIXED = ("key", "form", "note")
FORM_ORDER = ("zero", "one", "two", "few", "many", "other")
NO_FORM = ""  # the form column of a text that is not counted
MAX_PROBLEMS = 20  # listed in the refusal; the rest are counted


class SheetRefused(ValueError):
    """The sheet cannot be taken in; `problems` says where and why, one per line."""

    def __init__(self, problems: list[str]):
        shown = problems[:MAX_PROBLEMS]
        if len(problems) > MAX_PROBLEMS:
            shown.append(f"… and {len(problems) - MAX_PROBLEMS} more")
        super().__init__("\n".join(shown))
        self.problems = problems


def _forms(key: str) -> tuple[str, ...]:
    """The rows a key takes: one, or one per plural form any printout language has."""
    if not isinstance(catalog("da")[key], dict):
        return (NO_FORM,)
    every = set().union(*(plural_tags(lang) for lang in PRINT_LANGUAGES))
    return tuple(form for form in FORM_ORDER if form in every)


def _cell(template: Template | None, form: str) -> str:
    if template is None:
        return ""
    if isinstance(template, dict):
        return template.get(form, "")
    return template if form == NO_FORM else ""


def export_sheet(path: Path) -> int:
    """Write the spreadsheet; returns how many texts it holds."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = TEXTS
    sheet.append([*FIXED, *PRINT_LANGUAGES])
    sheet.append(["", "", "", *(NATIVE_NAMES[lang] for lang in PRINT_LANGUAGES)])
    grey = PatternFill("solid", fgColor="D9D9D9")
    texts = {lang: printout_catalog(lang) for lang in PRINT_LANGUAGES}
    for key in printout_keys():
        for form in _forms(key):
            row = [key, form, note_for(key)]
            row += [_cell(texts[lang].get(key), form) for lang in PRINT_LANGUAGES]
            sheet.append(row)
            for index, lang in enumerate(PRINT_LANGUAGES, start=len(FIXED) + 1):
                if form != NO_FORM and form not in plural_tags(lang):
                    sheet.cell(sheet.max_row, index).fill = grey
    for cell in sheet[1] + sheet[2]:
        cell.font = Font(bold=True)
    for column, width in zip("ABC", (34, 8, 60), strict=True):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=3):
        for one in cells:
            one.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "D3"
    status = book.create_sheet(STATUS)
    status.append(["language", "name", "reviewed_by", "date"])
    for lang in PRINT_LANGUAGES:
        signed = review(lang)
        status.append([lang, NATIVE_NAMES[lang], signed.reviewed_by, signed.date])
    write_atomically(path, book.save)  # as every export: the whole sheet or none
    return len(printout_keys())


@dataclass(frozen=True)
class Imported:
    """What a good sheet holds: each translated language's texts and status."""

    texts: dict[str, dict[str, Template]]
    meta: dict[str, dict[str, str]]


def read_sheet(path: Path) -> Imported:
    """The sheet's texts, checked whole; SheetRefused listing every problem."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:  # not an .xlsx
        raise SheetRefused([f"{path.name}: not an .xlsx spreadsheet ({error})"]) from None
    if TEXTS not in book.sheetnames or STATUS not in book.sheetnames:
        raise SheetRefused([f"the sheets {TEXTS!r} and {STATUS!r} must both be there"])
    rows = [[_text(v) for v in row] for row in book[TEXTS].iter_rows(values_only=True)]
    status_rows = [[_text(v) for v in row] for row in book[STATUS].iter_rows(values_only=True)]
    book.close()
    problems: list[str] = []
    columns = _columns(rows[0] if rows else [], problems)
    if problems:
        raise SheetRefused(problems)
    cells = _cells(rows[2:], columns, problems)
    texts = {lang: _templates(lang, cells.get(lang, {}), problems) for lang in columns}
    meta = _meta(status_rows, problems)
    if problems:
        raise SheetRefused(problems)
    return Imported({lang: texts[lang] for lang in translated_languages()}, meta)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _columns(header: list[str], problems: list[str]) -> dict[str, int]:
    if tuple(header[: len(FIXED)]) != FIXED:
        problems.append(f"row 1 must start with the columns {', '.join(FIXED)}")
        return {}
    found = {name: index for index, name in enumerate(header) if index >= len(FIXED) and name}
    for name in found:
        if name not in PRINT_LANGUAGES:
            problems.append(f"row 1: {name!r} is not a printout language")
    for lang in translated_languages():
        if lang not in found:
            problems.append(f"row 1: the column {lang!r} is missing")
    return {lang: found[lang] for lang in translated_languages() if lang in found}


Cells = dict[str, dict[str, dict[str, tuple[int, str]]]]  # lang → key → form → (row, text)


def _cells(rows: list[list[str]], columns: dict[str, int], problems: list[str]) -> Cells:
    known = set(printout_keys())
    cells: Cells = {}
    seen: set[tuple[str, str]] = set()
    for number, row in enumerate(rows, start=3):
        key, form = [*row, "", ""][:2]
        if not key and not any(row):
            continue
        if key not in known:
            problems.append(f"row {number}: {key!r} is not a text of the printout")
            continue
        if form not in _forms(key):
            problems.append(f"row {number} ({key}): {form!r} is not one of its forms")
            continue
        if (key, form) in seen:
            problems.append(f"row {number} ({key} {form}): the text is there twice")
        seen.add((key, form))
        for lang, index in columns.items():
            text = row[index] if index < len(row) else ""
            if text.strip():
                cells.setdefault(lang, {}).setdefault(key, {})[form] = (number, text)
    return cells


def _templates(
    lang: str, cells: dict[str, dict[str, tuple[int, str]]], problems: list[str]
) -> dict[str, Template]:
    """A language's filled-in texts; an empty one is left out (`hjem i18n status` lists it)."""
    templates: dict[str, Template] = {}
    for key, forms in cells.items():
        first_row = min(row for row, _ in forms.values())
        if NO_FORM in forms:
            template: Template = forms[NO_FORM][1]
        else:
            stray = sorted(set(forms) - plural_tags(lang))
            if stray:
                problems.append(
                    f"row {forms[stray[0]][0]}, column {lang} ({key}): {lang} has no form "
                    f"{stray[0]!r}; leave it empty"
                )
                continue
            template = {form: text for form, (_, text) in forms.items()}
            if set(template) != plural_tags(lang):
                wanted = ", ".join(f for f in FORM_ORDER if f in plural_tags(lang))
                problems.append(
                    f"row {first_row}, column {lang} ({key}): fill in every form ({wanted}) or none"
                )
                continue
        problem = template_problem(key, template, lang)
        if problem is not None:
            problems.append(f"row {first_row}, column {lang}: {problem}")
            continue
        templates[key] = template
    return templates


def _meta(rows: list[list[str]], problems: list[str]) -> dict[str, dict[str, str]]:
    meta: dict[str, dict[str, str]] = {}
    for number, row in enumerate(rows[1:], start=2):
        lang, _name, reviewed_by, date = [*row, "", "", "", ""][:4]
        if lang not in translated_languages():
            continue
        if reviewed_by.strip() and not _is_date(date):
            problems.append(f"{STATUS}, row {number}: a review needs its date (YYYY-MM-DD)")
        meta[lang] = {"reviewed_by": reviewed_by.strip(), "date": date.strip()}
    return meta


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def catalog_text(lang: str, texts: dict[str, Template], meta: dict[str, str]) -> str:
    """A printout catalog file: its status, then every text in the printout's key order."""
    lines = [
        f"# {NATIVE_NAMES[lang]}: the family's printout only (hjem/handover/), as translators",
        "# fill it in (`hjem i18n export` / `hjem i18n import`, docs/languages.md). Where each",
        "# text appears: assets/i18n/notes/printout.toml. `_meta` says who proofread it, when.",
        f"{META_TABLE} = {{ reviewed_by = {_quoted(meta.get('reviewed_by', ''))}, "
        f"date = {_quoted(meta.get('date', ''))} }}",
        "",
    ]
    for key in printout_keys():
        template = texts.get(key)
        if isinstance(template, dict):
            forms = ", ".join(
                f"{form} = {_quoted(template[form])}" for form in FORM_ORDER if form in template
            )
            lines.append(f"{key} = {{ {forms} }}")
        elif template is not None:
            lines.append(f"{key} = {_quoted(template)}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


def write_catalogs(imported: Imported, folder: Path | None = None) -> list[Path]:
    """Each translated language's catalog file, all or none: every file is written beside its
    place first and renamed into place only when all are written."""
    root = folder or asset("i18n")
    staged: list[tuple[Path, Path]] = []
    try:
        for lang, texts in imported.texts.items():
            target = Path(root) / lang / f"{PRINTOUT_FILE}.toml"
            text = catalog_text(lang, texts, imported.meta.get(lang, {}))
            tomllib.loads(text)  # never write a file the loader cannot read
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            staged.append((Path(name), target))
    except BaseException:
        for written, _ in staged:
            written.unlink(missing_ok=True)
        raise
    for written, target in staged:
        os.replace(written, target)
    return [target for _, target in staged]
