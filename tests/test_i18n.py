"""Translation catalogs: Danish and English say the same things, and every key used exists."""

import ast
import re
import string
from fnmatch import fnmatchcase
from functools import cache

from hjem.floorplan.categories import CATEGORIES
from hjem.floorplan.conflicts import ConflictKind
from hjem.floorplan.model import FixtureKind, RoomKind
from hjem.i18n import catalog, current_language, msg, plural_tags, set_language, tr
from tests.conftest import ROOT

KEY_IN_CODE = re.compile(r"""\b(?:msg|tr)\(\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""")


# Keys the code builds rather than spells out (f"room_kind.{kind}.name", a button's name, a
# count's hint), and catalog parts read whole by prefix (argparse's and Qt's own texts). A
# pattern here must still match keys and its fixed start must still be in the code.
DYNAMIC_KEYS = (
    *("age_band.*", "budget_category.*", "case_status.*", "category.*", "condition.*"),
    *("line_source.*", "line_status.*", "opening_kind.*", "room_kind.*", "status.*"),
    *("budget.column.*", "budget.field.*", "budget.note.*", "budget.total.*"),
    *("budget.warning.*", "case.field.*", "conflict.clearance.*", "conflict_kind.*"),
    *("case_window.address.*", "case_window.reservations.*", "case_window.status_to.*"),
    *("case_window.tab.*", "case_window.visits.hint", "case_window.visits.none"),
    *("cli.inventory_*_help", "cli.scheme.*_help", "donation.check.*", "field.*"),
    *("fixture.*", "furnish.empty.*", "furnish.list.*", "furnish.standing.*"),
    *("handover.cover.how_*", "handover.plan.legend_*", "inventory.field.*"),
    *("inventory_window.action.*", "inventory_window.column.*", "inventory_window.event.*"),
    *("menu.autosave_every.*", "menu.background.opacity_*", "menu.languages.*"),
    *("plan.mark.*", "scheme.state.*", "start.sample.*", "tool.*.hint", "transfer.column.*"),
    *("undo.add_*", "argparse.*", "qt.*", "server.role.*", "relation.*", "print_language.name.*"),
    *("scheme_editor.new", "scheme_editor.save", "scheme_editor.remove"),
    *("scheme_editor.close", "scheme_editor.deleted", "scheme_editor.retired"),
)


@cache
def _code() -> tuple[str, frozenset[str]]:
    """hjem's source, all of it, and every string literal in it."""
    sources = [path.read_text() for path in sorted((ROOT / "hjem").rglob("*.py"))]
    literals = {
        node.value
        for source in sources
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    return "\n".join(sources), frozenset(literals)


SLOPPY_PLURAL = re.compile(r"\w\((?:e|er|s|r)\)")


def _placeholders(template):
    texts = template.values() if isinstance(template, dict) else [template]
    return {
        name.split("|")[0]
        for text in texts
        for _, name, _, _ in string.Formatter().parse(text)
        if name
    }


def test_both_languages_have_the_same_keys_and_placeholders():
    da, en = catalog("da"), catalog("en")
    assert set(da) == set(en)
    for key in da:
        assert _placeholders(da[key]) == _placeholders(en[key]), key


def test_counted_texts_have_every_cldr_plural_form_of_their_language():
    for lang in ("da", "en"):
        for key, template in catalog(lang).items():
            if isinstance(template, dict):
                assert set(template) == plural_tags(lang), (lang, key)
                assert all("{count}" in text for text in template.values()), (lang, key)


def test_no_text_hedges_its_plural_with_brackets():
    for lang in ("da", "en"):
        for key, template in catalog(lang).items():
            texts = template.values() if isinstance(template, dict) else [template]
            assert not any(SLOPPY_PLURAL.search(text) for text in texts), (lang, key)


def test_one_and_many_read_as_a_person_would_write_them():
    assert tr("inventory_window.count", "da", count=1) == "1 genstand"
    assert tr("inventory_window.count", "da", count=0) == "0 genstande"
    assert tr("inventory_window.count", "da", count=7) == "7 genstande"
    assert tr("cli.summary", "en", count=1) == "1 conflict"
    assert tr("cli.summary", "en", count=7) == "7 conflicts"
    assert tr("cli.summary", "da", count=7) == "7 konflikter"


def test_every_key_used_in_the_code_is_in_the_catalog():
    used = {
        key
        for path in (ROOT / "hjem").rglob("*.py")
        for key in KEY_IN_CODE.findall(path.read_text())
    }
    assert used, "the scan found no keys at all"
    assert sorted(used - set(catalog("da"))) == []


def test_every_key_in_the_catalog_is_used_by_the_code():
    _, literals = _code()
    unused = [
        key
        for key in catalog("da")
        if key not in literals and not any(fnmatchcase(key, p) for p in DYNAMIC_KEYS)
    ]
    assert unused == []


def test_every_dynamic_key_pattern_is_still_needed():
    source, _ = _code()
    keys = catalog("da")
    for pattern in DYNAMIC_KEYS:
        assert any(fnmatchcase(key, pattern) for key in keys), pattern
        head = pattern.split("*")[0] if "*" in pattern else pattern.rsplit(".", 1)[0] + "."
        assert head in source, pattern  # "room_kind." of f"room_kind.{kind}.name"


def test_every_category_room_fixture_and_conflict_kind_has_names():
    da = catalog("da")
    for category in CATEGORIES:
        assert f"category.{category}.name" in da and f"category.{category}.definite" in da
        assert f"category.{category}.plural" in da
    for kind in RoomKind:
        assert f"room_kind.{kind.value}.name" in da and f"room_kind.{kind.value}.definite" in da
    for kind in FixtureKind:
        assert f"fixture.{kind.value}.definite" in da
    for kind in ConflictKind:
        assert f"conflict_kind.{kind.value}" in da


def test_danish_is_the_default_and_english_can_be_chosen():
    assert current_language() == "da"
    message = msg("conflict.outside", item=msg("category.sofa.definite"))
    assert message.text() == "Sofaen står uden for rummene"
    set_language("en")
    try:
        assert message.text() == "The sofa stands outside the rooms"
    finally:
        set_language("da")


def test_danish_letters_survive():
    assert catalog("da")["category.klaedeskab.name"] == "Klædeskab"
