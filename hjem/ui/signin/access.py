"""What the signed-in person's group may see in the windows. The database decides what they
may read and change (row security, grants); this only keeps out of sight what would end in
"permission denied": an inventory manager sees the inventory and no cases, an architect their
cases and plans but not the grant schemes' editor, a coordinator all of it.

Groups are named by their value in `hjem.db.roles.Group` (this module loads no database)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hjem.ui.menus import Menus


@dataclass(frozen=True)
class Access:
    cases: bool  # the case list, new cases, case windows with their budgets and plans
    plans: bool  # drawing plans: new, open, recent, samples, the editor's menus
    schemes: bool  # editing the grant schemes
    demo: bool  # filling the workspace with the demo inventory and case
    new_cases: bool = True  # opening a new case (on a team server the coordinator's)
    # "Only my cases", by the name the volunteer typed: on a team server the server itself
    # shows an architect their own cases, and the name on a case is no login.
    mine_by_name: bool = True


EVERYTHING = Access(cases=True, plans=True, schemes=True, demo=True)
NO_CASES = Access(cases=False, plans=True, schemes=False, demo=False, new_cases=False)
# A team server is set and nobody has signed in yet: plans on this computer only.
NOT_SIGNED_IN = NO_CASES
BY_GROUP = {
    "everything": EVERYTHING,
    "coordinator": Access(cases=True, plans=True, schemes=True, demo=True, mine_by_name=False),
    "architect": Access(
        cases=True, plans=True, schemes=False, demo=False, new_cases=False, mine_by_name=False
    ),
    "inventory": Access(cases=False, plans=False, schemes=False, demo=False, new_cases=False),
}
NOBODY = NO_CASES  # in no hjem group

PLAN_ACTIONS = (
    *("menu.new", "menu.open", "menu.save", "menu.save_as", "menu.plan_details"),
    *("menu.handover", "menu.cases_and_plans"),
)
PLAN_MENUS = (
    *("menu.title.edit", "menu.title.draw", "menu.title.background", "menu.title.view"),
    "menu.title.recent",
)


def access_for(group: str | None) -> Access:
    return BY_GROUP.get(group, NOBODY) if group is not None else NOBODY


def offline_access(access: Access) -> Access:
    """Working offline on the laptop's copy: only the server can open a case, change the
    grant schemes or fill in the demo."""
    return replace(access, schemes=False, demo=False, new_cases=False)


def show_in_menus(menus: Menus, access: Access) -> None:
    """Hide what the person may not use (hidden, so a shortcut cannot reach it either)."""
    for key in PLAN_ACTIONS:
        _show(menus, key, access.plans)
    for title in PLAN_MENUS:
        menus.menus[title].menuAction().setVisible(access.plans)
    _show(menus, "menu.schemes", access.schemes)


def _show(menus: Menus, key: str, on: bool) -> None:
    action = menus.actions[key]
    action.setVisible(on)
    if action not in menus.editing:  # the editing ones follow the open plan
        action.setEnabled(on)
