"""Level boxes (x0, y0, x1, y1) placed one by one, found again by where they are: a bucket
grid, enough for the few hundred names of a plan."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator

Rect = tuple[float, float, float, float]


def rect_around(center: tuple[float, float], size: tuple[float, float]) -> Rect:
    (x, y), (w, h) = center, size
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def overlap(a: Rect, b: Rect) -> bool:
    """Whether two boxes share some area (touching edges do not)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class RectIndex:
    def __init__(self, cell: float):
        self.cell = cell
        self._cells: defaultdict[tuple[int, int], list[Rect]] = defaultdict(list)

    def _keys(self, rect: Rect) -> Iterator[tuple[int, int]]:
        x0, y0 = math.floor(rect[0] / self.cell), math.floor(rect[1] / self.cell)
        x1, y1 = math.floor(rect[2] / self.cell), math.floor(rect[3] / self.cell)
        for i in range(x0, x1 + 1):
            for j in range(y0, y1 + 1):
                yield i, j

    def add(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self._cells[key].append(rect)

    def remove(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self._cells[key].remove(rect)

    def near(self, bounds: tuple[float, float, float, float]) -> list[Rect]:
        """The boxes in the grid cells `bounds` touches (each once)."""
        found: dict[Rect, None] = {}
        for key in self._keys(bounds):
            for rect in self._cells.get(key, ()):
                found[rect] = None
        return list(found)

    def hits(self, rect: Rect) -> bool:
        return any(overlap(rect, other) for other in self.near(rect))
