"""The workspace's recovery code: its 256-bit key, written so a person can copy it by hand.

The code *is* the key, not a second secret that unlocks a stored copy of it: the database file
alone, copied to a new laptop, opens with the code alone, and nothing else has to survive the
loss of the old laptop. 256 bits and a 4-bit check make 260 bits, 52 characters of Crockford's
base32 (no I, L, O or U; read as 1, 1, 0 and V when typed), shown in 13 groups of four. Case,
spaces and dashes do not matter when it is typed back.
"""

from __future__ import annotations

import hashlib

from hjem.errors import UserError
from hjem.i18n import msg

KEY_BYTES = 32
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUP = 4
LENGTH = 52  # (256 + 4) / 5
CHECK_BITS = 4
_TYPED_AS = {"O": "0", "I": "1", "L": "1", "U": "V"}


class BadRecoveryCode(UserError):
    """The typed code is not one hjem could have made: a character too many or too few, a
    character outside the alphabet, or a typo the check caught."""

    def __init__(self) -> None:
        super().__init__(msg("workspace.recovery.malformed", length=LENGTH))


def encode(key: bytes) -> str:
    """`key` as a recovery code: 13 groups of four characters joined by dashes."""
    if len(key) != KEY_BYTES:
        raise ValueError("a workspace key is 32 bytes")
    number = (int.from_bytes(key, "big") << CHECK_BITS) | _check(key)
    characters = []
    for _ in range(LENGTH):
        characters.append(ALPHABET[number & 31])
        number >>= 5
    code = "".join(reversed(characters))
    return "-".join(code[start : start + GROUP] for start in range(0, LENGTH, GROUP))


def decode(code: str) -> bytes:
    """The key a typed recovery code stands for; BadRecoveryCode when it cannot be one."""
    cleaned = "".join(_TYPED_AS.get(c, c) for c in code.upper() if c not in " -\t\n")
    if len(cleaned) != LENGTH or any(c not in ALPHABET for c in cleaned):
        raise BadRecoveryCode()
    number = 0
    for character in cleaned:
        number = (number << 5) | ALPHABET.index(character)
    key = (number >> CHECK_BITS).to_bytes(KEY_BYTES, "big")
    if number & ((1 << CHECK_BITS) - 1) != _check(key):
        raise BadRecoveryCode()
    return key


def _check(key: bytes) -> int:
    return hashlib.sha256(b"hjem recovery code" + key).digest()[0] >> (8 - CHECK_BITS)
