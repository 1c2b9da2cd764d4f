"""A volunteer's first home visit, end to end on a 1366 × 768 laptop, with real mouse and key
events: a new case from the start screen, its plan drawn (two rooms, doors, a window),
furnished by dragging donated items out of the Lager panel, the grant scheme's cap edited, the
budget checked against it, and the family's plan saved as a PDF from the print dialog."""

import io
from pathlib import Path

import pypdf
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabBar,
)

from hjem.budget.schemes import list_schemes
from hjem.cases.cases import list_cases
from hjem.floorplan.model import OpeningKind, RoomKind
from hjem.inventory.demo import fill_demo
from hjem.inventory.models import Status
from hjem.inventory.reservations import reserved_for
from hjem.ui.cases.budget_tab import BudgetTab
from hjem.ui.cases.scheme_editor import SchemeEditor
from hjem.ui.screen_fit import FRAME_ALLOWANCE
from tests.ui.driver import (
    LEFT,
    NONE,
    choose,
    click,
    key,
    read_message_box,
    type_text,
    viewport_point,
    when_dialog,
)

CASE, ALIAS = "FBH-2026-014", "Familien Sol"
CTRL = Qt.KeyboardModifier.ControlModifier
SOFA, BED, JUNIOR_BED = (
    "Sofa, 2-personers, blå velour",
    "Enkeltseng 90 × 200, fyr",
    "Juniorseng 70 × 160, hvid",
)
SHARED_WALL_X = 506  # the living room's right wall (12 cm, outside its 500 cm) is the bedroom's


def test_a_volunteers_first_home_visit(laptop_window, qtbot, tmp_path):
    window = laptop_window
    assert whole_on_screen(window)
    with window.workspace().session() as session:
        fill_demo(session)  # the demo inventory; the example scheme comes with every workspace
        assert [s.name for s in list_schemes(session)] == ["Eksempel: opstartsstøtte"]
        assert list_cases(session) == []

    case_window = new_case(window, qtbot)
    view = open_the_empty_plan(window, case_window, qtbot)
    draw_two_rooms(window, view, qtbot)
    put_in_doors_and_a_window(window, view, qtbot)
    furnish(window, view, qtbot)
    # Back in the editor (a click on its title bar), Ctrl+S keeps the plan in the case.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key(view, Qt.Key.Key_S, CTRL)
    assert window.document.undo_stack.isClean()
    check_the_reservations(window, case_window)
    raise_the_furniture_cap(window, qtbot)
    check_the_budget(case_window, qtbot)
    print_for_the_family(case_window, qtbot, tmp_path)


def new_case(window, qtbot):
    """*Ny sag …* on the start screen: number, alias, one adult and a child of 6–12, the
    example scheme; the case's window opens."""
    qtbot.waitUntil(lambda: window.cases.list is not None)
    cases = window.cases.list

    def fill_in(dialog):
        assert whole_on_screen(dialog)
        type_text(dialog.code, CASE)
        type_text(dialog.alias, ALIAS)
        type_text(dialog.architect, "Mette")
        QTest.mouseClick(dialog.adults, LEFT)
        key(dialog.adults, Qt.Key.Key_A, CTRL)
        type_text(dialog.adults, "1")
        choose(dialog.band, "6–12", qtbot.waitUntil)
        QTest.mouseClick(dialog.findChild(QAbstractButton, "case_add_child"), LEFT)
        choose(dialog.scheme, "Eksempel", qtbot.waitUntil)
        press(dialog, QDialogButtonBox.StandardButton.Save)

    answering(fill_in)
    QTest.mouseClick(cases.new_button, LEFT)
    assert cases.codes() == [CASE]
    case_window = window.cases.open[CASE]
    qtbot.waitExposed(case_window)
    assert whole_on_screen(case_window)
    assert case_window.windowTitle() == f"Sag {CASE} – {ALIAS}"
    facts = case_window.household.facts
    household = [facts[k].text() for k in ("adults", "children", "architect")]
    assert household == ["1", "6–12 år", "Mette"]
    assert facts["scheme"].text().startswith("Eksempel: opstartsstøtte")
    return case_window


def answering(answer):
    """Answer the next dialog with `answer`; a failed check in it closes the dialog, so the test
    fails (pytest-qt reports it) instead of waiting for ever on a dialog nobody answers."""

    def closing(dialog):
        try:
            answer(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    when_dialog(closing)


def whole_on_screen(window) -> bool:
    """The window and a real window manager's title bar and borders fit the laptop's screen."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    needs = window.geometry().size() + FRAME_ALLOWANCE
    return screen.contains(window.frameGeometry()) and needs.boundedTo(screen.size()) == needs


def press(dialog, button):
    QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(button), LEFT)


def tab(tabs, text):
    """Click the tab named `text` in a tab bar."""
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == text)
    QTest.mouseClick(tabs, LEFT, pos=tabs.tabRect(index).center())


def open_the_empty_plan(window, case_window, qtbot):
    tab(case_window.tabs.tabBar(), "Plan")
    assert "ingen plan" in case_window.plan.info.text()
    QTest.mouseClick(case_window.findChild(QAbstractButton, "case_open_plan"), LEFT)
    qtbot.waitUntil(lambda: window.is_editing)
    QApplication.processEvents()  # the panels dock and the view takes its size
    assert window.document.case_code == CASE and window.document.plan.case_code == CASE
    assert window.document.plan.rooms == ()
    return window.session.editor.view


def use_tool(window, name):
    """Click the tool's button on the tool bar."""
    toolbar = window.menus.toolbar
    QTest.mouseClick(toolbar.widgetForAction(window.menus.actions[f"tool:{name}"]), LEFT)


def draw_two_rooms(window, view, qtbot):
    """A 500 × 400 living room and a 350 × 400 bedroom beside it: a corner, then the size."""
    use_tool(window, "rect_room")
    for corner, size in (((0, 0), "500 x 400"), ((500, 0), "350 x 400")):
        click(view, *corner)  # the second one snaps onto the living room's corner
        type_text(view, size)
        key(view, Qt.Key.Key_Return)
    panel = window.session.properties
    bedroom = window.document.plan.rooms[1]
    qtbot.waitUntil(lambda: panel.element_id == bedroom.id)  # the new room, ready to name
    choose(panel.inputs["room_kind"], "Soveværelse", qtbot.waitUntil)

    plan = window.document.plan
    assert [(r.kind, r.polygon[0], r.polygon[2]) for r in plan.rooms] == [  # as typed
        (RoomKind.STUE, (0, 0), (500, 400)),
        (RoomKind.SOVEVAERELSE, (500, 0), (850, 400)),
    ]
    between = [w for w in plan.walls if w.start.x == w.end.x == SHARED_WALL_X]
    assert len(between) == 1  # shared, not doubled
    assert len(plan.walls) == 7  # 4 around the living room, 3 more for the bedroom


def put_in_doors_and_a_window(window, view, qtbot):
    use_tool(window, "door")
    click(view, 520, 100)  # the shared wall, clicked on the bedroom's side: it opens in there
    click(view, 100, 395)  # the living room's outer wall below: the way in
    panel = window.session.properties
    entrance = window.document.selection[0]
    qtbot.waitUntil(lambda: panel.element_id == entrance)
    QTest.mouseClick(panel.inputs["entrance"], LEFT)  # Hoveddør
    use_tool(window, "window")
    click(view, 250, 5)  # the living room's outer wall above

    plan = window.document.plan
    inner, front, glass = plan.openings
    assert [o.kind for o in plan.openings] == [OpeningKind.DOOR] * 2 + [OpeningKind.WINDOW]
    assert plan.wall_of(inner).start.x == SHARED_WALL_X and not inner.entrance
    assert plan.entrance() == front and plan.wall_of(front).start.y == 406
    assert plan.wall_of(glass).start.y == -6


def drag_from_lager(window, qtbot, name, to):
    """Find the item in the Lager panel, press on its row and drag it onto plan point `to`.
    Offscreen Qt ends a drag at once, so its data is carried over the plan by hand: entering
    from the panel's side, moving, dropping. The offer to reserve it is answered yes."""
    panel, view = window.session.furnishing.panel, window.session.editor.view
    QTest.mouseClick(panel.search, LEFT)
    key(panel.search, Qt.Key.Key_A, CTRL)
    type_text(panel.search, name)
    key(panel.search, Qt.Key.Key_Return)
    assert panel.rows and panel.rows[0].name.startswith(name)
    listing = panel.list
    row = listing.visualItemRect(listing.item(0)).center()
    QTest.mousePress(listing.viewport(), LEFT, NONE, row)
    for step in range(1, 6):
        QTest.mouseMove(listing.viewport(), row + QPoint(10 * step, 2 * step))
    QTest.mouseRelease(listing.viewport(), LEFT, NONE, row + QPoint(50, 10))
    (drag,) = listing.findChildren(QDrag)
    data, copy = drag.mimeData(), Qt.DropAction.CopyAction
    target = viewport_point(view, *to)
    start = QPoint(2, target.y())  # in over the plan's left edge, beside the panel
    for i in range(6):
        kind = QDragMoveEvent if i else QDragEnterEvent
        event = kind(start + (target - start) * i / 5, copy, data, LEFT, NONE)
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    offers = []
    read_message_box(offers)  # "Skal … reserveres til sag …?": its default button reserves
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(target), copy, data, LEFT, NONE))
    assert len(offers) == 1 and CASE in offers[0] and name in offers[0]


def furnish(window, view, qtbot):
    drag_from_lager(window, qtbot, SOFA, (250, 60))  # under the window
    drag_from_lager(window, qtbot, BED, (800, 110))  # in the bedroom's far corner
    drag_from_lager(window, qtbot, JUNIOR_BED, (810, 310))  # the child's, below it

    assert [p.label for p in window.document.plan.placements] == [SOFA, BED, JUNIOR_BED]
    tab(next(b for b in window.findChildren(QTabBar) if b.tabText(1) == "Møbelliste"), "Møbelliste")
    furniture = window.session.furnishing.furniture
    table, reserved = furniture.table, "reserveret til familien"
    standings = [f"{room} · {reserved}" for room in ("Stue", "Soveværelse", "Soveværelse")]
    rows = lambda: [table.item(r, 0).text().split("\n")[1] for r in range(table.rowCount())]  # noqa: E731
    qtbot.waitUntil(lambda: rows() == standings)  # looked up in the background
    assert furniture.total.text() == "I alt: 1.850,00\xa0kr."
    conflicts = window.session.conflicts
    qtbot.waitUntil(lambda: window.document.report.is_current)
    assert conflicts.list.count() == 0 and conflicts.summary.text() == "Ingen konflikter."


def check_the_reservations(window, case_window):
    """Each piece is its donated item, reserved for the family, as the Reservationer tab says."""
    pieces = sorted((p.inventory_item, p.label) for p in window.document.plan.placements)
    with window.workspace().session() as session:
        found = [(r.item.code, r.item.name, r.item.status) for r in reserved_for(session, CASE)]
    assert sorted(found) == [(*piece, Status.RESERVED) for piece in pieces]
    tab(case_window.tabs.tabBar(), "Reservationer")
    table = case_window.reservations.table
    listed = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert sorted(listed) == pieces


def raise_the_furniture_cap(window, qtbot):
    """*Indstillinger → Støtteordninger …*: the example's furniture cap 8.000 → 10.000 kr."""
    bar = window.menuBar()
    settings = next(a for a in bar.actions() if a.text().replace("&", "") == "Indstillinger")
    QTest.mouseClick(bar, LEFT, pos=bar.actionGeometry(settings).center())
    menu = settings.menu()
    qtbot.waitUntil(menu.isVisible)
    schemes = window.menus.actions["menu.schemes"]
    QTest.mouseClick(menu, LEFT, pos=menu.actionGeometry(schemes).center())
    editor = window.findChild(SchemeEditor)
    qtbot.waitExposed(editor)
    assert whole_on_screen(editor)
    assert editor.findChild(QListWidget, "scheme_list").count() == 1
    cap = editor.findChild(QLineEdit, "scheme_limit_basale_moebler")
    assert cap.text() == "8.000,00"
    QTest.mouseClick(cap, LEFT)
    key(cap, Qt.Key.Key_A, CTRL)
    type_text(cap, "10.000")
    QTest.mouseClick(editor.findChild(QPushButton, "scheme_save"), LEFT)
    assert editor.findChild(QLabel, "scheme_done").text() == "»Eksempel: opstartsstøtte« er gemt."
    editor.close()


def check_the_budget(case_window, qtbot):
    """The Budget tab sums the case against the edited scheme; a moving van is added."""
    tab(case_window.tabs.tabBar(), "Budget")
    budget = case_window.budget_tab.findChild(BudgetTab)
    assert "Eksempel: opstartsstøtte" in budget.heading.text()

    def answer(dialog):
        assert whole_on_screen(dialog)
        type_text(dialog.description, "Flyttebil")
        choose(dialog.category, "Flytning", qtbot.waitUntil)
        type_text(dialog.amount, "3.500")
        press(dialog, QDialogButtonBox.StandardButton.Ok)

    answering(answer)
    QTest.mouseClick(budget.findChild(QPushButton, "budget_add_service"), LEFT)
    qtbot.waitUntil(lambda: figures(budget)["Flytning"][0] == "3.500,00")
    rows = figures(budget)  # category: cash, donated (in kind), cap, left
    assert rows["Basale møbler og udstyr"] == ["0,00", "1.850,00", "10.000,00", "10.000,00"]
    assert rows["Flytning"] == ["3.500,00", "0,00", "4.000,00", "500,00"]
    assert rows["I alt"] == ["3.500,00", "1.850,00", "25.000,00", "21.500,00"]
    lines = budget.lines
    described = sorted(lines.item(r, 0).text() for r in range(lines.rowCount()))
    assert described == sorted(["Flyttebil", SOFA, BED, JUNIOR_BED])
    assert budget.warnings.text() == ""


def figures(budget):
    table = budget.totals
    cells = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    return {row[0]: [cell.replace("\xa0kr.", "") for cell in row[1:]] for row in cells}


def print_for_the_family(case_window, qtbot, tmp_path):
    """The Plan tab's print button: the family's copy, with how to reach the architect, saved
    as a PDF under the name the dialog suggests."""
    tab(case_window.tabs.tabBar(), "Plan")
    seen = {}

    def save_as_suggested(file_dialog):
        seen["suggested"] = Path(file_dialog.selectedFiles()[0]).name
        file_dialog.selectFile(str(tmp_path / seen["suggested"]))
        file_dialog.accept()

    def answer(dialog):
        assert whole_on_screen(dialog)
        assert not dialog.internal.isChecked() and not dialog.address.isChecked()
        QTest.mouseClick(dialog.contact, LEFT)
        type_text(dialog.contact, "mette@example.org")
        qtbot.waitUntil(
            lambda: dialog.pdf is not None and "mette@example.org" in text_of(dialog.pdf),
            timeout=10_000,
        )
        when_dialog(save_as_suggested)
        QTest.mouseClick(dialog.save_button, LEFT)
        seen["status"] = dialog.status.text()
        QTest.mouseClick(dialog.findChild(QPushButton, "handover_close"), LEFT)

    answering(answer)
    QTest.mouseClick(case_window.findChild(QAbstractButton, "case_print_plan"), LEFT)

    # Named by the case's number, never the family's alias.
    assert seen["suggested"] == f"plan-{CASE}.pdf"
    assert seen["status"] == f"Gemt som plan-{CASE}.pdf."
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == [f"plan-{CASE}.pdf"]
    pages = pypdf.PdfReader(tmp_path / f"plan-{CASE}.pdf").pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    for wanted in ("Jeres nye hjem", ALIAS, "Mette", "mette@example.org", "Stue", "Soveværelse"):
        assert wanted in text
    for name in (SOFA, BED, JUNIOR_BED):
        assert name in text  # on the plan's list, the room pages and the delivery checklist
    assert "Leveringsdag" in text and len(pages) == 5  # cover, home, 2 rooms, checklist
    assert CASE not in text  # the family's copy knows them by their alias only
    assert "budget" not in text.lower() and "kr." not in text  # no figures for the family


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
