"""The menu's "Furnish this room …": gather the pieces, show the dialog, and take the chosen
layout as one undo step; then offer to reserve the inventory items it brought in and to let
go of those it took out of the plan (the usual reservation offers)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from hjem.floorplan.commands import placements_as_in
from hjem.floorplan.model import Plan
from hjem.floorplan.shapes import pieces_in
from hjem.ui.furnish_room.dialog import FurnishRoomDialog
from hjem.ui.furnish_room.pieces import (
    PieceChoice,
    Source,
    default_room,
    inventory_pieces,
    needed_pieces,
)
from hjem.ui.session import EditingSession


def furnish_room(session: EditingSession, parent: QWidget) -> FurnishRoomDialog | None:
    """Open the dialog over `parent` (None when the plan has no room); apply what is chosen."""
    editor = session.editor
    plan = editor.plan
    room = default_room(plan, editor.document.selection)
    if room is None:
        editor.show_hint("furnish_room.no_room")
        return None
    dialog = FurnishRoomDialog(
        plan, room.id, lambda room_id: choices(session, plan, room_id), parent
    )
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
        take(session, plan, dialog.chosen.plan, dialog.room_id)
    editor.view.setFocus()  # back to the plan: Ctrl+Z takes the layout back
    return dialog


def choices(session: EditingSession, plan: Plan, room_id: str) -> list[PieceChoice]:
    """The pieces in the room (picked), what the family needs (picked when it belongs in
    such a room and the plan has none yet) and free inventory items (not picked)."""
    operations = session.furnishing.operations
    room = next(r for r in plan.rooms if r.id == room_id)
    present = pieces_in(plan, room_id)
    return [
        *(PieceChoice(p, Source.PLAN, True) for p in present),
        *needed_pieces(operations, plan, room),
        *(
            PieceChoice(p, Source.INVENTORY, False)
            for p in inventory_pieces(operations, plan, room)
        ),
    ]


def take(session: EditingSession, before: Plan, chosen: Plan, room_id: str) -> bool:
    """Give the plan the chosen layout's pieces: one undo step, the room selected after."""
    editor = session.editor
    if not editor.apply(placements_as_in(editor.plan, chosen), "furnish_room.undo"):
        return False
    editor.document.select([room_id])
    kept = {p.id for p in chosen.placements}
    added = [p for p in chosen.placements if p.id not in before and p.inventory_item]
    removed = [p for p in before.placements if p.id not in kept and p.inventory_item]
    offers = session.furnishing.offers
    if added:
        offers.offer_reservations(added)
    if removed:
        offers.offer_release(removed)
    return True
