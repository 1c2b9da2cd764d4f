"""Reservations offered from the plan: placing a donated item offers to reserve it for the
plan's family; deleting one reserved for them offers to let it go again. Always asked, never
done behind the architect's back: a plan may be a sketch of options."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import SQLAlchemyError

from hjem.floorplan.model import Placement, Plan
from hjem.i18n import tr
from hjem.inventory.errors import InventoryError
from hjem.inventory.placing import Standing, placed_items
from hjem.inventory.reservations import release, reserve

if TYPE_CHECKING:
    from hjem.db.workspace import Workspace
    from hjem.ui.main_window import MainWindow


def offer_reservation(window: MainWindow, piece: Placement) -> None:
    """After `piece` was placed: reserve its item for the plan's family, if they agree."""
    workspace, case = window.try_workspace(), window.document.plan.case_code
    if piece.inventory_item is None or workspace is None:
        return
    if not case:
        window.hint.setText(tr("furnish.reserve.no_case"))
        return
    standing = _standings(workspace, [piece], case).get(piece.id)
    if standing is Standing.RESERVED_ELSEWHERE:
        _tell(window, tr("furnish.reserve.elsewhere", name=piece.label, code=piece.inventory_item))
    elif standing is Standing.FREE and _ask(
        window,
        tr("furnish.reserve.ask", name=piece.label, code=piece.inventory_item, case=case),
        tr("furnish.reserve.yes"),
    ):
        code = piece.inventory_item
        _run(window, lambda session: reserve(session, code, case, window.settings.user_name()))


def offer_reservations(window: MainWindow, pieces: list[Placement]) -> None:
    """Reserve all these free items for the plan's family at once, if they agree."""
    workspace, case = window.try_workspace(), window.document.plan.case_code
    if workspace is None or not case or not pieces:
        return
    standings = _standings(workspace, pieces, case)
    free = [p for p in pieces if standings.get(p.id) is Standing.FREE]
    if free and _ask(
        window,
        tr("furnish.reserve.ask_many", count=len(free), case=case),
        tr("furnish.reserve.yes"),
    ):
        who = window.settings.user_name()
        for piece in free:
            code = piece.inventory_item or ""
            _run(window, lambda session, c=code: reserve(session, c, case, who))


def offer_release(window: MainWindow, pieces: list[Placement]) -> None:
    """After pieces were deleted: let go of the reservations they held for this family."""
    workspace, case = window.try_workspace(), window.document.plan.case_code
    if workspace is None or not case:
        return
    standings = _standings(workspace, pieces, case)
    held = [p for p in pieces if standings.get(p.id) is Standing.RESERVED_HERE]
    if not held:
        return
    names = ", ".join(f"{p.label} ({p.inventory_item})" for p in held)
    if _ask(
        window, tr("furnish.release.ask", count=len(held), names=names), tr("furnish.release.yes")
    ):
        who = window.settings.user_name()
        for piece in held:
            code = piece.inventory_item or ""
            _run(window, lambda session, c=code: release(session, c, who, "fjernet fra planen"))


def _standings(workspace: Workspace, pieces: list[Placement], case: str) -> dict[str, Standing]:
    with workspace.session() as session:
        found = placed_items(session, Plan(placements=tuple(pieces), case_code=case))
    return {p.placement.id: p.standing for p in found}


def _run(window: MainWindow, change: Callable[[object], object]) -> None:
    workspace = window.try_workspace()
    if workspace is None:
        return
    try:
        with workspace.session() as session:
            change(session)
    except InventoryError as error:
        _tell(window, error.message.text())
    except SQLAlchemyError as error:
        _tell(window, tr("cli.no_database", reason=type(error).__name__))
    window.inventory_did_change()


def _ask(window: MainWindow, question: str, yes: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, tr("furnish.reserve.title"), question, parent=window
    )
    box.setObjectName("reservation_offer")
    agree = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("furnish.not_now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(agree)
    box.exec()
    return box.clickedButton() is agree


def _tell(window: MainWindow, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, tr("furnish.reserve.title"), text, parent=window)
    box.setObjectName("reservation_message")
    box.exec()
