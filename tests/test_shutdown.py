"""Shutting down: SIGTERM drains (no new claims, a grace period, the rest handed over),
so a rolling restart of two processes loses no run; keep-alive comments on quiet streams."""

from __future__ import annotations

import asyncio

import httpx

from .helpers import eventually, new_thread, run_until, until_value

TERMINAL = {"success", "error", "timeout", "interrupted"}


async def test_a_rolling_restart_of_two_processes_loses_no_run(start_server, empty_database_url):
    env = {"AP_SHUTDOWN_GRACE": "0.3", "AP_LEASE_SECONDS": "2", "AP_WORKERS": "4"}
    first = await start_server(empty_database_url, **env)
    second = await start_server(empty_database_url, **env)
    async with httpx.AsyncClient(base_url=second.base_url, timeout=60) as http:
        run_ids, thread_ids = [], []
        for _ in range(6):
            thread_id = await new_thread(http)
            thread_ids.append(thread_id)
            body = {
                "agent_id": "slow",
                "thread_id": thread_id,
                "input": {"steps": 8, "delay": 0.25},
            }
            run_ids.append((await http.post("/runs", json=body)).json()["run_id"])
        await run_until(http, run_ids[0], {"running"})
        await until_value(http, thread_ids[0], "step", 1)

        assert await first.stop() == 0  # SIGTERM: its runs go back to the queue
        third = await start_server(empty_database_url, **env)
        assert await second.stop() == 0

    async with httpx.AsyncClient(base_url=third.base_url, timeout=60) as http:
        for run_id in run_ids:
            done = (await http.get(f"/runs/{run_id}/wait")).json()
            assert done["run"]["status"] == "success", done
            assert done["values"] == {"step": 8}
        attempts = {
            r["run_id"] for r in (await http.post("/runs/search", json={"limit": 100})).json()
        }
        assert attempts == set(run_ids)


async def test_a_drained_run_out_of_attempts_ends_with_stop_reason_shutdown(
    start_server, empty_database_url
):
    server = await start_server(empty_database_url, AP_SHUTDOWN_GRACE="0.2", AP_MAX_ATTEMPTS="1")
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        thread_id = await new_thread(http)
        body = {"agent_id": "slow", "thread_id": thread_id, "input": {"steps": 50, "delay": 0.2}}
        run_id = (await http.post("/runs", json=body)).json()["run_id"]
        await run_until(http, run_id, {"running"})
    assert await server.stop() == 0
    after = await start_server(empty_database_url)
    async with httpx.AsyncClient(base_url=after.base_url, timeout=30) as http:
        run = (await http.get(f"/runs/{run_id}")).json()
        assert run["status"] == "interrupted" and run["stop_reason"] == "shutdown"
        assert (await http.get(f"/threads/{thread_id}")).json()["status"] == "idle"


async def test_quiet_streams_get_heartbeat_comments(start_server, empty_database_url):
    server = await start_server(empty_database_url, AP_SSE_HEARTBEAT="0.1")
    body = {"agent_id": "slow", "input": {"steps": 1, "delay": 0.5}}
    async with (
        httpx.AsyncClient(base_url=server.base_url, timeout=30) as http,
        http.stream("POST", "/runs/stream", json=body) as response,
    ):
        lines = [line async for line in response.aiter_lines()]
    assert lines.count(": heartbeat") >= 2
    assert "event: end" in lines


async def test_open_streams_and_waits_end_cleanly_at_shutdown(start_server, empty_database_url):
    """SIGTERM ends an open stream (without `end`: the run goes on elsewhere; rejoin with
    Last-Event-ID) and answers an open wait 503 `shutting_down`, at once, and cancels no run
    (not even one whose client asked `on_disconnect=cancel`)."""
    env = {"AP_SHUTDOWN_GRACE": "0.2", "AP_SSE_HEARTBEAT": "0.2"}
    server = await start_server(empty_database_url, **env)
    slow = {"agent_id": "slow", "input": {"steps": 40, "delay": 0.1}}
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        thread_id = await new_thread(http)
        run_id = (await http.post("/runs", json={**slow, "thread_id": thread_id})).json()["run_id"]
        await run_until(http, run_id, {"running"})

        streaming = asyncio.Event()

        async def stream() -> list[str]:
            lines = []
            async with http.stream("GET", f"/runs/{run_id}/stream") as response:
                async for line in response.aiter_lines():
                    lines.append(line)
                    streaming.set()
            return lines

        async def in_flight() -> bool:
            """The stream has begun and the wait's run exists (its request arrived)."""
            runs = (await http.post("/runs/search", json={"limit": 10})).json()
            return streaming.is_set() and len(runs) == 2

        waits = [
            http.get(f"/runs/{run_id}/wait"),
            http.post("/runs/wait", json={**slow, "on_disconnect": "cancel"}),
        ]
        pending = [asyncio.ensure_future(c) for c in (stream(), *waits)]
        await eventually(in_flight, "the stream and the waits to be in flight")
        stopping = asyncio.ensure_future(server.stop(timeout=30))
        done, _ = await asyncio.wait(pending, timeout=30)  # a hang bound, not a speed
        assert len(done) == len(pending)
        lines, *answers = [task.result() for task in pending]
        assert "event: end" not in lines and any(line.startswith("id: ") for line in lines)
        for answer in answers:
            assert answer.status_code == 503, answer.text
            assert answer.json()["code"] == "shutting_down"
        assert await stopping == 0
    after = await start_server(empty_database_url)
    async with httpx.AsyncClient(base_url=after.base_url, timeout=30) as http:
        done = (await http.get(f"/runs/{run_id}/wait")).json()
        assert done["run"]["status"] == "success", done
        runs = (await http.post("/runs/search", json={"limit": 10})).json()
        assert len(runs) == 2
        for run in runs:
            done = (await http.get(f"/runs/{run['run_id']}/wait")).json()
            assert done["run"]["status"] == "success", done
