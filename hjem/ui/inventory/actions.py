"""What the inventory window's buttons do: each a short function over the workspace, with a
clear message when the inventory refuses (already reserved, an illegal move, an edit clash)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QProgressDialog
from sqlalchemy import select

from hjem.i18n import Message, tr
from hjem.inventory.errors import InventoryError
from hjem.inventory.items import (
    ItemData,
    create_item,
    data_of,
    get_item,
    location_path,
    update_item,
)
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Location, Photo, Status
from hjem.ui.inventory.form import DonationDialog, PhotoChanges

if TYPE_CHECKING:
    from hjem.ui.inventory.window import InventoryWindow


def _store_photos(session, item_id: int, changes: PhotoChanges) -> None:  # type: ignore[no-untyped-def]
    for photo_id in changes.removed:
        photo = session.get(Photo, photo_id)
        if photo is not None and photo.item_id == item_id:
            session.delete(photo)
    position = (
        session.scalar(
            select(Photo.position)
            .where(Photo.item_id == item_id)
            .order_by(Photo.position.desc())
            .limit(1)
        )
        or 0
    ) + 1
    for offset, photo in enumerate(changes.added):
        session.add(
            Photo(
                item_id=item_id,
                position=position + offset,
                width=photo.width,
                height=photo.height,
                display=photo.display,
                thumbnail=photo.thumbnail,
            )
        )


def _places(window: InventoryWindow) -> list[str]:
    with window.workspace.session() as session:
        return sorted({location_path(place) for place in session.scalars(select(Location))})


def new(window: InventoryWindow) -> None:
    created: list[str] = []

    def save(data: ItemData, photos: PhotoChanges) -> Message | None:
        try:
            with window.workspace.session() as session:
                item = create_item(session, data, window.who)
                _store_photos(session, item.id, photos)
                created.append(item.code)
        except InventoryError as error:
            return error.message
        return None

    if DonationDialog(window, save, places=_places(window)).exec() and created:
        window.refresh(select_code=created[0])


def edit(window: InventoryWindow) -> None:
    code = window.selected_code()
    if code is None:
        return
    with window.workspace.session() as session:
        item = get_item(session, code)
        data, version = data_of(item), item.version
        photos = [(p.id, p.thumbnail) for p in item.photos]

    def save(changed: ItemData, changes: PhotoChanges) -> Message | None:
        try:
            with window.workspace.session() as session:
                item = update_item(session, code, version, changed, window.who)
                _store_photos(session, item.id, changes)
        except InventoryError as error:
            return error.message
        return None

    if DonationDialog(window, save, data, photos, _places(window)).exec():
        window.model.forget_thumbnail(code)
        window.refresh(select_code=code)


def _move(window: InventoryWindow, to: Status) -> None:
    code = window.selected_code()
    if code is None:
        return
    reason, ok = QInputDialog.getText(
        window, tr(f"inventory_window.action.{to.value}"), tr("inventory_window.why")
    )
    if not ok:
        return
    try:
        with window.workspace.session() as session:
            move(session, get_item(session, code), to, window.who, reason)
    except InventoryError as error:
        window.tell(error)
    window.refresh(select_code=code)


def reserve(window: InventoryWindow) -> None:
    from hjem.inventory.reservations import reserve as reserve_item

    code = window.selected_code()
    if code is None:
        return
    case, ok = QInputDialog.getText(
        window, tr("inventory_window.action.reserve"), tr("inventory_window.which_case")
    )
    if not ok:
        return
    try:
        with window.workspace.session() as session:
            reserve_item(session, code, case, window.who)
    except InventoryError as error:
        window.tell(error)
    window.refresh(select_code=code)


def _by_reservation(window: InventoryWindow, action: str) -> None:
    from hjem.inventory import reservations

    code = window.selected_code()
    if code is None:
        return
    try:
        with window.workspace.session() as session:
            if action == "release":
                reservations.release(session, code, window.who)
            else:
                reservations.deliver(session, code, window.who)
    except InventoryError as error:
        window.tell(error)
    window.refresh(select_code=code)


class _Progress(QProgressDialog):
    """A progress bar for long work, shown after a moment, kept moving from the work's calls."""

    def report(self, done: int, total: int) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(done)
        QApplication.processEvents()


def _progress(window: InventoryWindow, key: str) -> _Progress:
    progress = _Progress(tr(key), "", 0, 100, window)
    progress.setCancelButton(None)  # all or nothing: the work is not stopped halfway
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    return progress


def labels(window: InventoryWindow) -> None:
    from hjem.inventory.labels import label_sheet
    from hjem.inventory.search import find

    name, _ = QFileDialog.getSaveFileName(
        window,
        tr("inventory_window.action.labels"),
        str(Path.home() / tr("inventory_window.labels_file")),
        "PDF (*.pdf)",
    )
    if not name:
        return
    progress = _progress(window, "inventory_window.making_labels")
    try:
        with window.workspace.session() as session:
            label_sheet(find(session, window.query()), name, progress=progress.report)
    except InventoryError as error:
        window.tell(error)
    finally:
        progress.close()


def import_file(window: InventoryWindow) -> None:
    from hjem.inventory.transfer import ImportFailed, import_items

    name, _ = QFileDialog.getOpenFileName(
        window,
        tr("inventory_window.action.import"),
        str(Path.home()),
        tr("inventory_window.table_files"),
    )
    if not name:
        return
    progress = _progress(window, "inventory_window.importing")
    try:
        with window.workspace.session() as session:
            report = import_items(session, name, window.who, progress=progress.report)
    except ImportFailed as failed:
        progress.close()
        _show_import_errors(window, failed)
        return
    except InventoryError as error:
        progress.close()
        window.tell(error)
        return
    progress.close()
    QMessageBox.information(
        window,
        tr("inventory_window.action.import"),
        tr("cli.inventory_imported", created=report.created, updated=report.updated),
    )
    window.refresh()


def _show_import_errors(window: InventoryWindow, failed) -> None:  # type: ignore[no-untyped-def]
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("inventory_window.action.import"),
        failed.message.text(),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("import_errors")
    box.setDetailedText(
        "\n".join(
            tr("cli.inventory_row_error", row=e.row, column=e.column, problem=e.message)
            for e in failed.report.errors
        )
    )
    box.exec()


def export_file(window: InventoryWindow) -> None:
    from hjem.inventory.transfer import export_items

    name, _ = QFileDialog.getSaveFileName(
        window,
        tr("inventory_window.action.export"),
        str(Path.home() / tr("inventory_window.export_file")),
        tr("inventory_window.table_files"),
    )
    if not name:
        return
    try:
        with window.workspace.session() as session:
            export_items(session, name)
    except InventoryError as error:
        window.tell(error)


def demo(window: InventoryWindow) -> None:
    from hjem.inventory.demo import demo_is_present, fill_demo

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        with window.workspace.session() as session:
            if not demo_is_present(session):
                fill_demo(session, window.who)
    finally:
        QApplication.restoreOverrideCursor()
    window.refresh()


ACTIONS = [  # catalog key, handler, shortcut
    ("new", new, "Ctrl+N"),
    ("edit", edit, "Ctrl+E"),
    ("available", lambda w: _move(w, Status.AVAILABLE), ""),
    ("repair", lambda w: _move(w, Status.REPAIR), ""),
    ("discarded", lambda w: _move(w, Status.DISCARDED), ""),
    ("reserve", reserve, "Ctrl+R"),
    ("release", lambda w: _by_reservation(w, "release"), ""),
    ("deliver", lambda w: _by_reservation(w, "deliver"), ""),
    ("labels", labels, "Ctrl+P"),
    ("import", import_file, ""),
    ("export", export_file, ""),
    ("demo", demo, ""),
    ("refresh", lambda w: w.refresh(), "F5"),
]
