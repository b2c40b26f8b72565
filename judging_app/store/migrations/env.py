"""Alembic environment: run by judging_app.store.database with a live connection."""

from __future__ import annotations

from alembic import context

from judging_app.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the app's own runner is supported
    raise RuntimeError("run migrations through judging_app.store.database.open_database")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
