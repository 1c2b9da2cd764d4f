"""The one error a Sweet Home 3D file can cause: its message says what is wrong, in Danish first."""

from __future__ import annotations

from hjem.errors import UserError


class HomeFileError(UserError):
    """A .sh3d file that is refused whole: unreadable, too old, damaged or hostile."""
