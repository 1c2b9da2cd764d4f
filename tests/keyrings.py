"""Keyrings of the tests' own, never the real user's: one in this process's memory, one in a
file for the `hjem` processes a test starts (PYTHON_KEYRING_BACKEND=tests.keyrings.FileKeyring,
the file named by HJEM_TEST_KEYRING), and none at all (keyring's `fail` backend, as on a
computer without a desktop keyring)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.kept[(service, username)]


class FileKeyring(KeyringBackend):
    """A keyring in the JSON file HJEM_TEST_KEYRING, shared by a test and its subprocesses."""

    priority = 1  # type: ignore[assignment]

    def _file(self) -> Path:
        return Path(os.environ["HJEM_TEST_KEYRING"])

    def _kept(self) -> dict[str, str]:
        file = self._file()
        return json.loads(file.read_text()) if file.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._kept().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        kept = self._kept()
        kept[f"{service}/{username}"] = password
        self._file().write_text(json.dumps(kept))

    def delete_password(self, service: str, username: str) -> None:
        kept = self._kept()
        del kept[f"{service}/{username}"]
        self._file().write_text(json.dumps(kept))


def file_keyring_env(file: Path) -> dict[str, str]:
    """The environment of a `hjem` process whose keyring is `file` and whose key is not set."""
    return {
        "PYTHON_KEYRING_BACKEND": "tests.keyrings.FileKeyring",
        "HJEM_TEST_KEYRING": str(file),
        "HJEM_WORKSPACE_KEY": "",
    }


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
