"""Settings chosen from the menu: language (from the next start), the user's name and the
autosave interval; and the volunteer's name asked at the first start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from hjem.i18n import tr
from hjem.ui.settings import Settings
from hjem.ui.status import StatusLine


class Preferences:
    def __init__(
        self,
        settings: Settings,
        status: StatusLine,
        parent: QWidget,
        set_autosave_seconds: Callable[[int], None],
        name_did_change: Callable[[str], None],
    ):
        self.settings, self.status, self.parent = settings, status, parent
        self._set_autosave_seconds = set_autosave_seconds
        self._name_did_change = name_did_change

    def choose_language(self, lang: str) -> None:
        self.settings.set_language(lang)
        QMessageBox.information(
            self.parent,
            tr("menu.title.language"),
            tr("preferences.language_next_start", lang=lang),
        )

    def ask_user_name(self) -> None:
        """The name written in the history of what this person does, and on their cases."""
        name, ok = QInputDialog.getText(
            self.parent,
            tr("preferences.name_title"),
            tr("preferences.name_prompt"),
            text=self.settings.user_name(),
        )
        if ok and name.strip():
            self.settings.set_user_name(name.strip())
            self._name_did_change(name.strip())

    def welcome(self) -> None:
        """At the first start (no name chosen yet): ask the volunteer's name. "Later" keeps
        none, and the question comes again at the next start."""
        if self.settings.user_name():
            return
        from hjem.ui.first_start import ask_name

        name = ask_name(self.parent)
        if name:
            self.settings.set_user_name(name)
            self._name_did_change(name)

    def set_autosave(self, seconds: int) -> None:
        self.settings.set_autosave_seconds(seconds)
        self._set_autosave_seconds(seconds)
        key = "preferences.autosave_off" if seconds == 0 else "preferences.autosave_every"
        self.status.say(tr(key, seconds=seconds))
