"""The grant schemes window: the schemes in a list, one at a time in a form, created, changed,
deleted when unused or retired when in use. A change to a scheme budgets were approved under
is saved as a new version (the approved budgets keep the old one), which the window says.
The example scheme and older versions are marked as such."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hjem.budget.models import SchemeState
from hjem.budget.scheme_usage import case_count
from hjem.budget.schemes import (
    SchemeData,
    list_schemes,
    remove_scheme,
    save_scheme,
    scheme_data,
    scheme_label,
)
from hjem.i18n import Message, tr
from hjem.ui.cases.common import confirm, hidden_note
from hjem.ui.cases.scheme_form import SchemeForm
from hjem.ui.operations import Change, Operations

CHANGED = frozenset({Change.BUDGET, Change.CASES})
BANNER = "background: #fdf0d5; color: #7a4b00; padding: 6px; border-radius: 3px; font-weight: 600;"
ID_ROLE = Qt.ItemDataRole.UserRole


class SchemeEditor(QDialog):
    def __init__(self, operations: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scheme_editor")
        self.setWindowTitle(tr("scheme_editor.title"))
        self.operations = operations
        self.current = SchemeData(tr("scheme_editor.new_name"), 0)
        self.list = QListWidget()
        self.list.setObjectName("scheme_list")
        self.list.setWordWrap(True)  # a version's label is long: wrapped, never cut
        self.list.currentItemChanged.connect(lambda item, _old: self._picked(item))
        self.show_old = QCheckBox(tr("scheme_editor.show_old"))
        self.show_old.setObjectName("scheme_show_old")
        self.show_old.toggled.connect(lambda _on: self.reload(self.current.id))
        self.banner = hidden_note("scheme_banner", BANNER)
        self.info = hidden_note("scheme_info", "color: #555;")
        self.form = SchemeForm()
        self.problem = hidden_note("scheme_problem", "color: #b3261e;")
        self.said = hidden_note("scheme_done", "color: #1d6b35;")
        self._lay_out()
        self.resize(860, 640)  # fits a 1366 × 768 laptop screen; the form scrolls
        self.reload()

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("scheme_editor.list")))
        left.addWidget(self.list, 1)
        left.addWidget(self.show_old)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        right = QVBoxLayout()
        for widget in (self.banner, self.info):
            right.addWidget(widget)
        right.addWidget(scroll, 1)
        right.addWidget(self.problem)
        right.addWidget(self.said)
        right.addLayout(self._buttons())
        columns = QHBoxLayout(self)
        columns.addLayout(left, 3)
        columns.addLayout(right, 5)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, handler in (
            ("new", self.new_scheme),
            ("save", self.save),
            ("remove", self.remove),
            ("close", self.close),
        ):
            button = QPushButton(tr(f"scheme_editor.{name}"))
            button.setObjectName(f"scheme_{name}")
            button.clicked.connect(lambda _checked=False, h=handler: h())
            self.buttons[name] = button
            row.addWidget(button)
            if name == "remove":
                row.addStretch(1)
        self.buttons["save"].setDefault(True)
        return row

    # --- the list --------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        self._guarding = False  # what is shown next is what the workspace holds
        try:
            self._reload(select)
        finally:
            self._guarding = True

    def _reload(self, select: int | None) -> None:
        every = self.show_old.isChecked()
        schemes = self.operations.read(
            lambda session: list_schemes(session, every_version=every), tell=self._problem
        )
        if schemes is None:
            return
        self.list.blockSignals(True)
        self.list.clear()
        for data in schemes:
            item = QListWidgetItem(scheme_label(data).text())
            item.setToolTip(item.text())
            item.setData(ID_ROLE, data.id)
            if data.state != SchemeState.ACTIVE:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [data.id for data in schemes]
        row = ids.index(select) if select in ids else 0 if ids else -1
        self.list.setCurrentRow(row)
        if row < 0:
            self.new_scheme()

    def select(self, scheme_id: int | None) -> None:
        """Show the scheme (an older version too: the list then shows every version)."""
        if scheme_id is None:
            return
        ids = [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]
        if scheme_id not in ids:
            self.show_old.setChecked(True)  # reloads
            ids = [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]
        if scheme_id in ids:
            self.list.setCurrentRow(ids.index(scheme_id))

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        if self._stay_for_unsaved():
            self._reselect_current()
            return
        scheme_id = item.data(ID_ROLE)
        read = self.operations.read(
            lambda session: (scheme_data(session, scheme_id), case_count(session, scheme_id)),
            tell=self._problem,
        )
        if read is not None:
            self._show(*read)

    def _show(self, data: SchemeData, cases: int = 0) -> None:
        self.current = data
        self.form.show_data(data)
        superseded = data.state == SchemeState.SUPERSEDED
        self.form.setEnabled(not superseded)
        self.buttons["save"].setEnabled(not superseded)
        self.buttons["remove"].setEnabled(data.id is not None and not superseded)
        banners = []
        if data.example:  # an old version cannot be changed: no advice to change it
            key = "cli.scheme.example_marker" if superseded else "scheme_editor.example_banner"
            banners.append(tr(key))
        if superseded:
            banners.append(tr("scheme_editor.superseded_banner", version=data.version))
        self._say(self.banner, "\n".join(banners))
        facts = [scheme_label(data).text()] if data.id is not None else []
        if cases:
            facts.append(tr("scheme_editor.used_note", count=cases))
        self._say(self.info, "  ·  ".join(facts))
        self._say(self.problem, "")

    @staticmethod
    def _say(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _problem(self, message: Message) -> None:
        self._say(self.said, "")
        self._say(self.problem, message.text())

    # --- changes -------------------------------------------------------------------------------

    def new_scheme(self) -> None:
        if self._stay_for_unsaved():
            return
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._show(SchemeData(tr("scheme_editor.new_name"), 0))
        self.form.name.selectAll()
        self.form.name.setFocus()

    # --- what is typed but not saved ---------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        if self.current.state == SchemeState.SUPERSEDED:
            return False
        typed = self.form.data(self.current)
        if isinstance(typed, Message):
            return True  # something is typed that is not even a number yet
        typed = replace(typed, name=typed.name.strip(), notes=typed.notes.strip())
        return typed != self.current

    def _stay_for_unsaved(self) -> bool:
        """Whether to stay with the scheme shown: it has changes and the person keeps them."""
        if not getattr(self, "_guarding", False) or not self.has_unsaved_changes():
            return False
        question = tr("scheme_editor.discard", name=self.current.name)
        yes, no = tr("scheme_editor.yes_discard"), tr("scheme_editor.no_discard")
        return not confirm(self, tr("scheme_editor.title"), question, yes, no)

    def _reselect_current(self) -> None:
        self.list.blockSignals(True)
        ids = [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]
        row = ids.index(self.current.id) if self.current.id in ids else -1
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._stay_for_unsaved():
            event.ignore()
        else:
            super().closeEvent(event)

    def save(self) -> None:
        data = self.form.data(self.current)
        if isinstance(data, Message):
            self._problem(data)
            return
        outcome = self.operations.run(
            lambda session: _saved(session, data), CHANGED, tell=self._problem
        )
        if not outcome or outcome.value is None:
            return  # the form keeps what was typed
        saved_id, version, name = outcome.value
        self.reload(saved_id)
        if data.id is not None and saved_id != data.id:
            text = tr("scheme_editor.versioned", name=name, version=version, old=data.version)
        else:
            text = tr("scheme_editor.saved", name=name)
        self._say(self.said, text)

    def remove(self) -> None:
        data = self.current
        if data.id is None:
            self._problem(Message("scheme_editor.pick_first"))
            return
        question = tr("scheme_editor.confirm_remove", name=data.name)
        yes, no = tr("scheme_editor.yes_remove"), tr("scheme_editor.no_remove")
        if not confirm(self, tr("scheme_editor.title"), question, yes, no):
            return
        scheme_id = data.id
        outcome = self.operations.run(
            lambda session: remove_scheme(session, scheme_id), CHANGED, tell=self._problem
        )
        if outcome:
            self.reload(scheme_id)
            self._say(self.said, tr(f"scheme_editor.{outcome.value}", name=data.name))


def _saved(session: Any, data: SchemeData) -> tuple[int, int, str]:
    row = save_scheme(session, data)
    return row.id, row.version, row.name


def open_scheme_editor(
    operations: Operations, parent: QWidget | None, scheme_id: int | None = None
) -> SchemeEditor:
    """The schemes window (one per parent), showing `scheme_id` if given."""
    editor = parent.findChild(SchemeEditor, "scheme_editor") if parent is not None else None
    if editor is None:
        editor = SchemeEditor(operations, parent)
    else:
        editor.reload(editor.current.id)
    editor.show()
    editor.raise_()
    editor.activateWindow()
    editor.select(scheme_id)
    return editor
