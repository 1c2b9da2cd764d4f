"""Where hjem's bundled assets (translations, samples, fonts) live.

In a source checkout (editable install) they sit in `assets/` beside the package; a wheel carries
them inside the package as `hjem/assets/` (see pyproject.toml's force-include).
"""

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def assets_dir() -> Path:
    for candidate in (_PACKAGE_DIR / "assets", _PACKAGE_DIR.parent / "assets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("hjem's assets folder is missing; reinstall hjem")


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)
