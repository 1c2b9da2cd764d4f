"""Benchmark: time from starting `hjem` to its first window on screen (issue #3, ≤ 200 ms).

Ours starts the app as shipped: only what the start screen needs is imported, the geometry
engine and the editor load when a plan opens. The baseline starts the same app after importing
everything eagerly (engine, editor, PDF and image libraries), measured in the same run. Each
run is a fresh process (offscreen Qt), timed from just before it is spawned until the window
reports that it is shown.

The installed app (issue 16) is timed too, when it is built (`python -m bundle.build` makes
dist/hjem): the same start from the bundle's own program against the venv's, ratio = venv /
bundle (the target is ≤ 2× the venv's time, a ratio ≥ 0.5). Without a bundle that case says
so in the JSON and is skipped.

Offline home visits (issue 15, ≤ 2 s): a laptop set up for a team server that does not
answer, with a working copy from an earlier visit, must open on that copy at once while the
server is asked off the window's thread. `offline_silent_*` start hjem against a server that
takes connections and never answers, `offline_firewalled_*` against one whose packets go
nowhere (a non-routable address); each is timed from spawn to the first window, and to the
window working on the copy, and compared with the plain first window of a laptop without a
team server (baseline / ours).

Run: python -m bench.startup [--quick]. Prints one JSON line.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

from bench.common import ROOT, case, report

FIREWALLED = "10.255.255.1"  # non-routable: a connection attempt gets no answer
BUNDLE = ROOT / "dist" / "hjem" / ("hjem.exe" if sys.platform == "win32" else "hjem")

OURS = "from hjem.cli import main; main([])"
EAGER = (
    "import numpy, shapely, PIL.Image, reportlab.pdfgen.canvas, sqlalchemy, pypdfium2; "
    "import babel.numbers; "
    "import hjem.floorplan.report, hjem.floorplan.drag, hjem.floorplan.hjemfile, "
    "hjem.floorplan.background, hjem.ui.workspace; " + OURS
)


def first_window_ms(command: list[str], data_dir: str, **extra_env: str) -> float:
    env = {
        **os.environ,
        "HJEM_STARTUP_PROBE": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "HJEM_DATA_DIR": data_dir,
        **extra_env,
    }
    start = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    line = next(line for line in result.stdout.splitlines() if line.startswith("first_window"))
    return (float(line.split()[1]) - start) * 1000


def median_ms(command: list[str], runs: int, data_dir: str, **extra_env: str) -> float:
    first_window_ms(command, data_dir, **extra_env)  # warm the file cache
    return statistics.median(first_window_ms(command, data_dir, **extra_env) for _ in range(runs))


def offline_cases(name: str, host: str, port: int, runs: int, plain_ms: float) -> list[dict]:
    """With a server at host:port that does not answer: the first window, and the window
    working on the laptop's copy."""
    url = f"postgresql://ada:secret@{host}:{port}/hjem"
    with tempfile.TemporaryDirectory() as data_dir:
        _make_copy(url, data_dir)
        command = [sys.executable, "-c", OURS]
        shown = median_ms(command, runs, data_dir, HJEM_DATABASE_URL=url)
        on_copy = median_ms(
            command, runs, data_dir, HJEM_STARTUP_PROBE="offline", HJEM_DATABASE_URL=url
        )
    return [
        case(f"{name}_first_window", 1, shown * 1000, plain_ms * 1000, runs=runs),
        case(f"{name}_on_copy", 1, on_copy * 1000, plain_ms * 1000, runs=runs),
    ]


def _make_copy(url: str, data_dir: str) -> None:
    """A working copy for `url`, as an earlier visit left it (made in a child process: the
    data folder is read when hjem is imported)."""
    code = (
        "from hjem.sync.copy import open_copy; from hjem.sync.state import remember_person;"
        "from hjem.db.roles import Group, Identity; import sys;"
        "copy = open_copy(sys.argv[1]);"
        "copy.run(lambda s: remember_person(s, Identity('ada', Group.ARCHITECT, 'hjem')));"
        "copy.close()"
    )
    env = {**os.environ, "HJEM_DATA_DIR": data_dir}
    subprocess.run([sys.executable, "-c", code, url], check=True, env=env, cwd=ROOT)


def silent_server() -> socket.socket:
    """Takes connections (the kernel's backlog) and never answers."""
    return socket.create_server(("127.0.0.1", 0), backlog=64)


def bundle_case(runs: int, data_dir: str, venv_ms: float) -> dict:
    if not BUNDLE.is_file():
        return {
            "case": "bundle_first_window",
            "skipped": "no bundle built (python -m bundle.build)",
        }
    bundle_ms = median_ms([str(BUNDLE)], runs, data_dir)
    return case("bundle_first_window", 1, bundle_ms * 1000, venv_ms * 1000, runs=runs)


def main() -> None:
    runs = 3 if "--quick" in sys.argv else 11
    with tempfile.TemporaryDirectory() as data_dir:
        ours = median_ms([sys.executable, "-c", OURS], runs, data_dir)
        eager = median_ms([sys.executable, "-c", EAGER], runs, data_dir)
        bundle = bundle_case(runs, data_dir, ours)
    silent = silent_server()
    offline = [
        *offline_cases("offline_silent", "127.0.0.1", silent.getsockname()[1], runs, ours),
        *offline_cases("offline_firewalled", FIREWALLED, 5432, runs, ours),
    ]
    silent.close()
    report(
        "startup",
        [case("first_window", 1, ours * 1000, eager * 1000, runs=runs), bundle, *offline],
    )


if __name__ == "__main__":
    main()
