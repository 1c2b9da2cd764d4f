"""Grant schemes get versions (a scheme that approved budgets were approved under is not
rewritten: a change makes a new version and the old one is kept, superseded), a state
(active, superseded, retired) and whether their limits cover in-kind support too. The name is
unique among the schemes that are not superseded (a partial unique index) instead of among all.

SQLite cannot drop a unique constraint without rebuilding the table, and with foreign keys on
(as hjem opens every connection) dropping the old table would fire the children's ON DELETE
actions: the limits would be deleted and the cases' and lines' scheme set to NULL. So on
SQLite the references are noted before the rebuild and put back after it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 22:00:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CURRENT_NAME = "state <> 'superseded'"
REFERENCES = ("cases", "budget_lines")  # tables whose scheme_id points at grant_schemes


def upgrade() -> None:
    saved = _note_references()
    with op.batch_alter_table("grant_schemes") as batch:
        batch.drop_constraint("uq_grant_schemes_name", type_="unique")
        batch.add_column(
            sa.Column(
                "limits_include_in_kind", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
        batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        batch.add_column(sa.Column("replaces_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("state", sa.String(length=20), server_default="active", nullable=False)
        )
        batch.create_foreign_key(
            "fk_grant_schemes_replaces_id_grant_schemes",
            "grant_schemes",
            ["replaces_id"],
            ["id"],
            ondelete="SET NULL",
        )
    _put_back(saved)
    _current_name_index()


def _current_name_index() -> None:
    op.create_index(
        "uq_grant_schemes_current_name",
        "grant_schemes",
        ["name"],
        unique=True,
        sqlite_where=sa.text(CURRENT_NAME),
        postgresql_where=sa.text(CURRENT_NAME),
    )


def _note_references() -> dict[str, list[tuple[Any, ...]]]:
    """What the SQLite rebuild would lose: every limit, every case's and line's scheme."""
    if op.get_bind().dialect.name != "sqlite":
        return {}
    bind = op.get_bind()
    saved = {
        table: [
            tuple(row)
            for row in bind.execute(
                sa.text(f"SELECT id, scheme_id FROM {table} WHERE scheme_id IS NOT NULL")
            )
        ]
        for table in REFERENCES
    }
    limits = bind.execute(sa.text("SELECT id, scheme_id, category, limit_ore FROM scheme_limits"))
    saved["scheme_limits"] = [tuple(row) for row in limits]
    return saved


def _put_back(saved: dict[str, list[tuple[Any, ...]]]) -> None:
    if not saved:
        return
    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM scheme_limits"))  # whatever the cascade left
    for row in saved["scheme_limits"]:
        bind.execute(
            sa.text(
                "INSERT INTO scheme_limits (id, scheme_id, category, limit_ore)"
                " VALUES (:id, :scheme, :category, :limit)"
            ),
            {"id": row[0], "scheme": row[1], "category": row[2], "limit": row[3]},
        )
    for table in REFERENCES:
        for row_id, scheme_id in saved[table]:
            bind.execute(
                sa.text(f"UPDATE {table} SET scheme_id = :scheme WHERE id = :id"),
                {"scheme": scheme_id, "id": row_id},
            )


def downgrade() -> None:
    op.drop_index("uq_grant_schemes_current_name", table_name="grant_schemes")
    op.execute("DELETE FROM grant_schemes WHERE state = 'superseded'")  # names must be unique
    saved = _note_references()
    with op.batch_alter_table("grant_schemes") as batch:
        batch.drop_constraint("fk_grant_schemes_replaces_id_grant_schemes", type_="foreignkey")
        batch.drop_column("state")
        batch.drop_column("replaces_id")
        batch.drop_column("version")
        batch.drop_column("limits_include_in_kind")
        batch.create_unique_constraint("uq_grant_schemes_name", ["name"])
    _put_back(saved)
