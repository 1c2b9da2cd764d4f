"""One suggested layout as a card: a small plan of the room, why it scored well (the top soft
rules, in words), what was left out and why, and the button that takes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from hjem.floorplan.layout import Suggestion, soft_rule_name
from hjem.floorplan.model import Plan
from hjem.i18n import tr
from hjem.ui.furnish_room.preview import RoomPreview

LEFT_OUT, ALL_IN = "#8a4b00", "#2f6f4f"
TOP_REASONS = 3  # the reasons a card names: enough to tell layouts apart, short enough to read


class SuggestionCard(QFrame):
    def __init__(self, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.number = number
        self.suggestion: Suggestion | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"furnish_room_card_{number}")
        self.title = QLabel(tr("furnish_room.card.title", number=number))
        self.title.setStyleSheet("font-weight: bold;")
        self.preview = RoomPreview()
        self.reasons = _text_label()
        self.left_out = _text_label()
        self.use = QPushButton(tr("furnish_room.card.use"))
        self.use.setObjectName(f"furnish_room_use_{number}")
        self.use.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.reasons)
        layout.addWidget(self.left_out)
        layout.addWidget(self.use)
        self.show_suggestion(None, None, "")

    def show_suggestion(
        self,
        suggestion: Suggestion | None,
        plan: Plan | None,
        room_id: str,
        names: dict[str, str] | None = None,
    ) -> None:
        """The layout, or (None) an empty card while hjem thinks or when there is no layout;
        `names`: the pieces' names by id (new pieces are not on the plan)."""
        self.suggestion = suggestion
        self.use.setEnabled(suggestion is not None)
        if suggestion is None:
            self.preview.show_room(plan, room_id)
            self.reasons.setText("")
            self.left_out.setText("")
            return
        self.preview.show_room(suggestion.plan, room_id, frozenset(suggestion.placed))
        self.reasons.setText(reasons_text(suggestion))
        self.left_out.setText(left_out_text(suggestion, names or {}))
        # Amber when something did not fit (as the plan's warnings), green when all did.
        self.left_out.setStyleSheet(f"color: {LEFT_OUT if suggestion.left_out else ALL_IN};")

    def show_no_other(self, plan: Plan | None, room_id: str) -> None:
        """An empty card when hjem found fewer layouts: one that left out a piece another
        places is not offered."""
        self.show_suggestion(None, plan, room_id)
        self.reasons.setText(tr("furnish_room.card.no_other"))


def reasons_text(suggestion: Suggestion) -> str:
    """The soft rules that counted most for this layout, one a line."""
    good = [key for key, weight in suggestion.reasons if weight > 0][:TOP_REASONS]
    if not good:
        return tr("furnish_room.card.no_reasons")
    return "\n".join(tr("furnish_room.card.reason", reason=soft_rule_name(k).text()) for k in good)


def left_out_text(suggestion: Suggestion, names: dict[str, str]) -> str:
    """What did not fit and why, or that everything did."""
    if not suggestion.left_out:
        return tr("furnish_room.card.all_placed")
    lines = [
        tr(
            "furnish_room.card.left_out",
            name=names.get(o.piece_id, o.piece_id),
            reason=o.reason.text(),
        )
        for o in suggestion.left_out
    ]
    return "\n".join(lines)


def _text_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label
