"""Settings chosen from the menu: language (from the next start) and the autosave interval."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox

from hjem.i18n import tr

if TYPE_CHECKING:
    from hjem.ui.main_window import MainWindow


def choose_language(window: MainWindow, lang: str) -> None:
    window.settings.set_language(lang)
    QMessageBox.information(
        window, tr("menu.title.language"), tr("preferences.language_next_start", lang=lang)
    )


def ask_user_name(window: MainWindow) -> None:
    """The name written in the history of what this person does, and on their cases."""
    name, ok = QInputDialog.getText(
        window,
        tr("preferences.name_title"),
        tr("preferences.name_prompt"),
        text=window.settings.user_name(),
    )
    if ok and name.strip():
        window.settings.set_user_name(name.strip())
        if window.inventory_window is not None:
            window.inventory_window.who = name.strip()
        if window.cases.list is not None:
            window.cases.list.set_me(name.strip())


def set_autosave(window: MainWindow, seconds: int) -> None:
    window.settings.set_autosave_seconds(seconds)
    window.set_autosave_seconds(seconds)
    key = "preferences.autosave_off" if seconds == 0 else "preferences.autosave_every"
    window.hint.setText(tr(key, seconds=seconds))
