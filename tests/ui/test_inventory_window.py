"""The inventory window: log a donation with photos, find it again by code, text and size."""

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QListWidget

from hjem.db.workspace import Workspace
from hjem.inventory.items import get_item
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Status
from hjem.ui.inventory.window import InventoryWindow
from hjem.ui.operations import Operations
from tests.ui.driver import choose, key, read_message_box, type_text, when_dialog


@pytest.fixture
def inventory(qtbot, tmp_path):
    workspace = Workspace(f"sqlite:///{tmp_path / 'workspace.sqlite'}")
    window = InventoryWindow(Operations.over(workspace), "Lise")
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    workspace.close()


def photo(tmp_path, name, colour):
    path = tmp_path / name
    Image.new("RGB", (1200, 900), colour).save(path, "JPEG")
    return path


def fill_in_donation(dialog, photos, qtbot):
    type_text(dialog.findChild(QLineEdit, "donation_name"), "Sofa, 3-personers, grøn")
    choose(dialog.category, "Sofa", qtbot.waitUntil)
    for name, value in (("width", "212"), ("depth", "91,5"), ("height", "84")):
        type_text(dialog.findChild(QLineEdit, f"donation_{name}"), value)
    type_text(dialog.findChild(QLineEdit, "donation_location"), "Lager Valby/Hal A/Reol 2")
    type_text(dialog.findChild(QLineEdit, "donation_value"), "1.250,50")
    drop_files(dialog, photos)


def drop_files(widget, paths):
    """Drag files from the desktop onto `widget`: enter, then drop, as Qt delivers a drag."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where, action = QPoint(10, 10), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(widget, QDragEnterEvent(where, action, mime, buttons, modifiers))
    QApplication.sendEvent(widget, QDropEvent(where.toPointF(), action, mime, buttons, modifiers))


def test_a_new_user_logs_a_donation_with_photos_and_finds_it_by_code_text_and_size(
    inventory, tmp_path, qtbot
):
    photos = [
        photo(tmp_path, "front.jpg", (40, 120, 60)),
        photo(tmp_path, "side.jpg", (40, 100, 60)),
    ]
    seen_photos = []

    def answer(dialog):
        fill_in_donation(dialog, photos, qtbot)
        seen_photos.append(dialog.findChild(QListWidget, "donation_photos").count())
        QTest.mouseClick(
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )

    when_dialog(answer)
    inventory.toolbar_actions["new"].trigger()
    assert seen_photos == [2]
    with inventory.operations.workspace().session() as session:
        (row,) = inventory.model.rows
        item = get_item(session, row.code)
        assert (item.name, item.category.slug, item.width, item.depth, item.value_ore) == (
            "Sofa, 3-personers, grøn",
            "sofa",
            212.0,
            91.5,
            125050,
        )
        assert len(item.photos) == 2 and max(item.photos[0].width, item.photos[0].height) <= 1600
        code = item.code

    search = inventory.findChild(QLineEdit, "inventory_search")
    for typed in (code.lower(), "grøn"):
        search.clear()
        type_text(search, typed)
        key(search, Qt.Key.Key_Return)
        assert [r.code for r in inventory.model.rows] == [code]
        assert inventory.selected_code() == code
        assert "Sofa, 3-personers, grøn" in inventory.details.facts.text()

    with inventory.operations.workspace().session() as session:
        move(session, get_item(session, code), Status.AVAILABLE, "Lise")
    search.clear()
    inventory.status.setCurrentIndex(inventory.status.findData(Status.AVAILABLE.value))
    for width, depth, found in (("220", "95", [code]), ("95", "220", [code]), ("200", "95", [])):
        for box, value in (("fit_width", width), ("fit_depth", depth)):
            field = inventory.findChild(QLineEdit, box)
            field.clear()
            type_text(field, value)
        key(inventory.findChild(QLineEdit, "fit_depth"), Qt.Key.Key_Return)
        assert [r.code for r in inventory.model.rows] == found


def test_a_bad_size_is_explained_in_the_form_and_nothing_is_saved(inventory, qtbot):
    problems = []

    def answer(dialog):
        type_text(dialog.findChild(QLineEdit, "donation_name"), "Reol")
        for name, value in (("width", "80"), ("depth", "-30"), ("height", "180")):
            type_text(dialog.findChild(QLineEdit, f"donation_{name}"), value)
        QTest.mouseClick(
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )
        problems.append(dialog.problem.text())
        dialog.reject()

    when_dialog(answer)
    inventory.toolbar_actions["new"].trigger()
    assert problems and problems[0].startswith("Dybde")
    assert inventory.model.rows == []


def test_reserving_an_item_someone_else_has_reserved_says_so(inventory, qtbot):
    from hjem.inventory.reservations import reserve
    from tests.inventory.helpers import add_cases, available_item
    from tests.ui.test_reserve_dialog import pick

    with inventory.operations.workspace().session() as session:
        code = available_item(session).code
        add_cases(session, "FBH-2026-007", "FBH-2026-009")
        reserve(session, code, "FBH-2026-007", "Ole")
    inventory.refresh(select_code=code)
    seen: list[str] = []

    def answer(dialog):
        read_message_box(seen)
        pick(dialog, "FBH-2026-009")

    when_dialog(answer)
    inventory.toolbar_actions["reserve"].trigger()
    assert seen == [f"{code} er allerede reserveret til en anden familie"]


def test_the_start_screens_demo_button_shows_a_living_inventory(window, qtbot):
    from PySide6.QtWidgets import QPushButton

    QTest.mouseClick(window.start.findChild(QPushButton, "start_demo"), Qt.MouseButton.LeftButton)
    # The demo's 69 items and their pictures take about 5 s on a busy machine; the window's
    # thread is no longer stuck waiting for the write lock meanwhile, so it shares the time.
    qtbot.waitUntil(
        lambda: window.inventory_window is not None and window.inventory_window.isVisible(),
        timeout=20_000,
    )
    rows = window.inventory_window.model.rows
    assert len(rows) > 50
    assert {row.category for row in rows} >= {"sofa", "seng", "klaedeskab", "spisebord"}
    window.inventory_window.close()
