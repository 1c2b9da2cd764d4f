"""Date entry boxes, one format everywhere: every box that takes a date is made here and shows
its date as `i18n.format_day` writes one ("02.12.2026" in Danish, "02/12/2026" in English), so
a day reads the same in a box, in a table and on a printout."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from hjem.i18n import LOCALES, current_language, language


def date_input_format(lang: str | None = None) -> str:
    """A date box's display format in Qt's notation: "dd.MM.yyyy" in Danish, "dd/MM/yyyy" in
    English (the locale's short date, as `format_day` writes it, with a four-digit year)."""
    from babel.dates import get_date_format  # Babel is heavy; load it only when needed

    pattern = get_date_format("short", locale=LOCALES[language(lang or current_language())])
    return re.sub(r"y+", "yyyy", pattern.pattern)


def date_box(
    day: dt.date | None = None, name: str = "", parent: QWidget | None = None
) -> QDateEdit:
    """A box for one date (today when none is given), with a calendar to pick it from."""
    box = QDateEdit(parent)
    box.setCalendarPopup(True)
    box.setDisplayFormat(date_input_format())
    set_day(box, day or dt.date.today())
    if name:
        box.setObjectName(name)
    return box


def set_day(box: QDateEdit, day: dt.date) -> None:
    box.setDate(QDate(day.year, day.month, day.day))


def day_of(box: QDateEdit) -> dt.date:
    return dt.date(*box.date().getDate())
