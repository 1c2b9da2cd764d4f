"""Open the handover print dialog for what the person is working on: the plan in the editor
(with its case's details when it belongs to a case) or a case from its window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hjem.cases.cases import get_case
from hjem.cases.errors import CaseError
from hjem.floorplan.model import Plan
from hjem.handover.data import HandoverData
from hjem.handover.gather import PrintChoice, case_handover, plan_handover
from hjem.i18n import tr
from hjem.ui import files
from hjem.ui.printing.dialog import Gather, HandoverDialog

if TYPE_CHECKING:
    from hjem.ui.main_window import MainWindow


def print_open_plan(window: MainWindow) -> None:
    """Ctrl+P in the editor: the plan as it is on screen, saved or not."""
    code = window.document.case_code
    if code is not None:
        print_case(window, code)
        return
    plan = window.document.plan
    workspace = window.try_workspace()

    def gather(choice: PrintChoice) -> HandoverData:
        if workspace is None:
            return plan_handover(plan, choice)
        with workspace.session() as session:
            return plan_handover(plan, choice, session)

    path = window.document.path
    stem = tr("handover_dialog.file_stem", name=path.stem if path else "hjem")
    _show(window, gather, False, window.settings.user_name(), stem)


def print_case(window: MainWindow, code: str) -> None:
    """The case's plan: the one open in the editor if it is this case's, else the stored one."""
    workspace = window.try_workspace()
    if workspace is None:
        files.show_error(window, "handover_dialog.title", tr("case_list.no_workspace"))
        return
    document = window.document
    open_plan: Plan | None = document.plan if document.case_code == code else None

    def gather(choice: PrintChoice) -> HandoverData:
        with workspace.session() as session:
            return case_handover(session, code, choice, open_plan)

    try:
        with workspace.session() as session:
            architect = get_case(session, code).architect or window.settings.user_name()
    except CaseError as error:  # gone meanwhile: said, and nothing opens
        files.show_error(window, "handover_dialog.title", error.message.text())
        return
    _show(window, gather, True, architect, tr("handover_dialog.file_stem", name=code))


def _show(window: MainWindow, gather: Gather, for_case: bool, architect: str, stem: str) -> None:
    settings = window.settings
    dialog = HandoverDialog(
        window,
        gather,
        for_case=for_case,
        architect=architect,
        contact=settings.handover_contact(),
        file_stem=stem,
    )
    dialog.contact.editingFinished.connect(
        lambda: settings.set_handover_contact(dialog.contact.text().strip())
    )
    window.handover_dialog = dialog  # for tests and screenshots to find it
    dialog.exec()
    window.handover_dialog = None
