"""Opening and saving plans from the window: dialogs, and errors said as a message box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hjem.i18n import tr

FILTER_KEY = "files.filter"


def ask_open_path(
    parent: QWidget,
    folder: Path | None = None,
    title_key: str = "files.open_title",
    filter_key: str = FILTER_KEY,
) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, tr(title_key), str(folder or Path.home()), tr(filter_key)
    )
    return Path(name) if name else None


def ask_save_path(parent: QWidget, suggestion: Path | None = None) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        tr("files.save_title"),
        str(suggestion or Path.home() / tr("files.untitled")),
        tr(FILTER_KEY),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".hjem" else path.with_name(path.name + ".hjem")


def show_error(parent: QWidget | None, title_key: str, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, tr(title_key), text, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("error_box")
    box.exec()


def ask_save_changes(parent: QWidget) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel, for a plan with unsaved changes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("files.unsaved_title"),
        tr("files.unsaved_text"),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unsaved_box")
    box.button(QMessageBox.StandardButton.Discard).setText(tr("files.discard"))
    return QMessageBox.StandardButton(box.exec())
