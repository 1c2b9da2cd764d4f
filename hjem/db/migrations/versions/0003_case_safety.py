"""Case safety: a reservation names a case that exists (a foreign key from reservations to
cases), and the workspace's own settings (the pattern of case numbers).

A workspace may hold reservations for case codes that have no case (they were typed by hand
before this version). Nothing is lost: each such code gets a minimal case, active, whose alias
says it was made by the upgrade, so a volunteer can find it and fill it in.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 22:00:00
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK_NAME = "fk_reservations_case_code_cases"
ONE_ACTIVE = "uq_reservations_one_active_per_item"
# What a case made for orphaned reservations is called (a migration keeps its own words).
ORPHAN_ALIAS = "Oprettet ved opgradering: havde kun reservationer"


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    _cases_for_orphaned_reservations()
    # SQLite rebuilds the table to add the key; its partial index is made again by hand, as
    # the rebuild would not keep the index's WHERE.
    op.drop_index(ONE_ACTIVE, table_name="reservations")
    with op.batch_alter_table("reservations", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f(FK_NAME), "cases", ["case_code"], ["code"], onupdate="CASCADE"
        )
    _one_active_reservation_per_item()


def _cases_for_orphaned_reservations() -> None:
    connection = op.get_bind()
    orphans = connection.execute(
        sa.text(
            "SELECT DISTINCT case_code FROM reservations"
            " WHERE case_code NOT IN (SELECT code FROM cases) ORDER BY case_code"
        )
    ).scalars()
    now = dt.datetime.now(dt.UTC)
    cases = sa.table(
        "cases",
        *(
            sa.column(name, kind)
            for name, kind in (
                ("code", sa.String),
                ("alias", sa.String),
                ("municipality", sa.String),
                ("architect", sa.String),
                ("adults", sa.Integer),
                ("status", sa.String),
                ("address", sa.Text),
                ("created_at", sa.DateTime(timezone=True)),
                ("updated_at", sa.DateTime(timezone=True)),
                ("version", sa.Integer),
            )
        ),
    )
    rows = [
        {
            "code": code,
            "alias": ORPHAN_ALIAS,
            "municipality": "",
            "architect": "",
            "adults": 0,
            "status": "active",
            "address": "",
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        for code in orphans
    ]
    if rows:
        op.bulk_insert(cases, rows)


def _one_active_reservation_per_item() -> None:
    op.create_index(
        ONE_ACTIVE,
        "reservations",
        ["item_id"],
        unique=True,
        sqlite_where=sa.text("active"),
        postgresql_where=sa.text("active"),
    )


def downgrade() -> None:
    op.drop_index(ONE_ACTIVE, table_name="reservations")
    with op.batch_alter_table("reservations", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f(FK_NAME), type_="foreignkey")
    _one_active_reservation_per_item()
    op.drop_table("settings")
