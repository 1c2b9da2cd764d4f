"""The case form: a new family case, or its household edited. Anything not right is said in
the form, which stays open; nothing is saved until all of it is.

The new address has its own box. When a case is edited the address is not even read until the
architect asks to see it, and the field is emptied when the form closes: its text lives in the
database and nowhere else."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hjem.budget.schemes import scheme_choices
from hjem.cases.cases import MAX_ADULTS, CaseData, check, create_case
from hjem.cases.models import AgeBand
from hjem.cases.privacy import (
    case_code_pattern,
    example_code,
    looks_like_real_name,
    set_case_code_pattern,
)
from hjem.errors import UserError
from hjem.i18n import Message, tr
from hjem.ids import CaseCode
from hjem.ui.cases.common import confirm, tell
from hjem.ui.operations import Change, Operations
from hjem.ui.printing.languages import print_language_box

# save(data, address) -> None when saved, or the message saying why not. The address is None
# when it was left alone (an edit where the architect did not ask to see it).
Save = Callable[[CaseData, str | None], Message | None]


class CaseDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        save: Save,
        schemes: Sequence[tuple[int, str]],
        data: CaseData | None = None,
        reveal_address: Callable[[], str | None] | None = None,
        architect: str = "",
        pattern: PatternChoice | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("case_dialog")
        editing = data is not None
        title = tr("case_form.title_edit", code=data.code) if data else tr("case_form.title_new")
        self.setWindowTitle(title)
        self._save = save
        self._reveal = reveal_address
        self._pattern = pattern
        self._alias_before = data.alias if data else ""  # asked about only when it changes
        self._address_shown = not editing  # a new case: the field is there to be filled in
        self._build(schemes)
        self._fill(data or CaseData(code=CaseCode(""), alias="", architect=architect))
        if editing:  # reservations and the plan know the case by its number
            self.code.setReadOnly(True)
            self.code.setToolTip(tr("case_form.code_fixed"))
            self.code.setStyleSheet("background: #efebe3; color: #555;")
            self.alias.setFocus()
        self._hide_address(editing)
        self._show_pattern()

    # --- building the form ---------------------------------------------------------------

    def _line(self, name: str, hint_key: str | None = None) -> QLineEdit:
        widget = QLineEdit()
        widget.setObjectName(f"case_{name}")
        if hint_key:
            widget.setPlaceholderText(tr(hint_key))
        return widget

    def _build(self, schemes: Sequence[tuple[int, str]]) -> None:
        self.code = self._line("code", "case_form.code_hint")
        self.alias = self._line("alias", "case_form.alias_hint")
        self.municipality, self.architect = self._line("municipality"), self._line("architect")
        self.adults = QSpinBox()
        self.adults.setObjectName("case_adults")
        self.adults.setRange(0, MAX_ADULTS)
        self.scheme = QComboBox()
        self.scheme.setObjectName("case_scheme")
        self.scheme.addItem(tr("case_form.no_scheme"), None)
        for scheme_id, name in schemes:
            self.scheme.addItem(name, scheme_id)
        self.print_lang = print_language_box("case_print_lang")
        self.pattern_button = QPushButton(tr("case_privacy.pattern_button"))
        self.pattern_button.setObjectName("case_pattern")
        self.pattern_button.clicked.connect(self._change_pattern)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.pattern_button)
        form = QFormLayout()
        form.addRow(tr("case.field.code"), code_row)
        for key, widget in (
            ("alias", self.alias),
            ("municipality", self.municipality),
            ("architect", self.architect),
            ("adults", self.adults),
        ):
            form.addRow(tr(f"case.field.{key}"), widget)
        form.addRow(tr("case.field.children"), self._children_box())
        form.addRow(tr("case.field.scheme"), self.scheme)
        form.addRow(tr("case.field.print_lang"), self.print_lang)
        self.problem = QLabel()
        self.problem.setObjectName("case_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._address_box())
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(520)

    def _children_box(self) -> QVBoxLayout:
        self.child_list = QListWidget()
        self.child_list.setObjectName("case_children")
        self.child_list.setMaximumHeight(80)
        self.band = QComboBox()
        self.band.setObjectName("case_child_band")
        for band in AgeBand:
            self.band.addItem(tr(f"age_band.{band.value}"), band.value)
        add, remove = QPushButton(tr("case_form.add_child")), QPushButton(tr("case_form.remove"))
        add.setObjectName("case_add_child")
        remove.setObjectName("case_remove_child")
        add.clicked.connect(lambda: self._add_child(self.band.currentData()))
        remove.clicked.connect(lambda: self.child_list.takeItem(self.child_list.currentRow()))
        row = QHBoxLayout()
        row.addWidget(self.band, 1)
        row.addWidget(add)
        row.addWidget(remove)
        box = QVBoxLayout()
        box.addWidget(self.child_list)
        box.addLayout(row)
        return box

    def _address_box(self) -> QGroupBox:
        group = QGroupBox(tr("case_form.address_group"))
        group.setObjectName("case_address_group")
        note = QLabel(tr("case_form.address_note"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5b4a1f; background: #fbf3dc; padding: 6px;")
        self.address = self._line("address", "case_form.address_hint")
        self.reveal = QPushButton(tr("case_form.reveal_address"))
        self.reveal.setObjectName("case_reveal_address")
        self.reveal.clicked.connect(self._show_address)
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(self.reveal)
        layout = QVBoxLayout(group)
        layout.addWidget(note)
        layout.addLayout(row)
        return group

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("case_form.save"))
        buttons.accepted.connect(self._try_save)
        buttons.rejected.connect(self.reject)
        return buttons

    # --- the address, only when asked for ---------------------------------------------------------

    def _hide_address(self, hidden: bool) -> None:
        self.address.setEnabled(not hidden)
        self.reveal.setVisible(hidden)
        if hidden:
            self.address.setPlaceholderText(tr("case_form.address_hidden"))

    def _show_address(self) -> None:
        address = self._reveal() if self._reveal else ""
        if address is None:  # it could not be read: the field stays closed
            return
        self._address_shown = True
        self._hide_address(False)
        self.address.setPlaceholderText(tr("case_form.address_hint"))
        self.address.setText(address)
        self.address.setFocus()

    def done(self, result: int) -> None:
        self.address.clear()  # setText clears the field's undo history too
        super().done(result)

    # --- values in and out ------------------------------------------------------------------------

    def _add_child(self, band: str) -> None:
        item = QListWidgetItem(tr(f"age_band.{band}"))
        item.setData(Qt.ItemDataRole.UserRole, band)
        self.child_list.addItem(item)

    def _fill(self, data: CaseData) -> None:
        self.code.setText(data.code)
        self.alias.setText(data.alias)
        self.municipality.setText(data.municipality)
        self.architect.setText(data.architect)
        self.adults.setValue(data.adults)
        for band in data.children:
            self._add_child(band)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(data.scheme_id)))
        self.print_lang.setCurrentIndex(max(0, self.print_lang.findData(data.print_lang)))

    def data(self) -> CaseData:
        items = [self.child_list.item(i) for i in range(self.child_list.count())]
        return CaseData(
            code=CaseCode(self.code.text()),
            alias=self.alias.text(),
            municipality=self.municipality.text(),
            architect=self.architect.text(),
            adults=self.adults.value(),
            children=tuple(item.data(Qt.ItemDataRole.UserRole) for item in items),
            scheme_id=self.scheme.currentData(),
            print_lang=self.print_lang.currentData(),
        )

    # --- the programme's pattern of case numbers ------------------------------------------------

    def _show_pattern(self) -> None:
        """The pattern in the empty number box, and its button, for a new case only."""
        shown = self._pattern is not None and not self.code.isReadOnly()
        self.pattern_button.setVisible(shown)
        if shown and self._pattern is not None:
            pattern = self._pattern.current
            example = example_code(pattern)
            self.code.setPlaceholderText(
                tr("case_privacy.code_hint", pattern=pattern, example=example)
            )
            self.code.setToolTip(tr("case_privacy.code_tip", pattern=pattern))

    def _change_pattern(self) -> None:
        if self._pattern is not None and self._pattern.change(self):
            self._show_pattern()

    # --- saving ---------------------------------------------------------------------------------

    def _real_name_accepted(self, alias: str) -> bool:
        """True unless the alias (new or changed) looks like a real name and the architect
        chose to change it."""
        if alias.strip() == self._alias_before or not looks_like_real_name(alias):
            return True
        keep = confirm(
            self,
            tr("case_privacy.real_name_title"),
            tr("case_privacy.real_name", alias=alias.strip()),
            tr("case_privacy.real_name_keep"),
            tr("case_privacy.real_name_change"),
        )
        if not keep:
            self.alias.setFocus()
            self.alias.selectAll()
        return keep

    def _try_save(self) -> None:
        data = self.data()
        try:
            check(data)  # the form's own mistakes first, before the database is asked
            if not self._real_name_accepted(data.alias):
                return
            problem = self._save(data, self.address.text() if self._address_shown else None)
        except UserError as error:
            problem = error.message
        if problem is None:
            self.accept()
        else:
            self.problem.setText(problem.text())


class PatternChoice:
    """The workspace's pattern of case numbers, as the new-case form shows and changes it."""

    def __init__(self, operations: Operations, current: str):
        self.operations, self.current = operations, current

    def change(self, parent: QWidget) -> bool:
        """Ask for a new pattern and keep it; True once it is kept."""
        pattern, ok = QInputDialog.getText(
            parent,
            tr("case_privacy.pattern_title"),
            tr("case_privacy.pattern_prompt"),
            text=self.current,
        )
        if not ok or pattern.strip() == self.current:
            return False
        done = self.operations.run(
            lambda session: set_case_code_pattern(session, pattern),
            frozenset({Change.CASES}),
            tell=lambda m: tell(parent, tr("case_privacy.pattern_title"), m.text()),
        )
        if done.value is None:
            return False
        self.current = done.value
        return True


def ask_new_case(parent: QWidget, operations: Operations, who: str) -> CaseCode | None:
    """The form for a new case; the new case's code once it is saved, else None."""
    title = tr("case_form.title_new")
    read = operations.read(
        lambda session: (scheme_choices(session), case_code_pattern(session)),
        tell=lambda m: tell(parent, title, m.text()),
    )
    if read is None:
        return None
    schemes, pattern = read
    created: list[CaseCode] = []

    def save(data: CaseData, address: str | None) -> Message | None:
        done = operations.run(
            lambda session: create_case(session, data, address or "").code,
            frozenset({Change.CASES}),
        )
        if done.problem is not None or done.value is None:
            return done.problem.message if done.problem else None
        created.append(done.value)  # only once committed
        return None

    choice = PatternChoice(operations, pattern)
    dialog = CaseDialog(parent, save, schemes, architect=who, pattern=choice)
    dialog.exec()
    dialog.deleteLater()
    return created[0] if created else None
