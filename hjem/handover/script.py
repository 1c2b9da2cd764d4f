"""Text as it is drawn: Arabic and Farsi letters joined (contextual forms), and each line in
the order the eye reads it on paper.

reportlab draws the characters of a string one after the other, left to right, with no
shaping. So a line of right-to-left text is shaped first (`arabic_reshaper` picks each
letter's initial, medial, final or isolated form) and then reordered for display by the
Unicode bidirectional algorithm (`python-bidi`): a run of Latin letters, digits or an item
code such as H-0123 stays left to right inside it. Wrapping works on the logical text; each
wrapped line is shaped and reordered on its own, as a line's last letter takes its final form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Joiners, direction marks and embeddings: they steer shaping and ordering, then are spent.
_CONTROLS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")


def has_right_to_left(text: str) -> bool:
    return _RIGHT_TO_LEFT.search(text) is not None


@lru_cache(maxsize=8192)
def shaped(text: str) -> str:
    """`text` in logical order with Arabic letters in their joined forms, controls removed:
    what its width is measured on."""
    if has_right_to_left(text):
        from arabic_reshaper import reshape  # loaded only for a right-to-left text

        text = reshape(text)
    return _without_controls(text)


@lru_cache(maxsize=8192)
def visual(text: str, right_to_left: bool) -> str:
    """One line as drawn left to right: shaped and, when it holds right-to-left letters,
    reordered. Its base direction is the page's on a right-to-left page (a line of an Arabic
    sentence may start with "A4"), else the text's own first strong letter's; a line with no
    right-to-left letter at all (a name typed in Latin letters) reads left to right anywhere.

    `bidi.algorithm` is python-bidi's own implementation: unlike its faster default it mirrors
    brackets, so "(تابع)" keeps its parentheses the right way round."""
    if not has_right_to_left(text):
        return _without_controls(text)
    from arabic_reshaper import reshape
    from bidi.algorithm import get_display

    ordered = get_display(reshape(text), base_dir="R" if right_to_left else None)
    return _without_controls(str(ordered))


def _without_controls(text: str) -> str:
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def drawn_characters(text: str) -> set[str]:
    """The characters a text puts on paper (shaped; spaces and controls left out)."""
    return {c for c in shaped(text) if not c.isspace() and unicodedata.category(c) != "Cf"}
