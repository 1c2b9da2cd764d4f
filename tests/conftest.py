import os
from pathlib import Path

import pytest

# Qt tests run without a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def samples() -> Path:
    return ROOT / "assets" / "samples"


pytest_plugins = ["tests.database_fixtures"]
