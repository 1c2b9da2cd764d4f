"""The install guide's pictures (docs/install.md): `python -m bundle.guide_shots`, after a build.

The start screen is the bundle's own `--screenshot` at a first start, run as bundle/smoke.py
runs it (no Python on the PATH); its 1440 × 900 window is shrunk to the laptop's 768 px height.
*Om hjem* is drawn by this checkout's window code with the bundle's build date and licence
list, on the laptop's screen: the bundle cannot picture a dialog from its command line.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from bundle.paths import APP, ROOT

OUT = ROOT / "docs" / "screenshots"
LAPTOP = (1366, 768)


def start_screen(target: Path) -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": home,
            "LANG": "C.UTF-8",
            "HJEM_WORKSPACE_KEY": secrets.token_hex(32),
            "QT_QPA_PLATFORM": "offscreen",
        }
        subprocess.run([str(APP / "hjem"), "--screenshot", str(target)], env=env, check=True)
    with Image.open(target) as picture:
        picture.load()
    scale = min(LAPTOP[0] / picture.width, LAPTOP[1] / picture.height)
    size = (round(picture.width * scale), round(picture.height * scale))
    picture.convert("RGB").resize(size, Image.Resampling.LANCZOS).save(target, optimize=True)
    print(f"{target.relative_to(ROOT)}  {size[0]} × {size[1]}")


def about_dialog(target: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests/ui/laptop_screen.json'}"
    from PySide6.QtWidgets import QApplication

    from hjem import about
    from hjem.ui.about_dialog import AboutDialog
    from hjem.ui.qt_language import install_qt_translations

    bundled = APP / "_internal" / "hjem"
    about.BUILD_INFO, about.LICENCE_DIR = bundled / "build_info.json", bundled / "licences"
    app = QApplication.instance() or QApplication([])
    install_qt_translations(app, "da")  # "Luk", as the app says it
    facts = about.about()
    shown = Path("/home/frivillig/.local/share/hjem/workspace.sqlite")  # not this machine's
    dialog = AboutDialog(None, about.About(**{**facts.__dict__, "workspace": shown}))
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(target))
    print(f"{target.relative_to(ROOT)}  {dialog.width()} × {dialog.height()}")


if __name__ == "__main__":
    if not (APP / "hjem").is_file():
        sys.exit("build the app first: python -m bundle.build")
    start_screen(OUT / "install-start.png")
    about_dialog(OUT / "install-about.png")
