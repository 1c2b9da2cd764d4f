"""The editing session: everything that edits the open plan, built together when the first
plan opens and never half there. The main window holds one; action modules take the part of
it they need (the editor, the document), never the window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from hjem.ui.document import PlanDocument

if TYPE_CHECKING:  # the editor loads the geometry engine: not at start-up
    from hjem.ui.editor import Editor
    from hjem.ui.furnishing import Furnishing
    from hjem.ui.panels.conflicts import ConflictsPanel
    from hjem.ui.panels.properties import PropertiesPanel
    from hjem.ui.scene.plan_scene import PlanScene
    from hjem.ui.view import PlanView


@dataclass(frozen=True)
class EditingSession:
    document: PlanDocument
    scene: PlanScene
    view: PlanView
    editor: Editor
    properties: PropertiesPanel
    conflicts: ConflictsPanel
    furnishing: Furnishing
