"""The workspace gate: before the main window opens the laptop's workspace, hjem makes sure
it has the key, asking the person only what it must.

    no database yet    keyring: a new key into it; none: a passphrase is chosen
    plain (older hjem) encrypted first, with progress
    under a passphrase the passphrase, or the recovery code instead
    key missing/wrong  the recovery code, then the key is kept on this computer
    key found          nothing
then, until the person ticks that they wrote it down, the recovery code.

A damaged file, a folder hjem may not read and the like pass the gate: the window says what
is wrong, as it always did."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QWidget

from hjem.db import cipher, keystore
from hjem.db.engine import PlainWorkspace, workspace_key
from hjem.errors import UserError
from hjem.ui.workspace_key.code_dialog import offer_code_until_confirmed
from hjem.ui.workspace_key.conversion_dialog import ConversionDialog, Encrypt, encrypt_plain
from hjem.ui.workspace_key.passphrase_dialogs import Unlock, ask_to_unlock, choose_passphrase
from hjem.ui.workspace_key.recover_dialog import Why, ask_recovery_code


class Found(Enum):
    NEW = "new"
    PLAIN = "plain"
    OPENS = "opens"  # the key is known here (memory, keyring) and fits
    PASSPHRASE = "passphrase"
    MISSING = "missing"
    WRONG = "wrong"
    PROBLEM = "problem"  # the window will say what


def found(path: Path) -> Found:
    """What the workspace file at `path` needs before it opens. The empty case is decided
    first: `workspace_key` would make a new key for it."""
    if cipher.is_empty(path):
        return Found.NEW
    try:
        workspace_key(path)
    except PlainWorkspace:
        return Found.PLAIN
    except keystore.PassphraseNeeded:
        return Found.PASSPHRASE
    except keystore.KeyMissing:
        return Found.MISSING
    except keystore.WrongKey:
        return Found.WRONG
    except (UserError, cipher.Error, OSError):
        return Found.PROBLEM
    return Found.OPENS


class WorkspaceGate:
    """The dialogs for the workspace at `path`, one after the other; `run` is True when the
    window may open it, False when the person chose to quit (or it could not be encrypted)."""

    def __init__(self, path: Path, parent: QWidget | None = None, encrypt: Encrypt = encrypt_plain):
        self.path, self.parent, self._encrypt = path, parent, encrypt

    def run(self) -> bool:
        steps = {
            Found.NEW: self._create,
            Found.PLAIN: self._convert,
            Found.OPENS: self._opens,
            Found.PASSPHRASE: self._unlock,
            Found.MISSING: lambda: self._recover(Why.MISSING),
            Found.WRONG: lambda: self._recover(Why.WRONG),
            Found.PROBLEM: lambda: True,
        }
        try:
            return steps[found(self.path)]()
        except (cipher.Error, OSError):  # the window meets the same refusal and says it
            return True

    def _create(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)  # as the engine would
        if keystore.keyring_available():
            try:
                keystore.new_key(self.path)
                return self._opens()
            except keystore.NoKeyring:  # the keyring would not take it after all
                pass
        chosen = choose_passphrase(lambda typed: keystore.new_key(self.path, typed), self.parent)
        return chosen is not None and self._opens()

    def _convert(self) -> bool:
        dialog = ConversionDialog(
            self.path, lambda: choose_passphrase(None, self.parent), self._encrypt, self.parent
        )
        converted = bool(dialog.exec())
        dialog.deleteLater()
        return converted and self._opens()

    def _opens(self) -> bool:
        offer_code_until_confirmed(self.path, self.parent)
        return True

    def _unlock(self) -> bool:
        while True:
            choice = ask_to_unlock(self.path, self.parent)
            if choice is Unlock.QUIT:
                return False
            if choice is Unlock.UNLOCKED:
                # The passphrase's key is checked against the file like any other.
                return self.run()
            key = ask_recovery_code(self.path, Why.FORGOTTEN, self.parent)
            if key is not None:
                return self._keep(key)

    def _recover(self, why: Why) -> bool:
        key = ask_recovery_code(self.path, why, self.parent)
        return key is not None and self._keep(key)

    def _keep(self, key: bytes) -> bool:
        """Keep the recovered key on this computer, so the next start needs no code: in the
        keyring, else under a new passphrase. The person just typed the code from where it
        is kept, so hjem does not ask them to write it down again."""
        kept = False
        if keystore.keyring_available():
            try:
                keystore.keep_key(self.path, key, None)
                kept = True
            except keystore.NoKeyring:
                pass
        if not kept:
            keep = lambda typed: keystore.keep_key(self.path, key, typed)  # noqa: E731
            kept = choose_passphrase(keep, self.parent) is not None
        if kept:
            keystore.confirm_code_written(self.path)
        return kept
