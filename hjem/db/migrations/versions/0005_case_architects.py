"""Case assignment: which architects (by their login on a team server) work on which case.

The table exists on SQLite too, harmless there, so the models and the migrations stay one
schema. Who may read it is decided on a team server by `hjem server init` (hjem.db.server),
not here: roles, grants and row policies are the server's, and SQLite has none.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_architects",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_architects_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", "login", name=op.f("pk_case_architects")),
    )
    # The row policies look a person's cases up by login.
    op.create_index("ix_case_architects_login", "case_architects", ["login", "case_id"])


def downgrade() -> None:
    op.drop_index("ix_case_architects_login", table_name="case_architects")
    op.drop_table("case_architects")
