"""The printout's catalogs: which texts the family's printout shows, the notes that tell a
translator where each appears, and how far each printout language is (missing, unreviewed).

The app's own languages (Danish, English) hold every text; the other printout languages hold
only the printout's, in `assets/i18n/<lang>/printout.toml`, whose `_meta` table says who
proofread it and when (empty: a first translation nobody has checked yet).
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from typing import Any

from hjem.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    META_TABLE,
    PRINT_LANGUAGES,
    Template,
    catalog,
    plural_tags,
    tr,
)
from hjem.resources import asset

# Every key the printout can show; keys built at run time (a room's kind, a piece's category).
PRINTOUT_KEYS = (
    *("handover.*", "handover_print.no_room", "room_kind.*.name", "category.*.name"),
    *("budget_category.*", "budget.total.all"),
)
PRINTOUT_FILE = "printout"  # the catalog file of a language that only the printout speaks
NATIVE_NAMES = {
    **{"da": "Dansk", "en": "English", "ar": "العربية", "fa": "فارسی", "tr": "Türkçe"},
    **{"uk": "Українська", "so": "Soomaali", "ti": "ትግርኛ", "pl": "Polski"},
}


def is_printout_key(key: str) -> bool:
    return any(fnmatchcase(key, pattern) for pattern in PRINTOUT_KEYS)


@cache
def printout_keys() -> tuple[str, ...]:
    """The keys the printout uses, as the Danish catalog (the source) has them."""
    return tuple(sorted(key for key in catalog(DEFAULT_LANGUAGE) if is_printout_key(key)))


def printout_catalog(lang: str) -> dict[str, Template]:
    """`lang`'s printout texts (missing ones left out)."""
    texts = catalog(lang)
    return {key: texts[key] for key in printout_keys() if key in texts}


@cache
def notes() -> dict[str, str]:
    """Translator notes by key or pattern ("category.*.name")."""
    with asset("i18n", "notes", f"{PRINTOUT_FILE}.toml").open("rb") as f:
        return {str(key): str(note) for key, note in tomllib.load(f).items()}


def note_for(key: str) -> str:
    found = notes().get(key)
    if found is not None:
        return found
    return next((note for pattern, note in notes().items() if fnmatchcase(key, pattern)), "")


@dataclass(frozen=True)
class Review:
    """Who proofread a language's catalogs and when; empty: nobody yet."""

    reviewed_by: str
    date: str

    @property
    def reviewed(self) -> bool:
        return bool(self.reviewed_by.strip() and self.date.strip())


@cache
def review(lang: str) -> Review:
    """The language's status, from its catalogs' `_meta` tables: reviewed only when all are."""
    metas: list[dict[str, Any]] = []
    for path in sorted(asset("i18n", lang).glob("*.toml")):
        with path.open("rb") as f:
            meta = tomllib.load(f).get(META_TABLE)
        if isinstance(meta, dict):
            metas.append(meta)
    if not metas or not all(str(m.get("reviewed_by", "")).strip() for m in metas):
        return Review("", "")
    return Review(str(metas[0]["reviewed_by"]), str(metas[0].get("date", "")))


def is_reviewed(lang: str) -> bool:
    return review(lang).reviewed


_PLACEHOLDER = re.compile(r"\{(\w+)(?:\|cap)?\}")


def placeholders(template: Template) -> frozenset[str]:
    texts = template.values() if isinstance(template, dict) else [template]
    return frozenset(name for text in texts for name in _PLACEHOLDER.findall(text))


def template_problem(key: str, template: Template, lang: str) -> str | None:
    """Why `template` cannot stand for `key` in `lang` (wrong placeholders, wrong plural
    forms, a stray brace), or None."""
    source = catalog(DEFAULT_LANGUAGE)[key]
    texts = template.values() if isinstance(template, dict) else [template]
    for text in texts:
        try:
            list(string.Formatter().parse(_PLACEHOLDER.sub("", text)))
        except ValueError:
            return f"{key}: a stray brace in {text!r}"
    wanted = placeholders(source)
    if any(placeholders(text) != wanted for text in texts):  # in every plural form too
        want = ", ".join(sorted(wanted)) or "none"
        return f"{key}: placeholders must be {{{want}}}"
    if isinstance(source, dict) != isinstance(template, dict):
        kind = "a count's plural forms" if isinstance(source, dict) else "one text"
        return f"{key}: must be {kind}"
    if isinstance(template, dict) and set(template) != plural_tags(lang):
        return f"{key}: plural forms must be {', '.join(sorted(plural_tags(lang)))}"
    return None


@dataclass(frozen=True)
class LanguageStatus:
    lang: str
    missing: tuple[str, ...]
    problems: tuple[str, ...]
    review: Review

    @property
    def complete(self) -> bool:
        return not self.missing and not self.problems


def status(lang: str) -> LanguageStatus:
    texts = printout_catalog(lang)
    missing = tuple(key for key in printout_keys() if key not in texts)
    problems = tuple(
        problem
        for key, template in texts.items()
        if (problem := template_problem(key, template, lang)) is not None
    )
    return LanguageStatus(lang, missing, problems, review(lang))


def translated_languages() -> tuple[str, ...]:
    """The printout languages other than the app's own: the ones a volunteer translates."""
    return tuple(lang for lang in PRINT_LANGUAGES if lang not in LANGUAGES)


def language_label(lang: str) -> str:
    """How a printout language is offered: "العربية – arabisk (ikke gennemlæst)"."""
    native, name = NATIVE_NAMES[lang], tr(f"print_language.name.{lang}")
    if is_reviewed(lang) and native.casefold() == name.casefold():
        return native  # "Dansk", not "Dansk – dansk"
    key = "print_language.label" if is_reviewed(lang) else "print_language.label_unreviewed"
    return tr(key, native=native, name=name)
