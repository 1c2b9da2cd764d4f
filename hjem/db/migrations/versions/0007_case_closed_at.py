"""When a case was closed (issue 14): `cases.closed_at`, for the retention of closed cases.

Set by hjem.cases.cases.set_status when a case becomes closed and cleared when it is reopened;
the start screen lists cases closed longer ago than the workspace's retention period for a
person to erase. Cases closed before this migration get the moment they were last changed
(`updated_at`): the closest the database knows, and never later than the real closing.

Revision ID: 0007
Revises: 0006
Create Date: 2027-01-11 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE cases SET closed_at = updated_at WHERE status = 'closed'")


def downgrade() -> None:
    op.drop_column("cases", "closed_at")  # SQLite ≥ 3.35 drops in place: no table rebuild
