"""The fields of one grant scheme: name, total limit, a limit per category, what the limits
cover (cash, or cash and in kind), validity, the apply-before-buying rule, the example mark and
notes. Amounts are typed in kroner the Danish way ("2.500,00"), dates as "31.12.2026"."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from hjem.budget.dates import parse_day
from hjem.budget.models import BudgetCategory
from hjem.budget.schemes import MAX_NAME, SchemeData
from hjem.i18n import Message, current_language, format_day, msg, tr
from hjem.money import parse_kroner

AMOUNT_WIDTH = 140


def amount_text(ore: int) -> str:
    """ "2.500,00": an amount to edit, in the reader's way, without the currency."""
    from babel.numbers import format_decimal

    locale = "en_GB" if current_language() == "en" else "da_DK"
    return format_decimal(Decimal(ore) / 100, format="#,##0.00", locale=locale)


class SchemeForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = self._line("scheme_name", MAX_NAME)
        self.total = self._amount("scheme_total")
        self.limits = {c.value: self._amount(f"scheme_limit_{c.value}") for c in BudgetCategory}
        self.cover = QComboBox()
        self.cover.setObjectName("scheme_cover")
        self.cover.addItem(tr("scheme_editor.cover_cash"), False)
        self.cover.addItem(tr("scheme_editor.cover_in_kind"), True)
        self.valid_from = self._date("scheme_valid_from")
        self.valid_to = self._date("scheme_valid_to")
        self.apply_first = QCheckBox(tr("scheme_editor.apply_first"))
        self.apply_first.setObjectName("scheme_apply_first")
        self.example = QCheckBox(tr("scheme_editor.example"))
        self.example.setObjectName("scheme_example")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("scheme_notes")
        self.notes.setFixedHeight(70)
        form = QFormLayout(self)
        form.addRow(tr("scheme_editor.name"), self.name)
        form.addRow(tr("scheme_editor.total"), self.total)
        form.addRow(self._limits_box())
        form.addRow(tr("scheme_editor.cover"), self.cover)
        form.addRow(tr("scheme_editor.valid_from"), self.valid_from)
        form.addRow(tr("scheme_editor.valid_to"), self.valid_to)
        form.addRow("", self.apply_first)
        form.addRow("", self.example)
        form.addRow(tr("scheme_editor.notes"), self.notes)

    def _line(self, name: str, length: int = 40) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setMaxLength(length)
        return line

    def _amount(self, name: str) -> QLineEdit:
        line = self._line(name)
        line.setFixedWidth(AMOUNT_WIDTH)
        line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return line

    def _date(self, name: str) -> QLineEdit:
        line = self._line(name, 20)
        line.setFixedWidth(AMOUNT_WIDTH)
        line.setPlaceholderText(tr("scheme_editor.date_hint"))
        line.setToolTip(tr("scheme_editor.date_hint"))
        return line

    def _limits_box(self) -> QGroupBox:
        box = QGroupBox(tr("scheme_editor.limits"))
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QFormLayout(box)
        hint = QLabel(tr("scheme_editor.limits_hint"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addRow(hint)
        for category, line in self.limits.items():
            layout.addRow(tr(f"budget_category.{category}"), line)
        return box

    # --- to and from the data ------------------------------------------------------------------

    def show_data(self, data: SchemeData) -> None:
        self.name.setText(data.name)
        self.total.setText(amount_text(data.total_limit_ore))
        for category, line in self.limits.items():
            ore = data.limits.get(category)
            line.setText("" if ore is None else amount_text(ore))
        self.cover.setCurrentIndex(1 if data.limits_include_in_kind else 0)
        self.valid_from.setText(format_day(data.valid_from) if data.valid_from else "")
        self.valid_to.setText(format_day(data.valid_to) if data.valid_to else "")
        self.apply_first.setChecked(data.apply_before_purchase)
        self.example.setChecked(data.example)
        self.notes.setPlainText(data.notes)

    def data(self, base: SchemeData) -> SchemeData | Message:
        """The scheme as filled in (on top of `base`: its id, version and state), or the
        problem with the first field that is not a number or a date."""
        total = self._ore(self.total, "total", required=True)
        if isinstance(total, Message):
            return total
        limits = {}
        for category, line in self.limits.items():
            ore = self._ore(line, "limit", category=msg(f"budget_category.{category}"))
            if isinstance(ore, Message):
                return ore
            if ore is not None:
                limits[category] = ore
        days = []
        for line, field in ((self.valid_from, "valid_from"), (self.valid_to, "valid_to")):
            try:
                days.append(parse_day(line.text()))
            except ValueError:
                return msg("scheme.error.not_a_date", field=msg(f"budget.field.{field}"))
        return SchemeData(
            *(self.name.text(), total or 0, limits, days[0], days[1]),
            apply_before_purchase=self.apply_first.isChecked(),
            example=self.example.isChecked(),
            notes=self.notes.toPlainText(),
            id=base.id,
            limits_include_in_kind=bool(self.cover.currentData()),
            version=base.version,
            state=base.state,
        )

    @staticmethod
    def _ore(
        line: QLineEdit, field: str, required: bool = False, **params: object
    ) -> int | Message | None:
        text = line.text().strip()
        if not text and not required:
            return None
        ore = parse_kroner(text)
        if ore is None:
            return msg("scheme.error.not_a_number", field=msg(f"budget.field.{field}", **params))
        return ore
