"""The one base class for every error a person can cause (a bad file, a bad number, an item
already reserved, a database that does not answer): it carries the `Message` to show them.

It sits just above the translations, so the plan, the inventory, the cases and the budget can
all derive their errors from it, and the windows catch one class."""

from __future__ import annotations

from hjem.i18n import Message, msg


class UserError(Exception):
    """Something a person can cause and fix; `message` says what, in their language."""

    def __init__(self, message: Message):
        super().__init__(message.text("en"))
        self.message = message


class DatabaseProblem(UserError):
    """The workspace's database, or a file read or written in the same work, refused: nothing
    was kept.

    The database's own text is never shown: it may quote the SQL and its values (an address).
    """

    def __init__(self, error: BaseException, message: Message | None = None):
        """`message` says what went wrong when the caller knows (hjem.db.problems tells a
        busy, damaged or full workspace apart); else it is said in general terms."""
        if message is None and isinstance(error, OSError):
            message = msg("error.file_problem", reason=error.strerror or type(error).__name__)
        elif message is None:
            message = msg("error.database_problem", reason=type(error).__name__)
        super().__init__(message)
        self.kind = type(error).__name__
