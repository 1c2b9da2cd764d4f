"""*Hjælp → Om hjem*: the version and build, where the workspace is on this computer (an
uninstall leaves it there), and the licences of the fonts and libraries hjem ships with, each
linked to its text (hjem.about gathers them)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from hjem.about import About, about, built_text, licence_line
from hjem.i18n import tr


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, facts: About | None = None):
        super().__init__(parent)
        facts = facts or about()
        self.setWindowTitle(tr("about.title"))
        self.setObjectName("about")
        layout = QVBoxLayout(self)
        self.heading = heading = QLabel(
            f"<h2>hjem {escape(facts.version)}</h2><p>{escape(built_text(facts))}</p>"
            f"<p>{escape(tr('about.intro'))}</p>"
        )
        heading.setWordWrap(True)
        self.workspace = QLabel(
            f"<b>{escape(tr('about.workspace'))}</b><br>{escape(str(facts.workspace))}"
            f"<br><i>{escape(tr('about.workspace_hint'))}</i>"
        )
        self.workspace.setWordWrap(True)
        self.workspace.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(_licence_list(facts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if facts.licence_folder is not None:
            folder = facts.licence_folder
            show = buttons.addButton(
                tr("about.open_licences"), QDialogButtonBox.ButtonRole.ActionRole
            )
            show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        self.buttons = buttons
        for widget in (heading, self.workspace, QLabel(f"<b>{escape(tr('about.licences'))}</b>")):
            layout.addWidget(widget)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)  # within a 1366 × 768 laptop screen


def _licence_list(facts: About) -> str:
    """One line per font or library, linked to its first licence text when there is one."""
    items = []
    for licence in facts.licences:
        line = escape(licence_line(licence))
        if licence.files:
            url = QUrl.fromLocalFile(str(licence.files[0])).toString()
            line = f'<a href="{escape(url)}">{line}</a>'
        items.append(f"<li>{line}</li>")
    return f"<ul>{''.join(items)}</ul>"


def show_about(parent: QWidget) -> None:
    AboutDialog(parent).exec()
