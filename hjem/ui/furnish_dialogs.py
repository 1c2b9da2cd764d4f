"""Small forms of furnishing: the plan's family case and title, and a piece to buy."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from hjem.floorplan.categories import CATEGORIES
from hjem.floorplan.commands import Batch, SetCaseCode, SetTitle
from hjem.floorplan.model import ORIGIN, Placement, Plan
from hjem.i18n import tr
from hjem.ids import CaseCode, ElementId
from hjem.money import format_kroner, parse_kroner
from hjem.ui.panels.properties import parse_number

MAX_SIZE_CM = 1000.0


class PlanDetailsDialog(QDialog):
    """The plan's title and the code of the family case it furnishes (never a name)."""

    def __init__(self, plan: Plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("plan_details")
        self.setWindowTitle(tr("furnish.details.title"))
        self.title = QLineEdit(plan.title)
        self.case_code = QLineEdit(plan.case_code or "")
        self.case_code.setObjectName("case_code")
        self.case_code.setMaxLength(40)
        self.case_code.setPlaceholderText("FBH-2026-014")
        note = QLabel(tr("furnish.details.case_note"))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(tr("furnish.details.plan_title"), self.title)
        form.addRow(tr("furnish.details.case_code"), self.case_code)
        form.addRow(note)
        form.addRow(_buttons(self))

    def command(self) -> Batch:
        return Batch(
            (SetTitle(self.title.text().strip()), SetCaseCode(CaseCode(self.case_code.text())))
        )


class ToBuyDialog(QDialog):
    """A piece the family needs that no one has donated: what it is, its size and price."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("to_buy")
        self.setWindowTitle(tr("furnish.buy.title"))
        self.name = QLineEdit()
        self.name.setObjectName("buy_name")
        self.category = QComboBox()
        self.category.setObjectName("buy_category")
        for slug in CATEGORIES:
            self.category.addItem(tr(f"category.{slug}.name"), slug)
        self.sizes = [QLineEdit() for _ in range(3)]
        for box, key in zip(self.sizes, ("width", "depth", "height"), strict=True):
            box.setObjectName(f"buy_{key}")
        self.price = QLineEdit()
        self.price.setObjectName("buy_price")
        self.price.setPlaceholderText(format_kroner(149_900))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(tr("furnish.buy.name"), self.name)
        form.addRow(tr("furnish.buy.category"), self.category)
        for box, key in zip(self.sizes, ("width", "depth", "height"), strict=True):
            form.addRow(tr(f"field.{key}"), box)
        form.addRow(tr("furnish.buy.price"), self.price)
        form.addRow(self.problem)
        form.addRow(_buttons(self))
        self.piece: Placement | None = None

    def accept(self) -> None:
        piece = self._piece()
        if piece is not None:
            self.piece = piece
            super().accept()

    def _piece(self) -> Placement | None:
        sizes = [parse_number(box.text()) for box in self.sizes]
        if any(s is None or not 0 < s <= MAX_SIZE_CM for s in sizes):
            self._refuse("furnish.buy.bad_size")
            return None
        price = parse_kroner(self.price.text())
        if price is None or price < 0:
            self._refuse("furnish.buy.bad_price")
            return None
        width, depth, height = (float(s) for s in sizes if s is not None)
        category = self.category.currentData()
        return Placement(
            id=ElementId("new"),
            label=self.name.text().strip() or tr(f"category.{category}.name"),
            category=category,
            width=width,
            depth=depth,
            height=height,
            center=ORIGIN,
            floor_flat=category == "taeppe",
            price_ore=price,
        )

    def _refuse(self, key: str) -> None:
        self.problem.setText(tr(key))
        return None


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
