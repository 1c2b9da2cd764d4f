"""The main window's side of syncing: the status at its foot, *Synkronisér nu* and
*Konflikter …* in the Settings menu, what a finished sync says, and the conflicts' ways out.

A conflict's way out edits what the person sees: *Find et lignende* swaps the piece in the
case's plan for an item of the same kind that fits its spot and reserves it (in the editor
as one undo step when the plan is open there, else in the stored plan); *Åbn min plan som
kopi* opens the laptop's plan in the editor as a new, unsaved plan, never over the other."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hjem.i18n import msg, tr
from hjem.ids import CaseCode
from hjem.ui.operations import Change, message_box, offline_ready
from hjem.ui.sync.control import Mode, SyncControl
from hjem.ui.sync.status_button import SyncStatusButton

if TYPE_CHECKING:
    from hjem.inventory.similar import Similar
    from hjem.sync.conflicts import ConflictView, PieceInPlan
    from hjem.sync.engine import SyncReport
    from hjem.ui.signin.team import SignInParts

SWAPPED = frozenset({Change.INVENTORY, Change.CASES, Change.BUDGET})


class SyncWindow:
    def __init__(self, control: SyncControl, parts: SignInParts):
        self.control, self.parts = control, parts
        self.button = SyncStatusButton(control, self.show_conflicts)
        parts.window.statusBar().addPermanentWidget(self.button)
        menus = parts.menus
        settings_menu = menus.menus["menu.title.settings"]
        self.sync_action = menus.action("menu.sync_now", control.sync_now, "F9", editing=False)
        self.conflicts_action = menus.action("menu.conflicts", self.show_conflicts, editing=False)
        settings_menu.addAction(self.sync_action)
        settings_menu.addAction(self.conflicts_action)
        control.changed.connect(self._show_actions)
        control.synced.connect(self._synced)
        self._show_actions()
        self._offer_visits()

    def _offer_visits(self) -> None:
        """*Forbered besøg* in the case windows, when a team server is set."""
        from hjem.ui.sync.visit_flow import VisitFlow

        parts = self.parts
        if parts.settings.team_server() is None and not parts.address:
            return
        flow = VisitFlow(self.control, parts.operations, parts.settings.user_name, parts.window)
        parts.cases.prepare_visit = flow.prepare

    def _show_actions(self) -> None:
        team = self.control.mode is not Mode.LOCAL
        self.sync_action.setVisible(team)
        self.conflicts_action.setVisible(team)
        self.sync_action.setEnabled(team and self.control.progress is None)

    def _synced(self, report: SyncReport) -> None:
        if report.conflicts:
            text = tr("sync.window.synced_conflicts", count=len(report.conflicts))
            self.parts.status.say(text, error=True)
        else:
            self.parts.status.say(tr("sync.window.synced", count=report.applied))
        if self.control.mode is Mode.OFFLINE:
            self.parts.operations.announce(SWAPPED)  # the copy changed under the views

    # --- conflicts -------------------------------------------------------------------------------

    def show_conflicts(self) -> None:
        from hjem.sync.conflicts import conflict_views
        from hjem.ui.sync.conflicts_dialog import ConflictActions, ConflictsDialog

        views = self.control.on_copy(conflict_views)
        if views is None:
            return
        dialog = ConflictsDialog(
            views, ConflictActions(self._way_out, self._settle), self.parts.window
        )
        dialog.exec()
        dialog.deleteLater()
        self.control.read_status()

    def _settle(self, view: ConflictView) -> None:
        from hjem.sync.conflicts import settle_conflict

        self.control.on_copy(lambda session: settle_conflict(session, view.op_id), write=True)

    def _way_out(self, view: ConflictView) -> bool:
        from hjem.sync.conflicts import WayOut

        if view.way_out == WayOut.PLAN_COPY:
            return self._open_laptop_plan(view)
        return self._find_similar(view)

    def _open_laptop_plan(self, view: ConflictView) -> bool:
        from hjem.sync.conflicts import laptop_plan

        plan = self.control.on_copy(lambda session: laptop_plan(session, view.op_id))
        if plan is None:
            return False
        self.parts.show_plan(plan, None)
        self.parts.document.mark_unsaved()  # a copy to save as a file, or compare
        self.parts.status.say(tr("sync.window.copy_opened", case=view.case_code))
        return True

    def _find_similar(self, view: ConflictView) -> bool:
        from hjem.inventory.similar import similar_items
        from hjem.sync.conflicts import piece_of_item
        from hjem.ui.sync.similar_dialog import SimilarDialog

        operations, parent = self.parts.operations, self.parts.window
        tell = message_box(parent, tr("sync.window.conflicts_title"))
        piece = self._open_piece(view) or operations.read(
            lambda session: piece_of_item(session, view.case_code, view.item_code), tell
        )
        if piece is None:
            tell(msg("sync.window.not_in_plan", item=view.item_code, case=view.case_code))
            return False
        found = operations.read(
            lambda session: similar_items(session, piece.plan, piece.placement_id), tell
        )
        if found is None:
            return False
        label = next(p.label for p in piece.plan.placements if p.id == piece.placement_id)
        dialog = SimilarDialog(label, view.case_code, found, parent)
        chosen = dialog.chosen if dialog.exec() else None
        dialog.deleteLater()
        return chosen is not None and self._take(view, piece, chosen)

    def _open_piece(self, view: ConflictView) -> PieceInPlan | None:
        """The piece in the plan open in the editor, when it is this case's plan."""
        from hjem.sync.conflicts import PieceInPlan

        document = self.parts.document
        if document.case_code != view.case_code:
            return None
        for piece in document.plan.placements:
            if piece.inventory_item == view.item_code:
                return PieceInPlan(document.plan, document.case_version or 0, piece.id)
        return None

    def _take(self, view: ConflictView, piece: PieceInPlan, chosen: Similar) -> bool:
        """The chosen item in the piece's place, reserved for the case."""
        from hjem.floorplan.commands import ReplaceElement
        from hjem.inventory.similar import swap_piece
        from hjem.ui.sync.work import reserve_work, save_plan_work

        operations, who = self.parts.operations, self.parts.settings.user_name()
        tell = message_box(self.parts.window, tr("sync.window.conflicts_title"))
        reserve = reserve_work(operations, chosen.code, view.case_code, who)
        if piece.plan is self.parts.document.plan:  # open in the editor: one undo step
            if not operations.run(reserve, SWAPPED, tell):
                return False
            self.parts.document.apply(ReplaceElement(chosen.placement), tr("sync.window.swap_undo"))
            return True
        new_plan = swap_piece(piece.plan, piece.placement_id, chosen)
        case = CaseCode(view.case_code)
        save = save_plan_work(operations, case, new_plan, who, piece.version)

        def both(session: Any) -> None:
            save(session)
            reserve(session)

        if operations.offline:
            offline_ready(both)
        return operations.run(both, SWAPPED, tell).ok
