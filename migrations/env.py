"""Alembic environment: runs on the connection that `Database.migrate()` passes in."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run migrations with `ap-server migrate` (or Database.migrate())")

context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
