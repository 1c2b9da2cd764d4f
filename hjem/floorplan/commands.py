"""Edits as values: each command applies to a plan and returns the new plan and its inverse.

This is the undo design (after Orange3's owpaintdata): the UI wraps a command once in a
QUndoCommand that keeps the inverse; a whole drag is one `MoveElements`, pushed on release.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import (
    COLLECTIONS,
    Background,
    Dimension,
    Element,
    Fixture,
    Opening,
    Placement,
    Plan,
    Room,
    TextLabel,
    Wall,
    with_collections,
)
from hjem.floorplan.validation import (
    PlanError,
    background_problems,
    require_valid,
    room_for_one_more,
)
from hjem.i18n import msg
from hjem.ids import CASE_CODE_LENGTH, CaseCode, ElementId


class Command(Protocol):
    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        """Apply to `plan`; return the new plan and the command that undoes this one."""
        ...


def _collection(element: Element) -> str:
    return COLLECTIONS[type(element)]


def _with_collection(plan: Plan, name: str, items: tuple[Element, ...]) -> Plan:
    return with_collections(plan, {name: items})


def _index_of(plan: Plan, element_id: ElementId) -> tuple[str, int]:
    element = plan.get(element_id)
    if element is None:
        raise PlanError(msg("error.no_such_element", element=element_id))
    name = _collection(element)
    items: tuple[Element, ...] = getattr(plan, name)
    return name, next(i for i, e in enumerate(items) if e.id == element_id)


@dataclass(frozen=True)
class AddElement:
    element: Element
    index: int | None = None  # position in its collection (drawing order); None appends

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        if self.element.id in plan:
            raise PlanError(msg("error.duplicate_id", element=self.element.id))
        require_valid(plan, self.element)
        name = _collection(self.element)
        room_for_one_more(plan, name)
        items: tuple[Element, ...] = getattr(plan, name)
        at = len(items) if self.index is None else self.index
        new_items = (*items[:at], self.element, *items[at:])
        return _with_collection(plan, name, new_items), RemoveElement(self.element.id)


@dataclass(frozen=True)
class RemoveElement:
    element_id: ElementId

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        name, at = _index_of(plan, self.element_id)
        element = plan[self.element_id]
        if isinstance(element, Wall) and plan.openings_in(element.id):
            raise PlanError(msg("error.wall_has_openings", wall=element.id))
        items: tuple[Element, ...] = getattr(plan, name)
        new_plan = _with_collection(plan, name, items[:at] + items[at + 1 :])
        return new_plan, AddElement(element, at)


@dataclass(frozen=True)
class ReplaceElement:
    """Replace the element with the same id by `element` (a changed size, name, angle...)."""

    element: Element

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        name, at = _index_of(plan, self.element.id)
        old = plan[self.element.id]
        if type(old) is not type(self.element):
            raise PlanError(msg("error.no_such_element", element=self.element.id))
        require_valid(plan, self.element)
        if isinstance(self.element, Wall):
            _require_openings_fit(plan, self.element)
        items: tuple[Element, ...] = getattr(plan, name)
        new_items = (*items[:at], self.element, *items[at + 1 :])
        return _with_collection(plan, name, new_items), ReplaceElement(old)


def _require_openings_fit(plan: Plan, wall: Wall) -> None:
    for opening in plan.openings_in(wall.id):
        if opening.offset + opening.width / 2 > wall.length + 0.5:
            raise PlanError(msg("error.opening_outside_wall", opening=opening.id))


@dataclass(frozen=True)
class ReplaceElements:
    """Replace several elements by id in one pass: the exact inverse of a move."""

    elements: tuple[Element, ...]

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        new = {e.id: e for e in self.elements}
        missing = [i for i in new if i not in plan]
        if missing:
            raise PlanError(msg("error.no_such_element", element=missing[0]))
        for element in self.elements:
            require_valid(plan, element)
        old = tuple(plan[i] for i in new)
        changes = {
            name: tuple(new.get(e.id, e) for e in getattr(plan, name))
            for name in {_collection(e) for e in self.elements}
        }
        return with_collections(plan, changes), ReplaceElements(old)


@dataclass(frozen=True)
class MoveElements:
    """Move elements by (dx, dy) cm. Openings ride on their walls and are not moved themselves.

    The inverse restores the elements as they were (not a move back, which floating point
    would not return exactly to where it started).
    """

    element_ids: tuple[ElementId, ...]
    dx: float
    dy: float

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        missing = [i for i in self.element_ids if i not in plan]
        if missing:
            raise PlanError(msg("error.no_such_element", element=missing[0]))
        moved = tuple(translated(plan[i], self.dx, self.dy) for i in self.element_ids)
        return ReplaceElements(moved).apply(plan)


def translated(element: Element, dx: float, dy: float) -> Element:
    def shift(p: Point) -> Point:
        return p.moved(dx, dy)

    match element:
        case Wall() | Dimension():
            return replace(element, start=shift(element.start), end=shift(element.end))
        case Room():
            return replace(element, polygon=tuple(shift(p) for p in element.polygon))
        case Fixture() | Placement():
            return replace(element, center=shift(element.center))
        case TextLabel():
            return replace(element, at=shift(element.at))
        case Opening():
            return element
    raise TypeError(f"not a plan element: {element!r}")


@dataclass(frozen=True)
class SetBackground:
    background: Background | None

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        if self.background is not None and (problems := background_problems(self.background)):
            raise PlanError(problems[0])
        return replace(plan, background=self.background), SetBackground(plan.background)


@dataclass(frozen=True)
class SetTitle:
    title: str

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        return replace(plan, title=self.title), SetTitle(plan.title)


@dataclass(frozen=True)
class SetCaseCode:
    """Say which family case the plan furnishes (its code; None: none yet)."""

    case_code: CaseCode | None

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        code = CaseCode((self.case_code or "").strip()) or None
        if code is not None and len(code) > CASE_CODE_LENGTH:
            raise PlanError(msg("error.case_code_too_long", limit=CASE_CODE_LENGTH))
        return replace(plan, case_code=code), SetCaseCode(plan.case_code)


@dataclass(frozen=True)
class Batch:
    """Several commands as one edit; all apply or none (the plan is a value, so nothing is torn)."""

    commands: tuple[Command, ...]

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        inverses: list[Command] = []
        for command in self.commands:
            plan, inverse = command.apply(plan)
            inverses.append(inverse)
        return plan, Batch(tuple(reversed(inverses)))


def remove_elements(plan: Plan, element_ids: Sequence[ElementId]) -> Batch:
    """Remove elements; removing a wall removes the doors and windows in it first."""
    ids = list(dict.fromkeys(element_ids))
    walls = [i for i in ids if isinstance(plan.get(i), Wall)]
    openings = [o.id for w in walls for o in plan.openings_in(w)]
    ordered = list(dict.fromkeys([*openings, *ids]))
    return Batch(tuple(RemoveElement(i) for i in ordered))


def set_locked(plan: Plan, element_ids: Sequence[ElementId], locked: bool) -> ReplaceElements:
    """Lock or unlock the pieces among `element_ids` (other elements have no lock)."""
    pieces = [plan.get(i) for i in dict.fromkeys(element_ids)]
    return ReplaceElements(
        tuple(replace(p, locked=locked) for p in pieces if isinstance(p, Placement))
    )


def placements_as_in(plan: Plan, target: Plan) -> Batch:
    """The edit that gives `plan` the pieces of furniture `target` has (added, moved, taken
    away), all else left as it is: a whole suggested layout taken as one undo step."""
    wanted = {p.id: p for p in target.placements}
    gone = [RemoveElement(p.id) for p in plan.placements if p.id not in wanted]
    changed = [ReplaceElement(p) for p in target.placements if p.id in plan and plan[p.id] != p]
    added = [AddElement(p) for p in target.placements if p.id not in plan]
    return Batch((*gone, *changed, *added))
