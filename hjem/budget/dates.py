"""Dates as people type them: "31.12.2026" (the Danish way), "31-12-2026", "31/12/2026" or
"2026-12-31"; written back the reader's way by `hjem.i18n.format_day`."""

from __future__ import annotations

import datetime as dt
import re

_DAY_FIRST = re.compile(r"^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$")


def parse_day(text: str) -> dt.date | None:
    """The date in `text`, None for an empty text; ValueError if it is not a date."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if match := _DAY_FIRST.match(cleaned):
        day, month, year = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    return dt.date.fromisoformat(cleaned)
