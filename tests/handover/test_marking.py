"""The internal copy (with the budget and the values) must never be mistaken for the family's:
every one of its pages says so, in a band at the top and across the page; the family's copy
says nothing of the kind."""

from __future__ import annotations

import pytest

from hjem.i18n import tr
from tests.handover.samples import SMALL_SAMPLE, flat, internal, page_texts, pdf_of, sample


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("plan_file", [None, SMALL_SAMPLE], ids=["sample", "small"])
def test_every_page_of_the_internal_copy_is_marked_and_no_page_of_the_familys(lang, plan_file):
    data = sample(lang) if plan_file is None else sample(lang, plan_file)
    band, watermark = tr("handover.marking.band", lang), tr("handover.marking.watermark", lang)
    marked = [flat(text) for text in page_texts(pdf_of(internal(data)))]
    assert len(marked) >= 5
    unmarked = [n for n, text in enumerate(marked, start=1) if band not in text]
    assert unmarked == []
    assert all(text.count(watermark) >= 2 for text in marked)  # the band and across the page
    family = [flat(text) for text in page_texts(pdf_of(data))]
    assert [n for n, text in enumerate(family, start=1) if band in text or watermark in text] == []
