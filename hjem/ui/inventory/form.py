"""The donation form: every field of an item, its photos (by file dialog or drag and drop),
and a clear message, in the form, for anything that is not right."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hjem.errors import UserError
from hjem.floorplan.categories import CATEGORIES
from hjem.i18n import Message, msg, tr
from hjem.inventory.errors import InventoryError
from hjem.inventory.items import ItemData
from hjem.inventory.models import Condition
from hjem.inventory.photos import PhotoChanges, process
from hjem.money import format_kroner, parse_kroner
from hjem.ui.dates import date_box, day_of, set_day
from hjem.ui.panels.properties import parse_number

CHECKLIST = ("whole", "clean", "smoke_free", "pet_free", "no_pests")
SIZES = ("width", "depth", "height")
PHOTO_FILES = "*.jpg *.jpeg *.png *.webp *.gif"  # no HEIC: its Pillow plugin is not installed


# save(data, photo changes) -> None when saved, or the message saying why not.
Save = Callable[[ItemData, PhotoChanges], Message | None]


class DonationDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        save: Save,
        data: ItemData | None = None,
        photos: Sequence[tuple[int, bytes]] = (),
        places: Sequence[str] = (),
    ):
        super().__init__(parent)
        self.setWindowTitle(tr("donation.title_edit" if data else "donation.title_new"))
        self.setAcceptDrops(True)
        self._save = save
        self.changes = PhotoChanges()
        self._build(places)
        self._fill(
            data
            or ItemData(
                name="", category="sofa", width=0, depth=0, height=0, received_on=dt.date.today()
            )
        )
        for photo_id, thumbnail in photos:
            self._show_photo(thumbnail, photo_id)

    # --- building the form ---------------------------------------------------------------

    def _line(self, name: str) -> QLineEdit:
        widget = QLineEdit()
        widget.setObjectName(f"donation_{name}")
        return widget

    def _build(self, places: Sequence[str]) -> None:
        self.name, self.colour = self._line("name"), self._line("colour")
        self.sizes = {key: self._line(key) for key in SIZES}
        self.location, self.value = self._line("location"), self._line("value")
        self.donor_name, self.donor_contact = self._line("donor_name"), self._line("donor_contact")
        self.category = QComboBox()
        for slug in CATEGORIES:
            self.category.addItem(tr(f"category.{slug}.name"), slug)
        self.condition = QComboBox()
        for condition in Condition:
            self.condition.addItem(tr(f"condition.{condition.value}"), condition.value)
        self.checks = {name: QCheckBox(tr(f"donation.check.{name}")) for name in CHECKLIST}
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.received = date_box(name="donation_received")
        if places:
            self.location.setCompleter(QCompleter(list(places), self))
        form = QFormLayout()
        form.addRow(tr("inventory.field.name"), self.name)
        form.addRow(tr("inventory.field.category"), self.category)
        form.addRow(tr("donation.size"), self._size_row())
        form.addRow(tr("inventory.field.colour"), self.colour)
        form.addRow(tr("inventory.field.condition"), self.condition)
        form.addRow(tr("donation.checklist"), self._checklist())
        form.addRow(tr("inventory.field.received_on"), self.received)
        form.addRow(tr("inventory.field.location"), self.location)
        form.addRow(tr("inventory.field.value"), self.value)
        form.addRow(tr("inventory.field.notes"), self.notes)
        form.addRow(tr("inventory.field.donor_name"), self.donor_name)
        form.addRow(tr("inventory.field.donor_contact"), self.donor_contact)
        self.problem = QLabel()
        self.problem.setObjectName("donation_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("donation.save"))
        buttons.accepted.connect(self._try_save)
        buttons.rejected.connect(self.reject)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.problem)
        left.addWidget(buttons)
        layout.addLayout(left, 3)
        layout.addLayout(self._photo_column(), 2)

    def _size_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for key, widget in self.sizes.items():
            widget.setPlaceholderText(tr(f"inventory.field.{key}"))
            row.addWidget(widget)
        row.addWidget(QLabel("cm"))
        return row

    def _checklist(self) -> QGridLayout:
        grid = QGridLayout()
        for i, box in enumerate(self.checks.values()):
            grid.addWidget(box, i // 3, i % 3)
        return grid

    def _photo_column(self) -> QVBoxLayout:
        self.photos = QListWidget()
        self.photos.setObjectName("donation_photos")
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(120, 120))
        self.photos.setMinimumWidth(280)
        add, remove = (
            QPushButton(tr("donation.add_photo")),
            QPushButton(tr("donation.remove_photo")),
        )
        add.clicked.connect(self._ask_photos)
        remove.clicked.connect(self._remove_photo)
        column = QVBoxLayout()
        column.addWidget(QLabel(tr("donation.photos_hint")))
        column.addWidget(self.photos, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        column.addLayout(buttons)
        return column

    # --- values in and out -------------------------------------------------------------------

    def _fill(self, data: ItemData) -> None:
        self.name.setText(data.name)
        self.category.setCurrentIndex(max(0, self.category.findData(data.category)))
        for key, widget in self.sizes.items():
            value = getattr(data, key)
            widget.setText(f"{value:g}".replace(".", ",") if value else "")
        self.colour.setText(data.colour)
        self.condition.setCurrentIndex(max(0, self.condition.findData(data.condition)))
        for name, box in self.checks.items():
            box.setChecked(getattr(data, name))
        self.notes.setPlainText(data.notes)
        received = data.received_on or dt.date.today()
        set_day(self.received, received)
        self.location.setText(data.location)
        self.value.setText(
            format_kroner(data.value_ore).replace(" kr.", "") if data.value_ore else ""
        )
        self.donor_name.setText(data.donor_name)
        self.donor_contact.setText(data.donor_contact)

    def data(self) -> ItemData:
        """The form's values; a size or amount that is not a number raises InventoryError."""
        width, depth, height = (
            number if (number := parse_number(self.sizes[key].text())) is not None else math.nan
            for key in SIZES
        )
        value = parse_kroner(self.value.text()) if self.value.text().strip() else 0
        if value is None:
            raise InventoryError(
                msg(
                    "inventory.error.field",
                    field=msg("inventory.field.value"),
                    problem=msg("donation.not_an_amount"),
                )
            )
        checks = {name: box.isChecked() for name, box in self.checks.items()}
        return ItemData(
            name=self.name.text(),
            width=width,
            depth=depth,
            height=height,
            category=self.category.currentData(),
            colour=self.colour.text(),
            condition=self.condition.currentData(),
            notes=self.notes.toPlainText(),
            received_on=day_of(self.received),
            location=self.location.text(),
            value_ore=value,
            donor_name=self.donor_name.text(),
            donor_contact=self.donor_contact.text(),
            whole=checks["whole"],
            clean=checks["clean"],
            smoke_free=checks["smoke_free"],
            pet_free=checks["pet_free"],
            no_pests=checks["no_pests"],
        )

    def _try_save(self) -> None:
        try:
            problem = self._save(self.data(), self.changes)
        except UserError as error:
            problem = error.message
        if problem is None:
            self.accept()
        else:
            self.problem.setText(problem.text())

    # --- photos -----------------------------------------------------------------------------

    def _ask_photos(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            tr("donation.add_photo"),
            str(Path.home()),
            tr("donation.photo_filter", patterns=PHOTO_FILES),
        )
        self.add_photo_files([Path(n) for n in names])

    def add_photo_files(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                photo = process(path.read_bytes())
            except UserError as error:
                self.problem.setText(f"{path.name}: {error.message.text()}")
                continue
            except OSError:
                self.problem.setText(tr("donation.photo_unreadable", name=path.name))
                continue
            self.changes.added.append(photo)
            self._show_photo(photo.thumbnail, None)

    def _show_photo(self, thumbnail: bytes, photo_id: int | None) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(thumbnail)
        item = QListWidgetItem(QIcon(pixmap), "")
        item.setData(Qt.ItemDataRole.UserRole, photo_id)
        self.photos.addItem(item)

    def _remove_photo(self) -> None:
        row = self.photos.currentRow()
        if row < 0:
            return
        item = self.photos.takeItem(row)
        photo_id = item.data(Qt.ItemDataRole.UserRole)
        if photo_id is not None:
            self.changes.removed.append(photo_id)
        else:  # a photo added in this dialog: the n-th new one
            new_before = sum(
                1 for i in range(row) if self.photos.item(i).data(Qt.ItemDataRole.UserRole) is None
            )
            del self.changes.added[new_before]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_photo_files(
            [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        )
        event.acceptProposedAction()
