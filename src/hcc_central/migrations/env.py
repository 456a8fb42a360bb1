"""Alembic environment: always driven programmatically (hcc_central.migrate) with a connection."""

from alembic import context

from hcc_central.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite rebuilds tables to ALTER
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
