"""Where the key of an encrypted workspace comes from, and where a new one is kept.

In this order:
1. this process's memory (a passphrase or a recovery code typed since hjem started);
2. HJEM_WORKSPACE_KEY: 64 hex digits or a recovery code (tests, CI and scripts; never logged);
3. the OS keyring (`keyring`: Windows Credential Manager, macOS Keychain, Secret Service);
4. the passphrase, which hjem must ask for (PassphraseNeeded);
5. otherwise only the recovery code opens it (KeyMissing).

Beside the workspace file lives its key file, `<file>.keys.json`: the workspace's random id
(the keyring entry's name), whether the key is in the keyring, the key wrapped under the
passphrase (hjem.db.passphrase) if one was chosen, a short check value of the key, and whether
the person confirmed writing the recovery code down. Nothing in it opens the workspace alone.
The check value tells a wrong key (the check differs) from a damaged file (the check matches,
and still the file does not open).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from hjem.atomic import write_bytes_atomically
from hjem.config import private_file
from hjem.db import recovery_code
from hjem.db.passphrase import WrappedKey, unwrap, wrap
from hjem.errors import UserError
from hjem.i18n import msg

log = logging.getLogger(__name__)
ENV_KEY = "HJEM_WORKSPACE_KEY"
KEYRING_SERVICE = "hjem-workspace"
FORMAT = 1
KEYRING_WAIT_S = 1.5
T = TypeVar("T")
_unlocked: dict[Path, bytes] = {}


class KeyMissing(UserError):
    """Encrypted, and no key for it on this computer: only the recovery code opens it."""

    def __init__(self, path: Path):
        super().__init__(msg("workspace.key.missing", file=path))
        self.path = path


class PassphraseNeeded(UserError):
    """The key is under a passphrase, which the person must type (the window asks)."""

    def __init__(self, path: Path):
        super().__init__(msg("workspace.passphrase.needed", file=path))
        self.path = path


class NoKeyring(UserError):
    """A new workspace, and no keyring to keep its key in: a passphrase must be chosen."""

    def __init__(self, path: Path):
        super().__init__(msg("workspace.key.no_keyring", file=path))
        self.path = path


class WrongKey(UserError):
    """The key hjem has (from the keyring, the environment, a code) does not open the file."""

    def __init__(self, path: Path):
        super().__init__(msg("workspace.key.wrong", file=path))
        self.path = path


@dataclass(frozen=True)
class KeyFile:
    workspace: str
    check: str
    in_keyring: bool = False
    passphrase: WrappedKey | None = None
    code_confirmed: bool = False

    def fits(self, key: bytes) -> bool:
        return hmac.compare_digest(self.check, check_value(key, self.workspace))


def key_file_path(database: Path) -> Path:
    return database.with_name(database.name + ".keys.json")


def check_value(key: bytes, workspace: str) -> str:
    return hmac.new(key, f"hjem key check {workspace}".encode(), hashlib.sha256).hexdigest()[:16]


def read_key_file(database: Path) -> KeyFile | None:
    """The key file beside `database`; None when there is none or it cannot be read (then the
    recovery code is what opens the workspace, and a new key file is written)."""
    try:
        data = json.loads(key_file_path(database).read_text(encoding="utf-8"))
        wrapped = data.get("passphrase")
        return KeyFile(
            workspace=str(uuid.UUID(str(data["workspace"]))),
            check=str(data["check"]),
            in_keyring=bool(data.get("keyring", False)),
            passphrase=None if wrapped is None else WrappedKey.from_json(wrapped),
            code_confirmed=bool(data.get("code_confirmed", False)),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.warning("the workspace's key file cannot be read: %s", type(error).__name__)
        return None


def write_key_file(database: Path, keys: KeyFile) -> None:
    data = {
        "format": FORMAT,
        "workspace": keys.workspace,
        "check": keys.check,
        "keyring": keys.in_keyring,
        "passphrase": None if keys.passphrase is None else keys.passphrase.as_json(),
        "code_confirmed": keys.code_confirmed,
    }
    target = key_file_path(database)
    write_bytes_atomically(target, json.dumps(data, indent=2).encode("utf-8"))
    private_file(target)


def environment_key() -> bytes | None:
    """HJEM_WORKSPACE_KEY as a key (64 hex digits or a recovery code), or None if unset."""
    value = os.environ.get(ENV_KEY, "").strip()
    if not value:
        return None
    if len(value) == 2 * recovery_code.KEY_BYTES:
        try:
            return bytes.fromhex(value)
        except ValueError:
            pass
    return recovery_code.decode(value)


def key_for(database: Path) -> bytes:
    """The key of the existing encrypted workspace at `database` (see the module's order)."""
    known = _unlocked.get(database.resolve())
    if known is not None:
        return known
    from_environment = environment_key()
    if from_environment is not None:
        return from_environment
    keys = read_key_file(database)
    if keys is not None and keys.in_keyring:
        stored = _keyring_read(keys.workspace)
        if stored is not None:
            # Asked once a process: the start's check, the window's workspace and each
            # working copy's key would otherwise each wait on the desktop's keyring service.
            remember(database, stored)
            return stored
    if keys is not None and keys.passphrase is not None:
        raise PassphraseNeeded(database)
    raise KeyMissing(database)


def remember(database: Path, key: bytes) -> None:
    """Keep `key` for `database` in this process's memory (never on disk)."""
    _unlocked[database.resolve()] = key


def forget_all() -> None:
    _unlocked.clear()


def unlock_with_passphrase(database: Path, passphrase: str) -> bytes:
    keys = read_key_file(database)
    if keys is None or keys.passphrase is None:
        raise KeyMissing(database)
    key = unwrap(keys.passphrase, passphrase, keys.workspace.encode())
    remember(database, key)
    return key


def key_for_new(database: Path) -> bytes:
    """The key for a workspace at `database` that has no database yet: the one chosen for it
    in this process (under a passphrase the window asked for), else a new one (`new_key`)."""
    known = _unlocked.get(database.resolve())
    keys = read_key_file(database)
    if known is not None and keys is not None and keys.fits(known):
        return known
    return new_key(database)


def new_key(database: Path, passphrase: str | None = None) -> bytes:
    """A key for a new workspace at `database`, kept where the person will find it again:
    HJEM_WORKSPACE_KEY's if set; else a random one in the keyring, or under `passphrase`.
    NoKeyring when there is no keyring and no passphrase was given."""
    key = environment_key()
    from_environment = key is not None
    key = key or os.urandom(recovery_code.KEY_BYTES)
    keep_key(database, key, passphrase, keyring=not from_environment)
    return key


def keep_key(database: Path, key: bytes, passphrase: str | None, keyring: bool = True) -> KeyFile:
    """Write the key file of `database` for `key`, and keep the key in the keyring (when
    `keyring` and one works) or under `passphrase`; remembered in memory either way."""
    workspace = str(uuid.uuid4())
    in_keyring = keyring and passphrase is None and _keyring_write(workspace, key)
    if keyring and not in_keyring and passphrase is None:
        raise NoKeyring(database)
    wrapped = None if passphrase is None else wrap(key, passphrase, workspace.encode())
    previous = read_key_file(database)
    if previous is not None and previous.in_keyring:
        _keyring_delete(previous.workspace)
    keys = KeyFile(workspace, check_value(key, workspace), in_keyring, wrapped)
    write_key_file(database, keys)
    remember(database, key)
    return keys


def confirm_code_written(database: Path) -> None:
    """The person ticked that they wrote the recovery code down: the window stops asking."""
    keys = read_key_file(database)
    if keys is not None:
        write_key_file(database, replace(keys, code_confirmed=True))


def keyring_available() -> bool:
    try:
        backend = _keyring().get_keyring()
    except Exception:  # a broken keyring configuration counts as none
        return False
    return float(getattr(backend, "priority", 0)) > 0


def _keyring() -> Any:
    import keyring

    return keyring


def _within(seconds: float, call: Callable[[], T]) -> T:
    """`call`'s result, or TimeoutError after `seconds`: a keyring waiting on a desktop
    service that never answers (a locked Secret Service with no prompt) must not keep hjem
    from saying, within two seconds, that it needs the passphrase or the recovery code."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def attempt() -> None:
        try:
            outcome.append(call())
        except BaseException as error:
            failure.append(error)

    worker = threading.Thread(target=attempt, name="hjem-keyring", daemon=True)
    worker.start()
    worker.join(seconds)
    if failure:
        raise failure[0]
    if not outcome:
        raise TimeoutError("the keyring did not answer")
    return outcome[0]


def _keyring_read(workspace: str) -> bytes | None:
    try:
        stored = _within(
            KEYRING_WAIT_S, lambda: _keyring().get_password(KEYRING_SERVICE, workspace)
        )
        return None if stored is None else bytes.fromhex(stored)
    except Exception as error:  # no keyring, a locked one, or a value hjem did not write
        log.warning("keyring read failed: %s", type(error).__name__)
        return None


def _keyring_write(workspace: str, key: bytes) -> bool:
    """Whether the keyring took the key and gives it back (some refuse only on reading)."""
    if not keyring_available():
        return False
    try:
        _within(
            KEYRING_WAIT_S, lambda: _keyring().set_password(KEYRING_SERVICE, workspace, key.hex())
        )
    except Exception as error:
        log.warning("keyring write failed: %s", type(error).__name__)
        return False
    return _keyring_read(workspace) == key


def _keyring_delete(workspace: str) -> None:
    try:
        _within(KEYRING_WAIT_S, lambda: _keyring().delete_password(KEYRING_SERVICE, workspace))
    except Exception as error:  # already gone, or no keyring: nothing to remove
        log.debug("keyring delete skipped: %s", type(error).__name__)


def drop_key_file(database: Path) -> None:
    """Delete the key file of `database` and the keyring entry it names: a key no file is
    encrypted under any more (a key change that did not finish, or the one it replaced)."""
    keys = read_key_file(database)
    if keys is not None and keys.in_keyring:
        _keyring_delete(keys.workspace)
    key_file_path(database).unlink(missing_ok=True)
    _unlocked.pop(database.resolve(), None)


def move_key_file(source: Path, target: Path) -> None:
    """The key file written for `source` becomes `target`'s in one rename; the keyring entry
    of the one it replaces is deleted after (its key opens nothing any more)."""
    replaced = read_key_file(target)
    os.replace(key_file_path(source), key_file_path(target))
    _unlocked.pop(target.resolve(), None)  # the old key opens it no more
    known = _unlocked.pop(source.resolve(), None)
    if known is not None:
        remember(target, known)
    if replaced is not None and replaced.in_keyring:
        _keyring_delete(replaced.workspace)
