"""Take the screenshots in docs/screenshots/ (run: python scripts/screenshots.py).

Offscreen, with the real window: the start screen, a furnished sample, the conflicts panel in
use, a plan being traced over a housing association's PDF, and the window in English.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hjem.floorplan.background import background_from_file, calibrated
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import Plan
from hjem.i18n import set_language
from hjem.ui.main_window import MainWindow
from hjem.ui.recovery import Recovery
from hjem.ui.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "assets" / "samples"
OUT = ROOT / "docs" / "screenshots"
SIZE = (1440, 900)


def window(folder: Path) -> MainWindow:
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_user_name("Mette")  # the architect whose cases the start screen lists
    main = MainWindow(settings, Recovery(folder))
    main.resize(*SIZE)
    main.show()
    QTest.qWait(50)
    return main


def shoot(main: MainWindow, name: str) -> None:
    QTest.qWait(200)  # the conflicts panel refreshes a moment after a change
    main.grab().save(str(OUT / name))
    print(OUT / name)


def traced_over_pdf(main: MainWindow) -> None:
    """The 3-room sample's walls and rooms, without furniture, over its calibrated PDF plan."""
    sys.path.insert(0, str(ROOT))
    from scripts.build_sample_pdf import ORIGIN_PT, scale_reference

    plan = load_plan(SAMPLES / "3-vaerelser.hjem")
    background = background_from_file(SAMPLES / "3-vaerelser-plan.pdf")
    (a, b, length), to_px = scale_reference(), 150 / 72  # page points to pixels at 150 dpi
    background = calibrated(
        background, (a[0] * to_px, a[1] * to_px), (b[0] * to_px, b[1] * to_px), length
    )
    cm = to_px * background.cm_per_pixel  # page points to plan cm
    background = replace(
        background, origin=Point(-ORIGIN_PT[0] * cm, -ORIGIN_PT[1] * cm), opacity=0.6
    )
    layout = Plan(plan.title, plan.walls[:8], plan.rooms[:4], plan.openings[2:6])
    main.show_plan(replace(layout, background=background), None)
    main.session.editor.view.fit_to_plan()
    main.session.editor.use_tool("wall")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HJEM_DATA_DIR"] = folder
        set_language("da")
        w = window(Path(folder))
        shoot(w, "start.png")
        w.open_path(SAMPLES / "3-vaerelser.hjem")
        w.session.editor.scene.select_ids(["d3"])
        shoot(w, "editor.png")
        w.open_path(SAMPLES / "3-vaerelser-konflikter.hjem")
        w.conflicts.refresh()
        item = w.conflicts.list.item(3)
        w.conflicts.list.setCurrentItem(item)
        w.conflicts.list.itemClicked.emit(item)
        shoot(w, "conflicts.png")
        traced_over_pdf(w)
        shoot(w, "tracing.png")
        w.document.replace(w.document.plan, None)
        w.close()
        set_language("en")
        english = window(Path(folder))
        english.open_path(SAMPLES / "2-vaerelser-konflikter.hjem")
        english.session.editor.scene.select_ids(["p9"])
        shoot(english, "editor-english.png")
        english.close()
        set_language("da")
        inventory_window(Path(folder))
        furnishing(Path(folder))
        cases(Path(folder))
        handover_pages(Path(folder))
    app.quit()


def furnishing(folder: Path) -> None:
    """The sample apartment half furnished from the demo stock: a wardrobe dragged into the
    bedroom door's swing (red, with its bubble), and what fits along the children's wall."""
    from PySide6.QtCore import QPointF, Qt

    from hjem.inventory.demo import demo_is_present, fill_demo

    main = window(folder)
    with main.workspace().session() as session:
        if not demo_is_present(session):
            fill_demo(session, "Demo")
    plan = load_plan(SAMPLES / "3-vaerelser.hjem")
    main.show_plan(replace(plan, case_code="FBH-2026-014", placements=plan.placements[:12]), None)
    view = main.session.editor.view
    view.resetTransform()
    view.centerOn(QPointF(620, 330))
    main.session.furnishing.furniture.refresh()
    QTest.qWait(300)
    wardrobe = main.session.editor.plan["p8"]
    start = view.mapFromScene(QPointF(*wardrobe.center))
    end = view.mapFromScene(QPointF(600, 385))  # into the swing of the bedroom door
    QTest.mousePress(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
    )
    for step in range(1, 9):
        QTest.mouseMove(view.viewport(), start + (end - start) * step / 8)
    QTest.qWait(100)
    main.grab().save(str(OUT / "furnishing.png"))
    print(OUT / "furnishing.png")
    QTest.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
    )
    main.document.undo_stack.undo()
    from hjem.floorplan.fits import WallStretch

    main.session.furnishing.show_what_fits(WallStretch(Point(754, 40), Point(754, 290)))
    main.session.furnishing.furniture.refresh()
    shoot(main, "what-fits.png")
    main.document.replace(main.document.plan, None)
    main.close()


def inventory_window(folder: Path) -> None:
    """The inventory with the demo stock, a sofa selected, and the form for a new donation."""
    from hjem.db.workspace import Workspace
    from hjem.inventory.demo import fill_demo
    from hjem.ui.inventory.form import DonationDialog
    from hjem.ui.inventory.window import InventoryWindow

    workspace = Workspace(f"sqlite:///{folder / 'inventory.sqlite'}")
    with workspace.session() as session:
        fill_demo(session, "Demo", today=None)
    window = InventoryWindow(workspace, "Lise")
    window.resize(*SIZE)
    window.show()
    window.search.setText("sofa")
    window.refresh()
    window.select(window.model.rows[0].code)
    QTest.qWait(300)
    window.grab().save(str(OUT / "inventory.png"))
    print(OUT / "inventory.png")
    dialog = DonationDialog(window, lambda data, photos: None)
    dialog.show()
    QTest.qWait(100)
    dialog.grab().save(str(OUT / "donation.png"))
    print(OUT / "donation.png")
    dialog.close()
    window.close()
    workspace.close()


def cases(folder: Path) -> None:
    """The demo case and a new one on the start screen; the demo case's window on its budget,
    the plan open behind it."""
    import datetime as dt

    from hjem.budget.demo import add_demo_case
    from hjem.cases.cases import CaseData, create_case
    from hjem.cases.demo import DEMO_CASE
    from hjem.inventory.demo import demo_is_present, fill_demo

    main = window(folder)
    with main.workspace().session() as session:
        if not demo_is_present(session):
            fill_demo(session, "Demo")
        add_demo_case(session, "Mette", dt.date(2026, 11, 20))
        create_case(
            session, CaseData("FBH-2026-021", "Familien Bølge", "Vejle", "Mette", 2, ("6_12",))
        )
    QTest.qWait(400)  # the case list loads just after the first paint
    shoot(main, "cases.png")
    main.cases.show_case(DEMO_CASE.code)
    case_window = main.cases.open[DEMO_CASE.code]
    case_window.resize(1000, 640)
    from PySide6.QtWidgets import QPushButton

    case_window.findChild(QPushButton, "case_open_plan").click()
    case_window.tabs.setCurrentWidget(case_window.budget_tab)
    QTest.qWait(400)
    case_window.grab().save(str(OUT / "case-budget.png"))
    print(OUT / "case-budget.png")
    case_window.tabs.setCurrentIndex(0)
    QTest.qWait(100)
    case_window.grab().save(str(OUT / "case.png"))
    print(OUT / "case.png")
    case_window.close()
    print_preview(main, DEMO_CASE.code)
    main.document.replace(main.document.plan, None)
    main.close()


def print_preview(main: MainWindow, code: str) -> None:
    """The print dialog of the family's handover plan, its pages previewed."""
    from hjem.handover.gather import case_handover
    from hjem.ui.printing.dialog import HandoverDialog

    def gather(choice):  # type: ignore[no-untyped-def]
        with main.workspace().session() as session:
            return case_handover(session, code, choice)

    dialog = HandoverDialog(
        main, gather, for_case=True, architect="Mette", contact="12 34 56 78", file_stem="plan"
    )
    dialog.show()
    for _ in range(400):  # the first print prepares every photo
        if dialog.pdf is not None:
            break
        QTest.qWait(50)
    QTest.qWait(100)
    dialog.grab().save(str(OUT / "print-preview.png"))
    print(OUT / "print-preview.png")
    dialog.reject()


def handover_pages(folder: Path) -> None:
    """The demo case's printed plan from `hjem handover`: the family's copy in Danish, the
    internal copy in English, every page at 70 dpi."""
    import subprocess

    from hjem.cases.demo import DEMO_CASE
    from hjem.cli import main as hjem

    contact = ["--architect", "Mette", "--contact", "Mette · 12 34 56 78"]
    for lang, extra in (("da", []), ("en", ["--internal"])):
        pdf = folder / f"handover-{lang}.pdf"
        hjem(["handover", DEMO_CASE.code, "-o", str(pdf), "--lang", lang, *contact, *extra])
        for old in OUT.glob(f"handover-{lang}-*.png"):
            old.unlink()
        prefix = OUT / f"handover-{lang}"
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(prefix)], check=True)
    set_language("da")


if __name__ == "__main__":
    main()
