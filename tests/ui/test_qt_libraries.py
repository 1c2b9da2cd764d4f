"""Before Qt's X11 platform would abort, hjem names the missing packages or the missing screen."""

import os
import subprocess
import sys

from hjem.ui.qt_libraries import missing_packages, uses_x11
from tests.conftest import ROOT


def test_a_library_that_cannot_be_loaded_is_named_by_its_package():
    libraries = {"libc.so.6": "libc6", "libhjem-no-such-library.so.9": "libhjem-nothing9"}
    assert missing_packages(libraries) == ["libhjem-nothing9"]


def test_qt_takes_x11_on_linux_unless_told_otherwise_or_in_a_wayland_session():
    assert uses_x11({"DISPLAY": ":0"}, "linux")
    assert uses_x11({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_x11({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not uses_x11({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not uses_x11({"DISPLAY": ":0"}, "darwin")


def test_a_window_without_a_screen_ends_with_a_message_not_an_abort(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": ":987",
        "HJEM_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "hjem"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "hjem kan ikke åbne sit vindue" in result.stderr
    assert ("sudo apt install" in result.stderr) or ("DISPLAY=:987" in result.stderr)


def test_no_screen_at_all_is_said_rather_than_an_invisible_window(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["HJEM_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "hjem", "--lang", "en"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "hjem cannot open its window" in result.stderr
