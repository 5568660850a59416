"""SQLAlchemy Core descriptions of the tables, for building queries.

The schema itself is created by the alembic migrations in migrations/; these mirror it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

metadata = MetaData()

threads = Table(
    "threads",
    metadata,
    Column("thread_id", UUID(as_uuid=True), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("metadata", JSONB, nullable=False),
    Column("status", Text, nullable=False),
    Column("values", JSONB, nullable=False),
    Column("interrupts", JSONB, nullable=False),
    Column("head_checkpoint_id", UUID(as_uuid=True)),
    Column("expires_at", DateTime(timezone=True)),
    Column("owner", Text, nullable=False),
)

checkpoints = Table(
    "checkpoints",
    metadata,
    Column("thread_id", UUID(as_uuid=True), primary_key=True),
    Column("checkpoint_id", UUID(as_uuid=True), primary_key=True),
    Column("parent_checkpoint_id", UUID(as_uuid=True)),
    Column("seq", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("run_id", UUID(as_uuid=True)),
    Column("values", JSONB, nullable=False),
    Column("metadata", JSONB, nullable=False),
    Column("interrupts", JSONB, nullable=False),
    Column("graph_id", Text),
    Column("graph_type", Text),
    Column("graph", LargeBinary),
)

store_items = Table(
    "store_items",
    metadata,
    Column("owner", Text, primary_key=True),
    Column("namespace", ARRAY(Text), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("value", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("run_id", UUID(as_uuid=True), primary_key=True),
    Column("thread_id", UUID(as_uuid=True), nullable=False),
    Column("agent_id", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("ended_at", DateTime(timezone=True)),
    Column("metadata", JSONB, nullable=False),
    Column("config", JSONB, nullable=False),
    Column("input", JSONB(none_as_null=False)),
    Column("messages", JSONB),
    Column("resume", JSONB(none_as_null=False)),
    Column("stream_mode", ARRAY(Text), nullable=False),
    Column("webhook", Text),
    Column("multitask_strategy", Text, nullable=False),
    Column("on_completion", Text, nullable=False),
    Column("temporary", Boolean, nullable=False),
    Column("timeout_seconds", Float),
    Column("before_checkpoint_id", UUID(as_uuid=True)),
    Column("output", JSONB),
    Column("error", JSONB),
    Column("stop_reason", Text),
    Column("stop_action", Text),
    Column("stop_requested_at", DateTime(timezone=True)),
    Column("stop_deadline", DateTime(timezone=True)),
    Column("worker_id", Text),
    Column("lease_expires_at", DateTime(timezone=True)),
    Column("attempt", Integer, nullable=False),
    Column("owner", Text, nullable=False),
    Column("not_before", DateTime(timezone=True)),
)

run_events = Table(
    "run_events",
    metadata,
    Column("run_id", UUID(as_uuid=True), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("event", Text, nullable=False),
    Column("data", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


def _assistant_fields() -> list[Column[Any]]:
    return [
        Column("graph_id", Text, nullable=False),
        Column("name", Text, nullable=False),
        Column("description", Text),
        Column("config", JSONB, nullable=False),
        Column("context", JSONB, nullable=False),
        Column("metadata", JSONB, nullable=False),
        Column("version", Integer, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
    ]


assistants = Table(
    "assistants",
    metadata,
    Column("assistant_id", UUID(as_uuid=True), primary_key=True),
    *_assistant_fields(),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("owner", Text, nullable=False),
    Column("shared", Boolean, nullable=False),
)

assistant_versions = Table(
    "assistant_versions",
    metadata,
    Column("assistant_id", UUID(as_uuid=True), primary_key=True),
    *_assistant_fields(),
)

crons = Table(
    "crons",
    metadata,
    Column("cron_id", UUID(as_uuid=True), primary_key=True),
    Column("assistant_id", UUID(as_uuid=True), nullable=False),
    Column("thread_id", UUID(as_uuid=True)),
    Column("schedule", Text, nullable=False),
    Column("timezone", Text),
    Column("end_time", DateTime(timezone=True)),
    Column("enabled", Boolean, nullable=False),
    Column("on_run_completed", Text),
    Column("payload", JSONB, nullable=False),
    Column("metadata", JSONB, nullable=False),
    Column("next_run_date", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("owner", Text, nullable=False),
)
