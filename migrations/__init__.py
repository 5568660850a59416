"""Alembic migrations of the ap-server schema; applied by `ap_server.database.Database.migrate()`."""
