"""The handover plan's print dialog: choices on the left, the pages as they will print on the
right, and Print / Save as PDF.

The document is built again a moment after a choice changes, in a thread of its own, with a
progress bar; the data is gathered first in the window's thread (it reads the workspace). The
address is asked for in each print: the box starts unticked every time and is never
remembered. The finished PDF stays in memory until it is printed or saved where the person
chooses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hjem.atomic import write_bytes_atomically
from hjem.errors import UserError
from hjem.handover.data import HandoverData
from hjem.handover.gather import PrintChoice
from hjem.handover.translations import is_reviewed
from hjem.i18n import current_language, tr
from hjem.ui.printing.languages import print_language_box
from hjem.ui.printing.pages import page_images, print_pdf
from hjem.ui.screen_fit import open_within_screen

Gather = Callable[[PrintChoice], HandoverData]  # raises UserError, with a message to show
SETTLE_MS = 250
PREFERRED_SIZE = QSize(1000, 760)  # a laptop's screen gets less: the pages scroll
W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """`widget`, named for tests and style sheets to find."""
    widget.setObjectName(name)
    return widget


PREVIEW_WIDTH = 520


class _Build(QThread):
    """reportlab's part, away from the window's thread: the data is plain and frozen."""

    progressed = Signal(int, int)

    def __init__(self, data: HandoverData):
        super().__init__()
        self.data = data
        self.pdf: bytes | None = None
        self.failure = ""

    def run(self) -> None:
        import io

        from hjem.handover import build_handover

        buffer = io.BytesIO()
        try:
            build_handover(self.data, buffer, lambda done, total: self.progressed.emit(done, total))
        except Exception as error:  # told in the dialog, by its kind only: it may quote the data
            self.failure = type(error).__name__
            return
        self.pdf = buffer.getvalue()


class HandoverDialog(QDialog):
    pdf_did_change = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        gather: Gather,
        *,
        for_case: bool,
        architect: str,
        contact: str,
        file_stem: str,
        lang: str | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("handover_dialog")
        self.setWindowTitle(tr("handover_dialog.title"))
        self.gather, self.file_stem = gather, file_stem
        self.pdf: bytes | None = None
        self._build: _Build | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.rebuild)
        self._choices(for_case, architect, contact, lang or current_language())
        self.preview = QVBoxLayout()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview.setSpacing(16)
        layout = QHBoxLayout(self)
        layout.addLayout(self._left_side(), 0)
        layout.addWidget(self._preview_area(), 1)
        open_within_screen(self, PREFERRED_SIZE)  # on a laptop: its title bar shows too
        self._set_ready(False)
        self.rebuild()

    # --- the choices ---------------------------------------------------------------------------

    def _choices(self, for_case: bool, architect: str, contact: str, lang: str) -> None:
        """The case's printout language first chosen (the app's for a plan file); one nobody
        has proofread yet is labelled so, and said under the list when chosen."""
        self.language = print_language_box("handover_language")
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.unreviewed = named(QLabel(tr("print_language.unreviewed_note")), "handover_unreviewed")
        self.unreviewed.setWordWrap(True)
        self.unreviewed.setStyleSheet("color: #9a3b1e;")
        self._show_review()
        self.language.currentIndexChanged.connect(self._show_review)
        self.internal = named(QCheckBox(tr("handover_dialog.internal")), "handover_internal")
        self.address = named(QCheckBox(tr("handover_dialog.address")), "handover_address")
        for box in (self.internal, self.address):
            box.setEnabled(for_case)  # a plan file has neither budget nor address
        self.architect = named(QLineEdit(architect), "handover_architect")
        self.contact = named(QLineEdit(contact), "handover_contact")
        self.contact.setPlaceholderText(tr("handover_dialog.contact_hint"))
        self.language.currentIndexChanged.connect(self._timer.start)
        for box in (self.internal, self.address):
            box.toggled.connect(self._timer.start)
        for line in (self.architect, self.contact):
            line.textEdited.connect(self._timer.start)

    def _show_review(self) -> None:
        self.unreviewed.setVisible(not is_reviewed(self.language.currentData()))

    def choice(self) -> PrintChoice:
        return PrintChoice(
            lang=self.language.currentData(),
            internal=self.internal.isChecked(),
            with_address=self.address.isChecked(),
            architect=self.architect.text().strip(),
            contact=self.contact.text().strip(),
        )

    def _left_side(self) -> QVBoxLayout:
        form = QFormLayout()
        form.addRow(tr("handover_dialog.language"), self.language)
        form.addRow(tr("handover_dialog.architect"), self.architect)
        form.addRow(tr("handover_dialog.contact"), self.contact)
        note = QLabel(tr("handover_dialog.address_note"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.status = named(QLabel(), "handover_status")
        self.status.setWordWrap(True)
        self.progress = named(QProgressBar(), "handover_progress")
        self.progress.setTextVisible(False)
        self.print_button = named(QPushButton(tr("handover_dialog.print")), "handover_print")
        self.save_button = named(QPushButton(tr("handover_dialog.save")), "handover_save")
        close = named(QPushButton(tr("handover_dialog.close")), "handover_close")
        self.print_button.clicked.connect(lambda: self.print_pages())
        self.save_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.reject)
        side = QVBoxLayout()
        side.addLayout(form)
        above: list[QWidget] = [self.unreviewed, self.internal, self.address, note]
        above += [self.status, self.progress]
        for widget in above:
            side.addWidget(widget)
        side.addStretch(1)
        for button in (self.print_button, self.save_button, close):
            side.addWidget(button)
        return side

    def _preview_area(self) -> QScrollArea:
        pages = named(QWidget(), "handover_pages")
        pages.setLayout(self.preview)
        pages.setStyleSheet("#handover_pages { background: #8a8a8a; }")
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(pages)
        area.setMinimumWidth(PREVIEW_WIDTH + 40)
        return area

    # --- building ------------------------------------------------------------------------------

    def rebuild(self) -> None:
        if self._build is not None:  # one at a time: the newest choices once this one is done
            self._again = True
            return
        self._set_ready(False)
        try:
            data = self.gather(self.choice())
        except UserError as error:  # a case gone, no plan to print, a database away
            self.status.setText(error.message.text())
            return
        self.status.setText(tr("handover_dialog.building"))
        self._build = _Build(data)
        self._build.progressed.connect(self._show_progress)
        self._build.finished.connect(self._built)
        self._build.start()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _built(self) -> None:
        build, self._build = self._build, None
        assert build is not None
        build.deleteLater()
        if self._again:
            self._again = False
            self.rebuild()
            return
        if build.pdf is None:
            self.status.setText(tr("handover_dialog.failed", reason=build.failure))
            return
        self.pdf = build.pdf
        self._show_pages(page_images(self.pdf, PREVIEW_WIDTH))
        self._set_ready(True)
        self.pdf_did_change.emit()

    def _show_pages(self, images: list[QImage]) -> None:
        while (item := self.preview.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for image in images:
            page = named(QLabel(), "handover_page")
            page.setPixmap(QPixmap.fromImage(image))
            self.preview.addWidget(page)
        self.status.setText(tr("handover_dialog.pages", count=len(images)))

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.progress.setVisible(not ready)

    # --- getting it out ------------------------------------------------------------------------

    def print_pages(self, printer: QPrinter | None = None) -> bool:
        """Through the print dialog; `printer` is the one to set up (a new one if None)."""
        if self.pdf is None:
            return False
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(tr("handover_dialog.doc_name"))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if not print_pdf(self.pdf, printer):
            self.status.setText(tr("handover_dialog.print_failed"))
            return False
        self.status.setText(tr("handover_dialog.printed"))
        return True

    def save_pdf(self) -> bool:
        if self.pdf is None:
            return False
        suggestion = str(Path.home() / f"{self.file_stem}.pdf")
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("handover_dialog.save"), suggestion, tr("handover_dialog.pdf_filter")
        )
        if not name:
            return False
        path = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
        try:
            write_bytes_atomically(path, self.pdf)
        except OSError as error:
            self.status.setText(tr("handover_dialog.cannot_save", reason=error.strerror or ""))
            return False
        self.status.setText(tr("handover_dialog.saved", file=path.name))
        return True

    def done(self, result: int) -> None:
        if self._build is not None:  # let reportlab finish before the dialog goes
            self._build.wait()
        super().done(result)
