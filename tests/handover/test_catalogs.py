"""The printout's catalogs in every printout language: complete, with the CLDR plural forms
of the language, the same placeholders as Danish, a note for the translator on every text, and
an honest status."""

from hjem.handover.translations import (
    is_reviewed,
    note_for,
    notes,
    printout_catalog,
    printout_keys,
    status,
    translated_languages,
)
from hjem.i18n import PRINT_LANGUAGES, plural_tags, tr


def test_every_printout_language_has_every_printout_text_without_problems():
    for lang in PRINT_LANGUAGES:
        found = status(lang)
        assert found.missing == () and found.problems == (), lang


def test_every_plural_table_has_exactly_the_languages_cldr_forms():
    assert plural_tags("ar") == {"zero", "one", "two", "few", "many", "other"}
    assert plural_tags("uk") == plural_tags("pl") == {"one", "few", "many", "other"}
    for lang in PRINT_LANGUAGES:
        tables = {k: t for k, t in printout_catalog(lang).items() if isinstance(t, dict)}
        assert tables, lang  # "3 pieces of furniture" is counted in every language
        for key, table in tables.items():
            assert set(table) == plural_tags(lang), (lang, key)
            assert all("{count}" in text for text in table.values()), (lang, key)


def test_arabic_counts_take_their_own_forms():
    assert tr("handover.room.items", "ar", count=2) == "2 قطعتا أثاث"  # the dual
    assert tr("handover.room.items", "ar", count=3) == "3 قطع أثاث"  # few: 3 to 10
    assert tr("handover.room.items", "uk", count=5) == "5 предметів меблів"
    assert tr("handover.room.items", "pl", count=2) == "2 meble"


def test_every_printout_text_has_a_note_saying_where_it_appears():
    assert len(printout_keys()) > 90
    for key in printout_keys():
        assert note_for(key), key
    for pattern in notes():  # no note for a text that is gone
        assert any(key == pattern or "*" in pattern for key in printout_keys()), pattern


def test_new_languages_do_not_pretend_to_be_proofread():
    assert is_reviewed("da") and is_reviewed("en")
    assert translated_languages() == ("ar", "fa", "tr", "uk", "so", "ti", "pl")
    for lang in translated_languages():
        assert not is_reviewed(lang), lang


def test_a_missing_text_falls_back_to_english_not_danish():
    assert tr("handover_dialog.title", "ar") == tr("handover_dialog.title", "en")
