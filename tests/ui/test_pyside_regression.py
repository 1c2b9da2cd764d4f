"""PySide6 6.12.0 aborts CPython 3.11 after a few thousand void method calls ("none_dealloc":
each call drops a reference to None). pyproject.toml excludes it; this makes sure the installed
PySide6 survives 100 000 such calls."""

import subprocess
import sys

LOOP = """
from PySide6.QtCore import QPointF
point = QPointF()
for i in range(100_000):
    point.setX(float(i))   # a void method: returns None
print("survived", point.x())
"""


def test_a_hundred_thousand_void_calls_do_not_abort_the_interpreter():
    result = subprocess.run(
        [sys.executable, "-c", LOOP], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived 99999.0"
