"""A team-server password the person asked hjem to remember, kept in the OS keyring (the
`keyring` package: Windows Credential Locker, macOS Keychain, Secret Service), never in a file.

A computer without a working keyring (keyring's `fail` backend, or one that refuses) simply
has nothing remembered: the tick box is disabled and says why. A keyring error never reaches
the person as a traceback, and its text (which could quote what was stored) is never shown.
"""

from __future__ import annotations

import logging
from typing import Any

from hjem.db.server_address import TeamServer

log = logging.getLogger(__name__)


def _keyring() -> Any:
    import keyring  # loaded when the sign-in dialog opens, not at start

    return keyring


class PasswordKeeper:
    def available(self) -> bool:
        """Whether this computer has a keyring hjem can keep a password in (the same test as
        for the workspace's key; loaded here, not at start: it brings the crypto along)."""
        from hjem.db.keystore import keyring_available

        return keyring_available()

    def recall(self, server: TeamServer, name: str) -> str:
        """The password remembered for `name` on `server`, or ""."""
        if not name or not self.available():
            return ""
        try:
            return str(_keyring().get_password(server.keyring_service, name) or "")
        except Exception as error:
            log.warning("keyring read failed: %s", type(error).__name__)
            return ""

    def remember(self, server: TeamServer, name: str, password: str) -> bool:
        """Keep `password` for `name` on `server`; False when the keyring refused."""
        try:
            _keyring().set_password(server.keyring_service, name, password)
        except Exception as error:
            log.warning("keyring write failed: %s", type(error).__name__)
            return False
        return True

    def forget(self, server: TeamServer, name: str) -> None:
        """Drop a remembered password (the person unticked the box)."""
        if not name or not self.available():
            return
        try:
            keyring = _keyring()
            if keyring.get_password(server.keyring_service, name) is not None:
                keyring.delete_password(server.keyring_service, name)
        except Exception as error:
            log.warning("keyring delete failed: %s", type(error).__name__)
