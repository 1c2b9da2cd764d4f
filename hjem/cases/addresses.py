"""A case's new address: the one sensitive value of a case, in a table of its own.

On a team server (PostgreSQL) no person may read or write `case_addresses` directly: the
server's SECURITY DEFINER functions (migration 0006) check the case's rule (a coordinator, or
an architect assigned to the case), and each read or change leaves an audit row. A refused
read gives nothing, as an unknown case does: the address is "", and the server's log holds a
row saying the read was refused. A refused change is the server's permission error.

On SQLite (one person's laptop) the address is a plain row, read and written as such, and no
audit is kept (hjem.db.audit).
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from hjem.cases.models import Case, CaseAddress
from hjem.db.audit import on_server


def read_address(session: Session, code: str) -> str:
    """The address of the case `code`, "" when it has none or may not be read."""
    if on_server(session):
        query = text("SELECT hjem_case_address(:code)")
        return session.scalar(query, {"code": code}) or ""
    plain = select(CaseAddress.address).join(Case, Case.id == CaseAddress.case_id)
    return session.scalar(plain.where(Case.code == code)) or ""


def has_address(session: Session, code: str) -> bool:
    """Whether the case has an address, asked without reading it (and without an audit row)."""
    if on_server(session):
        return bool(session.scalar(text("SELECT hjem_case_has_address(:code)"), {"code": code}))
    query = select(CaseAddress.address != "").join(Case, Case.id == CaseAddress.case_id)
    return bool(session.scalar(query.where(Case.code == code)))


def write_address(session: Session, case: Case, address: str) -> None:
    """Keep `address` as the case's new address (the case is flushed: it has its id)."""
    if on_server(session):
        query = text("SELECT hjem_set_case_address(:code, :address)")
        session.execute(query, {"code": case.code, "address": address})
        return
    row = session.get(CaseAddress, case.id)
    if row is None:
        session.add(CaseAddress(case_id=case.id, address=address))
    else:
        row.address = address
    session.flush()
