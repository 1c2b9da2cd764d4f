"""The family's printout language per case (issue 20): `cases.print_lang`.

The case form remembers in which language the family reads their plan (da, en, ar, fa, tr, uk,
so, ti, pl), and the print dialog and `hjem handover` start from it. Every case made before
this migration prints in Danish, as it did.

Revision ID: 0010
Revises: 0009
Create Date: 2027-02-15 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "cases",
        sa.Column("print_lang", sa.String(5), nullable=False, server_default="da"),
    )


def downgrade() -> None:
    op.drop_column("cases", "print_lang")  # SQLite ≥ 3.35 drops in place: no table rebuild
