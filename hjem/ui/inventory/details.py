"""The selected item in full: its photo, facts, place, reservation and history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.i18n import tr
from hjem.inventory.items import get_item, location_path
from hjem.inventory.models import ItemEvent, Photo
from hjem.inventory.reservations import active_reservation
from hjem.money import format_kroner

PHOTO_PX = 320


class ItemDetails(QWidget):
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

    def show_item(self, session: Session, code: str) -> None:
        item = get_item(session, code)
        self._show_photo(session, item.id)
        checks = [
            tr(f"donation.check.{n}")
            for n in ("whole", "clean", "smoke_free", "pet_free", "no_pests")
            if getattr(item, n)
        ]
        reservation = active_reservation(session, item)
        category = tr(f"category.{item.category.slug}.name")
        lines = [
            f"<b style='font-size:13pt'>{_escape(item.name)}</b>",
            f"{tr('inventory_window.column.code')}: <b>{item.code}</b> · {category}",
            f"{item.width:g} × {item.depth:g} × {item.height:g} cm · {_escape(item.colour)}",
            f"{tr('inventory.field.condition')}: {tr(f'condition.{item.condition}')}"
            + (f" · {', '.join(checks)}" if checks else ""),
            f"{tr('inventory_window.column.status')}: <b>{tr(f'status.{item.status}')}</b>",
            f"{tr('inventory.field.location')}: {_escape(location_path(item.location)) or '–'}",
            f"{tr('inventory.field.value')}: {format_kroner(item.value_ore)}",
        ]
        if reservation is not None:
            lines.append(
                tr(
                    "inventory_window.reserved_for",
                    case=reservation.case_code,
                    who=reservation.reserved_by,
                )
            )
        if item.notes:
            lines.append(f"<i>{_escape(item.notes)}</i>")
        self.facts.setText("<br>".join(lines))
        self._show_history(session, item.id)

    def _show_photo(self, session: Session, item_id: int) -> None:
        data = session.scalar(
            select(Photo.display).where(Photo.item_id == item_id).order_by(Photo.position).limit(1)
        )
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

    def _show_history(self, session: Session, item_id: int) -> None:
        self.history.clear()
        events = session.scalars(
            select(ItemEvent)
            .where(ItemEvent.item_id == item_id)
            .order_by(ItemEvent.at.desc(), ItemEvent.id.desc())
        )
        for event in events:
            when = (
                event.at.astimezone().strftime("%d-%m-%Y %H:%M")
                if event.at.tzinfo
                else event.at.strftime("%d-%m-%Y %H:%M")
            )
            what = tr(f"inventory_window.event.{event.kind}")
            if event.to_status:
                what += f": {tr(f'status.{event.to_status}')}"
            reason = f" – {event.reason}" if event.reason else ""
            self.history.addItem(f"{when}  {event.who}  {what}{reason}")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
