"""The recovery code to write down: shown after a workspace gets a new key (created,
converted) and at every start until the person ticks that they wrote it down; and again from
Indstillinger → Vis gendannelseskode …

The code is the workspace's key. It is shown, selectable so it can be read off exactly, but
hjem puts it nowhere else: not on the clipboard, not in a file, not on a printer's queue."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QWidget,
)

from hjem.db import keystore, recovery_code
from hjem.errors import UserError
from hjem.i18n import tr
from hjem.ui.workspace_key.common import (
    NOTE_STYLE,
    WIDTH,
    dialog_layout,
    heading,
    monospace,
    paragraph,
)

GROUPS_PER_LINE = 7  # 13 groups: two lines a person copies without losing their place
CODE_STYLE = "background: #f6f3ea; border: 1px solid #d8d2c0; border-radius: 6px; padding: 12px;"


def code_lines(code: str) -> str:
    """The code as it is shown: its groups spaced, in two lines (typed back, spaces and line
    breaks do not matter)."""
    groups = code.split("-")
    lines = [
        groups[start : start + GROUPS_PER_LINE] for start in range(0, len(groups), GROUPS_PER_LINE)
    ]
    return "\n".join("  ".join(line) for line in lines)


class RecoveryCodeDialog(QDialog):
    def __init__(self, code: str, confirmed: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recovery_code_dialog")
        self.setWindowTitle(tr("workspace_ui.code.title"))
        self.code = QLabel(code_lines(code))
        self.code.setObjectName("recovery_code_shown")
        self.code.setFont(monospace(18))
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setStyleSheet(CODE_STYLE)
        self.written = QCheckBox(tr("workspace_ui.code.confirm"))
        self.written.setObjectName("code_written")
        self.written.setChecked(confirmed)
        self.buttons = self._buttons()
        self.written.toggled.connect(self.ok.setEnabled)
        self.ok.setEnabled(confirmed)  # OK only once the person says the code is on paper
        self._lay_out()
        self.written.setFocus()

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(
            tr("workspace_ui.code.ok"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok.setObjectName("code_ok")
        self.ok.setDefault(True)
        later = buttons.addButton(
            tr("workspace_ui.code.later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        later.setObjectName("code_later")
        later.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _lay_out(self) -> None:
        layout = dialog_layout(self)
        layout.addWidget(heading(tr("workspace_ui.code.title")))
        layout.addWidget(paragraph(tr("workspace_ui.code.intro")))
        layout.addWidget(self.code)
        layout.addWidget(paragraph(_steps()))
        warning = paragraph(tr("workspace_ui.code.without"), style="font-weight: 600;")
        layout.addWidget(warning)
        layout.addSpacing(6)
        layout.addWidget(self.written)
        layout.addWidget(paragraph(tr("workspace_ui.code.later_hint"), style=NOTE_STYLE))
        layout.addWidget(_line())
        layout.addWidget(self.buttons)
        self.setMinimumWidth(WIDTH + 120)


def _steps() -> str:
    """What to do with the code, as a short list (rich text: the catalog holds plain text)."""
    steps = (
        tr("workspace_ui.code.paper"),
        tr("workspace_ui.code.away"),
        tr("workspace_ui.code.never_send"),
    )
    return "<ul style='margin-left: -20px'>" + "".join(f"<li>{s}</li>" for s in steps) + "</ul>"


def _line() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def offer_code(path: Path, parent: QWidget | None = None) -> bool:
    """Show the recovery code of the workspace at `path`; True when the person confirmed
    writing it down (kept in its key file, so hjem stops asking). Nothing is shown when the
    key is not known here."""
    try:
        key = keystore.key_for(path)
    except UserError:
        return False
    keys = keystore.read_key_file(path)
    confirmed_before = keys is not None and keys.code_confirmed
    dialog = RecoveryCodeDialog(recovery_code.encode(key), confirmed_before, parent)
    confirmed = bool(dialog.exec())
    dialog.deleteLater()
    if confirmed:
        keystore.confirm_code_written(path)
    return confirmed


def offer_code_until_confirmed(path: Path, parent: QWidget | None = None) -> None:
    """At a start: the code, if the person has not yet said it is written down."""
    keys = keystore.read_key_file(path)
    if keys is not None and not keys.code_confirmed:
        offer_code(path, parent)
