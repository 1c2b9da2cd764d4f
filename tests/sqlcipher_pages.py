"""Every page of an encrypted workspace, decrypted here with the raw key, independently of
SQLCipher: free pages and pages only in the WAL included, which no SQL query shows.

SQLCipher 4's defaults with a raw key: 4096-byte pages, each AES-256-CBC encrypted with the key
as it is, and 80 reserved bytes at the end of each page (a 16-byte IV, then a 64-byte HMAC).
Page 1 begins with the file's 16-byte salt, in the clear, and is encrypted after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVED = 80
IV = 16
SALT = 16
WAL_HEADER, FRAME_HEADER = 32, 24


def decrypt_page(key: bytes, number: int, page: bytes) -> bytes:
    start = SALT if number == 1 else 0
    iv = page[PAGE - RESERVED : PAGE - RESERVED + IV]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE - RESERVED]) + decryptor.finalize()


def database_pages(key: bytes, path: Path) -> Iterator[bytes]:
    data = path.read_bytes()
    for offset in range(0, len(data) - PAGE + 1, PAGE):
        yield decrypt_page(key, offset // PAGE + 1, data[offset : offset + PAGE])


def wal_pages(key: bytes, path: Path) -> Iterator[bytes]:
    """The page in every frame of a WAL file, whether checkpointed yet or not."""
    data = path.read_bytes() if path.exists() else b""
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE <= len(data):
        number = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE]
        yield decrypt_page(key, number, page)
        offset += FRAME_HEADER + PAGE


def every_page(key: bytes, database: Path) -> Iterator[bytes]:
    """The database's pages and its WAL's, decrypted."""
    yield from database_pages(key, database)
    yield from wal_pages(key, database.with_name(database.name + "-wal"))


def found_in_pages(key: bytes, database: Path, text: str) -> bool:
    needles = [text.encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")]
    return any(needle in page for page in every_page(key, database) for needle in needles)
