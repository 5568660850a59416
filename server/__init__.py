"""ap-server: a Postgres-backed Agent Protocol server."""

__version__ = "0.1.0"
