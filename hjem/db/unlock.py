"""Which key opens the workspace file, or why none does: a plain workspace to convert, a
passphrase to ask for, only the recovery code left, a key that does not fit, a damaged file.
(hjem.db.engine.workspace_key finishes what a crash stopped first, then asks this module.)"""

from __future__ import annotations

from pathlib import Path

from hjem.db import cipher, keystore
from hjem.db.problems import damaged
from hjem.errors import DatabaseProblem, UserError
from hjem.i18n import msg


class PlainWorkspace(UserError):
    """A workspace an older hjem left unencrypted: it is converted before it is opened
    (hjem.db.conversion), never worked in as it is."""

    def __init__(self, path: Path):
        super().__init__(msg("workspace.plain", file=path))
        self.path = path


def checked_key(path: Path) -> bytes:
    """The key that opens the workspace file at `path`, checked against the file; a new one
    when there is no database yet. A UserError says why there is none."""
    if cipher.is_empty(path):
        return keystore.key_for_new(path)
    if cipher.is_plain(path):
        if not cipher.plain_readable(path):
            raise DatabaseProblem(ValueError("damaged"), damaged(str(path)))
        raise PlainWorkspace(path)
    key = keystore.key_for(path)
    if not cipher.key_fits(path, key):
        keys = keystore.read_key_file(path)
        if keys is not None and keys.fits(key):  # the right key, and page 1 still fails
            raise DatabaseProblem(ValueError("damaged"), damaged(str(path)))
        raise keystore.WrongKey(path)
    return key
