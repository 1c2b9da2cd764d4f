"""A family case's plan in the editor: read from the workspace, saved back to it.

Saving names the version the plan was opened at. If someone saved the case's plan since, the
save is refused and nothing is lost: the architect is offered to save this version as a file
(and can then compare, or import it over the other once they have talked).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from hjem.cases.errors import StalePlan
from hjem.cases.plans import load_case_plan
from hjem.floorplan.model import Plan
from hjem.i18n import tr
from hjem.ids import CaseCode
from hjem.ui.document import PlanDocument
from hjem.ui.operations import Change, Operations, Outcome, message_box
from hjem.ui.sync.work import save_plan_work

SAVED = frozenset({Change.CASES, Change.BUDGET})


@dataclass(frozen=True)
class StaleSave:
    """Someone saved the case's plan meanwhile; nothing was written here."""

    keep_as_file: bool  # the architect wants this version kept as a file


def load_case_plan_for(
    operations: Operations, code: CaseCode, parent: QWidget
) -> Outcome[tuple[Plan, int] | None]:
    """The case's stored plan and its version (None when it has none yet); told if it fails."""

    def load(session: Any) -> tuple[Plan, int] | None:
        stored = load_case_plan(session, code)
        return (stored.plan, stored.version) if stored else None

    return operations.run(load, tell=message_box(parent, tr("case_plan.title")))


def save_case_plan_of(
    operations: Operations, document: PlanDocument, who: str, parent: QWidget
) -> bool | StaleSave:
    """Save the document's plan to its case, with its budget lines; True once it is kept."""
    code, plan, opened_at = document.case_code, document.plan, document.case_version
    if code is None:
        return False
    saved = operations.run(save_plan_work(operations, code, plan, who, opened_at), SAVED)
    if isinstance(saved.problem, StalePlan):
        return StaleSave(_someone_saved_meanwhile(parent, saved.problem))
    if saved.problem is not None or saved.value is None:
        if saved.problem is not None:
            message_box(parent, tr("case_plan.title"))(saved.problem.message)
        return False
    document.case_version = saved.value
    document.mark_saved(None)
    return True


def _someone_saved_meanwhile(parent: QWidget, stale: StalePlan) -> bool:
    """Nothing was written: offer to keep this version as a file."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, tr("case_plan.title"), stale.message.text(), parent=parent
    )
    box.setObjectName("stale_plan")
    keep = box.addButton(tr("case_plan.save_as_file"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("case_plan.not_now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is keep
