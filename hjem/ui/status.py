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

    def say(self, text: str, error: bool = False) -> None:
        self.hint.setStyleSheet(ERROR_STYLE if error else "")
        self.hint.setText(text)

    def show_typed(self, text: str) -> None:
        self.typed.setText(tr("status.typed", text=text) if text else "")
