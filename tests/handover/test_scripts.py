"""Every script the printout speaks is drawn: each character of every catalog has a glyph in
the face that draws it, Arabic letters are joined, and a right-to-left line reads right to left
with its numbers and item codes left to right."""

import unicodedata

import pytest

from hjem.handover import fonts
from hjem.handover.script import drawn_characters, shaped, visual
from hjem.handover.translations import printout_catalog
from hjem.i18n import PRINT_LANGUAGES


def _texts(lang: str) -> list[str]:
    return [
        text
        for template in printout_catalog(lang).values()
        for text in (template.values() if isinstance(template, dict) else [template])
    ]


@pytest.mark.parametrize("lang", PRINT_LANGUAGES)
def test_every_character_of_a_catalog_has_a_glyph_in_the_face_that_draws_it(lang):
    with fonts.language(lang):
        faces = fonts.register()
    for text in _texts(lang):
        for face in faces:
            assert fonts.missing(text, face) == set(), (lang, text, face)


@pytest.mark.parametrize(
    ("lang", "face", "script"),
    [
        ("ar", "HjemArabic", "ARABIC"),
        ("fa", "HjemArabic", "ARABIC"),
        ("ti", "HjemEthiopic", "ETHIOPIC"),
    ],
)
def test_arabic_farsi_and_tigrinya_letters_come_from_their_own_face(lang, face, script):
    with fonts.language(lang):
        assert fonts.register()[0] == face
    letters = {c for text in _texts(lang) for c in drawn_characters(text)}
    own = {c for c in letters if unicodedata.name(c, "").startswith(script)}
    assert len(own) > 30
    assert all(ord(c) in fonts.glyphs(face) for c in own)
    assert all(ord(c) in fonts.glyphs(face + "-Bold") for c in own)


def test_a_danish_or_ukrainian_printout_draws_in_dejavu():
    for lang in ("da", "uk", "pl", "tr", "so"):
        with fonts.language(lang):
            assert fonts.register() == (fonts.REGULAR, fonts.BOLD)


def test_arabic_letters_are_joined_and_the_line_reads_right_to_left():
    word = "المخزون"
    joined = shaped(word)
    assert joined != word and all(0xFE70 <= ord(c) <= 0xFEFF for c in joined)
    line = visual(f"رقم {word} H-0123", right_to_left=True)
    assert line.startswith("H-0123 ")  # the code, left to right, at the line's left end
    assert line.endswith(shaped("رقم")[::-1])  # the first word at the right end


def test_brackets_and_latin_names_keep_their_way_round():
    assert visual("المقياس 1:50 (A4)", right_to_left=True).startswith("(A4) 1:50 ")
    assert visual("Sofa 2½-pers.", right_to_left=True) == "Sofa 2½-pers."


def test_a_latin_name_in_an_arabic_printout_is_drawn_by_dejavu_commas_and_all():
    with fonts.language("ar"):
        regular, _ = fonts.register()
    assert fonts.runs("Łucja غرفة", regular) == (
        (fonts.REGULAR, "Łucja "),  # the space stays with the run it stands in
        (regular, "غرفة"),
    )
    assert fonts.runs("Reol, sortbejdset 2", regular) == ((fonts.REGULAR, "Reol, sortbejdset 2"),)
