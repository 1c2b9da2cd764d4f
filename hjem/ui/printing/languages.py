"""The list of printout languages, as the case form and the print dialog offer it: each in its
own script and the reader's, a language nobody has proofread yet saying so."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from hjem.handover.translations import language_label
from hjem.i18n import PRINT_LANGUAGES


def print_language_box(name: str) -> QComboBox:
    """A drop-down of PRINT_LANGUAGES (item data: the language code)."""
    box = QComboBox()
    box.setObjectName(name)
    for lang in PRINT_LANGUAGES:
        box.addItem(language_label(lang), lang)
    return box
