"""Short codes for labels: six characters a person can read aloud and type back.

Crockford's alphabet leaves out I, L, O and U, so 0/O and 1/I/L cannot be confused; typing is
forgiving the same way (lower case, O for 0, I or L for 1)."""

from __future__ import annotations

import secrets

from hjem.ids import ItemCode

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 6
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})


def new_code() -> ItemCode:
    """A random code with at least one letter that is not E: a spreadsheet would read an
    all-digit code ("004711") or one like "1E5000" as a number and mangle it."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if any(c.isalpha() and c != "E" for c in code):
            return ItemCode(code)


def normalized(typed: str) -> ItemCode:
    """A code as it was meant: " k7p-2qx " is "K7P2QX"."""
    return ItemCode(typed.strip().upper().translate(_READ_AS))
