"""The database layer on real Postgres: URLs, migrations, the migration lock, embedded sharing."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from ap_server.database import Database, asyncpg_url, head_revision
from ap_server.settings import Settings

TABLES = {
    "threads",
    "checkpoints",
    "store_items",
    "runs",
    "run_events",
    "graph_checkpoints",
    "graph_writes",
}


async def tables(database: Database) -> set[str]:
    async with database.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        )
        return set(rows.scalars()) & TABLES


async def ap_server(*args: str, env: dict[str, str]) -> tuple[int, str]:
    """Run `ap-server *args` with environment env; returns its status and output."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "ap_server.cli",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    assert process.returncode is not None
    return process.returncode, output.decode()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:pw@db.example:5433/ap",
        "postgres://u:pw@db.example:5433/ap",
        "postgresql+asyncpg://u:pw@db.example:5433/ap",
    ],
)
async def test_urls_are_normalised_to_asyncpg(url: str) -> None:
    assert asyncpg_url(url).render_as_string(hide_password=False) == (
        "postgresql+asyncpg://u:pw@db.example:5433/ap"
    )
    database = await Database.open(Settings(database_url=url))  # connects lazily
    try:
        assert database.url == "postgresql+asyncpg://u:pw@db.example:5433/ap"
        assert database.describe() == "postgresql://u@db.example:5433/ap"
        assert not database.embedded
    finally:
        await database.close()


def test_url_sslmode_and_other_schemes() -> None:
    assert dict(asyncpg_url("postgres://h/db?sslmode=require").query) == {"ssl": "require"}
    assert asyncpg_url("postgresql:///db?host=/run/pg").query["host"] == "/run/pg"
    with pytest.raises(ValueError, match="not a Postgres URL"):
        asyncpg_url("mysql://h/db")


async def test_migrations_upgrade_downgrade_upgrade(empty_database_url: str) -> None:
    database = await Database.open(Settings(database_url=empty_database_url))
    try:
        assert await database.revision() is None
        await database.migrate()
        assert await database.revision() == head_revision()
        assert await tables(database) == TABLES
        await database.downgrade()
        assert await database.revision() is None
        assert await tables(database) == set()
        await database.migrate()
        assert await tables(database) == TABLES
    finally:
        await database.close()


async def test_schema_defaults_and_constraints(empty_database_url: str) -> None:
    database = await Database.open(Settings(database_url=empty_database_url))
    try:
        await database.migrate()
        thread_id = uuid.uuid4()
        async with database.engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO threads (thread_id) VALUES (:t)"), {"t": thread_id}
            )
            for _ in range(2):
                await conn.execute(
                    text(
                        "INSERT INTO checkpoints (thread_id, checkpoint_id, values) VALUES (:t, :c, '{}')"
                    ),
                    {"t": thread_id, "c": uuid.uuid4()},
                )
            thread = (await conn.execute(text("SELECT * FROM threads"))).mappings().one()
            seqs = (await conn.execute(text("SELECT seq FROM checkpoints ORDER BY seq"))).scalars()
        assert (thread["status"], thread["metadata"], thread["values"], thread["interrupts"]) == (
            "idle",
            {},
            {},
            [],
        )
        assert thread["created_at"].tzinfo is not None
        assert list(seqs) == [1, 2]

        with pytest.raises(IntegrityError):
            async with database.engine.begin() as conn:
                await conn.execute(
                    text("UPDATE threads SET status = 'sleeping' WHERE thread_id = :t"),
                    {"t": thread_id},
                )
        async with database.engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO store_items (namespace, key, value) VALUES (:ns, 'k', :v)"),
                {"ns": ["a", "b"], "v": json.dumps({"x": 1})},
            )
            await conn.execute(text("DELETE FROM threads"))
            left = (await conn.execute(text("SELECT count(*) FROM checkpoints"))).scalar()
        assert left == 0  # ON DELETE CASCADE
    finally:
        await database.close()


async def test_concurrent_migrations_take_turns(empty_database_url: str) -> None:
    settings = Settings(database_url=empty_database_url, pool_size=1)
    databases = await asyncio.gather(*(Database.open(settings) for _ in range(4)))
    try:
        async with asyncio.timeout(60):
            await asyncio.gather(*(database.migrate() for database in databases))
        assert {await database.revision() for database in databases} == {head_revision()}
    finally:
        await asyncio.gather(*(database.close() for database in databases))


async def test_migrate_command(empty_database_url: str) -> None:
    # Two processes at once: the advisory lock makes the second wait, then find nothing to do.
    env = {**os.environ, "DATABASE_URL": empty_database_url}
    results = await asyncio.gather(*(ap_server("migrate", env=env) for _ in range(2)))
    for status, output in results:
        assert status == 0, output
        assert f"at revision {head_revision()}" in output
    database = await Database.open(Settings(database_url=empty_database_url))
    try:
        assert await tables(database) == TABLES
    finally:
        await database.close()


async def test_embedded_postgres_is_shared_and_stops_with_its_last_user(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "ap", pool_size=1)
    pgdata = tmp_path / "ap" / "pg"
    first = await Database.open(settings)
    assert first.embedded
    assert first.describe().startswith(f"embedded Postgres in {tmp_path / 'ap'}")
    assert await first.ping()

    # Another process joins the running server, migrates, and leaves it running for us.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["AP_DATA_DIR"] = str(settings.data_dir)
    status, output = await ap_server("migrate", env=env)
    assert status == 0, output
    assert "embedded Postgres" in output
    assert await first.ping()
    assert await first.revision() == head_revision()

    second = await Database.open(settings)
    await first.close()
    assert await second.ping()
    assert (pgdata / "postmaster.pid").exists()
    await second.close()
    assert not (pgdata / "postmaster.pid").exists()
