"""Ways to write a name in less room: on two or three lines, a little smaller, or cut with "…".

Text is measured by the caller (`measure`: a line's width in pixels at a share of the
normal font size), so this stays free of any drawing library."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations, pairwise

Measure = Callable[[str, float], float]  # (line, size as a share of the normal) → pixels

MOST_LINES = 3
SHRINK = (1.0, 0.9, 0.8)  # the normal size, then a little smaller: never smaller than this
NO_BREAK_BESIDE = frozenset({"×", "x", "-", "–", "/", "+"})  # "160 × 200" stays together
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Wording:
    lines: tuple[str, ...]
    factor: float  # the font size as a share of the normal one
    width_px: float  # the widest line, at that size


def wordings(text: str, measure: Measure) -> list[Wording]:
    """The ways to write `text`, most readable first: on one line, on two, on three, then
    all again a little smaller."""
    found: list[Wording] = []
    for factor in SHRINK:
        found.append(Wording((text,), factor, measure(text, factor)))
        for count in range(2, MOST_LINES + 1):
            if (lines := wrapped(text, measure, count, factor)) is not None:
                found.append(lines)
    return found


def wrapped(text: str, measure: Measure, count: int, factor: float = 1.0) -> Wording | None:
    """`text` on `count` lines, broken at the spaces that make the widest line narrowest;
    None when it has too few words."""
    words = text.split()
    places = [
        cut
        for cut in range(1, len(words))
        if words[cut - 1] not in NO_BREAK_BESIDE and words[cut] not in NO_BREAK_BESIDE
    ]
    best: Wording | None = None
    for cuts in combinations(places, count - 1):
        bounds = (0, *cuts, len(words))
        lines = tuple(" ".join(words[a:b]) for a, b in pairwise(bounds))
        width = max(measure(line, factor) for line in lines)
        if best is None or width < best.width_px:
            best = Wording(lines, factor, width)
    return best


def elide(text: str, width_px: float, measure: Measure, factor: float = 1.0) -> str:
    """`text` cut with "…" to fit `width_px` (the whole of it when it fits)."""
    if measure(text, factor) <= width_px:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS, factor) <= width_px:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS
