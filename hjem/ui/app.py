"""Start-up of the planner window: language, the workspace's key (hjem.ui.workspace_key), the
window, an optional plan, screenshot mode.

Only what the start screen needs is imported here, so the first window is quick; the geometry
engine and the plan editor load when the first plan is opened."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from hjem.ui.main_window import MainWindow
    from hjem.ui.settings import Settings

BACKGROUND_GRACE_MS = 10_000  # how long closing waits for background jobs to end
STARTUP_PROBE = "HJEM_STARTUP_PROBE"  # set by bench/startup.py: report the first window, quit
OFFLINE_PROBE = "offline"  # ... report the window working on the laptop's copy instead


def run(args: argparse.Namespace) -> int:
    if args.screenshot:  # a picture needs no screen
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif (problem := _screen_problem(args)) is not None:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from hjem.config import recovery_dir
    from hjem.i18n import current_language, set_language
    from hjem.resources import asset
    from hjem.ui.main_window import MainWindow
    from hjem.ui.qt_language import install_qt_translations
    from hjem.ui.qt_log import route_qt_messages
    from hjem.ui.recovery import Recovery
    from hjem.ui.settings import Settings

    route_qt_messages()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("hjem")
    app.setWindowIcon(QIcon(str(asset("icon", "hjem.png"))))  # the task bar's, on Linux too
    settings = Settings()
    set_language(args.lang or settings.language() or "da")
    # the language holds until the next start
    qt_speaks = current_language() if install_qt_translations(app, current_language()) else "en"
    if not _workspace_gate(args, settings):
        return 0  # the person chose to quit (or was told why hjem cannot go on)
    window = MainWindow(settings, Recovery(recovery_dir()), getattr(args, "database", None))
    window.show()
    if os.environ.get(STARTUP_PROBE) == OFFLINE_PROBE:
        return _probe_offline(app, window)
    if os.environ.get(STARTUP_PROBE):
        # After the moment, the language Qt's own buttons speak: an installed hjem that lost
        # Qt's translations says "qt=en" here (bundle/smoke.py looks).
        line = f"qt={qt_speaks}"
        QTimer.singleShot(
            0, lambda: (print(f"first_window {time.time():.6f} {line}", flush=True), app.quit())
        )
        return app.exec()
    if args.screenshot:
        return _screenshot(
            app, window, Path(args.plan) if args.plan else None, Path(args.screenshot)
        )
    if args.plan:
        window.open_path(Path(args.plan))
    QTimer.singleShot(0, lambda: _greet(window, offer_recovery=not args.plan))
    return _after_background_work(app.exec())


def _probe_offline(app: QApplication, window: MainWindow) -> int:
    """bench/startup.py: the moment the window works on the laptop's copy of a team server
    that does not answer. The process ends there: the quiet sign-in still waiting on the
    server has nothing to keep."""

    def working(_identity: object) -> None:
        print(f"first_window {time.time():.6f} offline", flush=True)
        os._exit(0)

    window.team.sync.went_offline.connect(working)
    return app.exec()


def _workspace_gate(args: argparse.Namespace, settings: Settings) -> bool:
    """The laptop's workspace key, asked for before the window opens the workspace
    (hjem.ui.workspace_key). A screenshot and the start-up probe ask nothing: no dialog may
    wait for a person there; the window says what it cannot open."""
    if args.screenshot or os.environ.get(STARTUP_PROBE):
        return True
    from hjem.ui.workspace_key import open_gate

    return open_gate(getattr(args, "database", None), settings.team_server() is not None)


def _after_background_work(status: int) -> int:
    """`status`, once the background jobs have ended: a job still running when Python shuts
    down reports to a relay that is already gone, and prints a traceback. A job stuck on an
    unreachable server does not keep hjem from closing for long."""
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(BACKGROUND_GRACE_MS)
    return status


def _screen_problem(args: argparse.Namespace) -> str | None:
    """Why Qt could not open a window here, said before Qt would abort the process."""
    from hjem.i18n import tr
    from hjem.ui.qt_libraries import x11_problem

    if (problem := x11_problem()) is None:
        return None
    key, params = problem
    return tr(key, args.lang or "da", **params)


def _greet(window: MainWindow, offer_recovery: bool) -> None:
    """Signing in to the team's server (when one is set), the first start's question for the
    volunteer's name, then a crashed session's plan: one after the other, never two dialogs
    at once."""
    window.team.sign_in_at_start()
    window.preferences.welcome()
    if offer_recovery:
        window.offer_recovery()


def _screenshot(app: QApplication, window: MainWindow, plan_path: Path | None, target: Path) -> int:
    """Render the window with the plan and save it as a picture (for docs and tests).

    No dialog may wait for a person here: a plan that cannot be read is reported on stderr.
    """
    from hjem.errors import UserError
    from hjem.floorplan.hjemfile import load_plan
    from hjem.i18n import tr

    if plan_path is not None:
        try:
            window.show_plan(load_plan(plan_path), plan_path)
        except UserError as error:
            print(tr("cli.cannot_read", file=plan_path, problem=error.message), file=sys.stderr)
            window.close()
            return 2
    window.resize(1440, 900)
    app.processEvents()
    if window.has_editor:
        window.session.view.fit_to_plan()
        window.session.conflicts.refresh()
    app.processEvents()
    ok = window.grab().save(str(target))
    window.document.undo_stack.setClean()
    window.close()
    return _after_background_work(0 if ok else 1)
