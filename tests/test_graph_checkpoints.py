"""A LangGraph graph's checkpoints are ours (migration 0014, server/langgraph/saver.py):
each graph step is one checkpoint of ours carrying the graph's own; a copy, a rollback and
a prune of the thread take the graph's checkpoints with it; LangGraph's own tables are not
used. Through the real langgraph-sdk, and the tables read directly."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from langgraph_sdk import get_client

from ap_server.langgraph.serde import ExactSerializer

from .conftest import ServerProcess, create_database, drop_database, spawn_server
from .helpers import eventually

AGENTS = "tests.langgraph_graphs:hitl_graph,tests.langgraph_graphs:slow_graph"


@pytest.fixture(scope="module")
async def served(postgres_url: str) -> AsyncIterator[tuple[ServerProcess, str]]:
    url = await create_database(postgres_url)
    try:
        async with await spawn_server(url, AP_AGENTS=AGENTS) as server:
            yield server, url
    finally:
        await drop_database(postgres_url, url)


@pytest.fixture
def client(served: tuple[ServerProcess, str]) -> Any:
    return get_client(url=f"{served[0].base_url}/langgraph", timeout=30)


async def fetch(url: str, query: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(url)
    try:
        return list(await conn.fetch(query, *args))
    finally:
        await conn.close()


def decoded(kind: str, data: bytes) -> dict[str, Any]:
    return ExactSerializer().loads_typed((kind, data))  # type: ignore[no-any-return]


async def test_each_graph_step_is_one_checkpoint_of_ours(client, served) -> None:
    _, url = served
    thread_id = (await client.threads.create())["thread_id"]
    done = await client.runs.wait(thread_id, "slow_graph", input={"limit": 3})
    assert done["ticks"] == 3
    [run] = await client.runs.list(thread_id)
    ours = await fetch(
        url,
        "SELECT metadata, graph_id, graph_type, graph FROM checkpoints"
        " WHERE thread_id = $1 ORDER BY seq",
        uuid.UUID(thread_id),
    )
    others = await fetch(
        url,
        "SELECT checkpoint_ns, checkpoint_id, type, checkpoint FROM graph_checkpoints"
        " WHERE thread_id = $1",
        uuid.UUID(thread_id),
    )
    # Every step of ours carries the graph's checkpoint of that step (the one its metadata
    # names), and its state is the graph's.
    assert len(ours) == 4  # the input applied, then three ticks
    for row in ours:
        assert row["graph_id"] == json.loads(row["metadata"])["langgraph_checkpoint_id"]
        graph = decoded(row["graph_type"], row["graph"])
        assert graph["checkpoint"]["id"] == row["graph_id"]
        assert graph["metadata"]["ap_run_id"] == run["run_id"]
    last = decoded(ours[-1]["graph_type"], ours[-1]["graph"])
    assert last["checkpoint"]["channel_values"]["ticks"] == 3
    # The only other one is the graph's checkpoint before its input is applied (no step of
    # ours): no graph checkpoint is written twice.
    assert [decoded(r["type"], r["checkpoint"])["metadata"]["source"] for r in others] == ["input"]
    ids = [r["graph_id"] for r in ours] + [r["checkpoint_id"] for r in others]
    assert len(set(ids)) == len(ids)
    schemas = await fetch(
        url, "SELECT 1 FROM information_schema.schemata WHERE schema_name = 'langgraph'"
    )
    assert schemas == []  # LangGraph's own saver made no tables


async def test_a_copy_of_an_interrupted_graph_thread_resumes_on_its_own(client) -> None:
    thread_id = (await client.threads.create())["thread_id"]
    asked = await client.runs.wait(thread_id, "hitl_graph", input={"question": "ok?"})
    assert asked["__interrupt__"][0]["value"] == {"question": "ok?"}
    copy_id = (await client.threads.copy(thread_id))["thread_id"]
    copied = await client.runs.wait(copy_id, "hitl_graph", command={"resume": "copy"})
    assert copied["answer"] == "copy" and copied["steps"] == ["ask", "finish"]
    # the original is still asking, and goes on with its own answer
    assert (await client.threads.get(thread_id))["status"] == "interrupted"
    original = await client.runs.wait(thread_id, "hitl_graph", command={"resume": "original"})
    assert original["answer"] == "original" and original["steps"] == ["ask", "finish"]


async def test_a_rollback_erases_the_graphs_checkpoints_and_writes_of_the_run(
    client, served
) -> None:
    _, url = served
    thread_id = (await client.threads.create())["thread_id"]
    first = await client.runs.create(
        thread_id, "slow_graph", input={"limit": 500}, config={"recursion_limit": 2000}
    )

    async def ticked() -> bool:
        values = (await client.threads.get_state(thread_id))["values"]
        return bool(values.get("ticks", 0) >= 2)

    await eventually(ticked, "the first run to take two steps")
    second = await client.runs.create(
        thread_id, "slow_graph", input={"limit": 2}, multitask_strategy="rollback"
    )
    await client.runs.join(thread_id, second["run_id"])
    state = await client.threads.get_state(thread_id)
    assert state["values"]["ticks"] == 2 and state["values"]["steps"] == ["tick", "tick"]
    erased = uuid.UUID(first["run_id"])
    for table in ("checkpoints", "graph_checkpoints", "graph_writes"):
        left = await fetch(url, f"SELECT 1 FROM {table} WHERE run_id = $1", erased)
        assert left == [], table
    # the graph goes on from the second run's state, not the erased one's
    more = await client.runs.wait(thread_id, "slow_graph", input={"limit": 3})
    assert more["ticks"] == 3 and more["steps"] == ["tick"] * 3


async def test_a_pruned_interrupted_graph_thread_still_resumes(client) -> None:
    thread_id = (await client.threads.create())["thread_id"]
    await client.runs.wait(thread_id, "hitl_graph", input={"question": "kept?"})
    assert await client.threads.prune([thread_id], strategy="keep_latest") == {"pruned_count": 1}
    done = await client.runs.wait(thread_id, "hitl_graph", command={"resume": "yes"})
    assert done["answer"] == "yes" and done["steps"] == ["ask", "finish"]


async def test_an_upgrade_keeps_a_question_the_old_saver_holds(postgres_url: str) -> None:
    """A thread whose graph stopped to ask under a version before migration 0014, when the
    graph's checkpoints were LangGraph's saver's (schema `langgraph`): after the upgrade its
    resume goes on from the graph's question (the checkpoints and writes were copied)."""
    from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
    from psycopg.rows import dict_row
    from psycopg_pool import AsyncConnectionPool

    from ap_server.database import Database
    from ap_server.settings import Settings
    from tests.langgraph_graphs import hitl_graph

    url = await create_database(postgres_url)
    try:
        database = await Database.open(Settings(database_url=url))
        try:
            await database.migrate()
            await database.downgrade("0013")
        finally:
            await database.close()
        # The old server's writes: the graph's checkpoints through LangGraph's saver, in its
        # own schema, and the thread's interrupt and our checkpoint naming the graph's.
        conn = await asyncpg.connect(url)
        try:
            await conn.execute("CREATE SCHEMA langgraph")
        finally:
            await conn.close()
        thread_id = uuid.uuid4()
        config = {"configurable": {"thread_id": str(thread_id)}}
        async with AsyncConnectionPool(
            url,
            open=False,
            kwargs={
                "autocommit": True,
                "prepare_threshold": 0,
                "row_factory": dict_row,
                "options": "-c search_path=langgraph",
            },
        ) as pool:
            saver = AsyncPostgresSaver(pool, serde=ExactSerializer())
            await saver.setup()
            graph = hitl_graph.copy(update={"checkpointer": saver})
            async for _ in graph.astream({"question": "old?"}, config):
                pass
            snapshot = await graph.aget_state(config)
        [asked] = snapshot.interrupts
        values = dict(snapshot.values)
        interrupts = [{"id": asked.id, "value": asked.value}]
        ours = uuid.uuid4()
        conn = await asyncpg.connect(url)
        try:
            await conn.execute(
                "INSERT INTO threads (thread_id, owner, status, values, interrupts,"
                " head_checkpoint_id) VALUES ($1, '', 'interrupted', $2, $3, $4)",
                thread_id,
                json.dumps(values),
                json.dumps(interrupts),
                ours,
            )
            metadata = {
                "source": "interrupt",
                "step": 1,
                "langgraph_checkpoint_id": snapshot.config["configurable"]["checkpoint_id"],
                "next": ["ask"],
            }
            await conn.execute(
                "INSERT INTO checkpoints (thread_id, checkpoint_id, values, metadata,"
                " interrupts) VALUES ($1, $2, $3, $4, $5)",
                thread_id,
                ours,
                json.dumps(values),
                json.dumps(metadata),
                json.dumps(interrupts),
            )
        finally:
            await conn.close()
        # The upgrade (the server migrates at start), then the resume through the SDK.
        async with await spawn_server(url, AP_AGENTS=AGENTS) as server:
            client = get_client(url=f"{server.base_url}/langgraph", timeout=30)
            done = await client.runs.wait(str(thread_id), "hitl_graph", command={"resume": "kept"})
            assert done["answer"] == "kept" and done["steps"] == ["ask", "finish"], done
            assert done["question"] == "old?"
    finally:
        await drop_database(postgres_url, url)


async def test_the_graphs_of_a_process_share_one_checkpoint_pool(empty_database_url) -> None:
    """However many graphs a server serves, their checkpoints go through one pool (of
    GRAPH_POOL connections, one open while idle): it opens with the first graph and
    closes with the last."""
    from ap_server.database import APPLICATION_NAME, named_dsn
    from ap_server.langgraph.graph import as_agent

    from .langgraph_graphs import hitl_graph, slow_graph

    async def ours() -> int:
        [count] = await fetch(
            empty_database_url,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND application_name = $1",
            APPLICATION_NAME,
        )
        return int(count[0])

    one, two = as_agent("one", hitl_graph), as_agent("two", slow_graph)
    assert one and two and one.start and two.start and one.stop and two.stop
    dsn = named_dsn(empty_database_url)
    await one.start(dsn)
    await two.start(dsn)
    assert await ours() == 1
    await one.stop()
    assert await ours() == 1  # `two` still uses it
    await two.stop()
    await eventually(lambda: _zero(ours), "the pool closed with the last graph")


async def _zero(count: Any) -> bool:
    return await count() == 0  # type: ignore[no-any-return]
