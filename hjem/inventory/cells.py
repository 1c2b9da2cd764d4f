"""Reading spreadsheet cells the way people fill them in: Danish numbers ("12,5"), money
("1.234,50"), ja/nej, dates as 2026-11-01 or 1-11-2026, and names in either language for
conditions and statuses. A cell that cannot be read raises CellProblem with its message."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hjem.i18n import LANGUAGES, msg, tr
from hjem.inventory.items import MAX_SIZE_CM, MAX_VALUE_ORE
from hjem.inventory.lifecycle import BY_RESERVATION, allowed
from hjem.inventory.models import Condition, Status
from hjem.inventory.sheets import FORMULA_START
from hjem.money import format_kroner, parse_kroner

_YES, _NO = {"ja", "j", "x", "1", "true", "yes"}, {"nej", "n", "", "0", "false", "no"}
_NUMBER = re.compile(r"^\d+(,\d+)?$|^\d{1,3}(\.\d{3})+(,\d+)?$|^\d+\.\d+$")
_DANISH_DATE = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")


class CellProblem(Exception):
    def __init__(self, key: str, **params: object):
        self.message = msg(key, **params)


def text(cell: Any) -> str:
    """A cell as text, a 12.0 read as "12", the "'" that kept a formula off taken away."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    written = str(cell).strip()
    formula_guard = written.startswith("'") and written[1:].startswith(FORMULA_START)
    return written[1:] if formula_guard else written


def size(cell: Any) -> float:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if not abs(cell) <= MAX_SIZE_CM:  # an int of 400 digits is no float; NaN fails too
            raise CellProblem("inventory.problem.size", limit=round(MAX_SIZE_CM))
        return float(cell)
    typed = re.sub(r"\s|cm$", "", text(cell).lower())
    if not typed:
        raise CellProblem("inventory.problem.empty")
    if not _NUMBER.match(typed):
        raise CellProblem("transfer.problem.number")
    return float(typed.replace(".", "").replace(",", ".") if "," in typed else typed)


def flag(cell: Any) -> bool:
    typed = text(cell).lower()
    if typed in _YES or typed in _NO:
        return typed in _YES
    raise CellProblem("transfer.problem.flag")


def date(cell: Any) -> dt.date | None:
    if isinstance(cell, dt.datetime | dt.date):
        return cell.date() if isinstance(cell, dt.datetime) else cell
    typed = text(cell)
    try:
        if found := _DANISH_DATE.match(typed):
            day, month, year = map(int, found.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(typed) if typed else None
    except ValueError:
        raise CellProblem("transfer.problem.date") from None


def money(cell: Any) -> int:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if isinstance(cell, float) and not math.isfinite(cell):
            raise CellProblem("transfer.problem.money")
        if abs(cell) * 100 > MAX_VALUE_ORE:  # before Decimal, which has 28 digits only
            raise CellProblem("import_export.problem.value_too_large", limit=_most())
        return int((Decimal(repr(cell)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    ore = parse_kroner(text(cell) or "0")
    if ore is None:
        raise CellProblem("transfer.problem.money")
    if ore > MAX_VALUE_ORE:
        raise CellProblem("import_export.problem.value_too_large", limit=_most())
    return ore


def _most() -> str:
    return format_kroner(MAX_VALUE_ORE)


def _names(prefix: str, values: Iterable[str]) -> dict[str, str]:
    """Each value under itself and its name in every language, lower case."""
    found = {value: value for value in values}
    for value in list(found):
        found |= {tr(f"{prefix}.{value}", lang).lower(): value for lang in LANGUAGES}
    return found


_CONDITIONS = _names("condition", [c.value for c in Condition])
_STATUSES = _names("status", [s.value for s in Status])


def condition(cell: Any) -> str:
    typed = text(cell).lower() or Condition.GOOD.value
    if typed not in _CONDITIONS:
        raise CellProblem("inventory.problem.unknown")
    return _CONDITIONS[typed]


def status(cell: Any, now: str) -> str:
    """The status a row asks for; `now` is the item's (received for a new item)."""
    typed = text(cell).lower()
    wanted = _STATUSES.get(typed) if typed else now
    if wanted is None:
        raise CellProblem("inventory.problem.unknown")
    if wanted == now:
        return wanted
    if wanted not in (Status.RECEIVED, Status.AVAILABLE):
        raise CellProblem("transfer.problem.status")
    if not allowed(now, wanted) or (now, wanted) in BY_RESERVATION:
        raise CellProblem(
            "transfer.problem.move",
            from_status=msg(f"status.{now}"),
            to_status=msg(f"status.{wanted}"),
        )
    return wanted
