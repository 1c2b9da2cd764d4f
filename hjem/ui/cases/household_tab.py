"""The case window's household tab: the case's facts, its status and the ways on from it, and
the household form. The address is never shown here: only whether one is registered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hjem.budget.schemes import scheme_choices
from hjem.cases.cases import (
    NEXT_STATUS,
    CaseData,
    address_of,
    case_form_data,
    set_status,
    update_household,
)
from hjem.cases.errors import CaseEditConflict
from hjem.cases.models import CaseStatus
from hjem.cases.overview import CaseOverview
from hjem.i18n import Message, tr
from hjem.ui.cases.case_form import CaseDialog
from hjem.ui.cases.common import empty_layout, when
from hjem.ui.cases.host import CaseHost
from hjem.ui.operations import Change

CASE_CHANGED = frozenset({Change.CASES})
STATUS_COLOURS = {
    CaseStatus.REFERRED: "#e3ebf6",
    CaseStatus.ACTIVE: "#dcefdc",
    CaseStatus.PLAN_DELIVERED: "#f6e9c8",
    CaseStatus.CLOSED: "#e6e6e6",
}
STATUS_STYLE = (
    "font-size: 12pt; font-weight: 600; padding: 4px 14px; border-radius: 11px;"
    " background: {colour};"
)
ERASE_STYLE = "color: #a12b1f; padding: 4px 14px;"
FACTS = ("code", "alias", "municipality", "architect", "adults", "children", "scheme", "address")


class HouseholdTab(QWidget):
    """The case's facts, its status and the ways on from it, and the household form."""

    def __init__(self, case_window: CaseHost):
        super().__init__()
        self.host = case_window
        self.heading = QLabel()
        self.heading.setObjectName("case_heading")
        self.heading.setStyleSheet("font-size: 18pt; font-weight: 600; color: #2b2b2b;")
        self.created = QLabel()
        self.created.setStyleSheet("color: #6b6b6b;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.heading)
        layout.addWidget(self.created)
        layout.addSpacing(8)
        layout.addWidget(self._status_box())
        layout.addWidget(self._facts_box())
        layout.addStretch(1)
        layout.addWidget(self._erase_button(), 0, Qt.AlignmentFlag.AlignLeft)

    def _erase_button(self) -> QPushButton:
        """Out of the way at the bottom, and red: it cannot be undone."""
        button = QPushButton(tr("erase.dialog.action"))
        button.setObjectName("case_erase")
        button.setStyleSheet(ERASE_STYLE)
        button.clicked.connect(lambda _=False: self.host.ask_erase())
        return button

    def _status_box(self) -> QGroupBox:
        self.status = QLabel()
        self.status.setObjectName("case_status")
        self.moves = QHBoxLayout()
        box = QGroupBox(tr("case_list.column.status"))
        row = QHBoxLayout(box)
        row.addWidget(self.status)
        row.addSpacing(16)
        row.addWidget(QLabel(tr("case_window.move_to")))
        row.addLayout(self.moves, 1)
        return box

    def _facts_box(self) -> QGroupBox:
        self.facts = {key: QLabel() for key in FACTS}
        form = QFormLayout()
        for key, label in self.facts.items():
            label.setObjectName(f"case_fact_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            form.addRow(tr(f"case.field.{key}") + ":", label)
        edit = QPushButton(tr("case_window.edit"))
        edit.setObjectName("case_edit")
        edit.clicked.connect(self.edit)
        box = QGroupBox(tr("case_window.tab.household"))
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(edit, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def show_case(self, case: CaseOverview, schemes: dict[int, str]) -> None:
        data = case.data
        bands = [tr(f"age_band.{band}") for band in data.children]
        scheme = schemes.get(data.scheme_id) if data.scheme_id is not None else None
        address = "registered" if case.has_address else "missing"
        values = {
            "code": data.code,
            "alias": data.alias,
            "municipality": data.municipality or "–",
            "architect": data.architect or "–",
            "adults": str(data.adults),
            "children": ", ".join(bands) or tr("case_window.none"),
            "scheme": scheme or tr("case_form.no_scheme"),
            "address": tr(f"case_window.address.{address}"),
        }
        for key, value in values.items():
            self.facts[key].setText(value)
        self.heading.setText(tr("case_window.heading", alias=data.alias, code=data.code))
        self.created.setText(
            tr("case_window.dates", created=when(case.created_at), updated=when(case.updated_at))
        )
        self._show_status(CaseStatus(case.status))

    def _show_status(self, status: CaseStatus) -> None:
        self.status.setText(tr(f"case_status.{status.value}").capitalize())
        self.status.setStyleSheet(STATUS_STYLE.format(colour=STATUS_COLOURS[status]))
        empty_layout(self.moves)
        for target in NEXT_STATUS[status]:
            button = QPushButton(tr(f"case_window.status_to.{target.value}"))
            button.setObjectName(f"case_to_{target.value}")
            button.clicked.connect(lambda _=False, t=target: self.move_to(t))
            self.moves.addWidget(button)
        self.moves.addStretch(1)

    def move_to(self, status: CaseStatus) -> None:
        code = self.host.code
        if self.host.run(lambda session: set_status(session, code, status), guard=True):
            self.host.saved(tr("case_window.status_saved", status=tr(f"case_status.{status}")))

    def edit(self) -> None:
        host, code, conflict = self.host, self.host.code, []
        read = host.operations.run(
            lambda session: (case_form_data(session, code), scheme_choices(session)),
            tell=lambda message: host.tell(message.text()),
        )
        if read.value is None:
            return
        (data, version), schemes = read.value
        if version != host.version:  # changed since the window read it: show what the form shows
            host.reload()

        def save(changed: CaseData, address: str | None) -> Message | None:
            done = host.operations.run(
                lambda session: update_household(session, code, changed, version, address),
                CASE_CHANGED,
            )
            if isinstance(done.problem, CaseEditConflict):
                conflict.append(True)  # the form closes; the window says so and reloads
            elif done.problem is not None:
                return done.problem.message
            return None

        dialog = CaseDialog(self, save, schemes, data, self._read_address)
        accepted = dialog.exec()
        dialog.deleteLater()
        if not accepted:
            return
        if conflict:
            host.someone_changed_it()
        else:
            host.saved(tr("case_window.household_saved"))

    def _read_address(self) -> str | None:
        """The address, read only when the architect asks to see it in the form."""
        code = self.host.code
        return self.host.operations.read(
            lambda session: address_of(session, code),
            tell=lambda message: self.host.tell(message.text()),
        )
