"""Where the build puts what it makes, shared by the build script and the spec."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
EXTRA = BUILD / "bundle-extra"  # build_info.json, licences/, icons: made fresh by each build
DIST = ROOT / "dist"
APP = DIST / "hjem"  # the one-folder app (hjem.app beside it on macOS)
ICON_PNG = ROOT / "assets" / "icon" / "hjem.png"


def icon_for(platform: str) -> str | None:
    """The icon file PyInstaller wants on `platform` (None on Linux, where it takes none)."""
    if platform == "win32":
        return str(EXTRA / "hjem.ico")
    if platform == "darwin":
        return str(EXTRA / "hjem.icns")
    return None


def build_info() -> dict[str, str]:
    info: dict[str, str] = json.loads((EXTRA / "build_info.json").read_text(encoding="utf-8"))
    return info
