"""Driving the real window with real mouse and key events (QTest), in plan centimetres."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
)

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def viewport_point(view, x: float, y: float) -> QPoint:
    """The viewport pixel over plan point (x, y), scrolling it into view if needed."""
    QApplication.processEvents()  # let the view settle its scroll bars first
    point = view.mapFromScene(QPointF(x, y))
    if not view.viewport().rect().adjusted(20, 20, -20, -20).contains(point):
        view.centerOn(QPointF(x, y))
        QApplication.processEvents()
        point = view.mapFromScene(QPointF(x, y))
    return point


def click(view, x: float, y: float, modifiers=NONE, button=LEFT) -> None:
    QTest.mouseMove(view.viewport(), viewport_point(view, x, y))
    QTest.mouseClick(view.viewport(), button, modifiers, viewport_point(view, x, y))


def hover(view, x: float, y: float) -> None:
    QTest.mouseMove(view.viewport(), viewport_point(view, x, y))


def double_click(view, x: float, y: float) -> None:
    point = viewport_point(view, x, y)
    QTest.mouseMove(view.viewport(), point)
    QTest.mouseDClick(view.viewport(), LEFT, NONE, point)


def drag(view, start: tuple[float, float], end: tuple[float, float], steps: int = 5) -> None:
    a = viewport_point(view, *start)
    b = view.mapFromScene(QPointF(*end))
    QTest.mousePress(view.viewport(), LEFT, NONE, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(view.viewport(), a + (b - a) * i / steps)
    QTest.mouseRelease(view.viewport(), LEFT, NONE, b)


def type_text(widget, text: str) -> None:
    """Type `text` key by key; letters beyond ASCII (é, ø) come as a keyboard layout sends them."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, NONE)


def key(widget, key: Qt.Key, modifiers=NONE) -> None:
    QTest.keyClick(widget, key, modifiers)


def choose(combo, text: str, wait) -> None:
    """Open a combo box's list and click the item that starts with `text`; `wait(predicate)`
    waits for Qt (qtbot.waitUntil)."""
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, text
    combo.showPopup()
    wait(lambda: combo.view().isVisible())
    view = combo.view()
    model_index = view.model().index(index, 0)
    view.scrollTo(model_index)
    QTest.mouseClick(view.viewport(), LEFT, NONE, view.visualRect(model_index).center())
    wait(lambda: not combo.view().isVisible())


def when_dialog(answer: Callable[[QDialog], None], tries: int = 200) -> None:
    """Answer the next modal dialog as a person would, once it is up."""

    def attempt(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            answer(dialog)
        elif left:
            QTimer.singleShot(10, lambda: attempt(left - 1))

    QTimer.singleShot(0, attempt)


BUNK_BED = {
    "buy_name": "Køjeseng",
    "buy_width": "90",
    "buy_depth": "200",
    "buy_height": "160",
    "buy_price": "1.499,50",
}


def answer_to_buy(fields: dict[str, str]) -> None:
    """Fill in the next "piece to buy" dialog's boxes (by object name) and accept it."""

    def answer(dialog: QDialog) -> None:
        for name, text in fields.items():
            dialog.findChild(QLineEdit, name).setText(text)
        dialog.accept()

    when_dialog(answer)


def type_into_dialog(text: str) -> None:
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(text)
        dialog.accept()

    when_dialog(answer)


def read_message_box(seen: list[str], button: QMessageBox.StandardButton | None = None) -> None:
    """Note the next message box's text and press `button` (or its default button)."""

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        target = (
            dialog.button(button)
            if button is not None
            else dialog.defaultButton() or dialog.buttons()[0]
        )
        QTest.mouseClick(target, LEFT)

    when_dialog(answer)


def choose_file(path) -> None:
    """Pick `path` in the next file dialog (Qt's own dialog, typed into its file name box)."""

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(path))
        dialog.accept()

    when_dialog(answer)
