"""What can go wrong in the inventory, each said in words a volunteer understands."""

from __future__ import annotations

from hjem.errors import UserError
from hjem.i18n import msg


class InventoryError(UserError):
    pass


class NotFound(InventoryError):
    def __init__(self, code: str):
        super().__init__(msg("inventory.error.not_found", code=code))


class AlreadyReserved(InventoryError):
    def __init__(self, code: str):
        super().__init__(msg("inventory.error.already_reserved", code=code))


class NotAvailable(InventoryError):
    def __init__(self, code: str, status: str):
        super().__init__(
            msg("inventory.error.not_available", code=code, status=msg(f"status.{status}"))
        )


class IllegalMove(InventoryError):
    def __init__(self, code: str, from_status: str, to_status: str):
        super().__init__(
            msg(
                "inventory.error.illegal_move",
                code=code,
                from_status=msg(f"status.{from_status}"),
                to_status=msg(f"status.{to_status}"),
            )
        )


class EditConflict(InventoryError):
    """Someone else saved the item after it was opened here."""

    def __init__(self, code: str):
        super().__init__(msg("inventory.error.edit_conflict", code=code))
