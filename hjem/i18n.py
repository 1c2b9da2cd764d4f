"""Translation catalogs: every text a person reads comes from here, Danish first, English second.

Catalogs are TOML files in `assets/i18n/<lang>/*.toml`, one per area (plan, ui, ...), merged;
nested tables become dotted keys (`[conflict] overlap = "..."` is `conflict.overlap`).
A placeholder is `{name}`, or `{name|cap}` to capitalise the first letter of the value.
A text that counts something is a table of CLDR plural forms (`{ one = "{count} sag",
other = "{count} sager" }`); the `count` parameter picks the form by the language's CLDR rule.
A parameter may itself be a `Message`, rendered in the same language, so "the sofa" can be
translated once and used in many sentences.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, TypeAlias

from hjem.resources import asset

Language: TypeAlias = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")
DEFAULT_LANGUAGE: Language = "da"
# The family's printout speaks more languages than the app's own interface (issue 20): the
# catalogs of the others hold only what the printout shows (see hjem.handover.translations).
PrintLanguage: TypeAlias = Literal["da", "en", "ar", "fa", "tr", "uk", "so", "ti", "pl"]
PRINT_LANGUAGES: tuple[PrintLanguage, ...] = ("da", "en", "ar", "fa", "tr", "uk", "so", "ti", "pl")
RIGHT_TO_LEFT = frozenset({"ar", "fa"})
META_TABLE = "_meta"  # a catalog's own status (reviewed_by, date): not a text
_current_language: Language = DEFAULT_LANGUAGE
_PLACEHOLDER = re.compile(r"\{(\w+)(\|cap)?\}")
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})
Template: TypeAlias = str | dict[str, str]


def language(lang: str) -> Language:
    """`lang` as one of the LANGUAGES, or ValueError."""
    for known in LANGUAGES:
        if lang == known:
            return known
    raise ValueError(f"unsupported language {lang!r}; choose one of {LANGUAGES}")


def print_language(lang: str) -> PrintLanguage:
    """`lang` as one of the PRINT_LANGUAGES, or ValueError."""
    for known in PRINT_LANGUAGES:
        if lang == known:
            return known
    raise ValueError(f"unsupported language {lang!r}; choose one of {PRINT_LANGUAGES}")


def set_language(lang: str) -> None:
    global _current_language
    _current_language = language(lang)


def current_language() -> Language:
    return _current_language


@cache
def catalog(lang: str) -> dict[str, Template]:
    merged: dict[str, Template] = {}
    for path in sorted(asset("i18n", lang).glob("*.toml")):
        entries = catalog_file(lang, path.stem)
        if clash := merged.keys() & entries.keys():
            raise ValueError(f"{path.name} repeats catalog keys: {sorted(clash)[:5]}")
        merged.update(entries)
    return merged


def catalog_file(lang: str, name: str) -> dict[str, Template]:
    """The entries of one catalog file (`assets/i18n/LANG/NAME.toml`), without the others."""
    with asset("i18n", lang, f"{name}.toml").open("rb") as f:
        table = tomllib.load(f)
    table.pop(META_TABLE, None)
    return _flatten(table)


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Template]:
    flat: dict[str, Template] = {}
    for key, value in table.items():
        if isinstance(value, dict) and _is_plural(value):
            flat[f"{prefix}{key}"] = {form: str(text) for form, text in value.items()}
        elif isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


def _is_plural(table: dict[str, Any]) -> bool:
    return "other" in table and table.keys() <= PLURAL_FORMS


@cache
def plural_tags(lang: str) -> frozenset[str]:
    """The plural forms CLDR says `lang` has (Danish and English: one, other)."""
    return frozenset(_plural_rule(lang).tags) | {"other"}


@cache
def _plural_rule(lang: str) -> Any:
    from babel import Locale  # Babel is heavy; load it only when a count is first shown

    return Locale.parse(lang).plural_form


def plural_form(lang: str, count: Any) -> str:
    """The CLDR plural form of `count` in `lang`: "one" for 1, "other" for 0 and 2 in Danish."""
    try:
        return str(_plural_rule(lang)(count))
    except (TypeError, ValueError):
        return "other"


def _pick(template: Template, lang: str, values: dict[str, Any]) -> str:
    if isinstance(template, str):
        return template
    form = plural_form(lang, values.get("count", 0))
    return template.get(form, template["other"])


@dataclass(frozen=True)
class Message:
    """A translatable text: a catalog key and its parameters, rendered on demand."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str | None = None) -> str:
        lang = lang or _current_language
        template = catalog(lang).get(self.key) or _fallback(lang).get(self.key, self.key)
        values = dict(self.params)

        def substitute(match: re.Match[str]) -> str:
            value = _render_value(values.get(match.group(1), match.group(0)), lang)
            return value[:1].upper() + value[1:] if match.group(2) else value

        return _PLACEHOLDER.sub(substitute, _pick(template, lang, values))

    def texts(self) -> dict[str, str]:
        """The message in every language, as stored in reports (`{"da": ..., "en": ...}`)."""
        return {lang: self.text(lang) for lang in LANGUAGES}

    def __str__(self) -> str:
        return self.text()


def _fallback(lang: str) -> dict[str, Template]:
    """Where a missing text is taken from: English for a printout language (its reader more
    likely reads English than Danish), Danish for the app's own two."""
    return catalog(DEFAULT_LANGUAGE if lang in LANGUAGES else "en")


def msg(key: str, **params: Any) -> Message:
    return Message(key, tuple(sorted(params.items())))


def tr(key: str, lang: str | None = None, **params: Any) -> str:
    return msg(key, **params).text(lang)


# The printout's locales: Syrian Arabic, Iranian Persian, Somali of Somalia, Tigrinya of Eritrea.
PRINT_LOCALES: dict[PrintLanguage, str] = {
    **{"da": "da_DK", "en": "en_GB"},
    **{"ar": "ar_SY", "fa": "fa_IR", "tr": "tr_TR", "uk": "uk_UA"},
    **{"so": "so_SO", "ti": "ti_ER", "pl": "pl_PL"},
}
LOCALES: dict[Language, str] = {lang: PRINT_LOCALES[lang] for lang in LANGUAGES}  # the app's


def _locale(lang: str) -> str:
    return PRINT_LOCALES[print_language(lang)]


def format_day(day: dt.date, lang: str | None = None, style: str = "short") -> str:
    """A date the reader's way, one format everywhere: 02.12.2026 in Danish, 02/12/2026 in
    English; `style` "long" writes the month out (2. december 2026)."""
    from babel.dates import format_date  # Babel is heavy; load it only when needed

    return format_date(day, style, locale=_locale(lang or _current_language))


def format_moment(moment: dt.datetime, lang: str | None = None) -> str:
    """A moment in local time: "02.12.2026 kl. 14.53" (SQLite hands times back without zone)."""
    from babel.dates import format_time

    local = (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone()
    lang = lang or _current_language
    clock = format_time(local, "short", locale=_locale(lang))
    return tr("common.moment", lang, date=format_day(local.date(), lang), time=clock)


HUGE = 1e15  # beyond this Babel's decimal context fails (about 1e27); no home measures it


def format_number(value: float, lang: str | None = None, decimals: int = 1) -> str:
    """A number the way a reader of `lang` writes it: 12,5 in Danish, 12.5 in English."""
    from babel.numbers import format_decimal, get_decimal_symbol  # heavy: load when needed

    locale = _locale(lang or _current_language)
    if not math.isfinite(value) or abs(value) >= HUGE:  # only a hostile file has these
        return f"{value:.3g}".replace(".", get_decimal_symbol(locale))
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale)


def _render_value(value: Any, lang: str) -> str:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, float) and math.isfinite(value):
        return format_number(value, lang)
    return str(value)
