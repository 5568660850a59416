"""Helpers the test modules share: bounded polls (never a bare sleep to wait for something)
and the small requests most tests make."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

T = TypeVar("T")

POLL_EVERY = 0.05


async def eventually(
    check: Callable[[], Awaitable[T]],
    what: str = "a condition",
    timeout: float = 30.0,
    every: float = POLL_EVERY,
) -> T:
    """Poll `check()` until it returns something truthy, and return that. A bounded poll:
    `timeout` only says when to give up (a hang), never how fast something must be."""
    deadline = time.monotonic() + timeout
    while True:
        if result := await check():
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(every)


async def until(predicate: Callable[[], Awaitable[T]], timeout: float = 30.0) -> T:
    """`eventually` without a description."""
    return await eventually(predicate, "a condition", timeout)


async def new_thread(http: httpx.AsyncClient, **body: Any) -> str:
    response = await http.post("/threads", json=body)
    assert response.status_code == 200, response.text
    return str(response.json()["thread_id"])


async def thread_of(http: httpx.AsyncClient, thread_id: str) -> dict[str, Any]:
    response = await http.get(f"/threads/{thread_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())


async def run_until(
    http: httpx.AsyncClient, run_id: str, statuses: set[str], timeout: float = 30.0
) -> dict[str, Any]:
    """The run once its status is one of `statuses` (or as it is when the poll gives up:
    the caller's assertion on it then says what went wrong)."""
    deadline = time.monotonic() + timeout
    while True:
        run = dict((await http.get(f"/runs/{run_id}")).json())
        if run.get("status") in statuses or time.monotonic() > deadline:
            return run
        await asyncio.sleep(POLL_EVERY)


async def until_value(
    http: httpx.AsyncClient, thread_id: str, key: str = "step", at_least: int = 1
) -> dict[str, Any]:
    """The thread's values once values[key] >= at_least (a running run made progress)."""

    async def check() -> dict[str, Any] | None:
        values = dict((await thread_of(http, thread_id))["values"])
        return values if values.get(key, 0) >= at_least else None

    return await eventually(check, f"thread {thread_id} to reach {key}={at_least}")


async def within(seconds: float, awaitable: Awaitable[T], what: str) -> T:
    """`awaitable`'s result, failing if it takes longer than `seconds`: a bound that tells
    two behaviours apart (e.g. a stop at once from one after a 30 s grace), set far from
    both, never a claim about speed."""
    try:
        return await asyncio.wait_for(awaitable, seconds)
    except TimeoutError:
        pytest.fail(f"{what}: not done within {seconds} s")


async def scrape(http: httpx.AsyncClient) -> dict[tuple[str, tuple[Any, ...]], float]:
    """Every sample of the server's GET /metrics, by name and sorted labels."""
    response = await http.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: dict[tuple[str, tuple[Any, ...]], float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def until_metric(
    http: httpx.AsyncClient, name: str, wanted: float, what: str, **labels: str
) -> None:
    """Poll the server's GET /metrics until `name` (with `labels`) is `wanted`."""

    async def check() -> bool:
        return value(await scrape(http), name, **labels) == wanted

    await eventually(check, what)
