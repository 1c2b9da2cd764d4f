"""A budget line that is not a piece on the plan: a moving van, the deposit, clothes."""

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

from hjem.budget.lines import MAX_DESCRIPTION, service_description
from hjem.budget.models import BudgetCategory
from hjem.errors import UserError
from hjem.i18n import tr
from hjem.money import format_kroner, parse_kroner


class ServiceDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("service_dialog")
        self.setWindowTitle(tr("budget_tab.add_service"))
        self.description = QLineEdit()
        self.description.setObjectName("service_description")
        self.description.setMaxLength(MAX_DESCRIPTION)
        self.category = QComboBox()
        self.category.setObjectName("service_category")
        for category in BudgetCategory:
            self.category.addItem(tr(f"budget_category.{category.value}"), category.value)
        self.amount = QLineEdit()
        self.amount.setObjectName("service_amount")
        self.amount.setPlaceholderText(format_kroner(350_000))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("budget.field.description"), self.description)
        form.addRow(tr("budget.field.category"), self.category)
        form.addRow(tr("budget.field.cash"), self.amount)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.line: tuple[str, str, int] | None = None

    def accept(self) -> None:
        """A line the budget would refuse (no description, a CPR number) is refused here, in
        the open dialog, so what was typed is not lost."""
        amount = parse_kroner(self.amount.text())
        if not self.description.text().strip():
            self.problem.setText(tr("budget_tab.need_description"))
            return
        try:
            description = service_description(self.description.text())
        except UserError as refused:
            self.problem.setText(refused.message.text())
            return
        if amount is None or amount < 0:
            self.problem.setText(tr("furnish.buy.bad_price"))
        else:
            self.line = (description, self.category.currentData(), amount)
            super().accept()
