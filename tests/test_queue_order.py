"""`created_at` agrees with the queue: runs enqueued on one thread, created concurrently,
sort by `created_at` in the order they ran."""

from __future__ import annotations

import asyncio
from datetime import datetime

import httpx


async def test_created_at_is_the_order_runs_were_queued_and_ran(http: httpx.AsyncClient) -> None:
    thread_id = (await http.post("/threads", json={})).json()["thread_id"]
    body = {
        "agent_id": "echo",
        "thread_id": thread_id,
        "input": 1,
        "multitask_strategy": "enqueue",
    }
    responses = await asyncio.gather(*(http.post("/runs", json=body) for _ in range(30)))
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    for response in responses:
        waited = await http.get(f"/runs/{response.json()['run_id']}/wait")
        assert waited.json()["run"]["status"] == "success"
    found = await http.post("/runs/search", json={"thread_id": thread_id, "limit": 100})
    runs = found.json()
    assert len(runs) == 30
    by_created = [r["run_id"] for r in sorted(runs, key=lambda r: at(r["created_at"]))]
    by_started = [r["run_id"] for r in sorted(runs, key=lambda r: at(r["started_at"]))]
    assert by_created == by_started
    # The search lists them newest first by the same order.
    assert [r["run_id"] for r in runs] == by_created[::-1]
    assert all(at(r["created_at"]) <= at(r["updated_at"]) for r in runs)


def at(timestamp: str) -> datetime:
    return datetime.fromisoformat(timestamp)
