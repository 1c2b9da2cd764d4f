"""docs/screenshots/sh3d-import-checked.png: a small Sweet Home 3D home (two rooms, a
wardrobe in the bedroom door's swing, a vase standing on the coffee table, which the import
leaves out), imported as *Filer → Importér fra Sweet Home 3D* does and shown with the plan's
conflicts on the laptop's screen. Run: `python -m scripts.sh3d_example [HOME.sh3d]` (with a
path, it only writes the home there)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from tests.floorplan.sh3d.homes import (
    box_walls,
    door,
    element,
    home_xml,
    piece,
    room,
    sh3d_bytes,
    wall,
)


def window(x: float) -> str:
    """A 120 cm window in the top wall, its sill 90 cm above the floor."""
    return element(
        "doorOrWindow",
        name="Vindue",
        x=x,
        y=0,
        angle=0,
        width=120,
        depth=20,
        height=120,
        elevation=90,
        doorOrWindow="true",
        wallThickness=1,
        wallDistance=0,
    )


def home_bytes() -> bytes:
    walls = [*box_walls(800, 500), wall("mid", (450, 0), (450, 500), 12)]
    rooms = [
        room("Stue", [(0, 0), (450, 0), (450, 500), (0, 500)]),
        room("Soveværelse", [(450, 0), (800, 0), (800, 500), (450, 500)]),
    ]
    openings = [
        door("Hoveddør", 220, 500, angle=0),
        door("Dør", 450, 380, angle=1.5708),
        window(220),
        window(620),
    ]
    furniture = [
        piece(
            "Sofa", 60, 220, width=200, depth=90, height=80, angle=1.5708, catalogId="eTeks#sofa"
        ),
        piece("Sofabord", 170, 220, width=110, depth=60, height=45, catalogId="eTeks#coffeeTable"),
        piece("Lænestol", 330, 420, width=80, depth=80, height=90, catalogId="eTeks#armchair"),
        piece(
            "Dobbeltseng", 625, 120, width=160, depth=200, height=50, catalogId="eTeks#doubleBed"
        ),
        piece(
            "Klædeskab",
            500,
            300,
            width=100,
            depth=60,
            height=200,
            angle=1.5708,
            catalogId="eTeks#wardrobe",
        ),
        piece("Lampe", 40, 40, width=40, depth=40, height=160, catalogId="eTeks#lamp"),
        piece("Vase", 170, 220, width=20, depth=20, height=30, elevation=45),
    ]
    xml = home_xml(*walls, *rooms, *openings, *furniture)
    return sh3d_bytes(xml)


def main() -> None:
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_bytes(home_bytes())
        return
    from PySide6.QtWidgets import QApplication

    from hjem.floorplan.sh3d import import_home
    from scripts.screenshots import shoot, speak, window  # sets the laptop's screen first

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HJEM_DATA_DIR"] = folder
        os.environ.setdefault("HJEM_WORKSPACE_KEY", os.urandom(32).hex())  # never a keyring
        speak("da")
        home = Path(folder) / "hjem.sh3d"
        home.write_bytes(home_bytes())
        main_window = window(Path(folder))
        main_window.show_plan(import_home(home).plan, None)
        main_window.session.editor.view.fit_to_plan()
        shoot(main_window, "sh3d-import-checked.png")
        main_window.document.replace(main_window.document.plan, None)
        main_window.close()
    app.quit()


if __name__ == "__main__":
    main()
