"""GET /metrics of a real server, scraped before and after real runs: the counts move."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
import websockets

import ap_server

from .helpers import scrape, value
from .test_runs import new_thread, run_until
from .test_webhooks import hook_server  # noqa: F401  (the fixture: a real HTTP receiver)


@pytest.fixture
async def server(start_server, empty_database_url):
    return await start_server(empty_database_url, AP_WEBHOOK_ALLOW_PRIVATE="1")


async def test_counts_move_after_real_runs(server, hook_server) -> None:  # noqa: F811
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        before = await scrape(http)
        for _ in range(2):
            await http.post("/runs/wait", json={"agent_id": "echo", "input": 1})
        await http.post("/runs/wait", json={"agent_id": "fail", "input": {}})
        body = {"agent_id": "echo", "input": 2, "webhook": hook_server.url}
        await http.post("/runs/wait", json=body)
        thread_id = await new_thread(http)
        body = {"agent_id": "slow", "thread_id": thread_id, "input": {"steps": 50, "delay": 0.2}}
        slow = (await http.post("/runs", json=body)).json()["run_id"]
        await run_until(http, slow, {"running"})
        assert (await http.post(f"/runs/{slow}/cancel?wait=true")).status_code == 204
        await http.get("/threads/not-a-uuid")  # a 422
        deadline = time.monotonic() + 20
        while not hook_server.received:  # the webhook is delivered after the run ends
            assert time.monotonic() < deadline, "no webhook came"
            await asyncio.sleep(0.05)
        after = await scrape(http)
        while value(after, "ap_webhook_deliveries_total", outcome="delivered") < 1:
            assert time.monotonic() < deadline, "the delivery was not counted"
            after = await scrape(http)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("ap_runs_created_total", agent="echo") == 3
    assert moved("ap_runs_created_total", agent="fail") == 1
    assert moved("ap_runs_created_total", agent="slow") == 1
    assert moved("ap_runs_ended_total", status="success", stop_reason="none") == 3
    assert moved("ap_runs_ended_total", status="error", stop_reason="none") == 1
    assert moved("ap_runs_ended_total", status="interrupted", stop_reason="user") == 1
    assert moved("ap_runs_started_total") == 5
    assert moved("ap_agent_errors_total", agent="fail") == 1
    assert moved("ap_run_duration_seconds_count", status="success") == 3
    assert moved("ap_run_stop_seconds_count") == 1
    assert moved("ap_webhook_deliveries_total", outcome="delivered") == 1
    wait = {"operation": "create_and_wait_run", "method": "POST"}
    assert moved("ap_http_requests_total", status="200", **wait) == 4
    assert moved("ap_http_request_duration_seconds_count", **wait) == 4
    assert moved("ap_http_requests_total", operation="get_thread", method="GET", status="422") == 1
    assert moved("ap_http_requests_total", operation="cancel_run", method="POST", status="204") == 1
    # The scrape's own query has given its connection back by the time the pool is read.
    assert value(after, "ap_db_pool_size") >= 1
    assert 0 <= value(after, "ap_db_pool_in_use") <= value(after, "ap_db_pool_size")
    assert value(after, "ap_runs_executing") == 0
    assert value(after, "process_resident_memory_bytes") > 0
    (info,) = [labels for name, labels in after if name == "ap_server_info"]
    assert dict(info)["version"] == ap_server.__version__
    assert dict(info)["worker"].count(":") == 2  # host:pid:random


async def test_queue_and_streams_of_the_moment(server) -> None:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        idle = await scrape(http)
        assert value(idle, "ap_runs_queue_depth") == 0
        assert value(idle, "ap_runs_oldest_pending_seconds") == 0
        thread_id = await new_thread(http)
        body = {"agent_id": "slow", "thread_id": thread_id, "input": {"steps": 50, "delay": 0.2}}
        first = (await http.post("/runs", json=body)).json()["run_id"]
        await run_until(http, first, {"running"})
        queued = {**body, "multitask_strategy": "enqueue"}
        for _ in range(2):  # wait behind the first: pending
            assert (await http.post("/runs", json=queued)).status_code == 200
        async with http.stream("GET", f"/runs/{first}/stream") as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            busy = await scrape(http)
        assert value(busy, "ap_runs_queue_depth") == 2
        assert value(busy, "ap_runs_oldest_pending_seconds") > 0
        assert value(busy, "ap_runs_executing") == 1
        assert value(busy, "ap_http_open_streams", kind="sse") == 1
        await http.post("/runs/cancel", json={"thread_id": thread_id})
        closed = await scrape(http)
        assert value(closed, "ap_http_open_streams", kind="sse") == 0
        ws_url = server.base_url.replace("http://", "ws://") + f"/threads/{thread_id}/stream"
        async with websockets.connect(ws_url) as socket:
            assert socket.response.headers["x-request-id"]
            assert value(await scrape(http), "ap_http_open_streams", kind="websocket") == 1
        deadline = time.monotonic() + 20
        while value(after := await scrape(http), "ap_http_open_streams", kind="websocket"):
            assert time.monotonic() < deadline, "the WebSocket was not counted closed"
        ws = {"operation": "/threads/{thread_id}/stream", "method": "WEBSOCKET", "status": "101"}
        assert value(after, "ap_http_requests_total", **ws) == 1


async def test_a_delayed_run_is_pending_but_has_waited_for_nothing(server) -> None:
    """A LangGraph run with `after_seconds` is in the queue's depth; until it is due it
    adds nothing to the age of the oldest pending run."""
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        delayed = await http.post(
            "/langgraph/runs", json={"assistant_id": "echo", "input": {}, "after_seconds": 3600}
        )
        assert delayed.status_code == 200, delayed.text
        samples = await scrape(http)
        assert value(samples, "ap_runs_queue_depth") == 1
        assert value(samples, "ap_runs_oldest_pending_seconds") == 0
        run = delayed.json()
        cancelled = await http.post(
            f"/langgraph/threads/{run['thread_id']}/runs/{run['run_id']}/cancel?wait=1"
        )
        assert cancelled.status_code == 204
        assert value(await scrape(http), "ap_runs_queue_depth") == 0
