"""Benchmark: importing a generated Sweet Home 3D home (issue 17): 20 rooms, 49 walls, 30 doors
and windows, 200 pieces (some in nested groups, some raised, some lights).

Ours is `hjem.floorplan.sh3d.import_home`: Home.xml streamed out of the ZIP with size and ratio
caps, parsed by defusedxml's iterparse with element, depth and length limits, doors set in
their wall through a 1 m grid of walls. The naive twin, in the same run, does the same
conversion the careless way: `ZipFile.read`, the standard library's unprotected
`ElementTree.fromstring`, and every wall tried for every door.

Run: python -m bench.sh3d_import [--quick]. Prints one JSON line.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from unittest import mock
from xml.etree import ElementTree

from bench.common import case, report
from hjem.floorplan.sh3d import doors, import_home
from hjem.floorplan.sh3d.convert import convert
from hjem.floorplan.sh3d.home import read_level

COLUMNS, ROWS, W, D = 5, 4, 400, 350
NAMES = ("Dobbeltseng", "Sofa", "Spisebord", "Chair", "Klædeskab", "Reol", "Kommode", "Plant")


def _wall(i: int, x1: float, y1: float, x2: float, y2: float) -> str:
    return (
        f'<wall id="w{i}" xStart="{x1}" yStart="{y1}" xEnd="{x2}" yEnd="{y2}" '
        'thickness="15" height="250"/>'
    )


def _walls() -> list[str]:
    walls: list[str] = []
    count = 0
    for row in range(ROWS + 1):
        for col in range(COLUMNS):
            walls.append(_wall(count, col * W, row * D, (col + 1) * W, row * D))
            count += 1
    for col in range(COLUMNS + 1):
        for row in range(ROWS):
            walls.append(_wall(count, col * W, row * D, col * W, (row + 1) * D))
            count += 1
    return walls


def _piece(name: str, x: float, y: float, **more: object) -> str:
    extra = "".join(f' {k}="{v}"' for k, v in more.items())
    size = 'width="80" depth="60" height="75"'
    return f'<pieceOfFurniture name="{name}" x="{x}" y="{y}" {size}{extra}/>'


def _room_things(col: int, row: int) -> list[str]:
    x0, y0 = col * W, row * D
    things = [
        f'<doorOrWindow name="Door" x="{x0 + 100}" y="{y0}" width="90" depth="15" height="205" '
        'wallThickness="1" wallDistance="0"><sash xAxis="0" yAxis="1" width="1" startAngle="0" '
        'endAngle="1.5708"/></doorOrWindow>',
        f'<room name="Rum {col}-{row}"><point x="{x0 + 8}" y="{y0 + 8}"/>'
        f'<point x="{x0 + W - 8}" y="{y0 + 8}"/><point x="{x0 + W - 8}" y="{y0 + D - 8}"/>'
        f'<point x="{x0 + 8}" y="{y0 + D - 8}"/></room>',
    ]
    if (col + row) % 2 == 0:
        things.append(
            f'<doorOrWindow name="Window" x="{x0 + 250}" y="{y0}" width="120" depth="15" '
            'height="120" elevation="90" wallThickness="1" wallDistance="0"/>'
        )
    pieces = [_piece(NAMES[i % len(NAMES)], x0 + 60 + 35 * i, y0 + 120) for i in range(7)]
    inner = f'<furnitureGroup name="g">{_piece("Chair", x0 + 100, y0 + 250)}</furnitureGroup>'
    table = _piece("Spisebord", x0 + 200, y0 + 250)
    group = f'<furnitureGroup name="G">{table}{inner}</furnitureGroup>'
    pieces.append(group)
    pieces.append(_piece("Vase", x0 + 200, y0 + 250, elevation=75))
    return things + pieces


def home_bytes() -> bytes:
    walls = _walls()
    things = [t for col in range(COLUMNS) for row in range(ROWS) for t in _room_things(col, row)]
    pieces = [t for t in things if not t.startswith(("<room", "<wall"))]
    rooms = [t for t in things if t.startswith("<room")]
    body = "\n".join([*pieces, *walls, *rooms])
    return f"<?xml version='1.0'?>\n<home version='7200'>\n{body}\n</home>\n".encode()


class _AllWalls:
    """The naive host-wall search: every wall for every door."""

    def __init__(self, walls):
        self.walls = list(walls)

    def near(self, point):
        return self.walls


def naive_import(path: Path) -> object:
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("Home.xml"))  # unprotected: the naive twin
    with mock.patch.object(doors, "WallGrid", _AllWalls):
        return convert(read_level(root))


def interleaved_us(first, second, repeats: int) -> tuple[float, float]:
    """Median times of `first` and `second`, run turn about so a busy moment hits both."""
    first(), second()  # warm up
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for run, into in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            run()
            into.append(time.perf_counter() - start)
    return statistics.median(times[0]) * 1e6, statistics.median(times[1]) * 1e6


def main() -> None:
    repeats = 5 if "--quick" in sys.argv else 60
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "home.sh3d"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("Home.xml", home_bytes())
        imported = import_home(path)
        naive_plan, _ = naive_import(path)
        assert naive_plan == imported.plan  # the same conversion, done two ways
        ours, naive = interleaved_us(lambda: import_home(path), lambda: naive_import(path), repeats)
        report(
            "sh3d_import",
            [
                case(
                    "import_200_pieces",
                    len(imported.plan.placements) + len(imported.report.left_out),
                    ours,
                    naive,
                    walls=len(imported.plan.walls),
                    openings=len(imported.plan.openings),
                    placements=len(imported.plan.placements),
                    left_out=len(imported.report.left_out),
                )
            ],
        )


if __name__ == "__main__":
    main()
