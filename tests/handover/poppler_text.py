"""The printout's text as poppler reads it back, made comparable with the catalogs.

pdftotext gives a right-to-left line back in logical order, wrapped in embedding marks, with
Arabic letters in the joined forms hjem drew (presentation forms). Both sides are put through
the same normalisation: marks removed, NFKC (a joined form becomes its plain letter), spaces
collapsed. A text drawn in the wrong order would come back with its words reversed."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

_MARKS = re.compile("[\u200b-\u200f\u061c]")  # inside words: removed
_EMBEDDINGS = re.compile("[\u202a-\u202e\u2066-\u2069]")  # between runs: a space
# A number poppler glues to a word of another script (a badge's number before its label).
_GLUED = re.compile(
    "(?<=[0-9])(?=[\u0600-\u06ff\u1200-\u137f])|(?<=[\u0600-\u06ff\u1200-\u137f])(?=[0-9])"
)


def normal(text: str) -> str:
    text = _EMBEDDINGS.sub(" ", _MARKS.sub("", text))
    return " ".join(unicodedata.normalize("NFKC", text).split())


def words(text: str) -> list[str]:
    """The words of a text, normalised, without punctuation that bidi may move about."""
    return [w for w in re.split(r"[\s·()«»\"“”„:.,،؛–]+", _GLUED.sub(" ", normal(text))) if w]


def says(document: str, text: str) -> bool:
    """Whether `document` has `text`'s words, in order and together (punctuation aside)."""
    return f" {' '.join(words(text))} " in f" {' '.join(words(document))} "


def pdftotext(pdf: Path, *options: str) -> str:
    done = subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def page_texts(pdf: Path) -> list[str]:
    return [normal(page) for page in pdftotext(pdf).split("\f")[:-1]]


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[float, float, float, float]  # x min, y min, x max, y max (y down)


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]


def bbox_pages(pdf: Path) -> list[Page]:
    """Every word poppler finds, with its box, page by page (pdftotext -bbox)."""
    html = pdftotext(pdf, "-bbox")
    root = ElementTree.fromstring(
        re.sub(r"<!DOCTYPE[^>]*>", "", html).replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
    )
    pages = []
    for page in root.iter("page"):
        found = [
            Word(w.text or "", tuple(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in page.iter("word")
        ]
        pages.append(Page(float(page.get("width")), float(page.get("height")), found))
    return pages
