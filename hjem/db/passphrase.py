"""The workspace key under a passphrase, for a computer with no keyring.

The database's key stays the random 256-bit raw key; the passphrase only wraps it. Argon2id
(RFC 9106's second recommended setting: 3 passes over 64 MiB, 4 lanes; about a quarter of a
second here) turns the passphrase and a random salt into a key-encryption key, and AES-256-GCM
wraps the workspace key with it, so a wrong passphrase is told apart before the database is
touched. Argon2id rather than SQLCipher's own PBKDF2 because:
- it runs once when hjem starts, not again for every connection SQLCipher opens;
- it is memory-hard, so guessing on a graphics card costs far more than PBKDF2's;
- the recovery code (the raw key itself) still opens the database, and changing the
  passphrase rewrites a few hundred bytes, not the whole database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hjem.errors import UserError
from hjem.i18n import msg

TIME_COST, MEMORY_KIB, LANES = 3, 64 * 1024, 4
MIN_LENGTH = 8


class WrongPassphrase(UserError):
    def __init__(self) -> None:
        super().__init__(msg("workspace.passphrase.wrong"))


class WeakPassphrase(UserError):
    def __init__(self) -> None:
        super().__init__(msg("workspace.passphrase.too_short", length=MIN_LENGTH))


@dataclass(frozen=True)
class WrappedKey:
    """The workspace key, encrypted under a passphrase; safe to keep in a file."""

    salt: bytes
    nonce: bytes
    wrapped: bytes
    time_cost: int = TIME_COST
    memory_kib: int = MEMORY_KIB
    lanes: int = LANES

    def as_json(self) -> dict[str, object]:
        return {
            "kdf": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "lanes": self.lanes,
            "salt": self.salt.hex(),
            "nonce": self.nonce.hex(),
            "wrapped": self.wrapped.hex(),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> WrappedKey:
        """Raises ValueError (or KeyError/TypeError) on anything but what `as_json` wrote."""
        if data.get("kdf") != "argon2id":
            raise ValueError("unknown key derivation")
        time_cost, memory_kib, lanes = (
            int(str(data[name])) for name in ("time_cost", "memory_kib", "lanes")
        )
        # A key file is not trusted to make hjem spend hours or gigabytes on one passphrase.
        if not (1 <= time_cost <= 20 and 8 <= memory_kib <= 1 << 21 and 1 <= lanes <= 64):
            raise ValueError("key derivation settings out of range")
        salt, nonce, wrapped = (
            bytes.fromhex(str(data[name])) for name in ("salt", "nonce", "wrapped")
        )
        return cls(salt, nonce, wrapped, time_cost, memory_kib, lanes)


def check_strength(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_LENGTH:
        raise WeakPassphrase()


def wrap(key: bytes, passphrase: str, context: bytes) -> WrappedKey:
    """`key` under `passphrase`; `context` (the workspace's id) is bound to the wrapping, so
    a wrapped key copied beside another workspace does not pass for its own."""
    check_strength(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _derive(passphrase, salt, TIME_COST, MEMORY_KIB, LANES)
    return WrappedKey(salt, nonce, AESGCM(kek).encrypt(nonce, key, context))


def unwrap(wrapped: WrappedKey, passphrase: str, context: bytes) -> bytes:
    kek = _derive(passphrase, wrapped.salt, wrapped.time_cost, wrapped.memory_kib, wrapped.lanes)
    try:
        return AESGCM(kek).decrypt(wrapped.nonce, wrapped.wrapped, context)
    except InvalidTag:
        raise WrongPassphrase() from None


def _derive(passphrase: str, salt: bytes, time_cost: int, memory_kib: int, lanes: int) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=lanes,
        hash_len=32,
        type=Type.ID,
    )
