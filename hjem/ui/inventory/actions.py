"""What the inventory window's buttons do: each a short operation on the workspace, with a
clear message when the inventory refuses (already reserved, an illegal move, an edit clash).
Writing labels and exports runs in the background; the window stays usable meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QStatusBar,
    QWidget,
)

from hjem.i18n import Message, tr
from hjem.ids import ItemCode
from hjem.inventory.donations import donate, donation_form, edit_donation, place_names
from hjem.inventory.items import ItemData, get_item
from hjem.inventory.lifecycle import BY_RESERVATION, allowed, move
from hjem.inventory.models import Status
from hjem.inventory.photos import PhotoChanges
from hjem.inventory.search import Query
from hjem.ui.inventory.form import DonationDialog
from hjem.ui.operations import NOTHING, Change, Operations, Outcome, Work

if TYPE_CHECKING:  # the import's table readers load when first used
    from hjem.inventory.transfer import ImportFailed

CHANGED = frozenset({Change.INVENTORY})


class InventoryHost(Protocol):
    """What the actions need of the inventory window."""

    operations: Operations
    who: str

    def selected_code(self) -> ItemCode | None: ...

    def query(self) -> Query: ...

    def refresh(self, select_code: str | None = None) -> None: ...

    def tell(self, message: Message) -> None: ...

    def forget_thumbnail(self, code: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...


def _parent(window: InventoryHost) -> QWidget | None:
    return window if isinstance(window, QWidget) else None


def _places(window: InventoryHost) -> list[str]:
    return window.operations.read(place_names) or []


def _change(window: InventoryHost, work: Work[object], code: str | None) -> None:
    """An inventory change; told when refused, and the window shows the item as it now is."""
    window.operations.run(work, CHANGED, tell=window.tell)
    window.refresh(select_code=code)


def new(window: InventoryHost) -> None:
    created: list[str] = []

    def save(data: ItemData, photos: PhotoChanges) -> Message | None:
        who = window.who
        done = window.operations.run(lambda s: donate(s, data, photos, who), CHANGED)
        if done.problem is not None:
            return done.problem.message
        created.append(str(done.value))
        return None

    dialog = DonationDialog(_parent(window), save, places=_places(window))
    if dialog.exec() and created:
        window.refresh(select_code=created[0])


def edit(window: InventoryHost) -> None:
    code = window.selected_code()
    if code is None:
        return
    form = window.operations.read(lambda s: donation_form(s, code), tell=window.tell)
    if form is None:
        return
    data, version, photos = form

    def save(changed: ItemData, changes: PhotoChanges) -> Message | None:
        who = window.who
        done = window.operations.run(
            lambda s: edit_donation(s, code, version, changed, changes, who), CHANGED
        )
        return done.problem.message if done.problem else None

    if DonationDialog(_parent(window), save, data, photos, _places(window)).exec():
        window.forget_thumbnail(code)
        window.refresh(select_code=code)


def _move(window: InventoryHost, to: Status) -> None:
    code = window.selected_code()
    if code is None:
        return
    reason, ok = QInputDialog.getText(
        _parent(window), tr(f"inventory_window.action.{to.value}"), tr("inventory_window.why")
    )
    if ok:
        who = window.who
        _change(window, lambda s: move(s, get_item(s, code), to, who, reason), code)


def reserve(window: InventoryHost) -> None:
    from hjem.ui.inventory.reserve_dialog import ask_case
    from hjem.ui.sync.work import reserve_work

    code = window.selected_code()
    if code is None:
        return
    case = ask_case(_parent(window), window.operations, code, window.tell)  # picked, not typed
    if case is not None:
        who = window.who
        _change(window, reserve_work(window.operations, code, case, who), code)


def _by_reservation(window: InventoryHost, action: str) -> None:
    from hjem.inventory import reservations

    code = window.selected_code()
    if code is None:
        return
    who = window.who
    if action == "release":
        from hjem.ui.sync.work import release_work

        _change(window, release_work(window.operations, code, who), code)
    else:
        _change(window, lambda s: reservations.deliver(s, code, who), code)


class _Progress(QProgressDialog):
    """A progress bar for long work, shown after a moment, kept moving from the work's calls."""

    def report(self, done: int, total: int) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(done)
        QApplication.processEvents()


def _progress(window: InventoryHost, key: str) -> _Progress:
    progress = _Progress(tr(key), "", 0, 100, _parent(window))
    progress.setCancelButton(None)  # all or nothing: the work is not stopped halfway
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    return progress


def _in_background(window: InventoryHost, key: str, work: Work[object]) -> None:
    """File work away from the window's thread; the status bar says it is under way."""
    window.statusBar().showMessage(tr(key))

    def done(outcome: Outcome[Any]) -> None:
        window.statusBar().clearMessage()

    window.operations.run_in_background(work, done, NOTHING, tell=window.tell)


def labels(window: InventoryHost) -> None:
    from hjem.inventory.labels import label_sheet
    from hjem.inventory.search import find

    name, _ = QFileDialog.getSaveFileName(
        _parent(window),
        tr("inventory_window.action.labels"),
        str(Path.home() / tr("inventory_window.labels_file")),
        "PDF (*.pdf)",
    )
    if name:
        query = window.query()
        _in_background(
            window, "inventory_window.making_labels", lambda s: label_sheet(find(s, query), name)
        )


def import_file(window: InventoryHost) -> None:
    from hjem.inventory.transfer import ImportFailed, import_items

    name, _ = QFileDialog.getOpenFileName(
        _parent(window),
        tr("inventory_window.action.import"),
        str(Path.home()),
        tr("inventory_window.table_files"),
    )
    if not name:
        return
    progress = _progress(window, "inventory_window.importing")
    who = window.who
    try:
        done = window.operations.run(
            lambda s: import_items(s, name, who, progress=progress.report), CHANGED
        )
    finally:
        progress.close()
    if isinstance(done.problem, ImportFailed):
        _show_import_errors(window, done.problem)
    elif done.problem is not None:
        window.tell(done.problem.message)
    elif done.value is not None:
        QMessageBox.information(
            _parent(window),
            tr("inventory_window.action.import"),
            tr("cli.inventory_imported", created=done.value.created, updated=done.value.updated),
        )
        window.refresh()


def _show_import_errors(window: InventoryHost, failed: ImportFailed) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("inventory_window.action.import"),
        failed.message.text(),
        QMessageBox.StandardButton.Ok,
        _parent(window),
    )
    box.setObjectName("import_errors")
    lines = [
        tr("cli.inventory_row_error", row=e.row, column=e.column, problem=e.message)
        for e in failed.report.errors
    ]
    if unlisted := failed.report.error_count - len(failed.report.errors):
        lines.append(tr("import_export.more_errors", count=unlisted))
    box.setDetailedText("\n".join(lines))
    box.exec()


def export_file(window: InventoryHost) -> None:
    from hjem.inventory.transfer import export_items

    name, _ = QFileDialog.getSaveFileName(
        _parent(window),
        tr("inventory_window.action.export"),
        str(Path.home() / tr("inventory_window.export_file")),
        tr("inventory_window.table_files"),
    )
    if name:
        _in_background(window, "inventory_window.exporting", lambda s: export_items(s, name))


def demo(window: InventoryHost) -> None:
    from hjem.inventory.demo import fill_demo_inventory

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        who = window.who
        window.operations.run(lambda s: fill_demo_inventory(s, who), CHANGED, tell=window.tell)
    finally:
        QApplication.restoreOverrideCursor()
    window.refresh()


# When an action is offered: it looks at the selected item's status (None: nothing selected)
# and the number of rows shown.
Offered = Callable[[str | None, int], bool]


def _always(_status: str | None, _shown: int) -> bool:
    return True


def _one_item(status: str | None, _shown: int) -> bool:
    return status is not None


def _rows_shown(_status: str | None, shown: int) -> bool:
    return shown > 0


def _status_in(*statuses: Status) -> Offered:
    return lambda status, _shown: status is not None and Status(status) in statuses


def _can_move(to: Status) -> Offered:
    """A move the lifecycle allows from the item's status (reservations have their own)."""

    def offered(status: str | None, _shown: int) -> bool:
        if status is None:
            return False
        return allowed(status, to) and (Status(status), to) not in BY_RESERVATION

    return offered


# Reserving a reserved item stays offered: hjem then says it is another family's.
ACTIONS: list[tuple[str, Callable[[Any], None], str, Offered]] = [
    # catalog key, handler, shortcut, when offered
    ("new", new, "Ctrl+N", _always),
    ("edit", edit, "Ctrl+E", _one_item),
    ("available", lambda w: _move(w, Status.AVAILABLE), "", _can_move(Status.AVAILABLE)),
    ("repair", lambda w: _move(w, Status.REPAIR), "", _can_move(Status.REPAIR)),
    ("discarded", lambda w: _move(w, Status.DISCARDED), "", _can_move(Status.DISCARDED)),
    ("reserve", reserve, "Ctrl+R", _status_in(Status.AVAILABLE, Status.RESERVED)),
    ("release", lambda w: _by_reservation(w, "release"), "", _status_in(Status.RESERVED)),
    ("deliver", lambda w: _by_reservation(w, "deliver"), "", _status_in(Status.RESERVED)),
    ("labels", labels, "Ctrl+P", _rows_shown),
    ("import", import_file, "", _always),
    ("export", export_file, "", _always),
    ("refresh", lambda w: w.refresh(), "F5", _always),
]
