"""Offline visits (issue 15): the server's record of applied operations, and the laptop's
outbox, conflicts and sync state (hjem.sync.models).

`applied_ops.login` defaults, on PostgreSQL, to `current_user`: the server records who pushed,
not the laptop. All four tables exist in every database, so a workspace has one schema
wherever it lives.

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


def upgrade() -> None:
    op.create_table(
        "applied_ops",
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("case_code", sa.String(40), nullable=False),
        sa.Column("login", sa.String(63), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("applied_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_applied_ops")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE applied_ops ALTER COLUMN login SET DEFAULT current_user")
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
    for table in ("sync_state", "sync_conflicts", "sync_outbox", "applied_ops"):
        op.drop_table(table)
