"""The sample case's printout, internal copy (every kind of page: cover, the whole home, room
pages, checklist, budget), in every printout language, read back with poppler: the catalog's
texts are there (Arabic and Farsi in right-to-left order), every character has its glyph, and
no word runs off the page."""

from functools import cache

import pytest

from hjem.handover import fonts
from hjem.i18n import PRINT_LANGUAGES, RIGHT_TO_LEFT, tr
from tests.handover.poppler_text import bbox_pages, normal, page_texts, pdftotext, says, words
from tests.handover.samples import internal, pdf_of, poppler_pages, sample

# Texts every internal copy of the sample shows, each whole on the page (mixed texts such as
# "A4 at 100 %" are left out: poppler may put a right-to-left line's parts in its own order).
SHOWN = (
    *("handover.title", "handover.cover.how_title", "handover.cover.how_1"),
    *("handover.cover.how_2", "handover.cover.how_3", "handover.cover.made_by"),
    *("handover.plan.heading", "handover.plan.index", "handover.plan.legend_have"),
    *("handover.checklist.heading", "handover.checklist.intro", "handover.checklist.delivered"),
    *("handover.budget.heading", "handover.marking.band", "handover.item.no_photo"),
    *("room_kind.stue.name", "room_kind.koekken.name", "room_kind.sovevaerelse.name"),
)


@cache
def printed(lang: str, folder):
    path = folder / f"{lang}.pdf"
    path.write_bytes(pdf_of(internal(sample(lang))))
    return path


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("languages")


@pytest.mark.parametrize("lang", PRINT_LANGUAGES)
def test_every_page_renders_and_shows_the_catalogs_texts(lang, folder, tmp_path):
    pdf = printed(lang, folder)
    pages = page_texts(pdf)
    assert poppler_pages(pdf, tmp_path) == len(pages) >= 6
    document = " ".join(pages)
    for key in SHOWN:
        assert says(document, tr(key, lang)), (lang, key)
    assert says(pages[0], tr("handover.title", lang))
    assert says(" ".join(pages[-3:]), tr("handover.checklist.heading", lang))


@pytest.mark.parametrize("lang", sorted(RIGHT_TO_LEFT))
def test_right_to_left_pages_read_from_the_right(lang, folder):
    """On paper the first word of a line stands right of the second (poppler's boxes hold
    each word's letters as drawn, left to right), and the page's text hugs the right margin."""
    pages = bbox_pages(printed(lang, folder))

    def find(page, word):
        return next(w for w in page.words if normal(w.text)[::-1] == word)

    title = words(tr("handover.title", lang))
    first, second = find(pages[0], title[0]), find(pages[0], title[1])
    assert first.box[0] > second.box[2]  # right to left
    assert first.box[2] > pages[0].width * 0.8  # from the right margin
    heading = words(tr("handover.checklist.heading", lang))[0]
    checklist = next(p for p in pages if any(normal(w.text)[::-1] == heading for w in p.words))
    assert find(checklist, heading).box[2] > checklist.width * 0.8


def test_item_codes_and_numbers_stay_left_to_right_in_arabic(folder):
    text = pdftotext(printed("ar", folder))
    assert "H-0001" in text and "H-0002" in text and "1,499.00" in text
    sizes = [words(line) for line in text.splitlines() if "200" in line and "80" in line]
    assert {"عرض", "عمق", "ارتفاع", "سم", "200", "90", "80"} <= set(sizes[0])


@pytest.mark.parametrize("lang", PRINT_LANGUAGES)
def test_every_character_printed_has_its_glyph(lang, folder):
    pdf = printed(lang, folder)
    listing = pdftotext(pdf).replace("\f", "")
    with fonts.language(lang):
        faces = fonts.register()
    known = {code for face in (*faces, fonts.REGULAR, fonts.BOLD) for code in fonts.glyphs(face)}
    drawn = {c for c in listing if not c.isspace() and c not in "\u202a\u202b\u202c\u200e\u200f"}
    assert "\ufffd" not in listing
    assert {c for c in drawn if ord(c) not in known} == set(), lang


@pytest.mark.parametrize("lang", PRINT_LANGUAGES)
def test_no_word_runs_off_the_page(lang, folder):
    for number, page in enumerate(bbox_pages(printed(lang, folder)), start=1):
        assert page.words, (lang, number)
        for word in page.words:
            x0, y0, x1, y1 = word.box
            inside = x0 >= 5 and y0 >= 5 and x1 <= page.width - 5 and y1 <= page.height - 5
            assert inside, (lang, number, word)


def test_the_drawing_of_the_home_is_not_mirrored_on_a_right_to_left_page(folder):
    """Every piece's number on the drawing of the whole home sits where it does on the Danish
    page (a mirrored drawing would put the sofa on the other side of the room), while the
    text around it is mirrored: the family's alias runs from the right margin."""
    import pypdfium2 as pdfium

    from hjem.handover import style
    from tests.handover.samples import extent, rgb

    def numbers_on_drawing(lang):
        path = folder / f"family-{lang}.pdf"
        path.write_bytes(pdf_of(sample(lang)))
        page = pdfium.PdfDocument(path)[1]
        left, bottom, right, top = extent(page, rgb(style.WALL))
        height = page.get_height()
        home = bbox_pages(path)[1]
        return path, sorted(  # each number's centre (the faces' digits differ a little)
            (w.text, (w.box[0] + w.box[2]) / 2, (w.box[1] + w.box[3]) / 2)
            for w in home.words
            if w.text.isdigit()
            and left <= w.box[0] <= right
            and height - top <= w.box[1] <= height - bottom
        )

    danish, on_danish = numbers_on_drawing("da")
    arabic, on_arabic = numbers_on_drawing("ar")
    assert len(on_danish) >= 15 and len(on_arabic) == len(on_danish)
    for (number, x, y), (same, ax, ay) in zip(on_danish, on_arabic, strict=True):
        assert number == same and abs(x - ax) < 3 and abs(y - ay) < 3, number
    width = bbox_pages(danish)[0].width
    left = next(w for w in bbox_pages(danish)[0].words if w.text == "Familien")
    right = next(w for w in bbox_pages(arabic)[0].words if w.text == "Familien")
    assert left.box[0] < width / 2 < right.box[0]
