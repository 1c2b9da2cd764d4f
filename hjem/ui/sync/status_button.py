"""The sync status, always in sight at the foot of the window: online or offline since when,
how many changes wait for the server, how fresh the laptop's inventory is, a sync under way.
A click syncs; its menu also opens the conflicts a sync left."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QToolButton

from hjem.i18n import tr
from hjem.ui.sync.control import Mode, SyncControl

ONLINE_STYLE = "QToolButton { color: #1e6b34; }"
OFFLINE_STYLE = "QToolButton { color: #8a4b00; font-weight: 600; }"
PROBLEM_STYLE = "QToolButton { color: #b3261e; }"


class SyncStatusButton(QToolButton):
    def __init__(self, control: SyncControl, show_conflicts: Callable[[], None]):
        super().__init__()
        self.setObjectName("sync_status")
        self.control = control
        self.setToolButtonStyle(self.toolButtonStyle().ToolButtonTextOnly)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.setAutoRaise(True)
        menu = QMenu(self)
        self.sync_action = menu.addAction(tr("sync.window.sync_now"), control.sync_now)
        self.conflicts_action = menu.addAction(tr("sync.window.conflicts"), show_conflicts)
        self.setMenu(menu)
        self.clicked.connect(control.sync_now)
        control.changed.connect(self.show_status)
        self.show_status()

    def show_status(self) -> None:
        control = self.control
        self.setVisible(control.mode is not Mode.LOCAL)
        if control.mode is Mode.LOCAL:
            return
        self.setText(status_text(control))
        self.setToolTip(status_tooltip(control))
        style = OFFLINE_STYLE if control.mode is Mode.OFFLINE else ONLINE_STYLE
        self.setStyleSheet(PROBLEM_STYLE if control.problem else style)
        conflicts = len(control.status.conflicts) if control.status else 0
        self.conflicts_action.setEnabled(conflicts > 0)
        self.sync_action.setEnabled(control.progress is None)


def status_text(control: SyncControl) -> str:
    """One line: where hjem works, what waits, how fresh the inventory is."""
    parts = [_where(control)]
    status = control.status
    if control.progress is not None:
        progress = control.progress
        key = "sync.window.pushing" if progress.stage == "push" else "sync.window.pulling"
        parts.append(tr(key, done=progress.done, total=progress.total))
    elif status is not None:
        if status.waiting:
            parts.append(tr("sync.window.waiting", count=status.waiting))
        if status.conflicts:
            parts.append(tr("sync.window.conflict_count", count=len(status.conflicts)))
        parts.append(_freshness(status.pulled_at))
    return " · ".join(parts)


def _where(control: SyncControl) -> str:
    if control.mode is Mode.ONLINE:
        return tr("sync.window.online")
    since = control.since.strftime("%H:%M") if control.since else ""
    return tr("sync.window.offline_since", time=since)


def _freshness(pulled_at: dt.datetime | None) -> str:
    from hjem.sync.status import freshness

    return freshness(pulled_at, dt.datetime.now(dt.UTC)).text()


def status_tooltip(control: SyncControl) -> str:
    online = control.mode is Mode.ONLINE
    lines = [tr("sync.window.tip_online" if online else "sync.window.tip_offline")]
    status = control.status
    if status is not None and status.synced_at is not None:
        local = status.synced_at.astimezone()
        lines.append(tr("sync.window.last_sync", moment=local.strftime("%d.%m.%Y %H:%M")))
    if control.problem:
        lines.append(control.problem)
    lines.append(tr("sync.window.click_to_sync"))
    return "\n".join(lines)
