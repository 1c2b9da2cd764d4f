"""What `hjem --version` and *Hjælp → Om hjem* say: the version, when this copy was built (or
that it runs from the source), where the workspace is on this computer, and the licences of
the fonts and libraries hjem ships with.

An installed hjem (the bundle of `python -m bundle.build`) carries `build_info.json` and
`licences/` beside its package: the build wrote them, from the same `gather_licences` that a
copy run from the source calls live.
"""

from __future__ import annotations

import json
import platform
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from hjem import __version__
from hjem.config import data_dir_path
from hjem.db.engine import SQLITE_FILE
from hjem.i18n import tr
from hjem.resources import asset

_PACKAGE_DIR = Path(__file__).resolve().parent
BUILD_INFO = _PACKAGE_DIR / "build_info.json"
LICENCE_DIR = _PACKAGE_DIR / "licences"
LICENCE_INDEX = "licences.json"
_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
_REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA_MARKER = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class Licence:
    name: str  # the library, font or program
    version: str
    licence: str  # its licence's name as the library states it ("" if it states none)
    files: tuple[Path, ...]  # the licence texts


@dataclass(frozen=True)
class About:
    version: str
    built: str | None  # the build's date (ISO); None when run from the source
    workspace: Path  # the encrypted workspace file on this computer
    licences: tuple[Licence, ...]
    licence_folder: Path | None  # where the bundle keeps the texts (None from the source)


def about() -> About:
    built = _build_info().get("built")
    return About(
        version=__version__,
        built=built,
        workspace=data_dir_path() / SQLITE_FILE,
        licences=licences(),
        licence_folder=LICENCE_DIR if built else None,
    )


def _build_info() -> dict[str, str]:
    if not BUILD_INFO.is_file():
        return {}
    info: dict[str, str] = json.loads(BUILD_INFO.read_text(encoding="utf-8"))
    return info


def licences() -> tuple[Licence, ...]:
    """What the bundle lists, or, run from the source, what is installed for hjem now."""
    index = LICENCE_DIR / LICENCE_INDEX
    if not index.is_file():
        return tuple(gather_licences())
    return tuple(
        Licence(
            entry["name"],
            entry["version"],
            entry["licence"],
            tuple(LICENCE_DIR / name for name in entry["files"]),
        )
        for entry in json.loads(index.read_text(encoding="utf-8"))
    )


def gather_licences() -> list[Licence]:
    """The fonts, Python and every library hjem needs at run time (its requirements and
    theirs, extras left out), each with its licence's name and texts as installed."""
    found = [
        Licence("DejaVu Sans", "2.37", "Bitstream Vera", (asset("fonts", "DejaVu-LICENSE.txt"),)),
        Licence("Python", platform.python_version(), "PSF-2.0", _python_licence()),
    ]
    for dist in _runtime_distributions():
        found.append(
            Licence(dist.metadata["Name"], dist.version, _licence_name(dist), _licence_files(dist))
        )
    return found


def _runtime_distributions() -> list[metadata.Distribution]:
    """hjem's installed distribution and those it needs to run, by name: their requirements,
    with the extras asked for (`psycopg[binary]` brings psycopg-binary), and no others."""
    seen: dict[str, metadata.Distribution] = {}
    walked: set[tuple[str, frozenset[str]]] = set()
    waiting: list[tuple[str, frozenset[str]]] = [("hjem", frozenset())]
    while waiting:
        name, extras = waiting.pop()
        if (_normalised(name), extras) in walked:
            continue
        walked.add((_normalised(name), extras))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:  # needed on another system only (pywin32-ctypes)
            continue
        seen[_normalised(name)] = dist
        for requirement in dist.requires or ():
            if (wanted := _wanted(requirement, extras)) is not None:
                waiting.append(wanted)
    return sorted(seen.values(), key=lambda dist: _normalised(dist.metadata["Name"]))


def _wanted(requirement: str, extras: frozenset[str]) -> tuple[str, frozenset[str]] | None:
    """(name, extras) of a requirement line, or None when it belongs to an extra not asked for.
    Other markers (a system's) are not judged: a library missing here is skipped."""
    match = _REQUIREMENT.match(requirement)
    if match is None:
        return None
    extra = _EXTRA_MARKER.search(requirement)
    if extra is not None and extra.group(1) not in extras:
        return None
    asked = frozenset(part.strip() for part in (match.group(2) or "").split(",") if part.strip())
    return match.group(1), asked


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# Libraries whose metadata names no licence, as their licence texts say.
_STATED_HERE = {"sqlcipher3": "Zlib (pysqlite); SQLCipher: BSD-3-Clause"}


def _licence_name(dist: metadata.Distribution) -> str:
    fields = dist.metadata.json  # missing fields are missing keys here, on every Python
    if (ours := _STATED_HERE.get(_normalised(str(fields["name"])))) is not None:
        return ours
    if expression := fields.get("license_expression"):
        return str(expression)
    stated = str(fields.get("license") or "").strip()
    if stated and "\n" not in stated and len(stated) <= 60:  # not the whole text pasted in
        return stated
    classifiers = fields.get("classifier") or []
    named = [line.split(" :: ")[-1] for line in classifiers if line.startswith("License ::")]
    return ", ".join(named)


def _licence_files(dist: metadata.Distribution) -> tuple[Path, ...]:
    """The licence texts in the distribution's metadata folder (`*.dist-info`)."""
    texts = []
    for file in dist.files or ():
        in_metadata = file.parts[0].endswith(".dist-info")
        if in_metadata and _LICENCE_FILE.search(file.name):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                texts.append(path)
    return tuple(sorted(texts))


def _python_licence() -> tuple[Path, ...]:
    folder = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    candidates = (folder / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt")
    return tuple(path for path in candidates if path.is_file())[:1]


def version_text() -> str:
    """`hjem --version`: the version and build on the first line, then where and whose."""
    facts = about()
    lines = [
        tr("about.version_line", version=facts.version, built=built_text(facts)),
        tr("about.workspace_line", path=facts.workspace),
        tr("about.licences_title"),
    ]
    lines += [f"  {licence_line(licence)}" for licence in facts.licences]
    if facts.licence_folder is not None:
        lines.append(tr("about.licence_texts", folder=facts.licence_folder))
    return "\n".join(lines)


def built_text(facts: About) -> str:
    """The build's day ("bygget 2026-06-01"), or that this copy runs from the source."""
    if facts.built is None:
        return tr("about.from_source")
    return tr("about.built", date=facts.built)


def licence_line(licence: Licence) -> str:
    return tr(
        "about.licence_line",
        name=licence.name,
        version=licence.version,
        licence=licence.licence or tr("about.licence_unstated"),
    )
