"""LangGraph crons through the real `langgraph-sdk`: stored in Postgres, each firing an
ordinary run, fired by exactly one of several server processes."""

from __future__ import annotations

import asyncio
import signal
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import httpx
import pytest
from langgraph_sdk import get_client
from langgraph_sdk.errors import NotFoundError, UnprocessableEntityError

from .conftest import ServerProcess, create_database, drop_database, plain_url, spawn_server

EVERY_SECOND = "* * * * * *"  # croniter's six-field form: seconds last
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
async def database(postgres_url: str) -> AsyncIterator[str]:
    url = await create_database(postgres_url)
    yield url
    await drop_database(postgres_url, url)


@pytest.fixture(scope="module")
async def lg_server(database: str) -> AsyncIterator[ServerProcess]:
    async with await spawn_server(database) as server:
        yield server


@pytest.fixture
def client(lg_server: ServerProcess):
    return get_client(url=f"{lg_server.base_url}/langgraph", timeout=30)


async def until(predicate, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := await predicate():
            return result
        await asyncio.sleep(0.1)
    raise AssertionError("condition not met in time")


async def cron_runs(server: ServerProcess, cron_id: str) -> list[dict[str, Any]]:
    """Every run the cron made, through the Agent Protocol's run search."""
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        found = await http.post(
            "/runs/search", json={"metadata": {"cron_id": cron_id}, "limit": 1000}
        )
    return found.json()


async def test_a_thread_cron_makes_ordinary_runs_on_its_thread(client, lg_server):
    thread_id = (await client.threads.create())["thread_id"]
    cron = await client.crons.create_for_thread(
        thread_id, "echo", schedule=EVERY_SECOND, input={"tick": 1}, metadata={"kind": "t"}
    )
    cron_id = cron["cron_id"]
    assert cron["thread_id"] == thread_id and cron["enabled"] is True
    assert cron["assistant_id"] == (await client.assistants.get("echo"))["assistant_id"]
    assert cron["payload"]["input"] == {"tick": 1}
    assert cron["next_run_date"] is not None

    runs = await until(lambda: _at_least(client.runs.list(thread_id), 2))
    for run in runs:  # each firing is an ordinary run: read, joined
        assert run["metadata"]["cron_id"] == cron_id
        assert await client.runs.join(thread_id, run["run_id"]) == {"echo": {"tick": 1}}
    assert (await client.threads.get(thread_id))["values"] == {"echo": {"tick": 1}}

    [found] = await client.crons.search(thread_id=thread_id)
    assert found["cron_id"] == cron_id and found["schedule"] == EVERY_SECOND
    assert await client.crons.count(thread_id=thread_id) == 1
    await client.crons.delete(cron_id)
    assert await client.crons.search(thread_id=thread_id) == []
    with pytest.raises(NotFoundError):
        await client.crons.delete(cron_id)


async def _at_least(listing, n: int):
    found = await listing
    return found if len(found) >= n else None


async def test_a_stateless_cron_ends_at_its_end_time(client, lg_server):
    end = datetime.now(UTC) + timedelta(seconds=3)
    cron = await client.crons.create(
        "echo", schedule=EVERY_SECOND, input={"s": 1}, end_time=end, on_run_completed="keep"
    )
    cron_id = cron["cron_id"]
    assert cron["thread_id"] is None and cron["on_run_completed"] == "keep"

    async def ended():
        found = await client.crons.search(select=["cron_id", "next_run_date"], limit=1000)
        [mine] = [c for c in found if c["cron_id"] == cron_id]
        return mine["next_run_date"] is None

    await until(ended)
    runs = await cron_runs(lg_server, cron_id)
    assert 1 <= len(runs) <= 5
    async with httpx.AsyncClient(base_url=lg_server.base_url, timeout=30) as http:
        for run in runs:  # the last one may still be going: wait for each
            ended = (await http.get(f"/runs/{run['run_id']}/wait")).json()
            assert ended["run"]["status"] == "success", ended
    slots = [datetime.fromisoformat(r["metadata"]["cron_run_date"]) for r in runs]
    assert all(slot <= end for slot in slots)


async def test_update_search_count_and_select(client, lg_server):
    tag = uuid.uuid4().hex
    cron = await client.crons.create(
        "echo", schedule="0 9 * * 1", timezone="Europe/Paris", metadata={"tag": tag}
    )
    cron_id = cron["cron_id"]
    nine = datetime.fromisoformat(cron["next_run_date"])
    assert nine.astimezone(PARIS).hour == 9 and nine.astimezone(PARIS).weekday() == 0

    paused = await client.crons.update(cron_id, enabled=False, input={"changed": True})
    assert paused["enabled"] is False and paused["next_run_date"] is None
    assert paused["payload"]["input"] == {"changed": True}
    assert await client.crons.search(metadata={"tag": tag}, enabled=True) == []
    resumed = await client.crons.update(cron_id, enabled=True, schedule="30 8 * * *")
    assert datetime.fromisoformat(resumed["next_run_date"]).astimezone(PARIS).minute == 30
    assert await client.crons.count(metadata={"tag": tag}) == 1
    assert await client.crons.count(assistant_id="echo", metadata={"tag": tag}) == 1
    assert await client.crons.count(assistant_id="hitl", metadata={"tag": tag}) == 0
    [slim] = await client.crons.search(metadata={"tag": tag}, select=["cron_id", "schedule"])
    assert slim == {"cron_id": cron_id, "schedule": "30 8 * * *"}

    with pytest.raises(UnprocessableEntityError):
        await client.crons.create("echo", schedule="not a schedule")
    with pytest.raises(UnprocessableEntityError):
        await client.crons.create("echo", schedule=EVERY_SECOND, timezone="Mars/Olympus")
    with pytest.raises(UnprocessableEntityError) as refused:
        await client.crons.create("echo", schedule=EVERY_SECOND, interrupt_before=["x"])
    assert refused.value.response.json()["code"] == "not_supported"
    with pytest.raises(NotFoundError):
        await client.crons.create("no-such-graph", schedule=EVERY_SECOND)
    with pytest.raises(NotFoundError):
        await client.crons.create_for_thread(str(uuid.uuid4()), "echo", schedule=EVERY_SECOND)
    await client.crons.delete(cron_id)


async def test_deleting_the_thread_deletes_its_cron(client):
    thread_id = (await client.threads.create())["thread_id"]
    await client.crons.create_for_thread(thread_id, "echo", schedule="0 0 1 1 *")
    await client.threads.delete(thread_id)
    assert await client.crons.count(thread_id=thread_id) == 0


async def test_exactly_one_of_two_processes_fires_each_time(database, lg_server):
    """Two more server processes on the same database (three in all): every firing of the
    cron is one run, never two."""
    async with await spawn_server(database) as second, await spawn_server(database) as third:
        client = get_client(url=f"{second.base_url}/langgraph", timeout=30)
        cron = await client.crons.create(
            "echo", schedule=EVERY_SECOND, input={}, on_run_completed="keep"
        )
        runs = await until(lambda: _at_least(cron_runs(third, cron["cron_id"]), 6))
        await client.crons.delete(cron["cron_id"])
    slots = [r["metadata"]["cron_run_date"] for r in runs]
    assert len(slots) == len(set(slots)), slots


async def test_a_firing_outlives_the_process_that_claimed_it(postgres_url):
    """The process firing a cron is killed after claiming the firing (the cron row locked,
    its next firing date moved on) and before its run is written (its insert waits on a
    lock this test holds): the firing is not lost. Another process fires it, once, with
    its own date; every later firing is one run too."""
    url = await create_database(postgres_url)
    try:
        async with await spawn_server(url) as first:
            client = get_client(url=f"{first.base_url}/langgraph", timeout=30)
            blocker = await asyncpg.connect(plain_url(url))
            try:
                holding = blocker.transaction()
                await holding.start()
                await blocker.execute("LOCK TABLE runs IN SHARE MODE")  # no insert passes
                cron = await client.crons.create(
                    "echo", schedule=EVERY_SECOND, input={}, on_run_completed="keep"
                )
                await until(lambda: _insert_waits(blocker))  # the first firing, mid-way
                first.process.send_signal(signal.SIGKILL)
                first.process.wait()
                await holding.rollback()
            finally:
                await blocker.close()
        async with await spawn_server(url) as second:
            runs = await until(lambda: _at_least(cron_runs(second, cron["cron_id"]), 3))
            await get_client(url=f"{second.base_url}/langgraph").crons.delete(cron["cron_id"])
    finally:
        await drop_database(postgres_url, url)
    slots = sorted(datetime.fromisoformat(r["metadata"]["cron_run_date"]) for r in runs)
    assert slots[0] == datetime.fromisoformat(cron["next_run_date"]), slots  # not lost
    assert len(slots) == len(set(slots)), slots  # nor doubled


async def _insert_waits(conn: asyncpg.Connection) -> bool:
    """Whether a server's insert of a run waits on the lock (its firing is under way)."""
    await conn.execute("SELECT pg_stat_clear_snapshot()")  # not the transaction's first view
    return bool(
        await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO runs %'"
        )
    )
