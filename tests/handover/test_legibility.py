"""The family's copy is read by people with tired eyes and little Danish: no letters below 8 pt
anywhere (the drawings' labels included), what they read at 9 pt or more, and every name
whole, wrapped onto a second line rather than cut short with "…"."""

from __future__ import annotations

import re
from dataclasses import replace

import pypdfium2 as pdfium
import pytest

from hjem.handover import HandoverData
from hjem.handover.wording import item_name, size_text, status_parts
from hjem.i18n import tr
from hjem.pdf_text import ELLIPSIS
from tests.handover.samples import (
    SMALL_SAMPLE,
    flat,
    page_texts,
    pdf_of,
    sample,
    text_spans,
)

LEAST_PT, BODY_PT = 8.0, 9.0
LONG_NAMES = {
    1: "Sofa 3-personers med chaiselong, grå stof",
    9: "Køjeseng med to madrasser og stige, hvidlakeret fyr",
    11: "Skrivebordsstol med armlæn og hjul, sort",
    12: "Legetøjskasse på hjul med låg, hvid",
}


def long_names(lang: str) -> HandoverData:
    """The sample with four pieces whose names never fit one line of a card or the index."""
    data = sample(lang)
    items = tuple(replace(item, name=LONG_NAMES.get(item.number, item.name)) for item in data.items)
    return replace(data, items=items)


COPIES = {
    "sample": lambda lang: sample(lang),
    "small": lambda lang: sample(lang, SMALL_SAMPLE),
    "long names": long_names,
}


@pytest.fixture(scope="module", params=[(c, lang) for c in COPIES for lang in ("da", "en")])
def copy(request) -> tuple[HandoverData, bytes]:
    kind, lang = request.param
    data = COPIES[kind](lang)
    return data, pdf_of(data)


def _body_texts(data: HandoverData) -> list[str]:
    """What the family reads as text (not a label on a drawing, a code or the footer)."""
    lang = data.lang
    texts = [tr(f"handover.cover.how_{step}", lang) for step in (1, 2, 3)]
    texts += [tr("handover.plan.numbers", lang), tr("handover.plan.print_note", lang)]
    for item in data.items:
        texts += [item_name(item, lang), size_text(item, lang), *status_parts(item, lang)]
        if item.colour.strip():
            texts.append(tr("handover.item.colour", lang, colour=item.colour.strip()))
    return texts


def _is_body(span: str, body: list[str]) -> bool:
    """A whole body text, or a line of one wrapped (long enough not to be a chance word)."""
    words = span.strip().lstrip("· ").strip()
    return words in body or (len(words) >= 5 and any(words in text for text in body))


def test_no_letter_in_the_family_copy_is_smaller_than_8_pt(copy):
    _, pdf = copy
    small = [
        (number, text, round(size, 2))
        for number, page in enumerate(pdfium.PdfDocument(pdf), start=1)
        for text, size in text_spans(page)
        if text.strip() and size < LEAST_PT - 0.01
    ]
    assert small == []


def test_what_the_family_reads_is_at_least_9_pt(copy):
    data, pdf = copy
    body = _body_texts(data)
    spans = [(text, size) for page in pdfium.PdfDocument(pdf) for text, size in text_spans(page)]
    read = [(text, size) for text, size in spans if _is_body(text, body)]
    assert len(read) > 3 * len(data.items)  # names, sizes and colours were found
    assert [(text, round(size, 2)) for text, size in read if size < BODY_PT - 0.01] == []


@pytest.mark.parametrize("lang", ["da", "en"])
def test_long_names_wrap_whole_in_the_index_the_cards_and_the_checklist(lang):
    data = long_names(lang)
    pdf = pdf_of(data)
    document = pdfium.PdfDocument(pdf)
    spans = [text for page in document for text, _ in text_spans(page)]
    assert [text for text in spans if text.strip().endswith(ELLIPSIS)] == []
    texts = [flat(text) for text in page_texts(pdf)]
    index = tr("handover.plan.index", lang)
    home = next(text for text in texts if index in text)  # the index, on the plan's page
    for name in LONG_NAMES.values():
        assert name in home, f"index: {name}"
        pages_with_name = [text for text in texts if name in text]
        assert len(pages_with_name) >= 3, f"{name}: index, card and checklist"


def test_an_index_too_long_for_the_plans_page_goes_on_over_the_next_with_every_piece():
    data = long_names("da")
    copies = [replace(item, number=item.number + 21 * n) for n in range(3) for item in data.items]
    data = replace(data, items=tuple(copies))
    texts = [flat(text) for text in page_texts(pdf_of(data))]
    index = tr("handover.plan.index", "da")
    home = next(n for n, text in enumerate(texts) if index in text)
    go_on = tr("handover.room.continued", "da", room=index)
    assert go_on in texts[home + 1]
    both = texts[home] + " " + texts[home + 1]
    for item in data.items:
        assert item.name in both
    numbers = {int(n) for n in re.findall(r"\b\d+\b", both)}
    assert set(range(1, len(data.items) + 1)) <= numbers
