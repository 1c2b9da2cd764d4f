"""The tests' own look into a workspace file: a SQLCipher connection under the session's key
(HJEM_WORKSPACE_KEY, set by tests/conftest.py), below hjem's engine and its checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hjem.db import cipher, keystore


def session_key() -> bytes:
    key = keystore.environment_key()
    assert key is not None, "tests/conftest.py sets HJEM_WORKSPACE_KEY"
    return key


@contextmanager
def workspace_file(path: Path, key: bytes | None = None) -> Iterator[Any]:
    """A driver connection to the encrypted workspace at `path` (autocommit)."""
    with cipher.opened(path, key or session_key()) as connection:
        yield connection
