"""What goes into the bundle besides the code PyInstaller finds by following imports.

Kept apart from the spec so the tests can hold it to what hjem reads at run time
(tests/test_bundle_contents.py) without running PyInstaller.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Folders hjem reads at run time, as (folder in the checkout, folder in the bundle). The bundle's
# side follows the wheel's layout, where hjem.resources and hjem.db.migrate look first:
# `hjem/assets` beside the package, the migrations inside hjem/db.
DATA_FOLDERS = (
    ("assets", "hjem/assets"),
    ("hjem/db/migrations", "hjem/db/migrations"),
)
SKIPPED_FILES = ("__pycache__", ".pyc", ".DS_Store")

# Qt modules hjem never loads (it imports QtCore, QtGui, QtWidgets and QtPrintSupport only), and
# packages that are in the venv for the tests and tools, never for the app. PyInstaller follows
# imports, so most would stay out anyway; naming them keeps a stray import in a library's
# optional code path from dragging a few hundred megabytes in.
UNUSED_QT = (
    *("Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender"),
    *("QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDesigner"),
    *("QtGraphs", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia"),
    *("QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL"),
    *("QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick"),
    *("QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects"),
    *("QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql"),
    *("QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools"),
    *("QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets"),
    *("QtWebSockets", "QtWebView", "QtXml"),
)
DEV_TOOLS = (
    *("tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff"),
    *("importlinter", "grimp", "pypdf", "jsonschema", "IPython", "matplotlib", "PyQt5"),
    *("PyQt6", "tests", "bench", "scripts", "pydoc_data", "lib2to3", "setuptools", "pip"),
)
EXCLUDES = (*(f"PySide6.{name}" for name in UNUSED_QT), *DEV_TOOLS)

# Qt's plugins that hjem never uses, by plugin folder: whole folders, and of the platforms the
# few hjem starts on. A plugin left out also leaves out the system libraries it would pull in
# (the GTK theme alone brings GTK, cairo and pango from the build machine).
UNUSED_QT_PLUGINS = (
    *("designer", "networkinformation", "qmllint", "qmltooling", "sqldrivers", "tls"),
    *("wayland-decoration-client", "wayland-graphics-integration-client"),
    *("wayland-graphics-integration-server", "wayland-shell-integration"),
    *("vectorimageformats", "egldeviceintegrations", "generic"),
)
# Offscreen for screenshots and CI; X11 on Linux (a Wayland desktop runs it through XWayland);
# the native ones on Windows and macOS.
KEPT_PLATFORMS = ("offscreen", "xcb", "windows", "cocoa")
UNUSED_THEMES = ("gtk3",)  # Qt's own look is used; the desktop portal's file dialog is kept
# Qt's translations other than Danish: hjem speaks Danish and English, and English is Qt's own.
KEPT_TRANSLATIONS = ("qt_da.qm", "qtbase_da.qm")


def unused_qt_plugin(plugin_type: str, file_name: str) -> bool:
    if plugin_type in UNUSED_QT_PLUGINS:
        return True
    if plugin_type == "platforms":
        return not any(name in file_name for name in KEPT_PLATFORMS)
    return plugin_type == "platformthemes" and any(name in file_name for name in UNUSED_THEMES)


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(file, its folder in the bundle) for every file of DATA_FOLDERS, caches left out."""
    found = []
    for source, target in DATA_FOLDERS:
        for path in sorted((root / source).rglob("*")):
            if path.is_file() and not any(
                skip in path.parts or path.name.endswith(skip) for skip in SKIPPED_FILES
            ):
                folder = Path(target) / path.parent.relative_to(root / source)
                found.append((str(path), folder.as_posix()))
    return found


def migration_imports(root: Path = ROOT) -> list[str]:
    """The modules the migration scripts import. Alembic runs them from their files, so
    PyInstaller never sees their imports (`alembic.op`, the models env.py names): they are
    named to it here, from the scripts themselves, so a new migration needs no edit."""
    modules: set[str] = set()
    for script in sorted((root / "hjem" / "db" / "migrations").rglob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module)
                # `from alembic import op` names a module; `from typing import Any` a class.
                # Modules are lower case (PEP 8), and only they can be imported by name.
                modules.update(
                    f"{node.module}.{alias.name}" for alias in node.names if alias.name.islower()
                )
    return sorted(modules)


def unused_qt_file(destination: str) -> bool:
    """Whether a file PyInstaller collected (by its place in the bundle) is Qt's and unused."""
    parts = Path(destination).parts
    if "PySide6" not in parts:
        return False
    if "plugins" in parts and len(parts) > parts.index("plugins") + 2:
        return unused_qt_plugin(parts[parts.index("plugins") + 1], parts[-1])
    if "translations" in parts:
        return parts[-1] not in KEPT_TRANSLATIONS
    return "qml" in parts


KEPT_LOCALES = ("root", "da", "en")  # Babel's CLDR data: hjem formats in da_DK and en_GB


def unused_babel_file(destination: str) -> bool:
    """Whether a file is Babel's locale data for a language hjem does not speak."""
    parts = Path(destination).parts
    if parts[:2] != ("babel", "locale-data"):
        return False
    stem = parts[-1].removesuffix(".dat")
    return stem.split("_")[0] not in KEPT_LOCALES
