"""Creating, finding and changing family cases, their household and their visits.

Listings read named columns only, and the address lives in a table of its own: it cannot
reach a list, a search or an export by accident. Only `address_of` reads it, for the one
screen that shows it or a print that asks for it (hjem.cases.addresses; audited on a server).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from hjem.cases.addresses import read_address, write_address
from hjem.cases.errors import CaseEditConflict, CaseError, CaseNotFound, DuplicateCase
from hjem.cases.models import AgeBand, Case, CaseStatus, Child, Visit
from hjem.cases.privacy import refuse_cpr, refuse_off_pattern
from hjem.i18n import PRINT_LANGUAGES, msg
from hjem.ids import CASE_CODE_LENGTH, CaseCode

MAX_ADULTS = 12
MAX_CHILDREN = 15
NEXT_STATUS = {
    CaseStatus.REFERRED: (CaseStatus.ACTIVE, CaseStatus.CLOSED),
    CaseStatus.ACTIVE: (CaseStatus.PLAN_DELIVERED, CaseStatus.CLOSED),
    CaseStatus.PLAN_DELIVERED: (CaseStatus.CLOSED, CaseStatus.ACTIVE),
    CaseStatus.CLOSED: (CaseStatus.ACTIVE,),
}


@dataclass(frozen=True)
class CaseData:
    """What a person fills in for a case (no CPR number, no real name)."""

    code: CaseCode
    alias: str
    municipality: str = ""
    architect: str = ""
    adults: int = 1
    children: tuple[str, ...] = field(default=())  # age bands (AgeBand values)
    scheme_id: int | None = None
    print_lang: str = "da"  # the family's printout language (hjem.i18n.PRINT_LANGUAGES)


@dataclass(frozen=True)
class CaseRow:
    """A case as lists show it: never the address."""

    code: CaseCode
    alias: str
    status: str
    municipality: str
    architect: str
    updated_at: dt.datetime


def check(data: CaseData) -> None:
    limits = {"code": (data.code, CASE_CODE_LENGTH), "alias": (data.alias, 80)}
    limits |= {"municipality": (data.municipality, 80), "architect": (data.architect, 120)}
    for name, (value, limit) in limits.items():
        if name in ("code", "alias") and not value.strip():
            raise _problem(name, "case.problem.required")
        if len(value) > limit:
            raise _problem(name, "case.problem.too_long", limit=limit)
        refuse_cpr(name, value)
    if not 0 <= data.adults <= MAX_ADULTS:
        raise _problem("adults", "case.problem.count", limit=MAX_ADULTS)
    if len(data.children) > MAX_CHILDREN:
        raise _problem("children", "case.problem.count", limit=MAX_CHILDREN)
    if data.print_lang not in PRINT_LANGUAGES:
        raise _problem("print_lang", "case.problem.print_lang")
    bands = {b.value for b in AgeBand}
    if any(band not in bands for band in data.children):
        raise _problem("children", "case.problem.age_band")


def _problem(field_name: str, key: str, **params: object) -> CaseError:
    return CaseError(
        msg("case.error.field", field=msg(f"case.field.{field_name}"), problem=msg(key, **params))
    )


def create_case(session: Session, data: CaseData, address: str = "") -> Case:
    check(data)
    refuse_cpr("address", address)
    refuse_off_pattern(session, data.code)
    code = CaseCode(data.code.strip())
    if session.scalar(select(Case.id).where(Case.code == code)) is not None:
        raise DuplicateCase(code)
    case = Case(code=code)
    _fill(case, data)
    session.add(case)
    try:
        session.flush()
    except IntegrityError:
        raise DuplicateCase(code) from None
    if address.strip():
        write_address(session, case, address.strip())
    return case


def _fill(case: Case, data: CaseData) -> None:
    case.alias = data.alias.strip()
    case.municipality = data.municipality.strip()
    case.architect = data.architect.strip()
    case.adults = data.adults
    case.scheme_id = data.scheme_id
    case.print_lang = data.print_lang
    case.children = [Child(age_band=band, position=i) for i, band in enumerate(data.children)]


def get_case(session: Session, code: CaseCode) -> Case:
    case = session.scalar(select(Case).where(Case.code == code.strip()))
    if case is None:
        raise CaseNotFound(code)
    return case


def data_of(case: Case) -> CaseData:
    return CaseData(
        case.code,
        case.alias,
        case.municipality,
        case.architect,
        case.adults,
        tuple(child.age_band for child in case.children),
        case.scheme_id,
        case.print_lang,
    )


def update_case(session: Session, code: CaseCode, data: CaseData, version: int) -> Case:
    """Save changes made to the case as it was at `version`; refused if someone saved since."""
    check(data)
    case = get_case(session, code)
    if case.version != version:
        raise CaseEditConflict(code)
    if data.code.strip() != case.code:  # a case numbered before the pattern keeps its number
        refuse_off_pattern(session, data.code)
    _fill(case, data)
    case.code = CaseCode(data.code.strip())
    _flush(session, code)
    return case


def _flush(session: Session, code: CaseCode) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise CaseEditConflict(code) from None
    except IntegrityError:
        raise DuplicateCase(code) from None


def case_form_data(session: Session, code: CaseCode) -> tuple[CaseData, int]:
    """The household as the case form edits it, and the version it was read at."""
    case = get_case(session, code)
    return data_of(case), case.version


def update_household(
    session: Session, code: CaseCode, data: CaseData, version: int, address: str | None
) -> None:
    """Save the case form: the household as read at `version`, and the address unless it was
    left alone (None)."""
    update_case(session, code, data, version)
    if address is not None:
        set_address(session, code, address)


def address_of(session: Session, code: CaseCode) -> str:
    """The new address: for the one screen that shows it, or a print that asks for it."""
    return read_address(session, code.strip())


def set_address(session: Session, code: CaseCode, address: str) -> None:
    """A changed address is a change of the case: its version moves on, so another person's
    form read before it is told so when they save (CaseEditConflict)."""
    refuse_cpr("address", address)
    case = get_case(session, code)
    write_address(session, case, address.strip())
    case.updated_at = dt.datetime.now(dt.UTC)
    _flush(session, code)


def set_status(session: Session, code: CaseCode, status: CaseStatus) -> None:
    case = get_case(session, code)
    if status not in NEXT_STATUS[CaseStatus(case.status)]:
        raise CaseError(
            msg(
                "case.error.status",
                code=code,
                from_status=msg(f"case_status.{case.status}"),
                to_status=msg(f"case_status.{status.value}"),
            )
        )
    case.status = status.value
    # The retention period counts from the closing; a reopened case is no longer due.
    case.closed_at = dt.datetime.now(dt.UTC) if status == CaseStatus.CLOSED else None
    _flush(session, code)


def add_visit(session: Session, code: CaseCode, visited_on: dt.date, notes: str = "") -> Visit:
    refuse_cpr("visit_notes", notes)
    case = get_case(session, code)
    visit = Visit(visited_on=visited_on, notes=notes.strip())
    case.visits.append(visit)
    _flush(session, code)
    return visit


def list_cases(session: Session, text: str = "", architect: str = "") -> list[CaseRow]:
    """Cases by code or alias (the address is not a column here), newest changes first; only
    `architect`'s (whatever the letter case) when one is named."""
    columns = select(
        Case.code, Case.alias, Case.status, Case.municipality, Case.architect, Case.updated_at
    )
    if architect.strip():
        columns = columns.where(func.lower(Case.architect) == architect.strip().lower())
    if text.strip():
        typed = f"%{text.strip().lower()}%"
        columns = columns.where(or_(Case.code.ilike(typed), Case.alias.ilike(typed)))
    rows = session.execute(columns.order_by(Case.updated_at.desc(), Case.code))
    return [CaseRow(*row) for row in rows]


def open_cases(session: Session) -> list[tuple[CaseCode, str]]:
    """Code and alias of every case not closed, by code: what an item can be reserved for."""
    query = select(Case.code, Case.alias).where(Case.status != CaseStatus.CLOSED.value)
    return [(code, alias) for code, alias in session.execute(query.order_by(Case.code))]
