"""Offline visits (issue 15): the server's record of applied operations, and the laptop's
outbox, conflicts and sync state (hjem.sync.models).

`applied_ops.login` defaults, on PostgreSQL, to `current_user`, and `applied_at` to the
server's clock: the server records who pushed and when, not the laptop. All four tables exist
in every database, so a workspace has one schema wherever it lives.

On PostgreSQL, `hjem_end_expired_reservation` ends an item's expired reservation by the
server's clock, whichever case holds it: row security hides another case's reservation from
an architect, so without it an expired hold of Ada's would keep Bo from the item for ever.
It ends only what has expired (an architect may already do that through the app); it is a
SECURITY DEFINER function with a pinned search_path, like 0006's, EXECUTE taken from PUBLIC
(hjem.db.server grants it).

Revision ID: 0008
Revises: 0007
Create Date: 2027-01-20 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = sa.DateTime(timezone=True)
NOW = sa.text("CURRENT_TIMESTAMP")  # on PostgreSQL the transaction's start, by the server

_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"
EXPIRE = "hjem_end_expired_reservation(integer, text)"
# True when the item's reservation had expired and is now ended; the item is available again
# and its history says so, as hjem.inventory.reservations.expire_stale does on SQLite.
EXPIRE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION hjem_end_expired_reservation(wanted integer, who text)
RETURNS boolean {_DEFINER} AS $$
DECLARE
    ended integer;
BEGIN
    UPDATE reservations SET active = false, ended_at = now(), end_reason = 'expired'
     WHERE item_id = wanted AND active AND expires_at <= now()
    RETURNING id INTO ended;
    IF ended IS NULL THEN
        RETURN false;
    END IF;
    UPDATE items SET status = 'available', version = version + 1, updated_at = now()
     WHERE id = wanted AND status = 'reserved';
    INSERT INTO item_events (item_id, at, who, kind, from_status, to_status, reason)
    VALUES (wanted, now(), left(who, 120), 'release', 'reserved', 'available', 'expired');
    RETURN true;
END $$"""


def upgrade() -> None:
    op.create_table(
        "applied_ops",
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("case_code", sa.String(40), nullable=False),
        sa.Column("login", sa.String(63), nullable=False, server_default=""),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("applied_at", WHEN, nullable=False, server_default=NOW),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_applied_ops")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE applied_ops ALTER COLUMN login SET DEFAULT current_user")
        op.execute(EXPIRE_FUNCTION)
        op.execute(f"REVOKE ALL ON FUNCTION {EXPIRE} FROM PUBLIC")
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("case_code", sa.String(40), nullable=False),
        sa.Column("item_code", sa.String(12), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_sync_outbox_op_id")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("case_code", sa.String(40), nullable=False),
        sa.Column("item_code", sa.String(12), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("settled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_sync_conflicts")),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {EXPIRE}")
    for table in ("sync_state", "sync_conflicts", "sync_outbox", "applied_ops"):
        op.drop_table(table)
