"""Alembic's environment: migrations run on the connection hjem hands over (hjem.db.migrate)."""

from alembic import context

# Every table, for the metadata the migrations are compared against.
import hjem.budget.models
import hjem.cases.models
import hjem.db.audit
import hjem.db.settings
import hjem.inventory.models
import hjem.sync.models  # noqa: F401
from hjem.db.base import Base

target_metadata = Base.metadata
connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=context.config.attributes.get("batch", connection.dialect.name == "sqlite"),
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
