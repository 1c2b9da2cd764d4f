"""The properties panel: every number of the selected element, editable exactly.

A value is checked when the field is left (Enter or Tab); a refused value is explained in the
panel, in words, and the plan is left as it was."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hjem.floorplan.commands import Batch, ReplaceElement
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Element, Opening, OpeningKind, Placement
from hjem.i18n import current_language, tr
from hjem.ids import ElementId
from hjem.ui.editor import Editor
from hjem.ui.panels.fields import Field, fields_for, title_for

PANEL_WIDTH = 330  # px: the longest form (a piece's, in Danish or English) fits
COMBO_ADJUST = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
COMBO_CHARACTERS = 8
EXAMPLE = ElementId("example")
LONGEST_FORMS = (  # a balcony door's fields and buttons, and a dining table's fields
    Opening(EXAMPLE, EXAMPLE, OpeningKind.FRENCH_DOOR, 0.0, 90.0),
    Placement(EXAMPLE, "", "spisebord", 1.0, 1.0, 1.0, Point(0.0, 0.0)),
)


def _number_text(value: float) -> str:
    """A field's number as the reader writes it, without thousands separators: "1234,5"."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if current_language() == "da" else text


def parse_number(text: str) -> float | None:
    """A number as a Dane or an Englishman types it ("12,5" or "12.5"); None if it is none."""
    try:
        value = float(text.strip().replace(" ", "").replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class PropertiesPanel(QWidget):
    def __init__(self, editor: Editor):
        super().__init__()
        self.editor = editor
        self.element_id: str | None = None
        self.setMinimumWidth(PANEL_WIDTH)  # a steady width: the plan beside it must not jump
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        # A door's two flips on a row of their own, its width presets on the next: each
        # button wide enough for its words in the panel's width.
        self.door_buttons = QHBoxLayout()
        self.width_presets = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addLayout(self.door_buttons)
        layout.addLayout(self.width_presets)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.inputs: dict[str, QWidget] = {}
        self._fields: list[Field] = []
        self._passable = False
        # Rebuilt a moment later, not inside the signal: the widget that caused the change may
        # still be busy handling it.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.refresh)
        editor.document.selection_did_change.connect(lambda _ids: self._later.start())
        editor.document.plan_did_change.connect(lambda _plan: self._later.start())
        self.setMaximumHeight(self._tallest())
        self.refresh()

    def refresh(self) -> None:
        ids = self.editor.document.selection
        element = self.editor.plan.get(ids[0]) if len(ids) == 1 else None
        if element is not None and self._shows(element):
            self._update_values(element)  # keep the widgets: focus and typing stay where they are
            return
        self._clear()
        if element is None:
            self.element_id = None
            self.title.setText("")
            self.problem.setText(
                tr("panel.properties.none")
                if not ids
                else tr("panel.properties.many", count=len(ids))
            )
            self.problem.setStyleSheet("color: #5b5b5b;")
            return
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.clear()
        self._build(element)

    def _build(self, element: Element) -> None:
        self.element_id = element.id
        self.title.setText(title_for(element))
        self._fields = fields_for(element)
        self._passable = isinstance(element, Opening) and element.is_passable
        for field in self._fields:
            self.form.addRow(tr(f"field.{field.key}"), self._input(field, element))
        if isinstance(element, Opening) and self._passable:
            self._opening_buttons(element)

    def _tallest(self) -> int:
        """The height of the longest form (a door's, a piece's). The panel never asks for
        more, so the panels below it get the rest of the column."""
        heights = []
        for example in LONGEST_FORMS:
            self._build(example)
            heights.append(self.sizeHint().height())
            self._clear()
        return max(heights)

    def _shows(self, element: Element) -> bool:
        """Whether the panel already has the widgets for this element (same fields)."""
        passable = isinstance(element, Opening) and element.is_passable
        same_fields = [f.key for f in fields_for(element)] == [f.key for f in self._fields]
        return element.id == self.element_id and same_fields and passable == self._passable

    def _update_values(self, element: Element) -> None:
        self.title.setText(title_for(element))
        for field in self._fields:
            widget = self.inputs[field.key]
            value = field.get(element)
            widget.blockSignals(True)
            if isinstance(widget, QLineEdit) and not widget.hasFocus():
                widget.setText(_number_text(value) if field.kind == "number" else value)
                widget.setCursorPosition(0)  # a long name shows its start, not its end
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QLabel):
                widget.setText(str(value))
            widget.blockSignals(False)
        if self._passable and isinstance(element, Opening):
            entrance = self.inputs["entrance"]
            assert isinstance(entrance, QCheckBox)
            entrance.blockSignals(True)
            entrance.setChecked(element.entrance)
            entrance.blockSignals(False)

    def _clear(self) -> None:
        self.element_id, self._fields, self._passable = None, [], False
        while self.form.rowCount():
            self.form.removeRow(0)
        for row in (self.door_buttons, self.width_presets):
            while (item := row.takeAt(0)) is not None:
                if (widget := item.widget()) is not None:
                    widget.hide()  # at once: it is deleted only when Qt gets round to it
                    widget.deleteLater()
        self.inputs.clear()

    def _input(self, field: Field, element: Element) -> QWidget:
        value = field.get(element)
        widget: QWidget
        if field.kind == "number":
            widget = QLineEdit(_number_text(value))
            widget.editingFinished.connect(lambda f=field, w=widget: self._number_done(f, w))
        elif field.kind == "text":
            widget = QLineEdit(value)
            widget.setCursorPosition(0)  # a long name shows its start, not its end
            widget.editingFinished.connect(lambda f=field, w=widget: self._change(f, w.text()))
        elif field.kind == "choice":
            widget = QComboBox()
            # The longest choice must not widen the panel (and shift the plan beside it).
            widget.setSizeAdjustPolicy(COMBO_ADJUST)
            widget.setMinimumContentsLength(COMBO_CHARACTERS)
            for choice, key in field.choices:
                widget.addItem(tr(key), choice)
            widget.setCurrentIndex(max(0, widget.findData(value)))
            widget.activated.connect(lambda _i, f=field, w=widget: self._change(f, w.currentData()))
        elif field.kind == "check":
            widget = QCheckBox()
            widget.setChecked(bool(value))
            widget.toggled.connect(lambda checked, f=field: self._change(f, checked))
        else:
            widget = QLabel(str(value))
        widget.setObjectName(f"field_{field.key}")
        self.inputs[field.key] = widget
        return widget

    def _number_done(self, field: Field, widget: QLineEdit) -> None:
        number = parse_number(widget.text())
        if number is None:
            self.problem.setText(tr("panel.properties.not_a_number", text=widget.text()))
            return
        self._change(field, number)

    def _change(self, field: Field, value: object) -> None:
        element = self.editor.plan.get(self.element_id or "")
        if element is None or field.set is None or field.get(element) == value:
            return
        self._apply(ReplaceElement(field.set(element, value)), "undo.change")

    def _apply(self, command, text_key: str) -> bool:
        """Apply an edit; if it is refused, show the old values again and say why."""
        problems: list[str] = []
        self.editor.error_did_happen.connect(problems.append)
        try:
            done = self.editor.apply(command, text_key)
        finally:
            self.editor.error_did_happen.disconnect(problems.append)
        if problems:
            self.refresh()
            self.problem.setText(problems[0])
        return done

    # --- doors -----------------------------------------------------------------------------------

    def _door(self) -> Opening:
        door = self.editor.plan[self.element_id or ""]
        assert isinstance(door, Opening)
        return door

    def _change_door(self, change: Callable[[Opening], Opening]) -> None:
        self._apply(ReplaceElement(change(self._door())), "undo.change")

    def _opening_buttons(self, door: Opening) -> None:
        flips: list[tuple[str, Callable[[Opening], Opening]]] = [
            ("panel.properties.flip_side", flip_side),
            ("panel.properties.flip_hinge", flip_hinge),
        ]
        for key, flip in flips:
            button = QPushButton(tr(key))
            button.setObjectName(key.rsplit(".", 1)[1])
            button.clicked.connect(lambda _=False, flip=flip: self._change_door(flip))
            self.door_buttons.addWidget(button)
        entrance = QCheckBox(tr("field.entrance"))
        entrance.setObjectName("field_entrance")
        entrance.setChecked(door.entrance)
        entrance.toggled.connect(self._set_entrance)
        self.inputs["entrance"] = entrance
        self.form.addRow("", entrance)
        for width in (70, 80, 90):
            preset = QPushButton(f"{width} cm")
            preset.setObjectName(f"width_{width}")
            preset.setToolTip(tr("panel.properties.width_preset", width=width))
            preset.clicked.connect(
                lambda _=False, w=width: self._change_door(lambda d: replace(d, width=float(w)))
            )
            self.width_presets.addWidget(preset)

    def _set_entrance(self, entrance: bool) -> None:
        """Only one entrance: marking this door unmarks any other."""
        door = self._door()
        others = [o for o in self.editor.plan.openings if o.entrance and o.id != door.id]
        changes = [ReplaceElement(replace(o, entrance=False)) for o in others]
        changes.append(ReplaceElement(replace(door, entrance=entrance)))
        self._apply(Batch(tuple(changes)), "undo.entrance")


def flip_side(door: Opening) -> Opening:
    """The door opens into the other room."""
    return replace(door, opens_to="right" if door.opens_to == "left" else "left")


def flip_hinge(door: Opening) -> Opening:
    """The door hangs on its other side."""
    return replace(door, hinge="end" if door.hinge == "start" else "start")
