"""Furnishing: the inventory panel, the furniture list and the plan editor working together.
Picking, dragging or finding a spot for a donated item places it; marking a wall stretch or
free floor lists what fits there; placing and deleting offer to reserve and release."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QDialog

from hjem.floorplan.commands import AddElement, ReplaceElement
from hjem.floorplan.fits import Candidate, Region, WallStretch, suggestions
from hjem.floorplan.model import Placement, Plan
from hjem.floorplan.room_names import display_name
from hjem.floorplan.spots import SpotFinder
from hjem.i18n import tr
from hjem.ids import ElementId, ItemCode
from hjem.inventory.items import get_item
from hjem.inventory.listing import Row, table_rows
from hjem.inventory.models import Status
from hjem.inventory.placing import Standing, placement_for
from hjem.inventory.search import Query
from hjem.ui.editor import Editor
from hjem.ui.furnish_dialogs import ToBuyDialog
from hjem.ui.panels.furniture_list import FurnitureList
from hjem.ui.panels.inventory_panel import InventoryPanel
from hjem.ui.reservation_offers import ReservationOffers
from hjem.ui.surroundings import Surroundings
from hjem.ui.tools.place import ItemDropper

FIT_CANDIDATES = 300  # items asked of the inventory for "what fits here", largest first


class Furnishing:
    def __init__(self, editor: Editor, around: Surroundings):
        self.editor, self.operations, self.parent = editor, around.operations, around.host
        self.panel = InventoryPanel(around.operations)
        self.furniture = FurnitureList(editor, around.operations)
        self.offers = ReservationOffers(
            around.operations, editor.document, around.settings, around.status, around.host
        )
        self.fits: dict[str, Placement] = {}  # code → pose, after "what fits here"
        self._finder: SpotFinder | None = None
        editor.view.dropper = ItemDropper(editor, self.piece_for_code)
        self.panel.show_pieces_at(self.piece_for_code, lambda: editor.view.pixels_per_cm)
        self.panel.place_button.clicked.connect(self.place_selected)
        self.panel.list.itemDoubleClicked.connect(lambda _item: self.place_selected())
        self.panel.spot_button.clicked.connect(self.find_spot)
        self.panel.buy_button.clicked.connect(self.add_to_buy)
        self.panel.fits_button.clicked.connect(lambda: editor.use_tool("what_fits"))
        self.furniture.reserve_button.clicked.connect(self.reserve_free)
        editor.piece_placed.connect(self.offers.offer_reservation)
        editor.pieces_removed.connect(self.offers.offer_release)
        editor.region_marked.connect(self.show_what_fits)
        editor.document.plan_did_change.connect(self._plan_changed)

    def _plan_changed(self, plan: Plan) -> None:
        self.fits.clear()  # found for the plan as it was: another piece may stand there now
        rooms = [(r.id, display_name(r)) for r in plan.rooms]
        self.panel.set_rooms(rooms)
        self.panel.set_on_plan({p.inventory_item for p in plan.placements if p.inventory_item})

    def finder(self) -> SpotFinder:
        """One spot finder per plan value: its indexes serve every search until the next edit."""
        if self._finder is None or self._finder.plan is not self.editor.plan:
            self._finder = SpotFinder(self.editor.plan)
        return self._finder

    def piece_for_code(self, code: ItemCode) -> Placement | None:
        return self.operations.read(
            lambda session: placement_for(get_item(session, code), ElementId("new"))
        )

    # --- placing -------------------------------------------------------------------------------

    def place_selected(self) -> None:
        code = self.panel.selected_code()
        if code is None:
            self.editor.show_hint("furnish.pick_first")
            return
        if code in self.fits:  # listed by "what fits here": it goes where it was found to fit
            self._add(self.fits.pop(code))
            return
        piece = self.piece_for_code(code)
        if piece is not None:
            self.editor.start_placing(piece)

    def add_to_buy(self) -> None:
        dialog = ToBuyDialog(self.parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.piece is not None:
            self.editor.start_placing(dialog.piece)

    def _add(self, piece: Placement) -> None:
        if self.editor.apply(AddElement(piece), "undo.place"):
            self.editor.scene.select_ids([piece.id])
            self.editor.piece_placed.emit(piece)

    # --- helping -------------------------------------------------------------------------------

    def find_spot(self) -> None:
        """The best spot in the chosen room for the item picked in the panel, or for the piece
        selected on the plan (which then moves there)."""
        room_id = self.panel.room.currentData()
        piece, is_new = self._piece_to_seat()
        if piece is None or room_id is None:
            self.editor.show_hint("furnish.pick_first")
            return
        if is_new:
            piece = replace(piece, id=self.editor.plan.new_id("p"))
        spot = self.finder().find(piece, room_id)
        if spot.placement is None:
            self.editor.error_did_happen.emit(spot.reason.text() if spot.reason else "")
        elif is_new:
            self._add(spot.placement)
        else:
            self.editor.apply(ReplaceElement(spot.placement), "undo.move")
            self.editor.scene.select_ids([spot.placement.id])

    def _piece_to_seat(self) -> tuple[Placement | None, bool]:
        code = self.panel.selected_code()
        if code is not None:
            return self.piece_for_code(code), True
        selected = [self.editor.plan.get(i) for i in self.editor.document.selection]
        pieces = [e for e in selected if isinstance(e, Placement)]
        return (pieces[0], False) if len(pieces) == 1 else (None, False)

    def show_what_fits(self, region: Region) -> None:
        query = Query(status=Status.AVAILABLE.value, limit=FIT_CANDIDATES, fits=_reach(region))
        found = self.operations.read(lambda session: _fit_candidates(session, query))
        if found is None:
            self.panel.status.setText(tr("furnish.no_inventory"))
            return
        rows, pieces = found
        try:
            fits = suggestions(
                self.editor.plan, region, [_candidate(p) for p in pieces], self.finder()
            )
        except ValueError:  # a stretch that is not along one wall
            fits = []
        self.fits = {f.candidate.key: f.placement for f in fits}
        self.panel.show_rows([rows[f.candidate.key] for f in fits])
        self.panel.status.setText(tr("furnish.fits_found", count=len(fits)))

    def reserve_free(self) -> None:
        free = [p.placement for p in self.furniture.placed if p.standing is Standing.FREE]
        self.offers.offer_reservations(free)


def _fit_candidates(session: Any, query: Query) -> tuple[dict[str, Row], list[Placement]]:
    """The free items the query finds, by code, and each as a piece ready to place."""
    rows: dict[str, Row] = {r.code: r for r in table_rows(session, query)}
    new = ElementId("new")
    return rows, [placement_for(get_item(session, row.code), new) for row in rows.values()]


def _reach(region: Region) -> tuple[float, float]:
    """The largest box a piece standing in the region could be (the inventory's first cut)."""
    if isinstance(region, WallStretch):
        length = (
            (region.end.x - region.start.x) ** 2 + (region.end.y - region.start.y) ** 2
        ) ** 0.5
        return (length, 10_000.0)
    xs = [c.x for c in region.corners]
    ys = [c.y for c in region.corners]
    return (max(xs) - min(xs), max(ys) - min(ys))


def _candidate(piece: Placement) -> Candidate:
    code = piece.inventory_item or ""
    return Candidate(
        code, piece.category, piece.width, piece.depth, piece.height, piece.label, code
    )
