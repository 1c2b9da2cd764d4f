"""Which system libraries Qt's X11 platform lacks, asked before Qt loads it.

On Linux, Qt's xcb platform plugin needs a dozen small X libraries that a fresh desktop may not
have (Debian and Ubuntu ship without libxcb-cursor0 and libxcb-icccm4). Without one, Qt
prints a paragraph about plugins and aborts the process; hjem names the packages instead.
Qt is not imported here: the check must run before Qt would abort."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping

# The libraries libqxcb.so and libQt6XcbQpa.so link (ldd), and the Debian/Ubuntu package of each.
XCB_LIBRARIES: Mapping[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_x11(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will start on its X11 (xcb) platform: Linux, not told otherwise, not in a
    Wayland session (Qt takes Wayland there)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.startswith("xcb")
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def missing_packages(libraries: Mapping[str, str] = XCB_LIBRARIES) -> list[str]:
    """The packages whose library cannot be loaded, in the order of `libraries`."""
    missing = []
    for soname, package in libraries.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def x_display_reachable() -> bool:
    """Whether the X server in DISPLAY answers (Qt aborts when it does not): one short xcb
    connection, closed at once. True when libxcb itself is missing: that is reported as such."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(None, None)  # a connection object even on failure
    failed = xcb.xcb_connection_has_error(connection)
    xcb.xcb_disconnect(connection)
    return failed == 0


def x11_problem(environ: Mapping[str, str] = os.environ) -> tuple[str, dict[str, str]] | None:
    """Why Qt's X11 platform would abort, as a catalog key and its parameters, or None."""
    if not uses_x11(environ):
        return None
    if packages := missing_packages():
        return "startup.missing_libraries", {"packages": " ".join(packages)}
    if not x_display_reachable():
        return "startup.no_screen", {"display": environ.get("DISPLAY", "")}
    return None
