"""Take the screenshots in docs/screenshots/ (run: python scripts/screenshots.py).

Offscreen, on a virtual 1366 × 768 screen (a volunteer's laptop, tests/ui/laptop_screen.json),
with the real windows sized as hjem sizes them there: the start screen, the cases and plans
with the demo case, the demo case's furnished plan in the editor, the conflicts panel in use, a
plan being traced over a housing association's PDF, the window in English, furnishing from the
stock, the inventory, the case window's tabs, the new-case form, the grant schemes, the print
dialog, the pages of the printed handover plan at 100 dpi, and the workspace key's dialogs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's hjem (and scripts), not an installed one
LAPTOP_SCREEN = ROOT / "tests" / "ui" / "laptop_screen.json"
# Always the laptop's screen, whatever screen this runs on: hjem fits its windows to it.
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"

from PySide6.QtCore import QPointF, QSettings, QSize, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QLineEdit,
    QPushButton,
    QTabBar,
    QWidget,
)

from hjem.floorplan.background import background_from_file, calibrated  # noqa: E402
from hjem.floorplan.geometry import Point  # noqa: E402
from hjem.floorplan.hjemfile import load_plan  # noqa: E402
from hjem.floorplan.model import Plan  # noqa: E402
from hjem.i18n import set_language  # noqa: E402
from hjem.ui.main_window import MainWindow  # noqa: E402
from hjem.ui.recovery import Recovery  # noqa: E402
from hjem.ui.settings import Settings  # noqa: E402

SAMPLES = ROOT / "assets" / "samples"
OUT = ROOT / "docs" / "screenshots"
SCREEN = QSize(1366, 768)
HANDOVER_DPI = 100  # the printed pages' pictures: legible, and small enough for the docs
ARCHITECT = "Mette"  # the architect whose cases the start screen lists
TODAY = dt.date(2026, 11, 20)


def save(widget: QWidget, name: str) -> None:
    """A picture of `widget` as it is on the laptop's screen, saved small."""
    QApplication.processEvents()
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    path = OUT / name
    image.save(str(path))
    _optimise(path)
    print(f"{path.relative_to(ROOT)}  {image.width()} × {image.height()}")


def _optimise(path: Path, colours: int | None = None) -> None:
    """Save the PNG small: optimised, and with a palette of `colours` if given (a printed
    page has few colours; a window's photos need all of theirs)."""
    from PIL import Image

    with Image.open(path) as picture:
        picture.load()
    if colours is not None:
        picture = picture.convert("RGB").quantize(colours)
    picture.save(path, optimize=True)


def window(folder: Path) -> MainWindow:
    """The main window as `hjem` opens it on the laptop: no size forced here."""
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_user_name(ARCHITECT)
    main = MainWindow(settings, Recovery(folder))
    main.show()
    QTest.qWait(50)
    screen = QGuiApplication.primaryScreen().size()
    assert screen == SCREEN, f"not the laptop's screen: {screen}"
    return main


def shoot(main: QWidget, name: str) -> None:
    QTest.qWait(250)  # the conflicts panel refreshes a moment after a change
    save(main, name)


def when_modal(then: Callable[[QWidget], None]) -> None:
    """Run `then` on the next modal dialog once its `exec()` is running (and has painted)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, look)
            return
        QTest.qWait(200)
        then(dialog)

    QTimer.singleShot(50, look)


def raise_dock_tab(main: MainWindow, title: str) -> None:
    """Bring the docked panel titled `title` to the front of its tabs."""
    for bar in main.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.tabText(index) == title:
                bar.setCurrentIndex(index)


def speak(lang: str) -> None:
    """hjem's texts and Qt's own (Annuller, the calendar's months) in `lang`, as `hjem` sets
    them at start."""
    from hjem.ui.qt_language import install_qt_translations

    set_language(lang)
    app = QApplication.instance()
    assert app is not None
    install_qt_translations(app, lang)


def main() -> None:
    from hjem.ui.qt_log import route_qt_messages

    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    route_qt_messages()  # the offscreen screen's notes go to the log, as in `hjem`
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HJEM_DATA_DIR"] = folder  # one workspace: empty at first, then the demo
        speak("da")
        samples(Path(folder) / "samples")
        speak("en")
        english(Path(folder) / "english")
        speak("da")
        furnishing(Path(folder) / "furnishing")
        demo(Path(folder) / "demo")
        erasing(Path(folder) / "erasing")
        handover_pages(Path(folder) / "handover")
        workspace_key(Path(folder) / "workspace.sqlite")
    app.quit()


def samples(folder: Path) -> None:
    """The first start's screen, a sample's conflicts, and a plan traced over a PDF."""
    folder.mkdir()
    w = window(folder)
    QTest.qWait(400)  # the (empty) case list loads just after the first paint
    shoot(w, "start.png")
    w.open_path(SAMPLES / "3-vaerelser-konflikter.hjem")
    conflicts = w.session.conflicts
    conflicts.refresh()
    item = conflicts.list.item(3)
    conflicts.list.setCurrentItem(item)
    conflicts.list.itemClicked.emit(item)
    shoot(w, "conflicts.png")
    traced_over_pdf(w)
    shoot(w, "tracing.png")
    w.document.replace(w.document.plan, None)
    w.close()


def traced_over_pdf(main: MainWindow) -> None:
    """The 3-room sample's walls and rooms, without furniture, over its calibrated PDF plan."""
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


def english(folder: Path) -> None:
    """The editor in English, a piece selected."""
    folder.mkdir()
    w = window(folder)
    w.open_path(SAMPLES / "2-vaerelser-konflikter.hjem")
    w.session.editor.scene.select_ids(["p9"])
    shoot(w, "editor-english.png")
    w.document.replace(w.document.plan, None)
    w.close()


def furnishing(folder: Path) -> None:
    """The sample apartment half furnished from the demo stock: a wardrobe dragged into the
    bedroom door's swing (red, with its bubble), and what fits along the children's wall."""
    from hjem.floorplan.fits import WallStretch
    from hjem.inventory.demo import demo_is_present, fill_demo

    folder.mkdir()
    main = window(folder)
    with main.workspace().session() as session:
        if not demo_is_present(session):
            fill_demo(session, "Demo")
    plan = load_plan(SAMPLES / "3-vaerelser.hjem")
    main.show_plan(replace(plan, case_code="FBH-2026-014", placements=plan.placements[:12]), None)
    view = main.session.editor.view
    view.resetTransform()
    view.centerOn(QPointF(620, 330))
    main.session.furnishing.panel.refresh()
    main.session.furnishing.furniture.refresh()
    QTest.qWait(300)
    wardrobe = main.session.editor.plan["p8"]
    start = view.mapFromScene(QPointF(*wardrobe.center))
    end = view.mapFromScene(QPointF(600, 385))  # into the swing of the bedroom door
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(view.viewport(), left, none, start)
    for step in range(1, 9):
        QTest.mouseMove(view.viewport(), start + (end - start) * step / 8)
    QTest.qWait(100)
    save(main, "furnishing.png")
    QTest.mouseRelease(view.viewport(), left, none, end)
    main.document.undo_stack.undo()
    main.session.furnishing.show_what_fits(WallStretch(Point(754, 40), Point(754, 290)))
    main.session.furnishing.furniture.refresh()
    shoot(main, "what-fits.png")
    main.document.replace(main.document.plan, None)
    main.close()


def demo(folder: Path) -> None:
    """The demo workspace (its stock, the demo case and one more case) as a volunteer meets it:
    the cases and plans, the demo case's plan in the editor, its window's tabs, the new-case
    form, the grant schemes, the inventory and the print dialog."""
    from hjem.budget.demo import fill_demo_workspace
    from hjem.cases.cases import CaseData, add_visit, create_case
    from hjem.cases.demo import DEMO_CASE

    folder.mkdir()
    main = window(folder)
    with main.workspace().session() as session:
        fill_demo_workspace(session, ARCHITECT, TODAY)
        add_visit(
            session,
            DEMO_CASE.code,
            TODAY - dt.timedelta(days=6),
            "Første besøg: målt op, familien ønsker en reol til børneværelset.",
        )
        create_case(
            session, CaseData("FBH-2026-021", "Familien Bølge", "Vejle", ARCHITECT, 2, ("6_12",))
        )
    QTest.qWait(400)  # the case list loads just after the first paint
    assert main.cases.list is not None
    main.cases.list.refresh(select_code=DEMO_CASE.code)
    shoot(main, "cases.png")
    new_case(main)

    main.cases.show_case(DEMO_CASE.code)
    case_window = main.cases.open[DEMO_CASE.code]
    QTest.qWait(300)
    for tab, name in (
        (case_window.household, "case.png"),
        (case_window.plan, "case-plan.png"),
        (case_window.reservations, "case-reservations.png"),
        (case_window.visits, "case-visits.png"),
    ):
        case_window.tabs.setCurrentWidget(tab)
        shoot(case_window, name)

    case_window.findChild(QPushButton, "case_open_plan").click()  # the editor opens it
    QTest.qWait(300)
    raise_dock_tab(main, "Møbelliste")
    main.session.scene.select_ids([main.document.plan.placements[0].id])
    shoot(main, "editor.png")
    case_window.tabs.setCurrentWidget(case_window.budget_tab)
    QTest.qWait(300)
    shoot(case_window, "case-budget.png")
    case_window.close()

    schemes(main)
    inventory(main)
    print_preview(main, DEMO_CASE.code)
    main.document.replace(main.document.plan, None)
    main.close()


def erasing(folder: Path) -> None:
    """The start screen with two cases closed longer ago than the retention period, and the
    question the erase button asks."""
    from sqlalchemy import text

    from hjem.budget.demo import fill_demo_workspace
    from hjem.cases.cases import CaseData, create_case, set_status
    from hjem.cases.models import CaseStatus

    folder.mkdir()
    main = window(folder)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    with main.workspace().session() as session:
        fill_demo_workspace(session, ARCHITECT, TODAY)
        for code, alias, days in (
            ("FBH-2025-031", "Familien Skov", 60),
            ("FBH-2025-044", "Familien Å", 0),
        ):
            create_case(session, CaseData(code, alias, "Aarhus", ARCHITECT, 1, ("3_5",)))
            set_status(session, code, CaseStatus.CLOSED)
            session.execute(
                text("UPDATE cases SET closed_at = :at WHERE code = :code"),
                {"at": long_ago - dt.timedelta(days=days), "code": code},
            )
    QTest.qWait(400)  # the case list loads just after the first paint
    assert main.cases.retention is not None and main.cases.retention.isVisible()
    shoot(main, "retention.png")

    def shoot_and_keep(dialog: QWidget) -> None:
        shoot(dialog, "erase-confirm.png")
        dialog.reject()  # type: ignore[attr-defined]

    when_modal(shoot_and_keep)
    main.cases.retention.findChild(QPushButton, "retention_erase_FBH-2025-031").click()
    main.close()


def new_case(main: MainWindow) -> None:
    """The form for a new case, as the case list's button opens it, partly filled in."""

    def fill_and_shoot(dialog: QWidget) -> None:
        dialog.code.setText("FBH-2026-022")  # type: ignore[attr-defined]
        dialog.municipality.setText("Kolding")  # type: ignore[attr-defined]
        dialog.adults.setValue(2)  # type: ignore[attr-defined]
        shoot(dialog, "case-new.png")
        dialog.reject()  # type: ignore[attr-defined]

    when_modal(fill_and_shoot)
    main.cases.new_case()


def schemes(main: MainWindow) -> None:
    """Indstillinger → Støtteordninger: the example scheme open in its editor."""
    from hjem.ui.cases.open_schemes import open_schemes
    from hjem.ui.cases.scheme_editor import SchemeEditor

    open_schemes(main)
    editor = main.findChild(SchemeEditor, "scheme_editor")
    assert editor is not None
    if editor.list.count():
        editor.list.setCurrentRow(0)
    shoot(editor, "schemes.png")
    editor.close()


def inventory(main: MainWindow) -> None:
    """The inventory with the demo stock, a sofa selected, and the form for a new donation."""
    from hjem.ui.inventory.form import DonationDialog

    main.open_inventory()
    stock = main.inventory_window
    assert stock is not None
    stock.refresh()
    sofa = next(row for row in stock.model.rows if "sofa" in row.name.lower())
    stock.select(sofa.code)
    shoot(stock, "inventory.png")
    dialog = DonationDialog(stock, lambda data, photos: None)
    dialog.show()
    shoot(dialog, "donation.png")
    dialog.close()
    stock.close()


def print_preview(main: MainWindow, code: str) -> None:
    """The print dialog of the family's handover plan, as the case's Print opens it, its pages
    previewed."""

    def when_ready(dialog: QWidget) -> None:
        for _ in range(400):  # the first print prepares every photo
            if getattr(dialog, "pdf", None) is not None:
                break
            QTest.qWait(50)
        shoot(dialog, "print-preview.png")
        dialog.reject()  # type: ignore[attr-defined]

    when_modal(when_ready)
    main.printing.print_case(code)  # type: ignore[arg-type]


def handover_pages(folder: Path) -> None:
    """The demo case's printed plan from `hjem handover`: the family's copy in Danish, the
    internal copy (marked on every page) in English, every page at HANDOVER_DPI; the cover and
    first room page of the family's copy in Arabic and in Tigrinya."""
    from hjem.cases.demo import DEMO_CASE
    from hjem.cli import main as hjem

    folder.mkdir()  # the workspace (HJEM_DATA_DIR) holds the demo case by now
    contact = ["--architect", ARCHITECT, "--contact", f"{ARCHITECT} · 12 34 56 78"]
    for lang, extra in (("da", []), ("en", ["--internal"])):
        pdf = folder / f"handover-{lang}.pdf"
        hjem(["handover", DEMO_CASE.code, "-o", str(pdf), "--lang", lang, *contact, *extra])
        for old in OUT.glob(f"handover-{lang}-*.png"):
            old.unlink()
        prefix = OUT / f"handover-{lang}"
        subprocess.run(
            ["pdftoppm", "-r", str(HANDOVER_DPI), "-png", str(pdf), str(prefix)], check=True
        )
        for page in sorted(OUT.glob(f"handover-{lang}-*.png")):
            _optimise(page, colours=64)
            print(page.relative_to(ROOT))
    for lang in ("ar", "ti"):  # right to left, and a script of its own: the cover, a room
        pdf = folder / f"handover-{lang}.pdf"
        hjem(["handover", DEMO_CASE.code, "-o", str(pdf), "--lang", lang, *contact])
        for number in (1, 3):
            page = OUT / f"handover-{lang}-{number}.png"
            pages = ["-f", str(number), "-l", str(number), "-singlefile"]
            subprocess.run(
                ["pdftoppm", "-r", str(HANDOVER_DPI), "-png", *pages, str(pdf), str(page)[:-4]],
                check=True,
            )
            _optimise(page, colours=64)
            print(page.relative_to(ROOT))
    speak("da")


def workspace_key(path: Path) -> None:
    """The workspace key's dialogs as a volunteer meets them at start: a passphrase being
    chosen, the recovery code to write down, a code being typed on a new laptop, and an older
    workspace half encrypted. Their code is a made-up key's, never a real workspace's."""
    from hjem.db import recovery_code
    from hjem.ui.workspace_key.code_dialog import RecoveryCodeDialog
    from hjem.ui.workspace_key.conversion_dialog import ConversionDialog
    from hjem.ui.workspace_key.passphrase_dialogs import ChoosePassphraseDialog
    from hjem.ui.workspace_key.recover_dialog import RecoverDialog, Why

    code = recovery_code.encode(hashlib.sha256(b"not a workspace's key").digest())
    choosing = ChoosePassphraseDialog()
    choosing.first.setText("gardinerne i stuen er blå")
    recovering = RecoverDialog(path, Why.MISSING)
    recovering.field.setText(code[:24].lower())  # as typed: capitals do not matter
    encrypting = ConversionDialog(path, lambda: None, lambda *_args, **_kw: None)
    encrypting.bar.show()
    encrypting.buttons.hide()  # as while it runs: no cancel half-way
    encrypting.rows_did_copy.emit(41_250, 100_000)
    for dialog, name in (
        (choosing, "workspace-passphrase.png"),
        (RecoveryCodeDialog(code), "workspace-recovery-code.png"),
        (recovering, "workspace-recover.png"),
        (encrypting, "workspace-encrypting.png"),
    ):
        dialog.show()
        QTest.qWait(100)
        for field in dialog.findChildren(QLineEdit):  # as while typing, not all selected
            field.end(False)
        save(dialog, name)
        dialog.close()


if __name__ == "__main__":
    main()
