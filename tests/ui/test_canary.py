"""The canary: a unique address typed into a new case must turn up nowhere but, encrypted, in
the workspace database after a whole session of work: not in a log (every logger at DEBUG, SQL
statements included), a temporary file, the recovery file, the settings, an exported plan or
budget, a file name, the workspace file's or its WAL's bytes as they lie on the disk, or what
the command line prints. Only the one print that asks for the address has it. Once the case
is erased, not even the workspace's pages decrypted with the key hold it."""

import logging
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from hjem.cases.cases import address_of
from hjem.cli import main
from hjem.floorplan.hjemfile import load_plan, save_plan
from hjem.inventory.demo import fill_demo
from hjem.ui.cases.budget_tab import BudgetTab
from tests.conftest import ROOT
from tests.sqlcipher_pages import found_in_pages
from tests.ui.driver import choose_file, type_text, when_dialog
from tests.ui.test_furnish_apartment import find_a_spot
from tests.workspace_file import session_key

CANARY = "Kanarievej 7Q3ZX, 4. th., 9990 Fuglby"
TOKEN = "7Q3ZX"  # the part no encoding changes
CODE = "FBH-2026-777"
DATABASE_FILES = ("workspace.sqlite", "workspace.sqlite-wal", "workspace.sqlite-shm")


@pytest.fixture
def session_folders(tmp_path, monkeypatch):
    """Temporary files and logs of the session go below tmp_path, where they can be read."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    (tmp_path / "exports").mkdir()
    log = tmp_path / "logs" / "session.log"
    log.parent.mkdir()
    handler = logging.FileHandler(log, encoding="utf-8")
    root, engine = logging.getLogger(), logging.getLogger("sqlalchemy")
    levels = (root.level, engine.level)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    engine.setLevel(logging.DEBUG)  # every statement, every pool event
    qt_log = logging.getLogger("qt")
    qInstallMessageHandler(lambda _kind, _context, message: qt_log.debug(message))
    yield tmp_path
    qInstallMessageHandler(None)
    root.removeHandler(handler)
    handler.close()
    root.setLevel(levels[0])
    engine.setLevel(levels[1])


def test_the_address_of_a_family_leaks_nowhere_in_a_whole_session(
    window, session_folders, qtbot, capsys
):
    folder = session_folders
    with window.workspace().session() as session:
        fill_demo(session, "Demo")
    create_case_with_address(window, qtbot)
    case_window = window.cases.open[CODE]

    empty = folder / "plans" / "tom.hjem"
    empty.parent.mkdir()
    save_plan(replace(load_plan(ROOT / "assets/samples/3-vaerelser.hjem"), placements=()), empty)
    choose_file(empty)
    click(case_window.findChild(QAbstractButton, "case_import_plan"))
    click(case_window.findChild(QAbstractButton, "case_open_plan"))
    assert window.document.case_code == CODE

    find_a_spot(window, qtbot, "sofa", "Stue")
    find_a_spot(window, qtbot, "seng", "Soveværelse")
    window.activateWindow()  # back in the editor after the message boxes
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.session.editor.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.document.is_modified
    find_a_spot(window, qtbot, "skrivebord", "Børneværelse")
    window.autosave()  # the unsaved edit goes to the recovery file

    budget = case_window.budget_tab.findChild(BudgetTab)
    for name in ("budget.xlsx", "budget.csv"):
        choose_file(folder / "exports" / name)
        click(budget.findChild(QAbstractButton, "budget_export"))
    asked = folder / "asked" / "with-address.pdf"
    asked.parent.mkdir()
    choose_file(folder / "exports" / "plan")
    click(case_window.findChild(QAbstractButton, "case_export_plan"))
    for command in (
        ["case", "list"],
        ["case", "list", "--json"],
        ["budget", "export", CODE, "-o", str(folder / "exports" / "cli-budget.csv")],
        ["handover", CODE, "-o", str(folder / "exports" / "handover.pdf"), "--internal"],
        ["handover", CODE, "-o", str(asked), "--with-address"],  # this one print asks for it
    ):
        assert main(command) == 0
    printed = capsys.readouterr()

    exports = sorted(p.name for p in (folder / "exports").iterdir())
    assert exports == ["budget.csv", "budget.xlsx", "cli-budget.csv", "handover.pdf", "plan.hjem"]
    assert list(window.recovery.folder.iterdir()), "the recovery file is there to be read"
    assert (folder / "logs" / "session.log").stat().st_size > 10_000, "the log was written"
    assert CODE in printed.out and TOKEN not in printed.out + printed.err
    with window.workspace().session() as session:
        assert address_of(session, CODE) == CANARY
    database = folder / "data" / "workspace.sqlite"
    assert found_in_pages(session_key(), database, TOKEN), "the workspace holds it, encrypted"
    assert holds_canary(asked), "the print that asked for the address has it"
    asked.unlink()
    looked_at = [p for p in folder.rglob("*") if p.is_file()]  # the workspace and its WAL too
    assert {name for name in DATABASE_FILES} <= {p.name for p in looked_at}
    assert len(looked_at) >= 11
    assert [p for p in looked_at if TOKEN in str(p) or holds_canary(p)] == []

    erase_in_the_case_window(window, qtbot, case_window)
    assert not found_in_pages(session_key(), database, TOKEN), "erased from every page"
    looked_at = [p for p in folder.rglob("*") if p.is_file()]
    assert [p for p in looked_at if TOKEN in str(p) or holds_canary(p)] == []


def erase_in_the_case_window(window, qtbot, case_window):
    """*Slet sagen for altid …*, confirmed, then the summary closed: as the architect does."""
    done: list[str] = []

    def confirm(box):
        assert "Familien Kanarie" in box.text()
        when_dialog(lambda summary: (done.append(summary.text()), summary.accept()), tries=1000)
        click(box.button(QMessageBox.StandardButton.Yes))

    when_dialog(confirm)
    click(case_window.findChild(QPushButton, "case_erase"))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    qtbot.waitUntil(lambda: CODE not in window.cases.open)


def create_case_with_address(window, qtbot):
    """ "Ny sag …" from the start screen, the form filled in with real key presses."""

    def answer(dialog):
        for name, text in (("code", CODE), ("alias", "Familien Kanarie"), ("address", CANARY)):
            type_text(dialog.findChild(QLineEdit, f"case_{name}"), text)
        click(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))

    qtbot.waitUntil(lambda: window.cases.list is not None)
    when_dialog(answer)
    click(window.cases.list.new_button)
    qtbot.waitUntil(lambda: CODE in window.cases.open)


def holds_canary(path: Path) -> bool:
    """Whether the file holds the address in any form a reader could get it back from: its
    bytes in UTF-8 or UTF-16, the members of a zip (.hjem, .xlsx), the text of a PDF."""
    raw = path.read_bytes()
    if found_in(raw):
        return True
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return any(found_in(archive.read(member)) for member in archive.namelist())
    if raw.startswith(b"%PDF"):
        return TOKEN in "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return False


def found_in(raw: bytes) -> bool:
    return any(TOKEN.encode(encoding) in raw for encoding in ("utf-8", "utf-16-le", "utf-16-be"))


def click(widget):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
