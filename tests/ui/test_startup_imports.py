"""The start screen comes up without the heavy parts: the geometry engine, the database
layer and the PDF library load when a plan, the workspace or a print first needs them. This is
what keeps the first window quick (bench/startup.py measures it)."""

import os
import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("shapely", "numpy", "sqlalchemy", "reportlab", "pypdfium2", "hjem.floorplan.report")
PROBE = (
    "import atexit, sys\n"
    f"atexit.register(lambda: print('loaded', *[m for m in {HEAVY!r} if m in sys.modules]))\n"
    "from hjem.cli import main\n"
    "main([])\n"
)


def test_the_first_window_loads_no_engine_database_or_pdf_library(tmp_path):
    env = {
        **os.environ,
        "HJEM_STARTUP_PROBE": "1",  # show the first window, then quit
        "QT_QPA_PLATFORM": "offscreen",
        "HJEM_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )
    assert "first_window" in result.stdout
    loaded = next(line for line in result.stdout.splitlines() if line.startswith("loaded"))
    assert loaded.split()[1:] == []
