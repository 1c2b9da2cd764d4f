"""Every box that takes a date shows and reads it one way, the way `format_day` writes a day
("24.12.2026" in Danish, "24/12/2026" in English): the visit's date and a donation's date
received alike. The boxes are all made by `hjem.ui.dates`. Real key events."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from hjem.i18n import format_day, set_language
from hjem.ui.cases.case_tabs import VisitDialog
from hjem.ui.dates import date_input_format
from hjem.ui.inventory.form import DonationDialog
from tests.conftest import ROOT
from tests.ui.driver import LEFT, NONE, type_text

CHRISTMAS = dt.date(2026, 12, 24)


@pytest.fixture(params=["da", "en"])
def lang(request):
    set_language(request.param)
    yield request.param
    set_language("da")


@pytest.fixture
def boxes(qtbot, lang):
    """The date box of each form that has one, by form."""
    visit = VisitDialog(None)
    donation = DonationDialog(None, lambda data, photos: None)
    for dialog in (visit, donation):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    yield {"visit": visit.date, "donation": donation.received}  # the dialogs live on meanwhile


def _type_day(box, digits: str) -> None:
    """Click the box's first section (the day) and type the date's digits."""
    box.window().activateWindow()
    QTest.mouseClick(box, LEFT, NONE, QPoint(8, box.height() // 2))
    type_text(box, digits)


def test_every_date_box_shows_a_day_as_format_day_writes_it(boxes):
    for name, box in boxes.items():
        assert box.displayFormat() == date_input_format(), name
        assert box.text() == format_day(dt.date.today()), name
        assert box.calendarPopup(), name


def test_a_day_typed_the_reader_s_way_is_the_day_kept(boxes):
    typed = format_day(CHRISTMAS)  # 24.12.2026 / 24/12/2026
    for name, box in boxes.items():
        _type_day(box, re.sub(r"\D", "", typed))  # the separators are the box's own
        assert box.text() == typed, name
        assert dt.date(*box.date().getDate()) == CHRISTMAS, name


def test_date_boxes_are_made_in_one_place():
    """A date box made elsewhere could show another format: only hjem/ui/dates.py makes one."""
    makers = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "hjem").rglob("*.py")
        if re.search(r"\bQDate(Time)?Edit\(|setDisplayFormat\(", path.read_text())
    }
    assert makers == {"hjem/ui/dates.py"}
