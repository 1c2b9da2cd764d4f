"""The scene showing a plan: it keeps one item per element and brings them up to date when the
document's plan changes, touching only what changed (elements are immutable values, so
"changed" is "not the same object"). The selection is the document's: items follow it, and
selecting through the scene selects in the document."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsScene

from hjem.floorplan.conflicts import Conflict
from hjem.floorplan.label_layout import Fonts, Layout, lay_out_labels
from hjem.floorplan.model import Element, Opening, Placement, Plan, Room
from hjem.floorplan.room_names import display_name
from hjem.floorplan.shapes import net_area_m2
from hjem.floorplan.walls import wall_solids
from hjem.i18n import format_number, tr
from hjem.ids import ElementId
from hjem.inventory.placing import Standing
from hjem.ui.document import PlanDocument
from hjem.ui.scene import style
from hjem.ui.scene.items import (
    BackgroundItem,
    DimensionItem,
    ElementItem,
    FixtureItem,
    LabelItem,
    OpeningItem,
    PlacementItem,
    RoomItem,
    WallItem,
)
from hjem.ui.scene.marks import mark_for
from hjem.ui.scene.names import measure_name, name_metrics
from hjem.ui.scene.openings import opening_paths
from hjem.ui.scene.paths import geometry_path, polygon_path

SCENE_MARGIN = 2000.0  # cm of room to scroll around the drawing
ZOOM_TOLERANCE = 0.005  # a zoom this close to the names' one needs no new layout


def room_text(room: Room, area_m2: float) -> str:
    name = display_name(room)
    return f"{name}\n{format_number(area_m2)} m²"


class PlanScene(QGraphicsScene):
    def __init__(self) -> None:
        super().__init__()
        self._plan: Plan | None = None
        self.labels: Layout | None = None  # where the names are, for the zoom they were laid out
        self.labels_zoom = 0.0  # pixels per cm when the names were laid out
        self._items: dict[str, ElementItem] = {}
        # Which items show as in conflict: the document's report, except for a piece being
        # dragged, whose live check is shown until the report after the drag replaces it.
        self._report_ids: set[str] = set()
        self._live: tuple[ElementItem, bool] | None = None
        self._document: PlanDocument | None = None
        self.background_item = BackgroundItem()
        self.addItem(self.background_item)

    @property
    def plan(self) -> Plan | None:
        return self._plan

    def item(self, element_id: str) -> ElementItem | None:
        return self._items.get(element_id)

    def follow(self, document: PlanDocument) -> None:
        """Show `document`'s selection from now on; selecting here selects there."""
        self._document = document
        document.selection_did_change.connect(self._show_selection)
        self._show_selection(document.selection)

    def selected_ids(self) -> list[str]:
        """The selected elements' ids (the document's, when the scene follows one)."""
        if self._document is not None:
            return list(self._document.selection)
        return [i.element_id for i in self.selectedItems() if isinstance(i, ElementItem)]

    def select_ids(self, ids: Iterable[str]) -> None:
        """Select these elements only (in the document, when the scene follows one)."""
        if self._document is not None:
            self._document.select(ids)
        else:
            self._show_selection(tuple(ids))

    def clearSelection(self) -> None:
        """Qt's own name, so every caller clears the document's selection."""
        self.select_ids(())

    def _show_selection(self, ids: tuple[str, ...]) -> None:
        wanted = set(ids)
        for element_id, item in self._items.items():
            if item.isSelected() != (element_id in wanted):
                item.setSelected(element_id in wanted)

    def show_report(self, conflicts: list[Conflict]) -> None:
        """Mark the elements of the document's (new) report; a drag's live state ends."""
        self._report_ids = {e for c in conflicts for e in c.elements}
        self._live = None
        said: dict[str, list[str]] = {}
        for conflict in conflicts:
            for element_id in conflict.elements:
                said.setdefault(element_id, []).append(conflict.message.text())
        for element_id, item in self._items.items():
            self._mark(item)
            item.set_conflict_note("\n".join(said.get(element_id, ())))

    def show_live(self, item: ElementItem, in_conflict: bool) -> None:
        """A piece being dragged (or placed): show its live check instead of the report."""
        self._live = (item, in_conflict)
        self._mark(item)

    def end_live(self) -> None:
        """The drag changed nothing: its piece shows the report again."""
        if self._live is not None:
            item, self._live = self._live[0], None
            self._mark(item)

    def _mark(self, item: ElementItem) -> None:
        """The one place an item's conflict state is set."""
        live = self._live
        if live is not None and live[0] is item:
            item.set_conflict(live[1])
        else:
            item.set_conflict(item.element_id in self._report_ids)

    def set_flags(self, flags: Mapping[str, tuple[Standing, str]]) -> None:
        """Mark pieces that need something done in the inventory (by their standing), saying
        what (a tooltip)."""
        for element_id, item in self._items.items():
            if isinstance(item, PlacementItem):
                standing, text = flags.get(element_id, (None, ""))
                item.set_flag(mark_for(standing) if standing else None, text)

    def show_plan(self, plan: Plan) -> None:
        old, self._plan = self._plan, plan
        layout_changed = (
            old is None or old.walls is not plan.walls or old.openings is not plan.openings
        )
        furnished = (
            old is None
            or old.placements is not plan.placements
            or old.fixtures is not plan.fixtures
        )
        if layout_changed:
            self._sync_walls(plan)
        if layout_changed or old is None or old.rooms is not plan.rooms:
            self._sync(
                old.rooms if old else (),
                plan.rooms,
                RoomItem,
                self._show_room,
                force=layout_changed,
            )
        for name, kind, show in (
            ("fixtures", FixtureItem, lambda item, e: item.show_fixture(e)),
            ("placements", PlacementItem, self._show_placement),
            ("dimensions", DimensionItem, lambda item, e: item.show_dimension(e)),
            ("labels", LabelItem, lambda item, e: item.show_label(e)),
        ):
            before = getattr(old, name) if old else ()
            if before is not getattr(plan, name):
                self._sync(before, getattr(plan, name), kind, show)
        if furnished or layout_changed or old is None or old.rooms is not plan.rooms:
            self.lay_out_labels()
        if old is None or old.background is not plan.background:
            self.background_item.show_background(plan.background)
        self._grow_scene_rect()

    def _sync(self, before, after, kind, show, force: bool = False) -> None:
        old_by_id = {e.id: e for e in before}
        new_ids = {e.id for e in after}
        for element_id in old_by_id.keys() - new_ids:
            self._remove(element_id)
        for element in after:
            item = self._items.get(element.id)
            if item is None:
                item = self._add(element.id, kind(element.id))
            elif not force and old_by_id.get(element.id) is element:
                continue
            show(item, element)

    def _add(self, element_id: str, item: ElementItem) -> ElementItem:
        self._items[element_id] = item
        self.addItem(item)
        if self._document is not None and element_id in self._document.selection:
            item.setSelected(True)
        return item

    def _remove(self, element_id: str) -> None:
        item = self._items.pop(element_id, None)
        if item is not None:
            self.removeItem(item)

    def _sync_walls(self, plan: Plan) -> None:
        """Walls and openings: a wall's corners depend on its neighbours, so all are redrawn."""
        solids = wall_solids(plan)
        keep = {w.id for w in plan.walls} | {o.id for o in plan.openings}
        for element_id in [
            i for i, item in self._items.items() if isinstance(item, WallItem | OpeningItem)
        ]:
            if element_id not in keep:
                self._remove(element_id)
        for wall in plan.walls:
            item = self._items.get(wall.id) or self._add(wall.id, WallItem(wall.id))
            item.set_path(geometry_path(solids[wall.id]))
        for opening in plan.openings:
            self._show_opening(plan, opening)

    def _show_opening(self, plan: Plan, opening: Opening) -> None:
        item = self._items.get(opening.id) or self._add(opening.id, OpeningItem(opening.id))
        assert isinstance(item, OpeningItem)
        item.entrance = opening.entrance
        item.set_parts(*opening_paths(plan.wall_of(opening), opening))

    def _show_room(self, item: ElementItem, room: Element) -> None:
        assert isinstance(item, RoomItem) and isinstance(room, Room) and self._plan is not None
        item.fill = style.ROOM_FILL[room.kind]
        item.set_path(polygon_path(room.polygon))
        item.set_label(room_text(room, net_area_m2(self._plan, room)))

    def zoom_did_change(self, pixels_per_cm: float) -> None:
        """Names keep their size on screen, so they take more or less floor: laid out again
        for the new zoom."""
        if not self.labels_zoom or abs(pixels_per_cm / self.labels_zoom - 1) > ZOOM_TOLERANCE:
            self.lay_out_labels()

    def _view_zoom(self) -> float:
        views = self.views()
        return views[0].transform().m11() if views else 1.0

    def lay_out_labels(self) -> None:
        """Every name on the plan for the view's zoom: pieces' names inside them or beside,
        room names on free floor, none over another (`floorplan.label_layout`)."""
        if self._plan is None:
            return
        plan, zoom = self._plan, self._view_zoom()
        rooms: dict[ElementId, RoomItem] = {
            r.id: i for r in plan.rooms if isinstance(i := self._items.get(r.id), RoomItem)
        }
        sizes = {
            k: (i.label.boundingRect().width(), i.label.boundingRect().height())
            for k, i in rooms.items()
        }
        fonts = Fonts(measure_name, name_metrics().height(), sizes)
        names = {p.id: p.label or tr(f"category.{p.category}.name") for p in plan.placements}
        self.labels = lay_out_labels(plan, names, fonts, zoom)
        self.labels_zoom = zoom
        for room_id, item in rooms.items():
            if room_id in self.labels.rooms:
                item.move_label(self.labels.rooms[room_id])
        for piece in plan.placements:
            if isinstance(piece_item := self._items.get(piece.id), PlacementItem):
                piece_item.set_name(self.labels.pieces.get(piece.id))

    def _show_placement(self, item: ElementItem, placement: Element) -> None:
        assert isinstance(item, PlacementItem) and isinstance(placement, Placement)
        item.show_placement(placement, placement.label or tr(f"category.{placement.category}.name"))

    def _grow_scene_rect(self) -> None:
        bounds = self.itemsBoundingRect()
        margin = SCENE_MARGIN
        rect = bounds.adjusted(-margin, -margin, margin, margin)
        self.setSceneRect(rect.united(self.sceneRect()) if not self.sceneRect().isEmpty() else rect)

    def drawing_bounds(self):
        """The plan's extent (without the scroll margin), for "fit to plan"."""
        items = [i for i in self._items.values() if i.isVisible()]
        if self.background_item.isVisible():
            items.append(self.background_item)
        rect = None
        for item in items:
            r = item.sceneBoundingRect()
            rect = r if rect is None else rect.united(r)
        return rect

    def element_at(self, pos: QPointF) -> ElementItem | None:
        for item in self.items(pos):
            if isinstance(item, ElementItem):
                return item
        return None
