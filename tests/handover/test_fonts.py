"""Wrapping a word wider than a line: the binary search for the longest prefix that fits
breaks it exactly where trying every length would (the fuzzer's 500-emoji label took
seconds that way; issue 12)."""

import pytest

from hjem.handover.fonts import REGULAR, register, width, wrap_whole


def reference_wrap(word: str, points: float, room: float) -> list[str]:
    """The obvious twin: the longest prefix found by trying every length from the longest."""
    lines = []
    while len(word) > 1 and width(word, REGULAR, points) > room:
        fits = (n for n in range(len(word) - 1, 1, -1) if width(word[:n], REGULAR, points) <= room)
        cut = next(fits, 1)
        lines.append(word[:cut])
        word = word[cut:]
    return [*lines, word]


@pytest.mark.parametrize(
    "word",
    ["\U0001f600" * 300, "ø" * 120, "W" * 77 + "i" * 50, "Sofa-med-chaiselong" * 6, "ab"],
)
@pytest.mark.parametrize("room", [3.0, 40.0, 150.0])
def test_a_long_word_breaks_where_trying_every_length_would(word, room):
    register()
    assert wrap_whole(word, REGULAR, 9.0, room) == reference_wrap(word, 9.0, room)
