"""Printing the family's plan from the window: Ctrl+P on a case's plan previews the pages, the
choices rebuild them (budget inside, address only when ticked, never remembered), and the
document is saved as a PDF or printed through the print dialog."""

import datetime as dt
import io

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton

from hjem.budget.demo import add_demo_case
from hjem.cases.cases import set_address
from hjem.cases.demo import DEMO_CASE
from hjem.inventory.demo import fill_demo
from tests.ui.driver import LEFT, choose_file, read_message_box, when_dialog

ADDRESS = "Tulipanvej 3, 9990 Fuglby"


@pytest.fixture
def case_plan_open(window):
    with window.workspace().session() as session:
        fill_demo(session, "Demo")
        add_demo_case(session, "Mette", dt.date(2026, 11, 20))
        set_address(session, DEMO_CASE.code, ADDRESS)
    assert window.open_case_plan(DEMO_CASE.code)
    window.activateWindow()
    return window


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def built_anew(dialog, qtbot, change):
    """Make a change in the dialog and wait for the pages built from it."""
    with qtbot.waitSignal(dialog.pdf_did_change, timeout=10_000):
        change()
    return dialog.pdf


def test_ctrl_p_previews_the_family_copy_and_the_choices_rebuild_it(
    case_plan_open, qtbot, tmp_path
):
    window = case_plan_open
    seen = {}
    out = tmp_path / "out"
    out.mkdir()

    def answer(dialog):
        qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=10_000)
        family = dialog.pdf
        pages = len(pypdf.PdfReader(io.BytesIO(family)).pages)
        seen["pages"] = (pages, len(dialog.findChildren(QLabel, "handover_page")))
        seen["family"] = text_of(family)
        inside = built_anew(dialog, qtbot, lambda: click(dialog.internal))
        seen["internal"] = text_of(inside)
        with_address = built_anew(dialog, qtbot, lambda: click(dialog.address))
        seen["address"] = text_of(with_address)
        choose_file(out / "til-familien")
        click(dialog.save_button)
        click(dialog.findChild(QPushButton, "handover_close"))

    when_dialog(answer)
    press_ctrl_p(window, qtbot)

    pages, previewed = seen["pages"]
    assert pages >= 4 and previewed == pages
    assert "Jeres nye hjem" in seen["family"] and DEMO_CASE.alias in seen["family"]
    assert "Tulipanvej" not in seen["family"] and "budget" not in seen["family"].lower()
    assert "budget" in seen["internal"].lower() and "Tulipanvej" not in seen["internal"]
    assert "Tulipanvej" in seen["address"]
    saved = out / "til-familien.pdf"
    assert "Tulipanvej" in text_of(saved.read_bytes())
    assert [p.name for p in out.iterdir()] == ["til-familien.pdf"]  # and no temporary file


def test_the_address_box_starts_unticked_in_every_print(case_plan_open, qtbot):
    window = case_plan_open
    ticked = []

    def answer(dialog):
        ticked.append(dialog.address.isChecked())
        qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=10_000)
        built_anew(dialog, qtbot, lambda: click(dialog.address))
        dialog.reject()

    for _ in range(2):
        when_dialog(answer)
        press_ctrl_p(window, qtbot)
    assert ticked == [False, False]


def test_the_plan_goes_to_the_printer_page_by_page(case_plan_open, qtbot, tmp_path):
    window = case_plan_open
    printed = {}

    def answer(dialog):
        qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=10_000)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printer.pdf"))
        when_dialog(lambda print_dialog: print_dialog.accept())  # the print dialog: Print
        printed["ok"] = dialog.print_pages(printer)
        printed["pages"] = len(pypdf.PdfReader(io.BytesIO(dialog.pdf)).pages)
        dialog.reject()

    when_dialog(answer)
    press_ctrl_p(window, qtbot)
    assert printed["ok"]
    assert len(pypdf.PdfReader(tmp_path / "printer.pdf").pages) == printed["pages"]


def test_a_case_without_a_plan_says_so_in_the_dialog(window, qtbot):
    from hjem.cases.cases import CaseData, create_case

    with window.workspace().session() as session:
        create_case(session, CaseData("FBH-2026-031", "Familien Tom"))
    said = []

    def answer(dialog):
        said.append(dialog.status.text())
        said.append(dialog.save_button.isEnabled())
        dialog.reject()

    when_dialog(answer)
    window.printing.print_case("FBH-2026-031")
    assert "ingen møbleret plan" in said[0] and said[1] is False


def press_ctrl_p(window, qtbot):
    window.activateWindow()  # back in the editor, as after closing a dialog with the mouse
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.session.editor.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def click(widget):
    QTest.mouseClick(widget, LEFT)


def test_a_case_gone_meanwhile_is_said_and_no_dialog_opens(window):

    seen = []
    read_message_box(seen)
    window.printing.print_case("FBH-2026-404")
    assert "FBH-2026-404" in seen[0] and window.handover_dialog is None
