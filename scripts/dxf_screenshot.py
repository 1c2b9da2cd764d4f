"""docs/screenshots/dxf-background.png: the 3-room sample's walls and rooms over a DXF
drawing of it (scripts/build_sample_dxf.py), read and rendered as *Importér DXF-tegning*
does, the furniture layer hidden. Run: `python -m scripts.dxf_screenshot`."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hjem.floorplan.dxf import read_drawing, render_background
from hjem.floorplan.dxf.geometry import extents
from hjem.floorplan.dxf.render import MARGIN_PX
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import Plan
from scripts.build_sample_dxf import drawing as sample_drawing
from scripts.screenshots import SAMPLES, shoot, speak, window  # sets the laptop's screen first

HIDDEN = frozenset({"A-INVENTAR"})


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HJEM_DATA_DIR"] = folder
        os.environ.setdefault("HJEM_WORKSPACE_KEY", os.urandom(32).hex())  # never a keyring
        speak("da")
        plan = load_plan(SAMPLES / "3-vaerelser.hjem")
        path = Path(folder) / "3-vaerelser.dxf"
        sample_drawing(plan).saveas(path)
        dxf = read_drawing(path)
        background = render_background(dxf, "mm", HIDDEN)
        # Where the importer puts it, at the plan's origin, moved as a volunteer would to
        # lie on the traced walls: the drawing's mm with y up are the plan's cm with y down.
        left, top, _, _ = extents(dxf.flat, HIDDEN)
        margin = MARGIN_PX * background.cm_per_pixel
        origin = Point(left / 10 - margin, -top / 10 - margin)
        background = replace(background, origin=origin, opacity=0.7)
        main_window = window(Path(folder))
        # Half traced: the outer walls and two rooms drawn, the rest still only the drawing.
        layout = Plan(plan.title, plan.walls[:5], plan.rooms[:2], plan.openings[2:4])
        main_window.show_plan(replace(layout, background=background), None)
        main_window.session.editor.view.fit_to_plan()
        shoot(main_window, "dxf-background.png")
        main_window.document.replace(main_window.document.plan, None)
        main_window.close()
    app.quit()


if __name__ == "__main__":
    main()
