"""The shared inventory: categories (seeded in Danish), locations, donors, items, photos,
history and reservations.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 03:43:19.521488
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The categories the programme uses, in Danish; a migration keeps its own copy of the data it
# seeds, so later changes to the code cannot change what this revision did.
CATEGORIES = [
    ("seng", "Seng"),
    ("madras", "Madras"),
    ("sofa", "Sofa"),
    ("laenestol", "Lænestol"),
    ("spisebord", "Spisebord"),
    ("stol", "Stol"),
    ("skrivebord", "Skrivebord"),
    ("kommode", "Kommode"),
    ("klaedeskab", "Klædeskab"),
    ("reol", "Reol"),
    ("sofabord", "Sofabord"),
    ("taeppe", "Tæppe"),
    ("lampe", "Lampe"),
    ("koeleskab", "Køleskab"),
    ("vaskemaskine", "Vaskemaskine"),
    ("koekkenudstyr", "Køkkenudstyr"),
    ("barneseng", "Barneseng"),
    ("boernemoebel", "Børnemøbel"),
    ("legetoej", "Legetøj"),
    ("tekstiler", "Tekstiler"),
    ("andet", "Andet"),
]


def upgrade() -> None:
    categories = op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
        sa.UniqueConstraint("slug", name=op.f("uq_categories_slug")),
    )
    op.bulk_insert(
        categories,
        [{"slug": slug, "name": name, "position": i} for i, (slug, name) in enumerate(CATEGORIES)],
    )
    op.create_table(
        "donors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("contact", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_donors")),
    )
    op.create_table(
        "locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["locations.id"],
            name=op.f("fk_locations_parent_id_locations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locations")),
        sa.UniqueConstraint("parent_id", "name", name=op.f("uq_locations_parent_id_name")),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("width", sa.Float(), nullable=False),
        sa.Column("depth", sa.Float(), nullable=False),
        sa.Column("height", sa.Float(), nullable=False),
        sa.Column("long_side", sa.Float(), nullable=False),
        sa.Column("short_side", sa.Float(), nullable=False),
        sa.Column("colour", sa.String(length=120), nullable=False),
        sa.Column("condition", sa.String(length=20), nullable=False),
        sa.Column("whole", sa.Boolean(), nullable=False),
        sa.Column("clean", sa.Boolean(), nullable=False),
        sa.Column("smoke_free", sa.Boolean(), nullable=False),
        sa.Column("pet_free", sa.Boolean(), nullable=False),
        sa.Column("no_pests", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("value_ore", sa.BigInteger(), nullable=False),
        sa.Column("donor_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["categories.id"],
            name=op.f("fk_items_category_id_categories"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["donor_id"], ["donors.id"], name=op.f("fk_items_donor_id_donors"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_items_location_id_locations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sa.UniqueConstraint("code", name=op.f("uq_items_code")),
    )
    op.create_index(
        "ix_items_category_fit",
        "items",
        ["category_id", "status", "long_side", "short_side"],
        unique=False,
    )
    op.create_index("ix_items_fit", "items", ["status", "long_side", "short_side"], unique=False)
    op.create_index("ix_items_received", "items", ["received_on"], unique=False)
    op.create_table(
        "item_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_item_events_item_id_items"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_events")),
    )
    op.create_index(op.f("ix_item_events_item_id"), "item_events", ["item_id"], unique=False)
    op.create_table(
        "photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("display", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_photos_item_id_items"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
    )
    op.create_index(op.f("ix_photos_item_id"), "photos", ["item_id"], unique=False)
    op.create_table(
        "reservations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("case_code", sa.String(length=40), nullable=False),
        sa.Column("reserved_by", sa.String(length=120), nullable=False),
        sa.Column("reserved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["items.id"],
            name=op.f("fk_reservations_item_id_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reservations")),
    )
    op.create_index("ix_reservations_case", "reservations", ["case_code", "active"], unique=False)
    op.create_index(
        "uq_reservations_one_active_per_item",
        "reservations",
        ["item_id"],
        unique=True,
        sqlite_where=sa.text("active"),
        postgresql_where=sa.text("active"),
    )


def downgrade() -> None:
    op.drop_index(
        "uq_reservations_one_active_per_item",
        table_name="reservations",
        sqlite_where=sa.text("active"),
        postgresql_where=sa.text("active"),
    )
    op.drop_index("ix_reservations_case", table_name="reservations")
    op.drop_table("reservations")
    op.drop_index(op.f("ix_photos_item_id"), table_name="photos")
    op.drop_table("photos")
    op.drop_index(op.f("ix_item_events_item_id"), table_name="item_events")
    op.drop_table("item_events")
    op.drop_index("ix_items_received", table_name="items")
    op.drop_index("ix_items_fit", table_name="items")
    op.drop_index("ix_items_category_fit", table_name="items")
    op.drop_table("items")
    op.drop_table("locations")
    op.drop_table("donors")
    op.drop_table("categories")
