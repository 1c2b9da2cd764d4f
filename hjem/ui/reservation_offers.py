"""Reservations offered from the plan: placing a donated item offers to reserve it for the
plan's family; deleting one reserved for them offers to let it go again. Always asked, never
done behind the architect's back: a plan may be a sketch of options."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from hjem.floorplan.model import Placement, Plan
from hjem.i18n import Message, tr
from hjem.ids import CaseCode, ElementId
from hjem.inventory.placing import Standing
from hjem.ui.document import PlanDocument
from hjem.ui.operations import Change, Operations, Work
from hjem.ui.settings import Settings
from hjem.ui.status import StatusLine
from hjem.ui.sync.work import placed_work, release_work, reserve_work

CHANGED = frozenset({Change.INVENTORY})
HELD_HERE = (Standing.RESERVED_HERE, Standing.PROVISIONAL)
REMOVED = "fjernet fra planen"  # the reason in the item's history


class ReservationOffers:
    def __init__(
        self,
        operations: Operations,
        document: PlanDocument,
        settings: Settings,
        status: StatusLine,
        parent: QWidget,
    ):
        self.operations, self.document, self.settings = operations, document, settings
        self.status, self.parent = status, parent

    def offer_reservation(self, piece: Placement) -> None:
        """After `piece` was placed: reserve its item for the plan's family, if they agree."""
        case = self.document.plan.case_code
        if piece.inventory_item is None or self.operations.available() is None:
            return
        if not case:
            self.status.say(tr("furnish.reserve.no_case"))
            return
        standing = self._standings([piece], case).get(piece.id)
        code = piece.inventory_item
        if standing is Standing.RESERVED_ELSEWHERE:
            self._tell_text(tr("furnish.reserve.elsewhere", name=piece.label, code=code))
        elif standing is Standing.FREE and self._ask(
            tr("furnish.reserve.ask", name=piece.label, code=code, case=case),
            tr("furnish.reserve.yes"),
        ):
            self._run(reserve_work(self.operations, code, case, self.settings.user_name()))

    def offer_reservations(self, pieces: list[Placement]) -> None:
        """Reserve all these free items for the plan's family at once, if they agree."""
        case = self.document.plan.case_code
        if self.operations.available() is None or not case or not pieces:
            return
        standings = self._standings(pieces, case)
        free = [p for p in pieces if standings.get(p.id) is Standing.FREE]
        if free and self._ask(
            tr("furnish.reserve.ask_many", count=len(free), case=case), tr("furnish.reserve.yes")
        ):
            who = self.settings.user_name()
            for piece in free:
                self._run(reserve_work(self.operations, piece.inventory_item or "", case, who))

    def offer_release(self, pieces: list[Placement]) -> None:
        """After pieces were deleted: let go of the reservations they held for this family."""
        case = self.document.plan.case_code
        if self.operations.available() is None or not case:
            return
        standings = self._standings(pieces, case)
        held = [p for p in pieces if standings.get(p.id) in HELD_HERE]
        if not held:
            return
        names = ", ".join(f"{p.label} ({p.inventory_item})" for p in held)
        if self._ask(
            tr("furnish.release.ask", count=len(held), names=names), tr("furnish.release.yes")
        ):
            who = self.settings.user_name()
            for piece in held:
                self._run(release_work(self.operations, piece.inventory_item or "", who, REMOVED))

    def _standings(self, pieces: list[Placement], case: CaseCode) -> dict[ElementId, Standing]:
        plan = Plan(placements=tuple(pieces), case_code=case)
        found = self.operations.read(placed_work(self.operations, plan)) or []
        return {p.placement.id: p.standing for p in found}

    def _run(self, change: Work[object]) -> None:
        # Told when refused; the inventory is announced as changed either way, so every view
        # shows it as it now is (someone else may have taken the item meanwhile).
        self.operations.run(change, tell=self._tell)
        self.operations.announce(CHANGED)

    def _ask(self, question: str, yes: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question, tr("furnish.reserve.title"), question, parent=self.parent
        )
        box.setObjectName("reservation_offer")
        agree = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("furnish.not_now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(agree)
        box.exec()
        return box.clickedButton() is agree

    def _tell(self, message: Message) -> None:
        self._tell_text(message.text())

    def _tell_text(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, tr("furnish.reserve.title"), text, parent=self.parent
        )
        box.setObjectName("reservation_message")
        box.exec()
