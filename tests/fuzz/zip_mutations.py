"""Byte-level mutations of a .hjem file (a ZIP): flipped bits, cut ends, repeated spans, and
header fields (sizes, CRC, offsets, method, flags) set to values a writer never would.

Each mutation takes the file's bytes and a seeded `random.Random` and returns new bytes and a
short name saying what it did, so a failing file can be told apart from the others."""

from __future__ import annotations

import random
import struct
from collections.abc import Callable

ZipMutation = Callable[[bytes, random.Random], tuple[bytes, str]]

LOCAL, CENTRAL, END = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
# (offset, width in bytes) of the fields worth breaking, per record kind.
FIELDS = {
    LOCAL: {"flags": (6, 2), "method": (8, 2), "crc": (14, 4), "csize": (18, 4),
            "usize": (22, 4), "name_len": (26, 2), "extra_len": (28, 2)},
    CENTRAL: {"flags": (8, 2), "method": (10, 2), "crc": (16, 4), "csize": (20, 4),
              "usize": (24, 4), "name_len": (28, 2), "extra_len": (30, 2),
              "comment_len": (32, 2), "offset": (42, 4)},
    END: {"entries_disk": (8, 2), "entries": (10, 2), "cd_size": (12, 4), "cd_offset": (16, 4),
          "comment_len": (20, 2)},
}  # fmt: skip
METHODS = (0, 1, 8, 9, 12, 14, 93, 95, 98, 99, 0xFFFF)  # stored, deflate, bzip2, lzma, AES...


def _records(data: bytes, signature: bytes) -> list[int]:
    found, start = [], 0
    while (at := data.find(signature, start)) >= 0:
        found.append(at)
        start = at + 1
    return found


def _field_value(rng: random.Random, width: int, old: int) -> int:
    top = (1 << (8 * width)) - 1
    choices = [0, 1, top, top - 1, old + 1, max(old - 1, 0), old * 2, rng.randrange(top + 1)]
    if width == 4:
        choices += [0x7FFFFFFF, 0x80000000, 1 << 20, 1 << 30]
    return min(rng.choice(choices), top)


def break_field(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One header field of one record set to an odd value (a huge size, offset 0, ...)."""
    kinds = [s for s in FIELDS if _records(data, s)]
    if not kinds:
        return flip_bytes(data, rng)
    signature = rng.choice(kinds)
    at = rng.choice(_records(data, signature))
    field = rng.choice(sorted(FIELDS[signature]))
    offset, width = FIELDS[signature][field]
    if at + offset + width > len(data):
        return truncate(data, rng)
    form = "<H" if width == 2 else "<I"
    (old,) = struct.unpack_from(form, data, at + offset)
    if field == "method":
        new = rng.choice(METHODS)
    elif field == "flags":
        new = old ^ rng.choice((0x1, 0x8, 0x40, 0x800, 0x2000))  # encrypted, descriptor, ...
    else:
        new = _field_value(rng, width, old)
    patched = bytearray(data)
    struct.pack_into(form, patched, at + offset, new)
    kind = {LOCAL: "local", CENTRAL: "central", END: "end"}[signature]
    return bytes(patched), f"zip:{kind}.{field}={new}"


def flip_bytes(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A few bytes anywhere changed at random: damage on a USB stick or in a mail gateway."""
    if not data:
        return b"PK", "zip:flip-empty"
    patched = bytearray(data)
    count = rng.choice((1, 1, 2, 4, 16))
    for _ in range(count):
        patched[rng.randrange(len(patched))] ^= 1 << rng.randrange(8)
    return bytes(patched), f"zip:flip{count}"


def truncate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """The file cut short (an interrupted download) or missing its beginning."""
    if len(data) < 4:
        return data, "zip:truncate-tiny"
    cut = rng.randrange(2, len(data))
    if rng.random() < 0.8:
        return data[:cut], f"zip:keep-first-{cut}"
    return data[cut:], f"zip:drop-first-{cut}"


def duplicate_span(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A span of the file repeated somewhere else (a confused copy), up to a few times."""
    if len(data) < 4:
        return data * 2, "zip:double"
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.choice((4, 30, 200, 4000)))
    at = rng.randrange(len(data) + 1)
    times = rng.choice((1, 1, 3, 50))
    return data[:at] + data[start:end] * times + data[at:], f"zip:dup{start}-{end}x{times}@{at}"


def overwrite_span(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A span zeroed, set to 0xFF or to random bytes."""
    if not data:
        return data, "zip:overwrite-empty"
    start = rng.randrange(len(data))
    size = rng.choice((2, 8, 64, 1024))
    fill = rng.choice((b"\0", b"\xff", None))
    junk = fill * size if fill else rng.randbytes(size)
    return data[:start] + junk + data[start + size :], f"zip:overwrite{start}+{size}"


def add_junk(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Bytes before or after the archive (a self-extractor, a mail signature)."""
    junk = rng.choice((b"\0" * 100, rng.randbytes(1000), END + b"\0" * 18, b"PK\x03\x04" * 10))
    if rng.random() < 0.5:
        return junk + data, "zip:prefix"
    return data + junk, "zip:suffix"


ZIP_MUTATIONS: tuple[ZipMutation, ...] = (
    break_field,
    break_field,
    break_field,
    flip_bytes,
    flip_bytes,
    truncate,
    duplicate_span,
    overwrite_span,
    add_junk,
)
