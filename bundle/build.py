"""Build hjem as a one-folder app for the system this runs on: `python -m bundle.build`.

It writes what the spec packs in besides the code (the build's date, the licence texts, the
icons), runs PyInstaller on bundle/hjem.spec, and says how large the app is and what takes the
room. `--archive` also packs it for download (a .tar.gz on Linux, a .zip elsewhere; Windows
and macOS then wrap it with bundle/windows/hjem.iss and bundle/macos/make_dmg.sh).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bundle.paths import APP, BUILD, DIST, EXTRA, ROOT

SPEC = ROOT / "bundle" / "hjem.spec"


def main(argv: list[str]) -> int:
    if (problem := _missing_tools()) is not None:
        print(problem, file=sys.stderr)
        return 1
    from PyInstaller.__main__ import run as pyinstaller

    from bundle.icon import icons
    from hjem import __version__

    shutil.rmtree(EXTRA, ignore_errors=True)
    EXTRA.mkdir(parents=True)
    write_build_info(__version__)
    write_licences(EXTRA / "licences")
    icons(EXTRA)
    write_windows_version(__version__)
    where = ["--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller")]
    pyinstaller([str(SPEC), "--noconfirm", "--log-level", "WARN", *where])
    if sys.platform == "linux":
        strip_debug_info(APP)
        # the menu entry (and its removal) travels with the app: docs/install.md
        shutil.copy2(ROOT / "bundle" / "linux" / "menu-entry.sh", APP / "menu-entry.sh")
    print(size_report(APP))
    if "--archive" in argv:
        print(archive(__version__))
    return 0


def _missing_tools() -> str | None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return "PyInstaller is missing: pip install -e '.[build]'"
    if sys.platform == "linux" and shutil.which("objdump") is None:
        # PyInstaller reads the libraries' dependencies with binutils' objdump on Linux, and
        # strip_debug_info uses objdump and strip
        return "objdump is missing: apt-get install binutils"
    return None


def write_build_info(version: str) -> None:
    """The version and the day of the build; SOURCE_DATE_EPOCH, when set, gives the day, so
    two builds of one commit can be the same byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    info = {"version": version, "built": moment.date().isoformat(), "commit": _commit()}
    (EXTRA / "build_info.json").write_text(json.dumps(info, indent=2), encoding="utf-8")


def _commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    )
    return result.stdout.strip() if result.returncode == 0 else ""


def write_licences(folder: Path) -> None:
    """Each library's licence texts in a folder of its own, and licences.json to list them
    (hjem.about reads it in the bundle)."""
    from hjem.about import LICENCE_INDEX, gather_licences

    index = []
    for licence in gather_licences():
        own = re.sub(r"[^A-Za-z0-9._-]+", "-", licence.name)
        names = []
        for text in licence.files:
            target = folder / own / text.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(text, target)
            names.append(f"{own}/{text.name}")
        index.append(
            {
                "name": licence.name,
                "version": licence.version,
                "licence": licence.licence,
                "files": names,
            }
        )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / LICENCE_INDEX).write_text(json.dumps(index, indent=1), encoding="utf-8")


def write_windows_version(version: str) -> None:
    """The version resource Windows shows in the file's properties (EXE's `version=`)."""
    numbers = (*(int(part) for part in re.findall(r"\d+", version)[:3]), 0)
    (EXTRA / "windows_version.txt").write_text(
        WINDOWS_VERSION.format(numbers=numbers[:4], version=version), encoding="utf-8"
    )


WINDOWS_VERSION = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[StringFileInfo([StringTable('040604B0', [
    StringStruct('CompanyName', 'Røde Kors – Fra Bolig til Hjem'),
    StringStruct('FileDescription', 'hjem'),
    StringStruct('FileVersion', '{version}'),
    StringStruct('ProductName', 'hjem'),
    StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1030, 1200])])]
)
"""


def strip_debug_info(app: Path) -> None:
    """Drop the debugging symbols that are most of libpython's and sqlcipher3's size (20 MB
    each). Libraries repaired by auditwheel (`$ORIGIN` in their RPATH, or in a `*.libs`
    folder) are left whole: stripping a file patchelf rewrote breaks it ("ELF load command
    address/offset not page-aligned"), which is why PyInstaller's own strip=True is not used."""
    for path in sorted(app.rglob("*.so*")):
        if path.is_symlink() or any(part.endswith(".libs") for part in path.parts):
            continue
        headers = subprocess.run(["objdump", "-h", "-p", str(path)], capture_output=True, text=True)
        if ".debug_info" in headers.stdout and "$ORIGIN" not in headers.stdout:
            subprocess.run(["strip", "--strip-debug", str(path)], check=True)


def size_report(app: Path) -> str:
    """The app's size and its largest folders, as `du` would say (for docs/performance.md)."""
    total = _size(app)
    inside = app / "_internal" if (app / "_internal").is_dir() else app
    parts = sorted(((_size(path), path) for path in inside.iterdir()), reverse=True)[:8]
    mib = 1 << 20  # as `du -h` counts
    lines = [f"{app.relative_to(ROOT)}: {total / mib:.0f} MiB unpacked; the largest parts:"]
    lines += [f"  {size / mib:6.1f} MiB  {path.relative_to(app)}" for size, path in parts]
    return "\n".join(lines)


def _size(path: Path) -> int:
    if path.is_file() or path.is_symlink():
        return path.lstat().st_size
    return sum(_size(child) for child in path.iterdir())


def archive(version: str) -> Path:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, "other")
    base = DIST / f"hjem-{version}-{system}"
    kind = "gztar" if system == "linux" else "zip"
    return Path(shutil.make_archive(str(base), kind, root_dir=DIST, base_dir=APP.name))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
