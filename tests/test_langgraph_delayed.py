"""LangGraph's `after_seconds` through the real `langgraph-sdk`: a delayed run waits in the
durable run queue (`pending`, readable, joinable, cancellable) until its time, under the
thread's multitask rules, and survives its server's death; and the GET form of a thread's
history."""

from __future__ import annotations

import asyncio
import signal
from datetime import datetime, timedelta

import asyncpg
import httpx
import pytest
from langgraph_sdk import get_client
from langgraph_sdk.errors import ConflictError, UnprocessableEntityError

from .conftest import ServerProcess, create_database, drop_database, plain_url, spawn_server
from .helpers import eventually
from .lg_fixtures import client_fixture, lg_server_on  # noqa: F401

GRAPHS = "tests.langgraph_graphs"
AGENTS = ",".join(f"{GRAPHS}:{n}" for n in ("hitl_graph", "slow_graph"))

lg_server = lg_server_on(AGENTS)


async def started_late_enough(server: ServerProcess, run_id: str, after: float) -> None:
    """The run (read through the native API, which shows when it started) did not start
    before its time."""
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        run = (await http.get(f"/runs/{run_id}")).json()
    created = datetime.fromisoformat(run["created_at"])
    started = datetime.fromisoformat(run["started_at"])
    assert started >= created + timedelta(seconds=after) - timedelta(milliseconds=10), run


async def test_a_delayed_run_starts_when_it_is_due(client, lg_server):
    thread_id = (await client.threads.create())["thread_id"]
    run = await client.runs.create(
        thread_id, "slow_graph", input={"limit": 1}, after_seconds=1.5, multitask_strategy="reject"
    )
    assert run["status"] == "pending"
    assert await client.runs.join(thread_id, run["run_id"]) == {
        "limit": 1,
        "steps": ["tick"],
        "ticks": 1,
    }
    assert (await client.runs.get(thread_id, run["run_id"]))["status"] == "success"
    await started_late_enough(lg_server, run["run_id"], 1.5)


async def test_while_it_waits_it_is_pending_readable_and_cancellable(client):
    thread_id = (await client.threads.create())["thread_id"]
    delayed = await client.runs.create(
        thread_id, "slow_graph", input={"limit": 1}, after_seconds=3600, multitask_strategy="reject"
    )
    assert (await client.runs.get(thread_id, delayed["run_id"]))["status"] == "pending"
    assert (await client.threads.get(thread_id))["status"] == "busy"  # as on LangGraph's
    assert [r["run_id"] for r in await client.runs.list(thread_id, status="pending")] == [
        delayed["run_id"]
    ]
    # It is an active run: `reject` refuses another run on its thread.
    with pytest.raises(ConflictError):
        await client.runs.create(thread_id, "slow_graph", input={"limit": 1})
    # A run queued behind it is not held back by it (it waits for its time, not theirs).
    queued = await client.runs.create(
        thread_id, "slow_graph", input={"limit": 1}, multitask_strategy="enqueue"
    )
    assert (await client.runs.join(thread_id, queued["run_id"]))["ticks"] == 1
    assert (await client.runs.get(thread_id, delayed["run_id"]))["status"] == "pending"
    # Joined meanwhile, then cancelled: the join returns, the run ends interrupted.
    joined = asyncio.ensure_future(client.runs.join(thread_id, delayed["run_id"]))
    await client.runs.cancel(thread_id, delayed["run_id"])
    await asyncio.wait_for(joined, 30)
    assert (await client.runs.get(thread_id, delayed["run_id"]))["status"] == "interrupted"
    await eventually(lambda: _status_is(client, thread_id, "idle"))


async def _status_is(client, thread_id: str, status: str) -> bool:
    return (await client.threads.get(thread_id))["status"] == status


async def test_a_delayed_interrupting_run_stops_the_running_one_at_once(client):
    thread_id = (await client.threads.create())["thread_id"]
    running = await client.runs.create(thread_id, "slow_graph", input={"limit": 500})
    delayed = await client.runs.create(
        thread_id, "slow_graph", input={"limit": 1}, after_seconds=1, multitask_strategy="interrupt"
    )
    await client.runs.join(thread_id, running["run_id"])
    assert (await client.runs.get(thread_id, running["run_id"]))["status"] == "interrupted"
    assert (await client.runs.join(thread_id, delayed["run_id"]))["ticks"] == 1


async def test_stateless_wait_and_batch_take_after_seconds(client, lg_server):
    output = await client.runs.wait(None, "slow_graph", input={"limit": 2}, after_seconds=1)
    assert output["ticks"] == 2
    [batched] = await client.runs.create_batch(
        [{"assistant_id": "slow_graph", "input": {"limit": 1}, "after_seconds": 1}]
    )
    assert batched["status"] == "pending"
    assert (await client.runs.join(batched["thread_id"], batched["run_id"]))["ticks"] == 1
    await started_late_enough(lg_server, batched["run_id"], 1)
    for bad in (-1, "soon", 10**9):
        with pytest.raises(UnprocessableEntityError):
            await client.runs.create(None, "slow_graph", input={}, after_seconds=bad)


async def test_delayed_runs_survive_a_servers_death_and_run_once_among_several(postgres_url):
    """One created on a server that is killed before it is due; more created once two
    other servers run on the same database, which both wake when those are due and race
    to claim them: each runs, once."""
    url = await create_database(postgres_url)
    try:
        async with await spawn_server(url, AP_AGENTS=AGENTS) as first:
            client = get_client(url=f"{first.base_url}/langgraph", timeout=30)
            thread_id = (await client.threads.create())["thread_id"]
            runs = [
                await client.runs.create(
                    thread_id, "slow_graph", input={"limit": 1}, after_seconds=2
                )
            ]
            first.process.send_signal(signal.SIGKILL)
            first.process.wait()
        async with (
            await spawn_server(url, AP_AGENTS=AGENTS) as second,
            await spawn_server(url, AP_AGENTS=AGENTS) as third,
        ):
            clients = [
                get_client(url=f"{s.base_url}/langgraph", timeout=30) for s in (second, third)
            ]
            for _ in range(6):
                runs.append(
                    await clients[0].runs.create(
                        None,
                        "slow_graph",
                        input={"limit": 1},
                        after_seconds=1.5,
                        on_completion="keep",
                    )
                )
            outputs = await asyncio.gather(
                *(clients[n % 2].runs.join(r["thread_id"], r["run_id"]) for n, r in enumerate(runs))
            )
            assert [o["ticks"] for o in outputs] == [1] * len(runs)
        conn = await asyncpg.connect(plain_url(url))
        try:
            rows = await conn.fetch(
                "SELECT status, attempt FROM runs WHERE run_id = ANY($1::uuid[])",
                [r["run_id"] for r in runs],
            )
        finally:
            await conn.close()
        assert sorted((row["status"], row["attempt"]) for row in rows) == [("success", 1)] * len(
            runs
        )
    finally:
        await drop_database(postgres_url, url)


async def test_get_history_as_langgraphs_server_serves_it(client, lg_server):
    thread_id = (await client.threads.create())["thread_id"]
    for n in (1, 2):
        await client.runs.wait(thread_id, "slow_graph", input={"limit": n})
    posted = await client.threads.get_history(thread_id, limit=10)
    async with httpx.AsyncClient(base_url=f"{lg_server.base_url}/langgraph") as http:
        path = f"/threads/{thread_id}/history"
        assert (await http.get(path, params={"limit": 10})).json() == posted
        assert (await http.get(path)).json() == posted[:1]  # one by default, as there
        before = posted[1]["checkpoint"]["checkpoint_id"]
        older = await http.get(path, params={"limit": 10, "before": before})
        assert older.json() == posted[2:]
        assert (await http.get(path, params={"limit": "x"})).status_code == 422
        missing = await http.get("/threads/00000000-0000-0000-0000-000000000000/history")
        assert missing.status_code == 404
