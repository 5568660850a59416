"""A run retried after its process died goes on from its last checkpoint: a native agent
starts again with the thread's values as of then and `ctx.attempt` 2; a LangGraph graph
goes on from its own last checkpoint instead of from START. Its stream shows each step
once: what the first attempt wrote, then what the retry wrote."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any

import asyncpg
import httpx

AGENTS = "tests.agents_for_tests:resumable,tests.langgraph_graphs:slow_graph"
FAST_RECOVERY = {"AP_AGENTS": AGENTS, "AP_LEASE_SECONDS": "1"}


async def until(predicate, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := await predicate():
            return result
        await asyncio.sleep(0.05)
    raise AssertionError("condition not met in time")


async def killed_mid_run(start_server, database_url: str, create, progressed) -> tuple[str, str]:
    """Start a run on a server, kill -9 it once `progressed(values)`, start another server
    (which recovers the run); returns (the new server's URL, the run id)."""
    first = await start_server(database_url, **FAST_RECOVERY)
    async with httpx.AsyncClient(base_url=first.base_url, timeout=30) as http:
        thread_id, run_id = await create(http)

        async def far_enough() -> bool:
            values = (await http.get(f"/threads/{thread_id}")).json()["values"]
            return progressed(values)

        await until(far_enough)
    first.process.kill()
    first.process.wait()
    second = await start_server(database_url, **FAST_RECOVERY)
    return second.base_url, run_id


async def test_a_retried_native_run_goes_on_from_its_last_checkpoint(
    start_server, empty_database_url
) -> None:
    async def create(http: httpx.AsyncClient) -> tuple[str, str]:
        thread_id = (await http.post("/threads", json={})).json()["thread_id"]
        body = {
            "agent_id": "resumable",
            "thread_id": thread_id,
            "input": {"steps": 8, "delay": 0.3},
        }
        return thread_id, (await http.post("/runs", json=body)).json()["run_id"]

    base_url, run_id = await killed_mid_run(
        start_server, empty_database_url, create, lambda values: values.get("step", 0) >= 2
    )
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        done = (await http.get(f"/runs/{run_id}/wait")).json()
        assert done["run"]["status"] == "success", done
        values = done["values"]
        attempts = [values[f"attempt_{step}"] for step in range(1, 9)]
        assert attempts[0] == 1 and attempts[-1] == 2, attempts
        assert attempts == sorted(attempts)  # the first attempt's steps, then the retry's
        history = (await http.get(f"/threads/{done['run']['thread_id']}/history")).json()
        assert sorted(h["values"]["step"] for h in history) == list(range(1, 9))  # no step twice
        async with http.stream(
            "GET", f"/runs/{run_id}/stream", headers={"Last-Event-ID": "0"}
        ) as r:
            events = [
                json.loads(line[5:]) async for line in r.aiter_lines() if line.startswith("data:")
            ]
        steps = [e["step"] for e in events if isinstance(e, dict) and set(e) >= {"step"}]
        assert steps == list(range(1, 9)), steps


async def test_a_retried_graph_run_goes_on_from_the_graphs_checkpoint(
    start_server, empty_database_url
) -> None:
    async def create(http: httpx.AsyncClient) -> tuple[str, str]:
        thread_id = (await http.post("/langgraph/threads", json={})).json()["thread_id"]
        body = {"assistant_id": "slow_graph", "input": {"limit": 30}}
        run = (await http.post(f"/langgraph/threads/{thread_id}/runs", json=body)).json()
        return thread_id, run["run_id"]

    base_url, run_id = await killed_mid_run(
        start_server, empty_database_url, create, lambda values: values.get("ticks", 0) >= 5
    )
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        done = (await http.get(f"/runs/{run_id}/wait")).json()
        assert done["run"]["status"] == "success", done
        values = done["values"]
        assert values["ticks"] == 30
        assert values["steps"].count("tick") == 30, values["steps"]
        thread_id = done["run"]["thread_id"]
    # The graph was given its input once: a retry from START would have started it again
    # (and applied the input in a checkpoint of its own, with its own step of ours).
    conn = await asyncpg.connect(empty_database_url)
    try:
        sources = await conn.fetch(
            "SELECT metadata->>'source' AS source, graph IS NOT NULL AS graph FROM checkpoints"
            " WHERE thread_id = $1 ORDER BY seq",
            uuid.UUID(thread_id),
        )
    finally:
        await conn.close()
    assert [r["source"] for r in sources].count("input") == 1, sources
    assert all(r["graph"] for r in sources), sources  # each with the graph's own checkpoint
