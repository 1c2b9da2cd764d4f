"""Interval arithmetic on offsets along a wall: blocked intervals are closed, free ones open
(a piece touching an obstacle touches it: the engine counts that as meeting it)."""

from __future__ import annotations

Interval = tuple[float, float]


def merged(intervals: list[Interval]) -> list[Interval]:
    """Closed intervals, sorted, those that overlap or touch joined."""
    out: list[Interval] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def free_within(span: Interval, blocked: list[Interval]) -> list[Interval]:
    """The open intervals of `span` that no blocked interval covers."""
    lo, hi = span
    free, cursor = [], lo
    for a, b in merged(blocked):
        if a > cursor:
            free.append((cursor, min(a, hi)))
        cursor = max(cursor, b)
        if cursor >= hi:
            break
    if cursor < hi:
        free.append((cursor, hi))
    return [(a, b) for a, b in free if b > a]


def intersection(first: list[Interval], second: list[Interval]) -> list[Interval]:
    """Where two sets of open intervals overlap."""
    out = []
    for a0, a1 in first:
        for b0, b1 in second:
            if min(a1, b1) > max(a0, b0):
                out.append((max(a0, b0), min(a1, b1)))
    return out


def union(first: list[Interval], second: list[Interval]) -> list[Interval]:
    """Two sets of open intervals joined (two that only touch stay apart: the point between
    is free in neither)."""
    out: list[Interval] = []
    for a, b in sorted(first + second):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def covered(intervals: list[Interval], lo: float, hi: float) -> float:
    """How much of [lo, hi] the (merged) intervals cover, in cm."""
    return sum(max(0.0, min(b, hi) - max(a, lo)) for a, b in intervals)
