"""The selected item in full: its photo, facts, place, reservation and history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from hjem.i18n import format_moment, tr
from hjem.inventory.details import Event, ItemDetails
from hjem.money import format_kroner

PHOTO_PX = 320


class ItemDetailsView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setMinimumWidth(340)
        self.photo = QLabel()
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setMinimumHeight(200)
        self.facts = QLabel()
        self.facts.setObjectName("item_facts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.history = QListWidget()
        self.history.setObjectName("item_history")
        layout = QVBoxLayout(self)
        layout.addWidget(self.photo)
        layout.addWidget(self.facts)
        layout.addWidget(QLabel(tr("inventory_window.history")))
        layout.addWidget(self.history, 1)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.photo.clear()
        self.facts.setText(tr("inventory_window.nothing_selected"))
        self.history.clear()

    def show_item(self, item: ItemDetails) -> None:
        self._show_photo(item.photo)
        checks = [tr(f"donation.check.{n}") for n in item.checks]
        category = tr(f"category.{item.category}.name")
        lines = [
            f"<b style='font-size:13pt'>{_escape(item.name)}</b>",
            f"{tr('inventory_window.column.code')}: <b>{item.code}</b> · {category}",
            f"{item.width:g} × {item.depth:g} × {item.height:g} cm · {_escape(item.colour)}",
            f"{tr('inventory.field.condition')}: {tr(f'condition.{item.condition}')}"
            + (f" · {', '.join(checks)}" if checks else ""),
            f"{tr('inventory_window.column.status')}: <b>{tr(f'status.{item.status}')}</b>",
            f"{tr('inventory.field.location')}: {_escape(item.location) or '–'}",
            f"{tr('inventory.field.value')}: {format_kroner(item.value_ore)}",
        ]
        if item.reserved_for is not None:
            lines.append(
                tr("inventory_window.reserved_for", case=item.reserved_for, who=item.reserved_by)
            )
        if item.notes:
            lines.append(f"<i>{_escape(item.notes)}</i>")
        self.facts.setText("<br>".join(lines))
        self._show_history(item.history)

    def _show_photo(self, data: bytes | None) -> None:
        if not data:
            self.photo.setText(tr("inventory_window.no_photo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.photo.setPixmap(
            pixmap.scaled(
                PHOTO_PX,
                PHOTO_PX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _show_history(self, events: tuple[Event, ...]) -> None:
        self.history.clear()
        for event in events:
            when = format_moment(event.at)
            what = tr(f"inventory_window.event.{event.kind}")
            if event.to_status:
                what += f": {tr(f'status.{event.to_status}')}"
            reason = f" – {event.reason}" if event.reason else ""
            self.history.addItem(f"{when}  {event.who}  {what}{reason}")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
