"""Grant schemes to and from a JSON file, so a coordinator can hand a scheme on or keep it
beside the municipality's papers.

The file: `{"format": "hjem-grant-schemes", "schemes": [...]}`, each scheme with its name,
total limit and limits per category in kroner (a number or a text such as "2.500,00"), dates
as "2026-12-31", the rules as true/false, and notes. Importing checks the whole file before
anything is written, and names the scheme and field of the first problem; a scheme whose name
the workspace has is changed (a new version if budgets were approved under it), any other is
created. The file is written whole or not at all."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.atomic import write_atomically
from hjem.budget.models import GrantScheme, SchemeState
from hjem.budget.schemes import (
    CATEGORIES,
    BudgetError,
    SchemeData,
    check_scheme,
    list_schemes,
    save_scheme,
)
from hjem.i18n import Message, msg
from hjem.money import parse_kroner

FORMAT = "hjem-grant-schemes"
FIELDS = (
    *("name", "total", "limits", "limits_include_in_kind", "apply_before_purchase"),
    *("valid_from", "valid_to", "example", "notes", "version"),
)
MAX_FILE_BYTES = 5_000_000


def _kroner_text(ore: int) -> str:
    return f"{Decimal(ore) / 100:.2f}"


def scheme_document(data: SchemeData) -> dict[str, Any]:
    """One scheme as the file holds it."""
    return {
        "name": data.name,
        "total": _kroner_text(data.total_limit_ore),
        "limits": {category: _kroner_text(ore) for category, ore in data.limits.items()},
        "limits_include_in_kind": data.limits_include_in_kind,
        "apply_before_purchase": data.apply_before_purchase,
        "valid_from": data.valid_from.isoformat() if data.valid_from else None,
        "valid_to": data.valid_to.isoformat() if data.valid_to else None,
        "example": data.example,
        "notes": data.notes,
        "version": data.version,
    }


def schemes_text(schemes: list[SchemeData]) -> str:
    document = {"format": FORMAT, "schemes": [scheme_document(data) for data in schemes]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def chosen_schemes(session: Session, names: list[str]) -> list[SchemeData]:
    """The active and retired schemes by name (all of them when `names` is empty)."""
    schemes = list_schemes(session)
    if not names:
        return schemes
    by_name = {data.name.casefold(): data for data in schemes}
    missing = [name for name in names if name.strip().casefold() not in by_name]
    if missing:
        raise BudgetError(msg("scheme.error.no_such_name", name=missing[0]))
    return [by_name[name.strip().casefold()] for name in names]


def export_schemes(session: Session, path: str | os.PathLike[str], names: list[str]) -> int:
    """Write the schemes (all, or those named) to a JSON file; how many were written."""
    schemes = chosen_schemes(session, names)
    target = Path(path)
    text = schemes_text(schemes)
    try:
        write_atomically(target, lambda temporary: temporary.write_text(text, encoding="utf-8"))
    except OSError:
        raise BudgetError(msg("budget.error.cannot_write", file=target.name)) from None
    return len(schemes)


# Reading


class _Problem(Exception):
    def __init__(self, field: str, problem: Message):
        super().__init__(field)
        self.field, self.problem = field, problem


def _amount(value: Any, field: str) -> int:
    ore: int | None = None
    if isinstance(value, str):
        ore = parse_kroner(value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        try:
            exact = Decimal(str(value)) * 100
        except InvalidOperation:
            exact = Decimal("NaN")
        ore = int(exact) if exact.is_finite() and exact == exact.to_integral_value() else None
    if ore is None:
        raise _Problem(field, msg("scheme.file.bad_amount"))
    return ore


def _day(value: Any, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else _fail_day(field)
    except ValueError:
        return _fail_day(field)


def _fail_day(field: str) -> dt.date:
    raise _Problem(field, msg("scheme.file.bad_date"))


def _flag(value: Any, field: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise _Problem(field, msg("scheme.file.bad_flag"))
    return value


def _text(value: Any, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Problem(field, msg("scheme.file.bad_text"))
    return value


def _limits(value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Problem("limits", msg("scheme.file.bad_limits"))
    limits = {}
    for category, amount in value.items():
        if category not in CATEGORIES:
            problem = msg("budget.problem.unknown_category", category=category)
            raise _Problem(f"limits.{category}", problem)
        limits[category] = _amount(amount, f"limits.{category}")
    return limits


def _scheme(entry: Any) -> SchemeData:
    if not isinstance(entry, dict):
        raise _Problem("", msg("scheme.file.not_a_scheme"))
    if unknown := sorted(set(entry) - set(FIELDS)):
        raise _Problem(unknown[0], msg("scheme.file.unknown_field"))
    if "name" not in entry or "total" not in entry:
        field = "name" if "name" not in entry else "total"
        raise _Problem(field, msg("budget.problem.required"))
    return SchemeData(
        name=_text(entry["name"], "name"),
        total_limit_ore=_amount(entry["total"], "total"),
        limits=_limits(entry.get("limits")),
        valid_from=_day(entry.get("valid_from"), "valid_from"),
        valid_to=_day(entry.get("valid_to"), "valid_to"),
        apply_before_purchase=_flag(
            entry.get("apply_before_purchase"), "apply_before_purchase", True
        ),
        example=_flag(entry.get("example"), "example", False),
        notes=_text(entry.get("notes"), "notes"),
        limits_include_in_kind=_flag(
            entry.get("limits_include_in_kind"), "limits_include_in_kind", False
        ),
    )


def read_schemes(text: str, file: str) -> list[SchemeData]:
    """The schemes in a file's text, each checked; BudgetError naming the first problem."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BudgetError(msg("scheme.file.not_json", file=file, line=error.lineno)) from None
    entries = document.get("schemes") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        raise BudgetError(msg("scheme.file.no_schemes", file=file))
    schemes, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        try:
            data = _scheme(entry)
            check_scheme(data)
        except _Problem as problem:
            where = msg("scheme.file.field", field=problem.field) if problem.field else None
            raise BudgetError(_at(file, number, entry, problem.problem, where)) from None
        except BudgetError as refused:
            raise BudgetError(_at(file, number, entry, refused.message, None)) from None
        if data.name.strip().casefold() in seen:
            raise BudgetError(msg("scheme.file.twice", file=file, name=data.name.strip()))
        seen.add(data.name.strip().casefold())
        schemes.append(data)
    return schemes


def _at(file: str, number: int, entry: Any, problem: Message, where: Message | None) -> Message:
    name = entry.get("name") if isinstance(entry, dict) else None
    scheme = f" »{name}«" if isinstance(name, str) and name.strip() else ""
    if where is None:
        return msg("scheme.file.problem", file=file, number=number, scheme=scheme, problem=problem)
    return msg(
        "scheme.file.field_problem",
        file=file,
        number=number,
        scheme=scheme,
        where=where,
        problem=problem,
    )


@dataclass(frozen=True)
class Imported:
    created: int
    changed: int
    versioned: int  # changes kept as a new version: budgets were approved under the old one


def read_scheme_file(path: str | os.PathLike[str]) -> list[SchemeData]:
    source = Path(path)
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise BudgetError(msg("scheme.file.too_big", file=source.name))
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise BudgetError(msg("scheme.file.cannot_read", file=source.name)) from None
    return read_schemes(text, source.name)


def import_schemes(session: Session, path: str | os.PathLike[str]) -> Imported:
    """Create or change the schemes in the file, all or none (the caller's unit of work)."""
    schemes = read_scheme_file(path)
    created = changed = versioned = 0
    for data in schemes:
        existing = session.scalar(
            select(GrantScheme).where(
                GrantScheme.name == data.name.strip(),
                GrantScheme.state != SchemeState.SUPERSEDED.value,
            )
        )
        row = save_scheme(session, replace(data, id=existing.id if existing else None))
        if existing is None:
            created += 1
        elif row.id != existing.id:
            versioned += 1
        else:
            changed += 1
    return Imported(created, changed, versioned)
