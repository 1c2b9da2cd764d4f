"""The status line at the foot of the main window: hints, refusals in red, and what is being
typed. Modules that want to say something take this, not the window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from hjem.i18n import tr

ERROR_STYLE = "color: #b3261e;"


class StatusLine:
    def __init__(self, bar: QStatusBar):
        self.hint = QLabel()
        self.typed = QLabel()
        bar.addWidget(self.hint, 1)
        bar.addPermanentWidget(self.typed)
        self._last_hint = ""  # what the tool said last: it comes back when a refusal is over
        self.shows_error = False

    def say(self, text: str, error: bool = False) -> None:
        if not error:
            self._last_hint = text
        self.shows_error = error
        self.hint.setStyleSheet(ERROR_STYLE if error else "")
        self.hint.setText(text)

    def clear_error(self) -> None:
        """The plan changed since a refusal (an edit, an undo): its red words go, and the
        tool's last hint shows again."""
        if self.shows_error:
            self.say(self._last_hint)

    def show_typed(self, text: str) -> None:
        self.typed.setText(tr("status.typed", text=text) if text else "")
