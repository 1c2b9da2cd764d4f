"""The search field and category choice shared by the inventory window and the plan's
inventory panel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit

from hjem.floorplan.categories import CATEGORIES
from hjem.i18n import tr


def search_field(name: str, find: Callable[[], None]) -> QLineEdit:
    """Text or an item's code (typed or scanned); Enter searches."""
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(tr("inventory_window.search_hint"))
    field.returnPressed.connect(find)
    return field


def category_choice(find: Callable[[], None]) -> QComboBox:
    """Every category, or all of them; choosing one searches."""
    choice = QComboBox()
    choice.addItem(tr("inventory_window.all_categories"), None)
    for slug in CATEGORIES:
        choice.addItem(tr(f"category.{slug}.name"), slug)
    choice.activated.connect(lambda _index: find())
    return choice
