"""What keeps a family's identity out of hjem: no CPR number in any text a case stores, case
numbers in the programme's pattern, and a warning when an alias looks like a real name.

The pattern is the workspace's (shared by its volunteers): `Å` stands for a digit of the year,
`N` for a digit of the running number, anything else for itself; the default is
`FBH-ÅÅÅÅ-NNN`. The demo case's numbers (`DEMO-2026-001`) follow a rule of their own, so the
demo works whatever pattern a programme chose, and nobody mistakes a demo for a family.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy.orm import Session

from hjem.cases.errors import CaseError
from hjem.db.settings import set_setting, setting
from hjem.i18n import msg

PATTERN_KEY = "case_code_pattern"
DEFAULT_PATTERN = "FBH-ÅÅÅÅ-NNN"
YEAR_DIGIT, NUMBER_DIGIT = "Å", "N"
DEMO_CODE = re.compile(r"DEMO-\d{4}-\d{3}")
MAX_PATTERN = 40

# Six digits of a birth date, then four more, with a dash, a space or nothing between; not part
# of a longer run of digits (a phone number or a long reference is no CPR number).
_CPR = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})[-\s]?\d{4}(?!\d)")
# Words that name a family, not a person: an alias made of them is what the programme asks for.
FAMILY_WORDS = frozenset(
    {"familien", "familie", "fam", "fam.", "husstanden", "mor", "far", "børn", "og", "med"}
)


def contains_cpr(text: str) -> bool:
    """Whether `text` holds something shaped like a CPR number whose first six digits are a
    real date (ddmmyy), with or without the dash."""
    return any(_is_date(*match.groups()) for match in _CPR.finditer(text))


def _is_date(day: str, month: str, year: str) -> bool:
    for century in (1900, 2000):  # the year of the number alone may be either
        try:
            dt.date(century + int(year), int(month), int(day))
        except ValueError:
            continue
        return True
    return False


def refuse_cpr(field_name: str, text: str) -> None:
    """CaseError naming the field when `text` holds a CPR number; the number is not repeated."""
    if contains_cpr(text):
        raise CaseError(
            msg(
                "case.error.field",
                field=msg(f"case.field.{field_name}"),
                problem=msg("case_privacy.cpr"),
            )
        )


def looks_like_real_name(alias: str) -> bool:
    """Two or more capitalised words in a row and no family word ("Fatima Hansen", not
    "Familien Sol"): worth a question before it is saved, not a refusal."""
    words = alias.split()
    if any(word.lower().strip(",.()") in FAMILY_WORDS for word in words):
        return False
    run = longest = 0
    for word in words:
        run = run + 1 if _capitalised(word) else 0
        longest = max(longest, run)
    return longest >= 2


def _capitalised(word: str) -> bool:
    """Like a name: "Hansen", "Anne-Marie"; not "SOL", "tre" or "2"."""
    parts = word.split("-")
    return all(p.isalpha() and p[0].isupper() and (p[1:] == "" or p[1:].islower()) for p in parts)


# --- the pattern of case numbers ---------------------------------------------------------------


def case_code_pattern(session: Session) -> str:
    return setting(session, PATTERN_KEY, DEFAULT_PATTERN)


def set_case_code_pattern(session: Session, pattern: str) -> str:
    """Make `pattern` the workspace's; it needs at least one digit placeholder, so a name or
    a CPR number can never be a case number."""
    pattern = pattern.strip()
    if (
        not pattern
        or len(pattern) > MAX_PATTERN
        or NUMBER_DIGIT not in pattern
        or contains_cpr(pattern)
    ):
        raise CaseError(msg("case_privacy.bad_pattern", limit=MAX_PATTERN))
    set_setting(session, PATTERN_KEY, pattern)
    return pattern


def pattern_regex(pattern: str) -> re.Pattern[str]:
    parts = [r"\d" if char in (YEAR_DIGIT, NUMBER_DIGIT) else re.escape(char) for char in pattern]
    return re.compile("".join(parts))


def example_code(pattern: str, today: dt.date | None = None) -> str:
    """A case number in `pattern`: this year, running number 1 (FBH-2026-001)."""
    year = str((today or dt.date.today()).year)
    years = pattern.count(YEAR_DIGIT)
    year_digits = iter(year[-years:].rjust(years, "0")) if years else iter(())
    numbers = pattern.count(NUMBER_DIGIT)
    number_digits = iter("1".rjust(numbers, "0"))
    out = []
    for char in pattern:
        if char == YEAR_DIGIT:
            out.append(next(year_digits))
        elif char == NUMBER_DIGIT:
            out.append(next(number_digits))
        else:
            out.append(char)
    return "".join(out)


def code_follows(pattern: str, code: str) -> bool:
    return bool(pattern_regex(pattern).fullmatch(code) or DEMO_CODE.fullmatch(code))


def refuse_off_pattern(session: Session, code: str) -> None:
    """CaseError showing the pattern and an example when `code` does not follow it."""
    pattern = case_code_pattern(session)
    if not code_follows(pattern, code.strip()):
        example = example_code(pattern)
        problem = msg("case_privacy.off_pattern", pattern=pattern, example=example)
        raise CaseError(msg("case.error.field", field=msg("case.field.code"), problem=problem))
