"""Smoke test of the built app (`python -m bundle.smoke [dist/hjem]`), run by .ci/run.

The app runs as a volunteer's laptop would run it: an environment made from nothing (as
`env -i`), PATH=/usr/bin:/bin, no venv, no PYTHONPATH, a fresh home and workspace, started
from a folder outside the checkout. This script (the venv's Python) only starts it and looks
at what it wrote: the picture with Pillow, the PDF with poppler.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from bundle.paths import APP, ROOT
from hjem import __version__

SAMPLES = ROOT / "assets" / "samples"
BARE_PATH = "/usr/bin:/bin"


class Smoke:
    def __init__(self, app: Path, home: Path):
        self.program = app / ("hjem.exe" if sys.platform == "win32" else "hjem")
        self.home = home
        self.env = {
            "PATH": BARE_PATH,
            "HOME": str(home),
            "LANG": "C.UTF-8",  # a desktop session sets one; Qt warns without
            "HJEM_DATA_DIR": str(home / "data"),
            "HJEM_WORKSPACE_KEY": secrets.token_hex(32),  # no keyring here, and no dialog
            "QT_QPA_PLATFORM": "offscreen",
        }

    def run(self, *args: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(self.program), *args],
            env=self.env,
            cwd=self.home,
            capture_output=True,
            text=True,
            timeout=180,
        )
        if result.returncode != expect:
            raise SystemExit(
                f"hjem {' '.join(args)}: exit {result.returncode}, not {expect}\n"
                f"{result.stdout}\n{result.stderr}"
            )
        return result


def check(smoke: Smoke) -> None:
    no_venv_on_the_path(smoke)
    own_interpreter(smoke)
    version(smoke)
    one_migration_head(smoke)
    smoke.run("demo")
    print("ok: hjem demo")
    screenshot(smoke)
    handover(smoke)
    samples(smoke)
    qt_speaks_danish(smoke)


def no_venv_on_the_path(smoke: Smoke) -> None:
    found = shutil.which("python3", path=BARE_PATH)
    assert found is None or Path(found).resolve() != Path(sys.executable).resolve(), found
    assert not any(".venv" in value for value in smoke.env.values())
    print(f"ok: PATH={BARE_PATH} (python3 there: {found}), no venv")


def own_interpreter(smoke: Smoke) -> None:
    """The running app is the bundle's program with the bundle's libpython, and maps no file
    of the venv: it is the bundle's own Python that runs hjem."""
    if not Path("/proc").is_dir():
        return
    env = {**smoke.env, "HJEM_DATA_DIR": str(smoke.home / "window")}
    # The window waits for a person (the first start asks for a name): looked at, then closed.
    process = subprocess.Popen([str(smoke.program)], env=env, cwd=smoke.home)
    try:
        maps = _mapped_once_qt_widgets_is(process.pid)
        executable = Path(f"/proc/{process.pid}/exe").resolve()
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert executable == smoke.program.resolve(), executable
    libpython = sorted({line for line in maps if "libpython" in line})
    assert libpython and all(str(smoke.program.parent) in line for line in libpython), libpython
    assert not [line for line in maps if ".venv" in line or "site-packages" in line]
    print(f"ok: the window runs {executable.name} on {Path(libpython[0].split()[-1]).name}")


def _mapped_once_qt_widgets_is(pid: int) -> list[str]:
    for _ in range(600):
        try:
            maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
        except FileNotFoundError:
            raise SystemExit("the window's process ended before it showed") from None
        if any("libQt6Widgets" in line for line in maps):
            time.sleep(1)  # the window is being built: let it finish
            return Path(f"/proc/{pid}/maps").read_text().splitlines()
        time.sleep(0.1)
    raise SystemExit("the window did not start within a minute")


def version(smoke: Smoke) -> None:
    lines = smoke.run("--version").stdout.splitlines()
    assert re.fullmatch(rf"hjem {re.escape(__version__)} \(bygget \d{{4}}-\d\d-\d\d\)", lines[0])
    assert lines[1].endswith(str(smoke.home / "data" / "workspace.sqlite")), lines[1]
    folder = Path(lines[-1].removeprefix("Licensteksterne ligger i "))
    listed = json.loads((folder / "licences.json").read_text(encoding="utf-8"))
    assert {"DejaVu Sans", "Python", "PySide6_Essentials", "sqlcipher3"} <= {
        entry["name"] for entry in listed
    }
    texts = [folder / name for entry in listed for name in entry["files"]]
    assert texts and all(path.is_file() for path in texts)
    print(f"ok: {lines[0]}; {len(listed)} licences, {len(texts)} texts")


def one_migration_head(smoke: Smoke) -> None:
    """`hjem db upgrade` reaches the one head of the checkout's migrations (with none bundled
    it would fail with "the migrations have 0 heads")."""
    from hjem.db.migrate import head_revision

    head = head_revision()
    said = smoke.run("db", "upgrade").stdout
    assert head in said, said
    print(f"ok: hjem db upgrade → {head}")


def screenshot(smoke: Smoke) -> None:
    target = smoke.home / "3-vaerelser.png"
    smoke.run(str(SAMPLES / "3-vaerelser.hjem"), "--screenshot", str(target))
    with Image.open(target) as picture:
        colours = picture.convert("RGB").getcolors(maxcolors=1 << 20) or []
        size = picture.size
    assert size == (1440, 900), size
    # A blank window has a handful of colours; the drawn plan with its photos has thousands.
    assert len(colours) > 500, len(colours)
    print(f"ok: --screenshot {size[0]}×{size[1]}, {len(colours)} colours")


def handover(smoke: Smoke) -> None:
    pdf = smoke.home / "plan.pdf"
    smoke.run("handover", "DEMO-2026-001", "-o", str(pdf))
    info = _poppler("pdfinfo", str(pdf))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    _poppler("pdftoppm", "-r", "40", "-png", str(pdf), str(smoke.home / "page"))
    rendered = sorted(smoke.home.glob("page*.png"))
    assert pages >= 3 and len(rendered) == pages, (pages, rendered)
    print(f"ok: hjem handover → {pages} pages, rendered by poppler without a warning")


def _poppler(*command: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or result.stderr.strip():
        raise SystemExit(f"{command[0]}: {result.stderr}")
    return result.stdout


def samples(smoke: Smoke) -> None:
    """`hjem check` on every sample: 0 without conflicts, 1 with (as its .expected.json
    lists), 2 for a file that is no plan (the PDF drawing)."""
    said = []
    for path in sorted(SAMPLES.iterdir()):
        if path.name.endswith(".expected.json"):
            continue
        expected = SAMPLES / f"{path.stem}.expected.json"
        if path.suffix == ".hjem":
            conflicts = json.loads(expected.read_text(encoding="utf-8"))["conflicts"]
            expect = 1 if conflicts else 0
        else:
            expect = 2
        smoke.run("check", str(path), expect=expect)
        said.append(f"{path.name}={expect}")
    print(f"ok: hjem check {', '.join(said)}")


def qt_speaks_danish(smoke: Smoke) -> None:
    env = {**smoke.env, "HJEM_STARTUP_PROBE": "1"}
    result = subprocess.run(
        [str(smoke.program)], env=env, cwd=smoke.home, capture_output=True, text=True, timeout=120
    )
    assert "qt=da" in result.stdout, result.stdout + result.stderr
    print("ok: the first window, with Qt's Danish translations")


def main(argv: list[str]) -> int:
    app = Path(argv[0]).resolve() if argv else APP
    if not app.is_dir():
        print(f"{app} is missing: build it with python -m bundle.build", file=sys.stderr)
        return 1
    home = Path(tempfile.mkdtemp(prefix="hjem-smoke-"))
    try:
        check(Smoke(app, home))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
