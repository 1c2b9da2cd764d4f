"""What an editing session needs from the window around it, handed over as one small value
(the window itself is never handed on)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow

from hjem.ui.document import PlanDocument
from hjem.ui.operations import Operations
from hjem.ui.settings import Settings
from hjem.ui.status import StatusLine


@dataclass(frozen=True)
class Surroundings:
    """What an editing session needs from the window around it."""

    host: QMainWindow  # its panels dock here, and its dialogs open over it
    document: PlanDocument
    settings: Settings
    operations: Operations
    status: StatusLine
