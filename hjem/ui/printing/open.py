"""Open the handover print dialog for what the person is working on: the plan in the editor
(with its case's details when it belongs to a case) or a case from its window.

The main window makes its `Printing` at start-up; reportlab, the PDF preview and the database
layer load when the first print is asked for."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from hjem.errors import UserError
from hjem.floorplan.model import Plan
from hjem.i18n import tr
from hjem.ids import CaseCode
from hjem.ui import files
from hjem.ui.document import PlanDocument
from hjem.ui.operations import Operations
from hjem.ui.settings import Settings

if TYPE_CHECKING:
    from hjem.handover.data import HandoverData
    from hjem.handover.gather import PrintChoice
    from hjem.ui.printing.dialog import Gather, HandoverDialog


class Printing:
    def __init__(
        self, operations: Operations, settings: Settings, document: PlanDocument, parent: QWidget
    ):
        self.operations, self.settings, self.document = operations, settings, document
        self.parent = parent
        self.dialog: HandoverDialog | None = None  # while it is open: for tests and screenshots

    def print_open_plan(self) -> None:
        """Ctrl+P in the editor: the plan as it is on screen, saved or not."""
        from hjem.handover.gather import plan_handover

        code = self.document.case_code
        if code is not None:
            self.print_case(code)
            return
        plan, workspace = self.document.plan, self.operations.available()

        def gather(choice: PrintChoice) -> HandoverData:
            if workspace is None:
                return plan_handover(plan, choice)
            return workspace.read(lambda session: plan_handover(plan, choice, session))

        path = self.document.path
        stem = tr("handover_dialog.file_stem", name=path.stem if path else "hjem")
        self._show(gather, False, self.settings.user_name(), stem)

    def print_case(self, code: CaseCode) -> None:
        """The case's plan: the one open in the editor if it is this case's, else the stored
        one."""
        from hjem.cases.cases import get_case
        from hjem.handover.gather import case_handover

        workspace = self.operations.available()
        if workspace is None:
            files.show_error(self.parent, "handover_dialog.title", tr("case_list.no_workspace"))
            return
        document = self.document
        open_plan: Plan | None = document.plan if document.case_code == code else None
        offline = self.operations.offline  # the copy's provisional items are marked as such

        def gather(choice: PrintChoice) -> HandoverData:
            asked = replace(choice, offline=offline)
            return workspace.read(lambda session: case_handover(session, code, asked, open_plan))

        def architect_and_language(session: Any) -> tuple[str, str]:
            case = get_case(session, code)
            return case.architect, case.print_lang

        try:
            named, lang = workspace.read(architect_and_language)
        except UserError as error:  # gone meanwhile: said, and nothing opens
            files.show_error(self.parent, "handover_dialog.title", error.message.text())
            return
        stem = tr("handover_dialog.file_stem", name=code)
        self._show(gather, True, named or self.settings.user_name(), stem, lang)

    def _show(
        self, gather: Gather, for_case: bool, architect: str, stem: str, lang: str | None = None
    ) -> None:
        from hjem.ui.printing.dialog import HandoverDialog

        settings = self.settings
        dialog = HandoverDialog(
            self.parent,
            gather,
            for_case=for_case,
            architect=architect,
            contact=settings.handover_contact(),
            file_stem=stem,
            lang=lang,
        )
        dialog.contact.editingFinished.connect(
            lambda: settings.set_handover_contact(dialog.contact.text().strip())
        )
        self.dialog = dialog
        dialog.exec()
        self.dialog = None
