"""A family case's plan in the editor: opened from the workspace, saved back to it.

Saving names the version the plan was opened at. If someone saved the case's plan since, the
save is refused and nothing is lost: the architect is offered to save this version as a file
(and can then compare, or import it over the other once they have talked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import SQLAlchemyError

from hjem.budget.lines import sync_plan_lines
from hjem.budget.schemes import BudgetError
from hjem.cases.errors import CaseError, StalePlan
from hjem.cases.plans import load_case_plan, save_case_plan
from hjem.floorplan.model import Plan
from hjem.i18n import tr
from hjem.ui import files

if TYPE_CHECKING:
    from hjem.ui.main_window import MainWindow


def open_case_plan(window: MainWindow, code: str) -> bool:
    """Show the case's plan in the editor (an empty one if it has none yet)."""
    workspace = window.try_workspace()
    if workspace is None or not window.maybe_save():
        return False
    try:
        with workspace.session() as session:
            stored = load_case_plan(session, code)
    except (CaseError, SQLAlchemyError) as error:
        files.show_error(window, "case_plan.title", _reason(error))
        return False
    plan = stored.plan if stored else Plan(case_code=code)
    window.show_plan(plan, None)
    window.document.case_code = code
    window.document.case_version = stored.version if stored else None
    window.document.path_did_change.emit(None)
    window.raise_()  # from the case's window: the editor comes to the front
    window.activateWindow()
    return True


def save_to_case(window: MainWindow) -> bool:
    document = window.document
    workspace = window.try_workspace()
    if workspace is None or document.case_code is None:
        return False
    try:
        with workspace.session() as session:
            version = save_case_plan(
                session,
                document.case_code,
                document.plan,
                window.settings.user_name(),
                document.case_version,
            )
            sync_plan_lines(session, document.case_code, document.plan)  # one transaction
    except StalePlan as stale:
        return _someone_saved_meanwhile(window, stale)
    except (CaseError, BudgetError, SQLAlchemyError) as error:
        files.show_error(window, "case_plan.title", _reason(error))
        return False
    document.case_version = version
    document.mark_saved(None)
    window.recovery.discard()
    window.plan_did_save.emit(document.case_code)
    return True


def _someone_saved_meanwhile(window: MainWindow, stale: StalePlan) -> bool:
    """Nothing was written: offer to keep this version as a file."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, tr("case_plan.title"), stale.message.text(), parent=window
    )
    box.setObjectName("stale_plan")
    keep = box.addButton(tr("case_plan.save_as_file"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("case_plan.not_now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is keep and window.save_as()


def _reason(error: Exception) -> str:
    if isinstance(error, CaseError | BudgetError):
        return error.message.text()
    return tr("cli.no_database", reason=type(error).__name__)
