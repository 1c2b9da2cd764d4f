"""Furnish this room: the architect picks a room and the pieces for it, hjem proposes three
layouts (worked out on a worker thread, so the window stays alive) and shows them side by
side; one click takes one. The dialog only chooses: `action.py` makes the edit."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hjem.floorplan.layout import Suggestion, suggest
from hjem.floorplan.model import Placement, Plan
from hjem.floorplan.room_names import display_name
from hjem.i18n import tr
from hjem.ui.furnish_room.cards import SuggestionCard
from hjem.ui.furnish_room.pieces import PieceChoice, Source, with_fresh_ids
from hjem.ui.operations import Outcome, run_off_ui_thread
from hjem.ui.screen_fit import open_within_screen

PREFERRED_SIZE = QSize(1300, 700)
SUGGESTIONS = 3
PIECE_ROLE = Qt.ItemDataRole.UserRole
HEADINGS = {
    Source.PLAN: "furnish_room.pieces.in_room",
    Source.INVENTORY: "furnish_room.pieces.inventory",
    Source.NEEDS: "furnish_room.pieces.needs",
}
# The pieces a room may be furnished with, by room id.
ChoicesFor = Callable[[str], list[PieceChoice]]


class FurnishRoomDialog(QDialog):
    def __init__(
        self, plan: Plan, room_id: str, choices_for: ChoicesFor, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("furnish_room")
        self.setWindowTitle(tr("furnish_room.title"))
        self.plan, self.choices_for = plan, choices_for
        self.chosen: Suggestion | None = None
        self.seed = 0
        self._asked = 0  # which request the cards should show (an older answer is dropped)
        self.waiting = False  # the engine is at work on the latest request
        self.room = QComboBox()
        self.room.setObjectName("furnish_room_room")
        for room in plan.rooms:
            self.room.addItem(display_name(room), room.id)
        self.pieces = QListWidget()
        self.pieces.setObjectName("furnish_room_pieces")
        self.propose = QPushButton(tr("furnish_room.propose"))
        self.propose.setObjectName("furnish_room_propose")
        self.again = QPushButton(tr("furnish_room.again"))
        self.again.setObjectName("furnish_room_again")
        self.status = QLabel()
        self.status.setObjectName("furnish_room_status")
        self.status.setWordWrap(True)
        self.cards = [SuggestionCard(n) for n in range(1, SUGGESTIONS + 1)]
        self._lay_out()
        self.room.setCurrentIndex(max(0, self.room.findData(room_id)))
        self.room.currentIndexChanged.connect(lambda _i: self._room_chosen())
        self.propose.clicked.connect(self.ask)
        self.again.clicked.connect(self.ask_again)
        for card in self.cards:
            card.use.clicked.connect(lambda _=False, c=card: self._take(c))
        self._room_chosen()
        open_within_screen(self, PREFERRED_SIZE)

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("furnish_room.room")))
        left.addWidget(self.room)
        left.addWidget(QLabel(tr("furnish_room.pieces.title")))
        left.addWidget(self.pieces, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.propose)
        buttons.addWidget(self.again)
        left.addLayout(buttons)
        left.addWidget(self.status)
        choices = QWidget()
        choices.setLayout(left)
        choices.setFixedWidth(320)
        row = QHBoxLayout()
        row.addWidget(choices)
        for card in self.cards:
            row.addWidget(card, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        close.rejected.connect(self.reject)
        whole = QVBoxLayout(self)
        whole.addLayout(row, 1)
        whole.addWidget(close)

    # --- the room and its pieces ----------------------------------------------------------

    @property
    def room_id(self) -> str:
        return str(self.room.currentData())

    def _room_chosen(self) -> None:
        self.pieces.clear()
        choices = self.choices_for(self.room_id)
        for source in Source:
            listed = [c for c in choices if c.source is source]
            if listed:
                self._add_heading(tr(HEADINGS[source]))
                for choice in listed:
                    self._add_choice(choice)
        self.seed = 0
        self.ask()

    def _add_heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.pieces.addItem(item)

    def _add_choice(self, choice: PieceChoice) -> None:
        piece = choice.piece
        text = tr(
            "furnish_room.pieces.entry",
            name=piece.label,
            width=round(piece.width),
            depth=round(piece.depth),
        )
        if piece.locked:
            text = tr("furnish_room.pieces.locked", entry=text)
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if choice.picked else Qt.CheckState.Unchecked)
        item.setData(PIECE_ROLE, choice)
        self.pieces.addItem(item)

    def picked(self) -> list[PieceChoice]:
        items = (self.pieces.item(i) for i in range(self.pieces.count()))
        return [
            item.data(PIECE_ROLE)
            for item in items
            if item.data(PIECE_ROLE) is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def _pieces_to_place(self) -> tuple[list[Placement], frozenset[str]]:
        """The picked pieces (new ones with ids free in the plan), and the locked among them."""
        picked = self.picked()
        on_plan = [c.piece for c in picked if c.source is Source.PLAN]
        new = with_fresh_ids(self.plan, [c.piece for c in picked if c.source is not Source.PLAN])
        pieces = [*on_plan, *new]
        return pieces, frozenset(p.id for p in pieces if p.locked)

    # --- asking the engine ----------------------------------------------------------------

    def ask_again(self) -> None:
        """Three other layouts of the same pieces (the next seed)."""
        self.seed += 1
        self.ask()

    def ask(self) -> None:
        pieces, fixed = self._pieces_to_place()
        self._asked += 1
        asked, plan, room_id, seed = self._asked, self.plan, self.room_id, self.seed
        for card in self.cards:
            card.show_suggestion(None, plan, room_id)
        if not pieces:
            self.status.setText(tr("furnish_room.pick_pieces"))
            return
        self.waiting = True
        self.status.setText(tr("furnish_room.thinking", count=len(pieces)))
        names: dict[str, str] = {p.id: p.label for p in pieces}
        run_off_ui_thread(
            self,
            lambda: suggest(plan, room_id, pieces, fixed=fixed, count=SUGGESTIONS, seed=seed),
            lambda outcome: self._show(asked, outcome, names),
        )

    def _show(self, asked: int, outcome: Outcome[list[Suggestion]], names: dict[str, str]) -> None:
        if asked != self._asked:
            return  # the architect changed the room or the pieces since
        self.waiting = False
        if outcome.problem is not None or not outcome.value:
            problem = outcome.problem.message.text() if outcome.problem else tr("furnish_room.none")
            self.status.setText(problem)
            return
        found = outcome.value
        for card, suggestion in zip(self.cards, _padded(found), strict=True):
            if suggestion is None:
                card.show_no_other(self.plan, self.room_id)
            else:
                card.show_suggestion(suggestion, self.plan, self.room_id, names)
        self.status.setText(tr("furnish_room.ready", count=len(found)))

    def _take(self, card: SuggestionCard) -> None:
        if card.suggestion is not None:
            self.chosen = card.suggestion
            self.accept()


def _padded(found: Sequence[Suggestion]) -> list[Suggestion | None]:
    return [*found[:SUGGESTIONS], *[None] * (SUGGESTIONS - len(found[:SUGGESTIONS]))]
