"""*Find et lignende* (issue 15): picking another available item for a piece the sync could not
reserve, from the candidates `hjem.inventory.similar.similar_items` found, closest in size
first. With none, the dialog says so and offers only to close."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hjem.i18n import format_number, tr
from hjem.inventory.models import Condition
from hjem.inventory.similar import Similar
from hjem.money import format_kroner
from hjem.ui.screen_fit import open_within_screen

# Spelled out, so the catalog check finds every key in the code.
COLUMNS = (
    "similar.column.name",
    "similar.column.code",
    "similar.column.size",
    "similar.column.condition",
    "similar.column.value",
)
PREFERRED = QSize(760, 400)  # leaves the laptop's 1366 × 768 room around it


class SimilarDialog(QDialog):
    def __init__(
        self,
        original_label: str,
        case_code: str,
        candidates: list[Similar],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("similar_dialog")
        self.setWindowTitle(tr("similar.title"))
        self._candidates = list(candidates)
        self._chosen: Similar | None = None
        self.list = self._candidate_list()
        self.empty = _empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list)
        self.pages.addWidget(self.empty)
        self.pages.setCurrentWidget(self.list if candidates else self.empty)
        self.buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(original_label, case_code))
        intro = _wrapped("similar_intro", tr("similar.intro", item=original_label))
        intro.setVisible(bool(candidates))  # the empty state says it all
        layout.addWidget(intro)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        open_within_screen(self, PREFERRED)

    @property
    def chosen(self) -> Similar | None:
        """The candidate the architect chose, once the dialog is accepted; else None."""
        return self._chosen

    def accept(self) -> None:
        picked = self._picked()
        if picked is not None:
            self._chosen = picked
            super().accept()

    def _picked(self) -> Similar | None:
        row = self.list.currentIndex().row()
        return self._candidates[row] if 0 <= row < len(self._candidates) else None

    def _candidate_list(self) -> QTreeWidget:
        view = QTreeWidget()
        view.setObjectName("similar_list")
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setHeaderLabels([tr(key) for key in COLUMNS])
        view.addTopLevelItems([_row(c) for c in self._candidates])
        header = view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        if self._candidates:  # the closest in size is one Enter away
            view.setCurrentIndex(view.model().index(0, 0))
        # Enter reaches the default button; not itemActivated, which a single click fires
        # where the desktop opens items on one click.
        view.itemDoubleClicked.connect(lambda _item, _column: self.accept())
        return view

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        use = buttons.addButton(tr("similar.use"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(tr("similar.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        use.setObjectName("similar_use")
        cancel.setObjectName("similar_cancel")
        use.setEnabled(bool(self._candidates))
        # Enter uses the chosen one; with nothing to use, it closes.
        (use if self._candidates else cancel).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons


def _heading(original_label: str, case_code: str) -> QLabel:
    heading = _wrapped(
        "similar_heading", tr("similar.heading", item=original_label, case=case_code)
    )
    font = QFont(heading.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    heading.setFont(font)
    return heading


def _empty_state() -> QWidget:
    page = QWidget()
    page.setObjectName("similar_empty")
    text = _wrapped("similar_empty_text", tr("similar.empty"))
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    text.setStyleSheet("font-size: 12pt;")
    hint = _wrapped("similar_empty_hint", tr("similar.empty_hint"))
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    layout.addWidget(text)
    layout.addWidget(hint)
    layout.addStretch(2)
    return page


def _wrapped(name: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def _row(candidate: Similar) -> QTreeWidgetItem:
    row = QTreeWidgetItem(
        [candidate.name, candidate.code, size_text(candidate), _state(candidate), _value(candidate)]
    )
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    row.setTextAlignment(COLUMNS.index("similar.column.value"), right)
    row.setToolTip(0, candidate.name)
    return row


def size_text(candidate: Similar) -> str:
    """ "180 × 85 × 75 cm", with a decimal only where a measure has one."""
    width, depth, height = (
        format_number(v) for v in (candidate.width, candidate.depth, candidate.height)
    )
    return tr("similar.size", width=width, depth=depth, height=height)


def _state(candidate: Similar) -> str:
    known = candidate.condition in {c.value for c in Condition}
    parts = [tr(f"condition.{candidate.condition}")] if known else []
    return ", ".join([*parts, candidate.colour] if candidate.colour else parts)


def _value(candidate: Similar) -> str:
    # No value noted is not a gift worth nothing: a dash, not "0,00 kr."
    return format_kroner(candidate.value_ore) if candidate.value_ore else tr("similar.no_value")
