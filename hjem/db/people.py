"""The people of a team server: one login role per person, in one of hjem's groups, and the
cases assigned to each architect. Run by the coordinator with the administrator's login.

A password never travels as text: libpq hashes it on this computer (SCRAM-SHA-256, as psql's
\\password does), so the server, its statement log and SQLAlchemy's log see only the hash.
Names are checked against a plain pattern and still always quoted as identifiers.

Each change of people leaves one audit row in the same transaction (the coordinator's login,
the person's name and role): adding and disabling here; assigning and unassigning a case by
the server's own trigger on case_architects (migration 0006).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from psycopg import Cursor, sql
from sqlalchemy import Engine

from hjem.db.server import ARCHITECT, GROUPS, OWNER, driver_cursor
from hjem.errors import UserError
from hjem.i18n import msg

# A login name a person can type in a URL: lower case, digits, '.', '_' or '-', first a letter;
# not one of hjem's own roles nor PostgreSQL's.
LOGIN = re.compile(r"[a-z][a-z0-9._-]{0,62}")
RESERVED_PREFIXES = ("hjem_", "pg_")
PASSWORD_BYTES = 18  # 24 characters of URL-safe text


@dataclass(frozen=True)
class NewPerson:
    name: str
    role: str
    password: str
    generated: bool


def check_name(name: str) -> str:
    if not LOGIN.fullmatch(name) or name.startswith(RESERVED_PREFIXES):
        raise UserError(msg("server.bad_name", name=name))
    return name


def add_person(engine: Engine, name: str, role: str, password: str | None) -> NewPerson:
    """A login for `name` in the group of `role`, with `password` or a generated one."""
    check_name(name)
    group = GROUPS[role]
    chosen = password if password is not None else secrets.token_urlsafe(PASSWORD_BYTES)
    with engine.begin() as connection:
        cursor = driver_cursor(connection)
        if _exists(cursor, name):
            raise UserError(msg("server.person_exists", name=name))
        driver = cursor.connection
        verifier = driver.pgconn.encrypt_password(
            chosen.encode(), name.encode(), b"scram-sha-256"
        ).decode()
        cursor.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(name), sql.Literal(verifier), sql.Identifier(group)
            )
        )
        _audit(cursor, "person_added", f"{name} ({role})")
    return NewPerson(name, role, chosen, generated=password is None)


def disable_person(engine: Engine, name: str) -> int:
    """`name` may no longer sign in, and their open sessions end; how many ended."""
    with engine.begin() as connection:
        cursor = driver_cursor(connection)
        _check_person(cursor, name)
        cursor.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(name)))
        _audit(cursor, "person_disabled", name)
        cursor.execute(
            # Only where the administrator may end them: else the NOLOGIN would be lost too.
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE usename = %s"
            " AND (pg_has_role(current_user, 'pg_signal_backend', 'MEMBER')"
            " OR pg_has_role(current_user, usename, 'MEMBER'))",
            (name,),
        )
        row = cursor.fetchone()
    return int(str(row[0])) if row else 0


def assign_case(engine: Engine, code: str, name: str) -> bool:
    """`name`, an architect, works on the case `code`; False if they already did."""
    with engine.begin() as connection:
        cursor = driver_cursor(connection)
        if _group_of(cursor, name) != ARCHITECT:
            raise UserError(msg("server.not_an_architect", name=name))
        # As the owner, whose policy sees every case, whatever the administrator's own rights.
        cursor.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(OWNER)))
        cursor.execute("SELECT id FROM cases WHERE code = %s", (code,))
        case = cursor.fetchone()
        if case is None:
            raise UserError(msg("case.error.not_found", code=code))
        cursor.execute(
            "INSERT INTO case_architects (case_id, login) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (case[0], name),
        )
        return cursor.rowcount == 1


def unassign_case(engine: Engine, code: str, name: str) -> bool:
    """`name` no longer works on the case `code`; False if they did not."""
    with engine.begin() as connection:
        cursor = driver_cursor(connection)
        cursor.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(OWNER)))
        cursor.execute(
            "DELETE FROM case_architects a USING cases c"
            " WHERE a.case_id = c.id AND c.code = %s AND a.login = %s",
            (code, name),
        )
        return cursor.rowcount == 1


def _audit(cursor: Cursor[tuple[object, ...]], action: str, detail: str) -> None:
    """One audit row, as the tables' owner (whose function writes the log); the server
    stamps the administrator's login and the time."""
    cursor.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(OWNER)))
    cursor.execute("SELECT hjem_audit_write(%s, NULL, NULL, %s)", (action, detail))
    cursor.execute("RESET ROLE")


def _exists(cursor: Cursor[tuple[object, ...]], name: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
    return cursor.fetchone() is not None


def _group_of(cursor: Cursor[tuple[object, ...]], name: str) -> str | None:
    """The hjem group `name` belongs to, None if they are no person of hjem's."""
    cursor.execute(
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
        " JOIN pg_roles p ON p.oid = m.member WHERE p.rolname = %s AND g.rolname = ANY(%s)",
        (name, list(GROUPS.values())),
    )
    row = cursor.fetchone()
    return str(row[0]) if row else None


def _check_person(cursor: Cursor[tuple[object, ...]], name: str) -> None:
    """`name` is one of hjem's people: the administrator's own login is not disabled here."""
    if _group_of(cursor, name) is None:
        raise UserError(msg("server.no_such_person", name=name))
