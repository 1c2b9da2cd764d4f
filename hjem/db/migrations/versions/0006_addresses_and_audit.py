"""The address in its own table, and an insert-only audit log (issue 13).

`case_addresses` holds a case's new address, one row per case that has one; `cases.address`
goes, its values moved (an empty one is no address: no row). `audit_log` records who did
what to which case or item, never an address.

Both tables are made on SQLite too, so the models and the migrations stay one schema; there
the single person's laptop writes no audit rows and reads the address as a plain row.

On PostgreSQL this migration also makes the server-side half, so that EVERY server has it,
whether or not `hjem server init` ever ran on it (an old shared login, the test suite's
superuser): the SECURITY DEFINER functions through which the address is read and written and
a case's print or export is recorded, and the triggers that record reservations, status
changes, erasures and assignments. They belong to whoever runs the migration, which is the
tables' owner (`hjem_owner` on an init'ed server; `hjem server init` hands over any made
earlier by a shared login). EXECUTE is taken from PUBLIC here, at once; init grants it back
to the groups that need it. Each function pins `search_path = pg_catalog, public, pg_temp`,
so no person's own objects can stand in for the ones it means (pg_temp last: named nowhere,
the temporary schema would be searched first, PostgreSQL's own advice for SECURITY DEFINER).

Who may see a case, in these functions: a member of the tables' owner (the shared login of an
un-init'ed server, an administrator), a member of `hjem_coordinator`, or an architect
assigned to the case. The person is `session_user`: inside a SECURITY DEFINER function
`current_user` is the owner, so the login that connected is the only trustworthy name.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AUDIT_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # SQLite's rowid


def upgrade() -> None:
    _case_addresses()
    op.execute(
        "INSERT INTO case_addresses (case_id, address)"
        " SELECT id, address FROM cases WHERE address <> ''"
    )
    op.drop_column("cases", "address")  # SQLite ≥ 3.35 drops in place: no table rebuild
    _audit_log()
    if op.get_bind().dialect.name == "postgresql":
        for statement in (*FUNCTIONS, *TRIGGERS, *REVOKES):
            op.execute(statement)


def _case_addresses() -> None:
    op.create_table(
        "case_addresses",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_addresses_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_addresses")),
    )


def _audit_log() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", AUDIT_ID, autoincrement=True, nullable=False),
        sa.Column(
            "at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("case_code", sa.String(length=40), nullable=True),
        sa.Column("item_code", sa.String(length=12), nullable=True),
        sa.Column("detail", sa.String(length=120), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_case_code", "audit_log", ["case_code", "at"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DROPS:
            op.execute(statement)
    op.drop_index("ix_audit_log_case_code", table_name="audit_log")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.add_column("cases", sa.Column("address", sa.Text(), nullable=False, server_default=""))
    op.execute(
        "UPDATE cases SET address = (SELECT a.address FROM case_addresses a"
        " WHERE a.case_id = cases.id) WHERE id IN (SELECT case_id FROM case_addresses)"
    )
    op.drop_table("case_addresses")


# --- PostgreSQL: the server-side half ------------------------------------------------------------

_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"

FUNCTIONS = (
    # The rule of the cases' row policy, for the functions below (granted to no one).
    """
CREATE OR REPLACE FUNCTION hjem_may_see_case(wanted integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class
                                       WHERE oid = 'public.cases'::regclass), 'MEMBER')
        OR coalesce(pg_has_role(session_user, to_regrole('hjem_coordinator'), 'MEMBER'), false)
        OR EXISTS (SELECT 1 FROM case_architects a
                    WHERE a.case_id = wanted AND a.login = session_user)
$$""",
    # The audit log's one way in: the server says who and when, never the caller.
    f"""
CREATE OR REPLACE FUNCTION hjem_audit_stamp() RETURNS trigger {_DEFINER} AS $$
BEGIN
    NEW.login := session_user;
    NEW.at := now();
    RETURN NEW;
END $$""",
    f"""
CREATE OR REPLACE FUNCTION hjem_audit_refuse() RETURNS trigger {_DEFINER} AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is insert-only' USING ERRCODE = 'insufficient_privilege';
END $$""",
    f"""
CREATE OR REPLACE FUNCTION hjem_audit_write(what text, code text, item text, said text)
RETURNS void {_DEFINER} AS $$
BEGIN
    INSERT INTO audit_log (login, action, case_code, item_code, detail)
    VALUES (session_user, what, code, item, coalesce(said, ''));
END $$""",
    # A refused read returns NULL, as an unknown case does, and leaves a row saying it was
    # refused (only when the case exists: a made-up code has nothing to protect).
    f"""
CREATE OR REPLACE FUNCTION hjem_case_address(wanted text) RETURNS text {_DEFINER} AS $$
DECLARE
    found integer;
    kept text;
BEGIN
    SELECT id INTO found FROM cases WHERE code = wanted;
    IF found IS NULL THEN
        RETURN NULL;
    END IF;
    IF NOT hjem_may_see_case(found) THEN
        PERFORM hjem_audit_write('address_refused', wanted, NULL, NULL);
        RETURN NULL;
    END IF;
    SELECT address INTO kept FROM case_addresses WHERE case_id = found;
    PERFORM hjem_audit_write('address_read', wanted, NULL, NULL);
    RETURN coalesce(kept, '');
END $$""",
    f"""
CREATE OR REPLACE FUNCTION hjem_case_has_address(wanted text) RETURNS boolean {_DEFINER} AS $$
DECLARE
    found integer;
BEGIN
    SELECT id INTO found FROM cases WHERE code = wanted;
    IF found IS NULL OR NOT hjem_may_see_case(found) THEN
        RETURN NULL;
    END IF;
    RETURN EXISTS (SELECT 1 FROM case_addresses WHERE case_id = found AND address <> '');
END $$""",
    f"""
CREATE OR REPLACE FUNCTION hjem_set_case_address(wanted text, given text)
RETURNS void {_DEFINER} AS $$
DECLARE
    found integer;
BEGIN
    SELECT id INTO found FROM cases WHERE code = wanted;
    IF found IS NULL OR NOT hjem_may_see_case(found) THEN
        RAISE EXCEPTION 'permission denied for the address of this case'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO case_addresses (case_id, address) VALUES (found, given)
    ON CONFLICT (case_id) DO UPDATE SET address = EXCLUDED.address;
    PERFORM hjem_audit_write('address_changed', wanted, NULL, NULL);
END $$""",
    # What the app records itself: a print or an export of a case it may see.
    f"""
CREATE OR REPLACE FUNCTION hjem_audit(what text, wanted text) RETURNS void {_DEFINER} AS $$
DECLARE
    found integer;
BEGIN
    IF what NOT IN ('case_printed', 'budget_exported') THEN
        RAISE EXCEPTION 'not an action the app records' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT id INTO found FROM cases WHERE code = wanted;
    IF found IS NULL OR NOT hjem_may_see_case(found) THEN
        RAISE EXCEPTION 'permission denied for this case' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM hjem_audit_write(what, wanted, NULL, NULL);
END $$""",
    # A reservation made, released (or expired) and handed out.
    f"""
CREATE OR REPLACE FUNCTION hjem_audit_reservation() RETURNS trigger {_DEFINER} AS $$
DECLARE
    item text := (SELECT code FROM items WHERE id = NEW.item_id);
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM hjem_audit_write('item_reserved', NEW.case_code, item, NULL);
    ELSIF OLD.active AND NOT NEW.active AND NEW.end_reason = 'delivered' THEN
        PERFORM hjem_audit_write('item_handed_out', NEW.case_code, item, NULL);
    ELSIF OLD.active AND NOT NEW.active THEN
        PERFORM hjem_audit_write('reservation_released', NEW.case_code, item, NEW.end_reason);
    END IF;
    RETURN NULL;
END $$""",
    # An item's status; the moves a reservation makes are the reservation's own row above.
    f"""
CREATE OR REPLACE FUNCTION hjem_audit_item_status() RETURNS trigger {_DEFINER} AS $$
BEGIN
    IF (OLD.status, NEW.status) NOT IN (('available', 'reserved'), ('reserved', 'available'),
                                        ('reserved', 'delivered')) THEN
        PERFORM hjem_audit_write('item_status_changed', NULL, NEW.code,
                                 OLD.status || ' -> ' || NEW.status);
    END IF;
    RETURN NULL;
END $$""",
    f"""
CREATE OR REPLACE FUNCTION hjem_audit_case() RETURNS trigger {_DEFINER} AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM hjem_audit_write('case_erased', OLD.code, NULL, NULL);
    ELSE
        PERFORM hjem_audit_write('case_status_changed', NEW.code, NULL,
                                 OLD.status || ' -> ' || NEW.status);
    END IF;
    RETURN NULL;
END $$""",
    # An assignment's end when its case is erased is part of the erasure: no row of its own.
    f"""
CREATE OR REPLACE FUNCTION hjem_audit_assignment() RETURNS trigger {_DEFINER} AS $$
DECLARE
    code text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        code := (SELECT c.code FROM cases c WHERE c.id = NEW.case_id);
        PERFORM hjem_audit_write('case_assigned', code, NULL, NEW.login);
    ELSE
        code := (SELECT c.code FROM cases c WHERE c.id = OLD.case_id);
        IF code IS NOT NULL THEN
            PERFORM hjem_audit_write('case_unassigned', code, NULL, OLD.login);
        END IF;
    END IF;
    RETURN NULL;
END $$""",
)

TRIGGERS = (
    "CREATE TRIGGER hjem_audit_stamp BEFORE INSERT ON audit_log"
    " FOR EACH ROW EXECUTE FUNCTION hjem_audit_stamp()",
    "CREATE TRIGGER hjem_audit_insert_only BEFORE UPDATE OR DELETE ON audit_log"
    " FOR EACH ROW EXECUTE FUNCTION hjem_audit_refuse()",
    "CREATE TRIGGER hjem_audit_no_truncate BEFORE TRUNCATE ON audit_log"
    " FOR EACH STATEMENT EXECUTE FUNCTION hjem_audit_refuse()",
    "CREATE TRIGGER hjem_audit AFTER INSERT OR UPDATE OF active ON reservations"
    " FOR EACH ROW EXECUTE FUNCTION hjem_audit_reservation()",
    "CREATE TRIGGER hjem_audit AFTER UPDATE OF status ON items FOR EACH ROW"
    " WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION hjem_audit_item_status()",
    "CREATE TRIGGER hjem_audit_status AFTER UPDATE OF status ON cases FOR EACH ROW"
    " WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION hjem_audit_case()",
    "CREATE TRIGGER hjem_audit_erase AFTER DELETE ON cases"
    " FOR EACH ROW EXECUTE FUNCTION hjem_audit_case()",
    "CREATE TRIGGER hjem_audit AFTER INSERT OR DELETE ON case_architects"
    " FOR EACH ROW EXECUTE FUNCTION hjem_audit_assignment()",
)

# Every function this migration makes, as GRANT and REVOKE name them.
SIGNATURES = (
    "hjem_may_see_case(integer)",
    "hjem_audit_stamp()",
    "hjem_audit_refuse()",
    "hjem_audit_write(text, text, text, text)",
    "hjem_case_address(text)",
    "hjem_case_has_address(text)",
    "hjem_set_case_address(text, text)",
    "hjem_audit(text, text)",
    "hjem_audit_reservation()",
    "hjem_audit_item_status()",
    "hjem_audit_case()",
    "hjem_audit_assignment()",
)
REVOKES = tuple(f"REVOKE ALL ON FUNCTION {s} FROM PUBLIC" for s in SIGNATURES)

DROPS = (
    "DROP TRIGGER IF EXISTS hjem_audit ON reservations",
    "DROP TRIGGER IF EXISTS hjem_audit ON items",
    "DROP TRIGGER IF EXISTS hjem_audit_status ON cases",
    "DROP TRIGGER IF EXISTS hjem_audit_erase ON cases",
    "DROP TRIGGER IF EXISTS hjem_audit ON case_architects",
    *(f"DROP FUNCTION IF EXISTS {s} CASCADE" for s in reversed(SIGNATURES)),
)
