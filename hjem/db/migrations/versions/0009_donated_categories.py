"""Categories donors actually give (issue 18): bedside tables, sideboards, TV benches and bar
stools, which were logged as chests of drawers or "other" and so got a chest's 90 cm front rule.

Added only where missing, so a workspace where someone added one by hand keeps its row; they
come before "Andet", which stays last in the lists.

Revision ID: 0009
Revises: 0008
Create Date: 2027-02-01 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A migration keeps its own copy of the data it seeds (later code cannot change it).
CATEGORIES = [
    ("natbord", "Natbord"),
    ("skaenk", "Skænk"),
    ("tvbord", "TV-bord"),
    ("barstol", "Barstol"),
]
ADD = sa.text(  # at the end of the list, in this order
    "INSERT INTO categories (slug, name, position)"
    " SELECT CAST(:slug AS VARCHAR(40)), CAST(:name AS VARCHAR(80)),"
    " (SELECT COALESCE(MAX(position), -1) + 1 FROM categories)"
    " WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = CAST(:slug AS VARCHAR(40)))"
)


def upgrade() -> None:
    connection = op.get_bind()
    for slug, name in CATEGORIES:
        connection.execute(ADD, {"slug": slug, "name": name})
    # "Andet" after them: the last position there is, plus one
    connection.execute(
        sa.text(
            "UPDATE categories SET position = (SELECT MAX(position) + 1 FROM categories)"
            " WHERE slug = 'andet'"
        )
    )


def downgrade() -> None:
    slugs = [slug for slug, _ in CATEGORIES]
    op.get_bind().execute(
        sa.text("DELETE FROM categories WHERE slug IN :slugs").bindparams(
            sa.bindparam("slugs", expanding=True)
        ),
        {"slugs": slugs},
    )
