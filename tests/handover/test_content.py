"""What the family reads: every piece by number and name, every room, in their language; the
budget only in the internal copy; the address only when asked for in this print."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pypdf
import pytest

from hjem.floorplan.geometry import Point
from hjem.handover import room_name
from hjem.i18n import tr
from hjem.money import format_kroner
from tests.handover.samples import (
    ADDRESS,
    BUY,
    MISSING,
    flat,
    internal,
    page_texts,
    pdf_of,
    sample,
)

WORDS = {
    "da": {
        "title": "Jeres nye hjem",
        "date": "28. november 2026",
        "programme": "Røde Kors · Fra Bolig til Hjem",
        "home": "Hele hjemmet",
        "checklist": "Leveringsdag",
        "delivered": "leveret",
        "page": "Side {page} af {pages}",
        "to_buy": "Skal købes",
        "missing": "Ikke fundet på lageret – spørg arkitekten",
        "no_photo": "Intet billede",
    },
    "en": {
        "title": "Your new home",
        "date": "28 November 2026",
        "programme": "Danish Red Cross · Fra Bolig til Hjem",
        "home": "Your whole home",
        "checklist": "Delivery day",
        "delivered": "delivered",
        "page": "Page {page} of {pages}",
        "to_buy": "To be bought",
        "missing": "Not found in the inventory – ask the architect",
        "no_photo": "No photo",
    },
}


@pytest.fixture(scope="module", params=["da", "en"])
def copy(request) -> tuple[str, list[str]]:
    """The family's copy in each language: its language and each page's text."""
    return request.param, page_texts(pdf_of(sample(request.param)))


def _numbered(text: str, number: int, name: str) -> bool:
    """Whether `number` stands right before `name` (a badge and its piece's name)."""
    return re.search(rf"(?<!\d){number}\s*\n\s*{re.escape(name)}", text) is not None


def test_the_cover_has_the_title_the_alias_the_date_and_the_programme(copy):
    lang, texts = copy
    words = WORDS[lang]
    for expected in (words["title"], "Familien Sol", words["date"], words["programme"]):
        assert expected in texts[0]
    assert "Anne Ærø" in texts[0] and "anne@example.dk · 12 34 56 78" in texts[0]
    other = WORDS["en" if lang == "da" else "da"]
    assert other["title"] not in "\n".join(texts)


def test_every_piece_by_number_and_name_in_the_index_the_room_pages_and_the_checklist(copy):
    lang, texts = copy
    words = WORDS[lang]
    home = next(t for t in texts if t.startswith(words["home"]))
    checklist = next(t for t in texts if t.startswith(words["checklist"]))
    rooms = "\n".join(t for t in texts[2:] if t is not checklist)
    for item in sample(lang).items:
        for where in (home, rooms, checklist):
            assert _numbered(where, item.number, item.name), (item.number, item.name)
    assert checklist.count(words["delivered"]) == len(sample(lang).items)
    assert "☐" not in checklist  # the boxes are drawn, not a glyph a font may lack


def test_every_room_is_named_on_the_plan_and_every_furnished_room_has_its_section(copy):
    lang, texts = copy
    data = sample(lang)
    home = next(t for t in texts if t.startswith(WORDS[lang]["home"]))
    rooms = "\n".join(texts[2:])
    furnished = {item.room for item in data.items}
    for room in data.plan.rooms:
        name = room_name(room, lang)
        assert name in home, name
        heading = re.search(rf"{re.escape(name)}\s*\n\s*[\d.,]+ m² · ", rooms)
        assert (heading is not None) == (name in furnished), name
    if lang == "en":
        assert "Living room" in home and "Stue" not in home


def test_a_piece_to_buy_shows_its_price_and_one_not_found_says_so(copy):
    lang, texts = copy
    words = WORDS[lang]
    rooms = flat("\n".join(texts[2:]))
    price = flat(format_kroner(149_900, lang))  # its no-break space reads as a space
    assert re.search(rf"{words['to_buy']}( ·)? {re.escape(price)}", rooms)
    assert rooms.count(words["missing"]) == 1
    data = sample(lang)
    assert data.items[BUY - 1].price_ore == 149_900 and data.items[MISSING - 1].missing


def test_a_missing_photo_is_shown_as_such(copy):
    lang, texts = copy
    without = sum(1 for item in sample(lang).items if item.photo is None)
    assert without > 0
    assert "\n".join(texts).count(WORDS[lang]["no_photo"]) == without


def test_each_footer_has_page_x_of_y_the_alias_and_the_date(copy):
    lang, texts = copy
    for number, text in enumerate(texts, start=1):
        assert WORDS[lang]["page"].format(page=number, pages=len(texts)) in text
        assert f"Familien Sol · {WORDS[lang]['date']}" in text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_address_is_printed_only_when_asked_for_and_then_only_on_the_cover(lang):
    def leaks(pdf: bytes) -> bool:
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        return "Rosenv" in str(reader.metadata) or "Rosenv" in str(reader.trailer)

    family = pdf_of(sample(lang))
    assert all("Rosenv" not in t and "2100" not in t for t in page_texts(family))
    assert not leaks(family)
    asked = pdf_of(sample(lang, address=ADDRESS))
    texts = page_texts(asked)
    assert ADDRESS in texts[0] and tr("handover.cover.address", lang) in texts[0]
    assert all("Rosenv" not in t for t in texts[1:])
    assert not leaks(asked)


def test_the_family_copy_has_no_budget_the_internal_copy_has():
    family = "\n".join(page_texts(pdf_of(sample())))
    staff = page_texts(pdf_of(internal(sample())))
    for word in ("Budget", "Hvidevarer", "Intern kopi", "Værdi", "over rammen"):
        assert word not in family, word
    budget = staff[-1]
    assert budget.startswith("Budget")
    assert "Hvidevarer" in budget and "6.000,00 kr." in budget and "7.500,00 kr." in budget
    assert budget.count("over rammen") == 1
    assert "Intern kopi" in staff[0]
    assert "Værdi 500,00 kr." in "\n".join(staff)


def test_danish_letters_and_any_typed_name_survive():
    data = sample(alias="Олена Коваленко", architect="Łucja Ağca")
    text = "\n".join(page_texts(pdf_of(data)))
    for words in ("Олена Коваленко", "Łucja Ağca", "Reol fra Łucja", "Køkken", "Børneværelse"):
        assert words in text, words
    assert "Jeres nye hjem" in text


def test_a_missing_item_a_broken_photo_no_name_and_no_colour_never_crash():
    data = sample()
    items = list(data.items)
    items[3] = replace(items[3], photo=b"not a picture at all", name="", missing=True)
    items[4] = replace(items[4], photo=b"\xff\xd8\xff broken jpeg", colour="")
    texts = page_texts(pdf_of(replace(data, items=tuple(items))))
    text = "\n".join(texts)
    assert _numbered(text, 4, "Lænestol")  # the category's name stands in for the name
    assert flat(text).count("Ikke fundet på lageret") == 2
    unreadable = sum(1 for i in items if i.photo is None) + 2
    assert text.count("Intet billede") == unreadable


def test_a_piece_outside_every_room_has_a_section_of_its_own():
    data = sample()
    outside = replace(data.items[0], number=22, name="Cykel", room="")
    outside = replace(outside, placement=replace(outside.placement, center=Point(-150, -150)))
    texts = page_texts(pdf_of(replace(data, items=(*data.items, outside))))
    rooms = "\n".join(texts[2:])
    section = rooms[rooms.index("Uden for rummene\n1 møbel") :]
    assert _numbered(section[: section.index("Leveringsdag")], 22, "Cykel")


def test_a_home_without_furniture_still_prints():
    texts = page_texts(pdf_of(sample(items=())))
    assert texts[0].startswith("Røde Kors") and any(t.startswith("Leveringsdag") for t in texts)
