"""Alembic environment. open_store() passes its own connection in ``config.attributes``;
the URL branch is only for developers running the alembic CLI (autogenerate)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from hcc_desk.core.store.models import Base

config = context.config


def _run(connection: Connection) -> None:
    # Batch mode: SQLite can't ALTER most things, Alembic rebuilds the table instead.
    # transactional_ddl: Alembic assumes SQLite can't, and would commit after each revision;
    # it can (the engine emits BEGIN itself), so the whole upgrade is atomic and holds the
    # write lock, and a second process can't replay revisions planned before it waited.
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.db")
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()
