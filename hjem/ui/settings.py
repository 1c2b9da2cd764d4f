"""The user's settings (QSettings): language, recent files, autosave interval, grid snapping,
and where the team's server is (never a password: that is typed, or kept in the OS keyring)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from hjem.db.server_address import DEFAULT_DATABASE, DEFAULT_PORT, DEFAULT_TLS_MODE, TeamServer

MAX_RECENT = 8
DEFAULT_AUTOSAVE_SECONDS = 60
TEAM_SERVER = "team_server"  # the settings group of the team's server


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        self._q = qsettings or QSettings("RodeKors", "hjem")

    def language(self) -> str | None:
        value = self._q.value("language")
        return str(value) if value else None

    def set_language(self, lang: str) -> None:
        self._q.setValue("language", lang)

    def recent_files(self) -> list[Path]:
        value = self._q.value("recent_files") or []
        paths = [Path(p) for p in (value if isinstance(value, list) else [value])]
        return [p for p in paths if p.exists()]

    def add_recent(self, path: Path) -> None:
        paths = [p for p in self.recent_files() if p != path]
        self._q.setValue("recent_files", [str(p) for p in [path, *paths][:MAX_RECENT]])

    def autosave_seconds(self) -> int:
        return int(str(self._q.value("autosave_seconds", DEFAULT_AUTOSAVE_SECONDS)))

    def set_autosave_seconds(self, seconds: int) -> None:
        self._q.setValue("autosave_seconds", seconds)

    def user_name(self) -> str:
        """Who is working, for the items' history and their cases: the name they gave, or ""
        until they give one (never the computer's login name)."""
        return str(self._q.value("user_name") or "").strip()

    def set_user_name(self, name: str) -> None:
        self._q.setValue("user_name", name)

    def handover_contact(self) -> str:
        """How families reach this architect, as the last handover plan printed it."""
        return str(self._q.value("handover_contact") or "")

    def set_handover_contact(self, contact: str) -> None:
        self._q.setValue("handover_contact", contact)

    def magnetism(self) -> bool:
        return str(self._q.value("magnetism", "true")).lower() == "true"

    def set_magnetism(self, on: bool) -> None:
        self._q.setValue("magnetism", "true" if on else "false")

    def grid_snap(self) -> bool:
        return str(self._q.value("grid_snap", "true")).lower() == "true"

    def set_grid_snap(self, on: bool) -> None:
        self._q.setValue("grid_snap", "true" if on else "false")

    def team_server(self) -> TeamServer | None:
        """The team's server this computer signs in to; None: the local workspace."""
        host = str(self._q.value(f"{TEAM_SERVER}/host") or "").strip()
        if not host:
            return None
        return TeamServer(
            host,
            int(str(self._q.value(f"{TEAM_SERVER}/port", DEFAULT_PORT))),
            str(self._q.value(f"{TEAM_SERVER}/database") or DEFAULT_DATABASE),
            str(self._q.value(f"{TEAM_SERVER}/sslmode") or DEFAULT_TLS_MODE),
            str(self._q.value(f"{TEAM_SERVER}/sslrootcert") or ""),
        )

    def set_team_server(self, server: TeamServer | None) -> None:
        if server is None:
            self._q.remove(TEAM_SERVER)
            return
        for key in ("host", "port", "database", "sslmode", "sslrootcert"):
            self._q.setValue(f"{TEAM_SERVER}/{key}", getattr(server, key))

    def team_login(self) -> str:
        """The name the person last signed in with (a login name, not a secret)."""
        return str(self._q.value(f"{TEAM_SERVER}/login") or "")

    def set_team_login(self, name: str) -> None:
        self._q.setValue(f"{TEAM_SERVER}/login", name)
