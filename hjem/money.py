"""Money in øre (integers), never floats; read and written the Danish way ("1.234,50 kr.")."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from hjem.i18n import LANGUAGES, PRINT_LOCALES, current_language, print_language

ORE_PER_KRONE = 100
_DANISH = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$|^-?\d+(,\d{1,2})?$")
_ENGLISH = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d{1,2})?$|^-?\d+(\.\d{1,2})?$")


def parse_kroner(text: str) -> int | None:
    """Øre from what a person typed: "1.234,50", "1234,5", "1234.50 kr.", "250"; None if it is
    not an amount (a Dane's "1.234" is a thousand and more, not one krone)."""
    cleaned = re.sub(r"\s|kr\.?|dkk", "", text.strip().lower())
    if _DANISH.match(cleaned):
        number = cleaned.replace(".", "").replace(",", ".")
    elif _ENGLISH.match(cleaned):
        number = cleaned.replace(",", "")
    else:
        return None
    try:
        amount = Decimal(number)
    except InvalidOperation:
        return None
    # Exact however many digits were typed: the default 28 digits would make a 27-digit
    # amount raise instead of being refused as too large by whoever checks the range.
    with localcontext(prec=len(number) + 3):
        return int((amount * ORE_PER_KRONE).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_kroner(ore: int, lang: str | None = None) -> str:
    """ "1.234,50 kr." in Danish, "DKK 1,234.50" in English, "1 234,50 DKK" in Polish."""
    from babel.numbers import format_currency

    lang = lang or current_language()
    amount = Decimal(ore) / ORE_PER_KRONE
    if lang == "en":  # en_GB writes a foreign currency's code close up: "DKK1,234.50"
        return format_currency(amount, "DKK", format="¤\u00a0#,##0.00", locale="en_GB")
    if lang not in LANGUAGES:  # a printout language: its own way, with Latin digits
        return format_currency(amount, "DKK", locale=PRINT_LOCALES[print_language(lang)])
    return format_currency(amount, "DKK", locale="da_DK")
