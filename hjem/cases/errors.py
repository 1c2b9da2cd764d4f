"""What can go wrong with cases, each said in words a volunteer understands."""

from __future__ import annotations

from hjem.errors import UserError
from hjem.i18n import msg


class CaseError(UserError):
    pass


class CaseNotFound(CaseError):
    def __init__(self, code: str):
        super().__init__(msg("case.error.not_found", code=code))


class DuplicateCase(CaseError):
    def __init__(self, code: str):
        super().__init__(msg("case.error.duplicate", code=code))


class StalePlan(CaseError):
    """Someone else saved the case's plan after it was opened here."""

    def __init__(self, code: str, saved_by: str):
        super().__init__(msg("case.error.stale_plan", code=code, who=saved_by or "?"))
        self.saved_by = saved_by


class CaseEditConflict(CaseError):
    def __init__(self, code: str):
        super().__init__(msg("case.error.edit_conflict", code=code))
