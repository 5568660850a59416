"""Stopping runs for real: POST /runs/{run_id}/cancel (graceful, then forced; waits for real;
idempotent; the reason recorded) and the bulk POST /runs/cancel, against real Postgres and
real server processes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agent_protocol_client import Client
from agent_protocol_client.api.background_runs import cancel_run, get_run
from agent_protocol_client.models import CancelAction, ErrorResponse, Run, RunStatus, StopReason
from agent_protocol_client.sse import aiter_sse, stream_run
from ap_server.database import Database
from ap_server.settings import Settings
from tests.conftest import ServerProcess, create_database, drop_database, spawn_server
from tests.helpers import eventually, until_metric, until_value, within

# A run that takes 10 s unless stopped: one step (an update and a checkpoint) every 0.2 s.
SLOW = {"steps": 50, "delay": 0.2}
STUBBORN = "tests.agents_for_tests:stubborn"
FAILS_ON_STOP = "tests.agents_for_tests:fails_on_stop"
TERMINAL = {"success", "error", "timeout", "interrupted"}


# --- helpers ------------------------------------------------------------------------------


async def new_thread(http: httpx.AsyncClient, values: dict | None = None) -> str:
    response = await http.post("/threads", json={})
    assert response.status_code == 200, response.text
    thread_id = response.json()["thread_id"]
    if values is not None:
        patched = await http.patch(f"/threads/{thread_id}", json={"values": values})
        assert patched.status_code == 200, patched.text
    return thread_id


# Every run a test starts, as (server URL, run id): stopped after the test if still active.
STARTED: list[tuple[str, str]] = []


async def start_run(
    http: httpx.AsyncClient, thread_id: str, agent_id: str = "slow", input: Any = SLOW, **body
) -> dict:
    body = {"thread_id": thread_id, "agent_id": agent_id, "input": input, **body}
    response = await http.post("/runs", json=body)
    assert response.status_code == 200, response.text
    STARTED.append((str(http.base_url), response.json()["run_id"]))
    return response.json()


@pytest.fixture(autouse=True)
async def stop_what_the_test_started() -> AsyncIterator[None]:
    """A failed test leaves no run going (a server drains its runs for seconds on exit)."""
    yield
    async with httpx.AsyncClient(timeout=3) as client:
        for base_url, run_id in STARTED:
            with contextlib.suppress(httpx.HTTPError):
                await client.post(
                    f"{base_url.rstrip('/')}/runs/{run_id}/cancel",
                    params={"graceful": "false", "wait": "true"},
                )
    STARTED.clear()


async def read_run(http: httpx.AsyncClient, run_id: str) -> dict:
    response = await http.get(f"/runs/{run_id}")
    assert response.status_code == 200, response.text
    return response.json()


async def read_thread(http: httpx.AsyncClient, thread_id: str) -> dict:
    response = await http.get(f"/threads/{thread_id}")
    assert response.status_code == 200, response.text
    return response.json()


async def history(http: httpx.AsyncClient, thread_id: str) -> list[dict]:
    response = await http.get(f"/threads/{thread_id}/history", params={"limit": 1000})
    assert response.status_code == 200, response.text
    return response.json()


def query(**params: Any) -> dict[str, str]:
    return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in params.items()}


async def cancel(http: httpx.AsyncClient, run_id: str, **params: Any) -> httpx.Response:
    return await http.post(f"/runs/{run_id}/cancel", params=query(**params))


async def until_status(
    http: httpx.AsyncClient, run_id: str, statuses: set[str], timeout: float = 10.0
) -> dict:
    async def check() -> dict | None:
        run = await read_run(http, run_id)
        return run if run["status"] in statuses else None

    return await eventually(check, f"run {run_id} to be {statuses}", timeout)


async def stored_events(db, run_id: str) -> list[tuple[str, Any]]:
    async with db.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT event, data FROM run_events WHERE run_id = :r ORDER BY seq"),
            {"r": uuid.UUID(run_id)},
        )
        return [(event, data) for event, data in rows]


async def checkpoints_of(db, run_id: str) -> int:
    async with db.engine.connect() as conn:
        return (
            await conn.execute(
                text("SELECT count(*) FROM checkpoints WHERE run_id = :r"),
                {"r": uuid.UUID(run_id)},
            )
        ).scalar_one()


async def subscribe(client: Client, run_id: str) -> asyncio.Task[list[tuple[str, Any]]]:
    """Join GET /runs/{run_id}/stream and read it in the background; returns once joined
    (the `metadata` event arrived). The task's result is every event, in order."""
    joined = asyncio.Event()

    async def read() -> list[tuple[str, Any]]:
        events = []
        async with stream_run(client, run_id) as stream:
            async for event in stream:
                events.append((event.event, event.json()))
                joined.set()
        return events

    task = asyncio.create_task(read())
    waiter = asyncio.create_task(joined.wait())
    await asyncio.wait({task, waiter}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    if task.done():
        task.result()  # raises what went wrong
    assert joined.is_set(), f"could not join the stream of run {run_id}"
    return task


def end_of(events: list[tuple[str, Any]]) -> Any:
    """The data of the stream's final `end` event (asserting there is exactly one, last)."""
    names = [name for name, _ in events]
    assert names.count("end") == 1 and names[-1] == "end", names
    return events[-1][1]


async def stop_quietly(http: httpx.AsyncClient, *run_ids: str) -> None:
    """Clean-up: make sure no run a test started keeps running."""
    for run_id in run_ids:
        await cancel(http, run_id, wait=True)


# --- pending runs -------------------------------------------------------------------------


async def test_cancel_a_pending_run_ends_it_at_once_and_it_never_starts(http, db):
    thread_id = await new_thread(http)
    first = await start_run(http, thread_id)
    await until_value(http, thread_id)
    queued = await start_run(http, thread_id, multitask_strategy="enqueue")
    assert (await read_run(http, queued["run_id"]))["status"] == "pending"

    response = await cancel(http, queued["run_id"])
    assert response.status_code == 204, response.text

    run = await read_run(http, queued["run_id"])
    assert run["status"] == "interrupted", "a pending run ends at once, even without wait"
    assert run["stop_reason"] == "user"
    assert run["started_at"] is None
    assert run["ended_at"] is not None
    assert run["stopping"] is False
    assert [name for name, _ in await stored_events(db, queued["run_id"])] == ["metadata", "end"]
    assert (await stored_events(db, queued["run_id"]))[-1][1] == {
        "status": "interrupted",
        "stop_reason": "user",
    }
    # The run before it is not touched, and the thread stays busy with it.
    assert (await read_run(http, first["run_id"]))["status"] == "running"
    assert (await read_thread(http, thread_id))["status"] == "busy"

    await cancel(http, first["run_id"], wait=True)
    assert (await read_thread(http, thread_id))["status"] == "idle"
    # A run created after it runs to its end: runs of a thread start in creation order, so
    # had the cancelled one been claimable, it would have started first.
    later = await http.post(
        "/runs/wait", json={"thread_id": thread_id, "agent_id": "echo", "input": "later"}
    )
    assert later.status_code == 200 and later.json()["run"]["status"] == "success", later.text
    after = await read_run(http, queued["run_id"])
    assert after["started_at"] is None and after["status"] == "interrupted", "it never started"


async def test_rollback_of_a_pending_run_keeps_the_threads_state(http, db):
    """A pending run has written nothing: erasing it must leave the thread's state alone."""
    thread_id = await new_thread(http, values={"kept": "from before"})
    before_values = (await read_thread(http, thread_id))["values"]
    before_history = await history(http, thread_id)
    # Running, and writing nothing for 30 s.
    first = (await start_run(http, thread_id, input={"steps": 1, "delay": 30}))["run_id"]
    await until_status(http, first, {"running"})
    queued = await start_run(http, thread_id, multitask_strategy="enqueue")
    try:
        response = await cancel(http, queued["run_id"], action="rollback", wait=True)
        assert response.status_code == 204, response.text
        assert (await http.get(f"/runs/{queued['run_id']}")).status_code == 404
        assert (await read_thread(http, thread_id))["values"] == before_values
    finally:
        await stop_quietly(http, first)
    thread = await read_thread(http, thread_id)
    assert thread["status"] == "idle"
    assert thread["values"] == before_values, "the rollback of a run that never ran lost state"
    assert await history(http, thread_id) == before_history


# --- running runs -------------------------------------------------------------------------


async def test_cancel_a_running_run_with_wait(http, api, db):
    thread_id = await new_thread(http)
    created = await start_run(http, thread_id, stream_mode=["values", "updates"])
    run_id = created["run_id"]
    await until_value(http, thread_id)
    subscriber = await subscribe(api, run_id)

    response = await cancel_run.asyncio_detailed(client=api, run_id=uuid.UUID(run_id), wait=True)
    assert response.status_code == 204

    # wait=true returned only once the run was terminal.
    run = await get_run.asyncio(client=api, run_id=uuid.UUID(run_id))
    assert isinstance(run, Run)
    assert run.status == RunStatus.INTERRUPTED
    assert run.stop_reason == StopReason.USER
    assert run.ended_at is not None and run.started_at is not None
    assert run.stopping is False
    thread = await read_thread(http, thread_id)
    assert thread["status"] == "idle", "a cancel never leaves the thread interrupted"
    assert "interrupts" not in thread or thread["interrupts"] == []

    # The subscriber that joined before the cancel got the end, then its stream closed.
    events = await asyncio.wait_for(subscriber, timeout=5)
    assert end_of(events) == {"status": "interrupted", "stop_reason": "user"}
    stored = await stored_events(db, run_id)
    assert [name for name, _ in stored].count("end") == 1
    assert stored[-1] == ("end", {"status": "interrupted", "stop_reason": "user"})


async def test_cancel_without_wait_returns_at_once_and_the_run_stops(http):
    thread_id = await new_thread(http)
    run_id = (await start_run(http, thread_id))["run_id"]
    await until_value(http, thread_id)

    response = await cancel(http, run_id)
    assert response.status_code == 204, response.text
    assert response.content == b""

    seen = await read_run(http, run_id)
    if seen["status"] == "running":
        assert seen["stopping"] is True, "a run asked to stop shows it"
    else:
        assert seen["status"] == "interrupted" and seen["stopping"] is False
    run = await until_status(http, run_id, TERMINAL, timeout=5)
    assert run["status"] == "interrupted"
    assert run["stop_reason"] == "user"
    assert run["stopping"] is False
    assert (await read_thread(http, thread_id))["status"] == "idle"


async def test_interrupt_keeps_what_the_run_wrote(http, db):
    thread_id = await new_thread(http)
    run_id = (await start_run(http, thread_id))["run_id"]
    await until_value(http, thread_id, at_least=2)

    response = await cancel(http, run_id, action="interrupt", wait=True)
    assert response.status_code == 204, response.text
    run = await read_run(http, run_id)
    assert run["status"] == "interrupted" and run["stop_reason"] == "user"

    values = (await read_thread(http, thread_id))["values"]
    states = await history(http, thread_id)
    mine = [s for s in states if s["metadata"].get("run_id") == run_id]
    assert values["step"] >= 2
    assert len(mine) == values["step"] == await checkpoints_of(db, run_id)
    assert states[0]["values"] == values, "the thread's values are its newest checkpoint's"
    assert sorted(s["values"]["step"] for s in mine) == list(range(1, values["step"] + 1))
    # /wait on the cancelled run returns what it wrote.
    waited = (await http.get(f"/runs/{run_id}/wait")).json()
    assert waited["run"]["status"] == "interrupted" and waited["values"] == values


async def test_rollback_erases_the_run_and_restores_the_thread(http, api, db):
    thread_id = await new_thread(http, values={"before": True, "step": 0})
    before_values = (await read_thread(http, thread_id))["values"]
    before_history = await history(http, thread_id)
    run_id = (await start_run(http, thread_id))["run_id"]
    await until_value(http, thread_id, at_least=2)
    subscriber = await subscribe(api, run_id)

    response = await cancel_run.asyncio_detailed(
        client=api, run_id=uuid.UUID(run_id), wait=True, action=CancelAction.ROLLBACK
    )
    assert response.status_code == 204

    missing = await http.get(f"/runs/{run_id}")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    thread = await read_thread(http, thread_id)
    assert thread["status"] == "idle"
    assert thread["values"] == before_values
    assert await history(http, thread_id) == before_history
    assert await checkpoints_of(db, run_id) == 0
    assert await stored_events(db, run_id) == []
    # The subscriber still learns how the run ended.
    events = await asyncio.wait_for(subscriber, timeout=5)
    assert end_of(events) == {"status": "interrupted", "stop_reason": "user"}


async def test_a_cancelled_thread_refuses_resume(http):
    thread_id = await new_thread(http)
    run_id = (await start_run(http, thread_id))["run_id"]
    await until_value(http, thread_id)
    assert (await cancel(http, run_id, wait=True)).status_code == 204

    resumed = await http.patch("/runs/resume", json={"thread_id": thread_id, "input": "yes"})
    assert resumed.status_code == 409, resumed.text
    error = ErrorResponse.from_dict(resumed.json())
    assert error.code == "thread_not_interrupted"
    assert resumed.json()["metadata"]["thread_status"] == "idle"


async def test_cancel_of_a_run_that_asked_a_human_keeps_the_question(http):
    """An agent interrupt is not a stop: cancelling the run afterwards changes nothing."""
    thread_id = await new_thread(http)
    waited = await http.post(
        "/runs/wait", json={"thread_id": thread_id, "agent_id": "hitl", "input": {}}
    )
    assert waited.status_code == 200, waited.text
    run = waited.json()["run"]
    assert run["status"] == "interrupted" and run.get("stop_reason") is None

    assert (await cancel(http, run["run_id"], wait=True)).status_code == 204
    after = await read_run(http, run["run_id"])
    assert after["status"] == "interrupted" and after.get("stop_reason") is None
    assert after["ended_at"] == run["ended_at"]
    assert (await read_thread(http, thread_id))["status"] == "interrupted"
    resumed = await http.patch(
        "/runs/resume/wait", json={"thread_id": thread_id, "input": "approved"}
    )
    assert resumed.status_code == 200, resumed.text
    assert resumed.json()["values"] == {"answer": "approved"}


# --- forced stops -------------------------------------------------------------------------


@pytest.fixture(scope="module")
async def agents_server(postgres_url: str) -> AsyncIterator[ServerProcess]:
    """A server with the test agents and a graceful stop of 0.5 s, on a database of its own
    (so that no server without these agents claims their runs)."""
    url = await create_database(postgres_url)
    try:
        async with await spawn_server(
            url,
            "--agent",
            STUBBORN,
            "--agent",
            FAILS_ON_STOP,
            AP_STOP_TIMEOUT="0.5",
            AP_SHUTDOWN_GRACE="1",
        ) as process:
            yield process
    finally:
        await drop_database(postgres_url, url)


@pytest.fixture
async def agents_http(agents_server: ServerProcess) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=agents_server.base_url, timeout=30) as client:
        yield client


async def test_an_agent_that_ignores_the_stop_is_forced_after_the_graceful_timeout(
    agents_server, agents_http
):
    http = agents_http
    thread_id = await new_thread(http)
    run_id = (await start_run(http, thread_id, agent_id="stubborn", input=None))["run_id"]
    await until_value(http, thread_id, key="tick", at_least=3)

    # It ignores the stop: only the force at the end of its 0.5 s grace ends it (it would
    # tick for 100 s); the bound tells the two apart.
    response = await within(20, cancel(http, run_id, wait=True), "the forced stop")
    assert response.status_code == 204, response.text

    run = await read_run(http, run_id)
    assert run["status"] == "interrupted" and run["stop_reason"] == "user"
    thread = await read_thread(http, thread_id)
    assert thread["status"] == "idle"
    stopped_values = thread["values"]
    # It really stopped: a run after it on the thread writes last, and nothing of the
    # stubborn one comes after.
    after = await http.post(
        "/runs/wait", json={"thread_id": thread_id, "agent_id": "echo", "input": "after"}
    )
    assert after.status_code == 200, after.text
    assert after.json()["values"] == {**stopped_values, "echo": "after"}, "it really stopped"
    assert "Traceback" not in agents_server.log(), agents_server.log()


async def test_a_run_that_fails_while_stopping_is_recorded_consistently(agents_http):
    """The agent raises while it stops. The worker then ends the run `error` with no stop
    reason (its code says so); the run, its `end` event and its thread must agree."""
    http = agents_http
    thread_id = await new_thread(http)
    run_id = (await start_run(http, thread_id, agent_id="fails_on_stop", input=None))["run_id"]
    await until_value(http, thread_id, at_least=2)

    assert (await cancel(http, run_id, wait=True)).status_code == 204
    run = await read_run(http, run_id)
    thread = await read_thread(http, thread_id)
    replay = http.stream("GET", f"/runs/{run_id}/stream", headers={"Last-Event-ID": "0"})
    async with replay as response:
        assert response.status_code == 200
        events = [(event.event, event.json()) async for event in aiter_sse(response)]
    assert end_of(events) == {"status": run["status"], "stop_reason": run.get("stop_reason")}
    if run["status"] == "error":
        assert run["error"]["message"] == "clean-up after the stop failed"
        assert run.get("stop_reason") is None, (
            f"an `error` run carries stop_reason {run.get('stop_reason')!r}; its thread is"
            f" {thread['status']!r}"
        )
        assert thread["status"] == "error"
    else:
        assert run["status"] == "interrupted" and run["stop_reason"] == "user", run
        assert thread["status"] == "idle"


async def test_graceful_false_and_timeout_override_the_stop_timeout(
    start_server, empty_database_url
):
    process = await start_server(
        empty_database_url, "--agent", STUBBORN, AP_STOP_TIMEOUT="30", AP_SHUTDOWN_GRACE="1"
    )
    # AP_STOP_TIMEOUT is 30: the client's 15 s read timeout tells a stop at once (or at the
    # 0.5 s timeout) from one at the end of the 30 s grace.
    async with httpx.AsyncClient(base_url=process.base_url, timeout=15) as http:
        forced, timed = await new_thread(http), await new_thread(http)
        forced_run = (await start_run(http, forced, agent_id="stubborn", input=None))["run_id"]
        timed_run = (await start_run(http, timed, agent_id="stubborn", input=None))["run_id"]
        await until_value(http, forced, key="tick", at_least=2)
        await until_value(http, timed, key="tick", at_least=2)

        response = await cancel(http, forced_run, graceful=False, wait=True)
        assert response.status_code == 204, response.text
        run = await read_run(http, forced_run)
        assert run["status"] == "interrupted" and run["stop_reason"] == "user"

        response = await cancel(http, timed_run, timeout=0.5, wait=True)
        assert response.status_code == 204, response.text
        run = await read_run(http, timed_run)
        assert run["status"] == "interrupted" and run["stop_reason"] == "user"
        for thread_id in (forced, timed):
            assert (await read_thread(http, thread_id))["status"] == "idle"

        # A graceful stop under way (30 s to go) escalated by a second cancel.
        escalated = await new_thread(http)
        escalated_run = (await start_run(http, escalated, agent_id="stubborn", input=None))[
            "run_id"
        ]
        await until_value(http, escalated, key="tick", at_least=2)
        assert (await cancel(http, escalated_run)).status_code == 204
        stopping = await read_run(http, escalated_run)
        assert stopping["stopping"] is True and stopping["status"] == "running", "graceful: 30 s"
        # graceful=false overrides the earlier deadline (the 15 s read timeout is the bound)
        response = await cancel(http, escalated_run, graceful=False, wait=True)
        assert response.status_code == 204, response.text
        run = await read_run(http, escalated_run)
        assert run["status"] == "interrupted" and run["stop_reason"] == "user"

        # The bulk stop takes the same parameters.
        bulk = await new_thread(http)
        bulk_run = (await start_run(http, bulk, agent_id="stubborn", input=None))["run_id"]
        await until_value(http, bulk, key="tick", at_least=2)
        response = await http.post(
            "/runs/cancel", params=query(graceful=False), json={"thread_id": bulk}
        )
        assert response.status_code == 200, response.text
        run = await until_status(http, bulk_run, TERMINAL, timeout=15)
        assert run["status"] == "interrupted" and run["stop_reason"] == "user"


async def test_graceful_and_timeout_are_validated(http):
    thread_id = await new_thread(http)
    run_id = (await start_run(http, thread_id, agent_id="echo", input=1))["run_id"]
    try:
        for params in (
            {"graceful": "maybe"},
            {"timeout": "soon"},
            {"timeout": "-1"},
            {"timeout": "3601"},
        ):
            response = await http.post(f"/runs/{run_id}/cancel", params=params)
            assert response.status_code == 422, (params, response.text)
            assert response.json()["code"] == "validation_error", params
            bulk = await http.post("/runs/cancel", params=params, json={"thread_id": thread_id})
            assert bulk.status_code == 422, (params, bulk.text)
        ok = await http.post(f"/runs/{run_id}/cancel", params={"graceful": "false", "timeout": "0"})
        assert ok.status_code == 204, ok.text
    finally:
        await stop_quietly(http, run_id)


# --- idempotence and errors ---------------------------------------------------------------


async def test_cancelling_an_ended_run_changes_nothing(http, db):
    thread_id = await new_thread(http)
    waited = await http.post(
        "/runs/wait", json={"thread_id": thread_id, "agent_id": "echo", "input": {"x": 1}}
    )
    assert waited.status_code == 200, waited.text
    run_id = waited.json()["run"]["run_id"]
    before = await read_run(http, run_id)
    assert before["status"] == "success"
    thread_before = await read_thread(http, thread_id)
    events_before = await stored_events(db, run_id)

    for params in (
        {},
        {"wait": True},
        {"action": "rollback"},
        {"action": "rollback", "wait": True},
    ):
        response = await cancel(http, run_id, **params)
        assert response.status_code == 204, (params, response.text)
        assert await read_run(http, run_id) == before, f"{params} changed an ended run"
    thread_after = await read_thread(http, thread_id)
    assert thread_after["values"] == thread_before["values"] == {"echo": {"x": 1}}
    assert thread_after["status"] == "idle"
    assert await stored_events(db, run_id) == events_before


async def test_cancelling_twice_ends_the_run_once(http, db):
    thread_id = await new_thread(http)
    run_id = (await start_run(http, thread_id))["run_id"]
    await until_value(http, thread_id)

    first, second, third = await asyncio.gather(
        cancel(http, run_id), cancel(http, run_id, wait=True), cancel(http, run_id, wait=True)
    )
    assert [r.status_code for r in (first, second, third)] == [204, 204, 204]
    run = await read_run(http, run_id)
    assert run["status"] == "interrupted" and run["stop_reason"] == "user"
    again = await cancel(http, run_id, wait=True)
    assert again.status_code == 204
    assert await read_run(http, run_id) == run
    assert [name for name, _ in await stored_events(db, run_id)].count("end") == 1


async def test_cancel_errors(http, api):
    missing = uuid.uuid4()
    for params in ({}, {"wait": True}, {"action": "rollback"}):
        response = await cancel(http, str(missing), **params)
        assert response.status_code == 404, response.text
        assert response.json()["code"] == "not_found"
    parsed = await cancel_run.asyncio_detailed(client=api, run_id=missing, wait=True)
    assert parsed.status_code == 404
    assert isinstance(parsed.parsed, ErrorResponse) and parsed.parsed.code == "not_found"

    thread_id = await new_thread(http)
    run_id = (await start_run(http, thread_id, agent_id="echo", input=1))["run_id"]
    for path, params in (
        ("/runs/not-a-uuid/cancel", {}),
        ("/runs/12345/cancel", {"wait": "true"}),
        (f"/runs/{run_id}/cancel", {"action": "explode"}),
        (f"/runs/{run_id}/cancel", {"wait": "maybe"}),
        (f"/runs/{missing}/cancel", {"action": "explode"}),
    ):
        response = await http.post(path, params=params)
        assert response.status_code == 422, (path, params, response.text)
        error = ErrorResponse.from_dict(response.json())
        assert error.code == "validation_error" and error.message, (path, params)
    await until_status(http, run_id, TERMINAL)


# --- several processes --------------------------------------------------------------------


async def test_cancel_through_another_process(start_server, empty_database_url, db):
    """A cancel received by one process reaches the process running the run by NOTIFY. The
    leases are 120 s (renewed every 40 s), so the 20 s bound rules the renewal out."""
    env = {"AP_LEASE_SECONDS": "120"}
    servers = [await start_server(empty_database_url, **env) for _ in range(2)]
    async with httpx.AsyncClient(base_url=servers[0].base_url, timeout=30) as http:
        thread_id = await new_thread(http)
        run_id = (await start_run(http, thread_id))["run_id"]
        await until_value(http, thread_id)
    database = await Database.open(Settings(database_url=empty_database_url, pool_size=1))
    try:
        async with database.engine.connect() as conn:
            worker = (
                await conn.execute(
                    text("SELECT worker_id FROM runs WHERE run_id = :r"), {"r": uuid.UUID(run_id)}
                )
            ).scalar_one()
    finally:
        await database.close()
    [runner] = [s for s in servers if f":{s.process.pid}:" in worker]
    [other] = [s for s in servers if s is not runner]

    async with httpx.AsyncClient(base_url=other.base_url, timeout=30) as http_b:
        response = await within(20, cancel(http_b, run_id, wait=True), "the cancel")
        assert response.status_code == 204, response.text
        run = await read_run(http_b, run_id)
    assert run["status"] == "interrupted" and run["stop_reason"] == "user"
    async with httpx.AsyncClient(base_url=runner.base_url, timeout=30) as http:
        assert await read_run(http, run_id) == run
        assert (await read_thread(http, thread_id))["status"] == "idle"


# --- racing the run's own end -------------------------------------------------------------


async def test_cancel_racing_the_runs_own_end(http, db):
    async def race(offset: float) -> tuple[str, str, list[httpx.Response]]:
        thread_id = await new_thread(http)
        run_id = (await start_run(http, thread_id, input={"steps": 1, "delay": 0.02}))["run_id"]

        async def late_cancel() -> httpx.Response:
            await asyncio.sleep(offset)
            return await cancel(http, run_id, wait=True)

        responses = await asyncio.gather(http.get(f"/runs/{run_id}/wait"), late_cancel())
        return thread_id, run_id, list(responses)

    results = await asyncio.gather(*(race(i * 0.006) for i in range(20)))
    outcomes = []
    for thread_id, run_id, (waited, cancelled) in results:
        assert waited.status_code == 200, waited.text
        assert cancelled.status_code == 204, cancelled.text
        run = await read_run(http, run_id)
        outcomes.append(run["status"])
        assert run["ended_at"] is not None
        if run["status"] == "interrupted":
            assert run.get("stop_reason") == "user", run
        else:
            assert run["status"] == "success", run
            assert run.get("stop_reason") is None, f"a run that finished was not stopped: {run}"
        assert waited.json()["run"]["status"] == run["status"]
        events = await stored_events(db, run_id)
        ends = [data for name, data in events if name == "end"]
        assert len(ends) == 1 and events[-1][0] == "end", events
        assert ends[0] == {"status": run["status"], "stop_reason": run.get("stop_reason")}
        thread = await read_thread(http, thread_id)
        assert thread["status"] == "idle", thread
    print("race outcomes:", {s: outcomes.count(s) for s in set(outcomes)})


# --- multitask strategies -----------------------------------------------------------------


async def test_multitask_interrupt_records_superseded(http, api):
    thread_id = await new_thread(http)
    first = (await start_run(http, thread_id))["run_id"]
    await until_value(http, thread_id)
    subscriber = await subscribe(api, first)

    second = await start_run(
        http, thread_id, input={"steps": 1, "delay": 0}, multitask_strategy="interrupt"
    )
    stopped = await until_status(http, first, TERMINAL)
    assert stopped["status"] == "interrupted"
    assert stopped["stop_reason"] == "superseded"
    events = await asyncio.wait_for(subscriber, timeout=5)
    assert end_of(events) == {"status": "interrupted", "stop_reason": "superseded"}
    done = await until_status(http, second["run_id"], TERMINAL)
    assert done["status"] == "success" and done.get("stop_reason") is None
    thread = await read_thread(http, thread_id)
    assert thread["status"] == "idle" and thread["values"] == {"step": 1}


async def test_multitask_rollback_records_superseded(http, api, db):
    thread_id = await new_thread(http, values={"base": 1})
    base_history = await history(http, thread_id)
    first = (await start_run(http, thread_id))["run_id"]
    await until_value(http, thread_id, at_least=2)
    subscriber = await subscribe(api, first)

    second = await start_run(
        http, thread_id, input={"steps": 1, "delay": 0}, multitask_strategy="rollback"
    )
    events = await asyncio.wait_for(subscriber, timeout=10)
    assert end_of(events) == {"status": "interrupted", "stop_reason": "superseded"}
    assert (await http.get(f"/runs/{first}")).status_code == 404
    assert await checkpoints_of(db, first) == 0
    done = await until_status(http, second["run_id"], TERMINAL)
    assert done["status"] == "success"
    thread = await read_thread(http, thread_id)
    assert thread["status"] == "idle" and thread["values"] == {"base": 1, "step": 1}
    assert (await history(http, thread_id))[1:] == base_history, "the first run left no trace"


# --- webhooks -----------------------------------------------------------------------------


@dataclass
class Hook:
    url: str = ""
    received: list[dict] = field(default_factory=list)

    async def endpoint(self, request: Request) -> Response:
        self.received.append(json.loads(await request.body()))
        return Response(status_code=200)

    def of(self, run_id: str) -> list[dict]:
        return [body for body in self.received if body.get("run_id") == run_id]


class QuietServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # leave Ctrl-C to pytest
        yield


@pytest.fixture(scope="module")
async def hook() -> AsyncIterator[Hook]:
    """A webhook receiver on 127.0.0.1: POST /hook records the JSON body."""
    hook = Hook()
    app = Starlette(routes=[Route("/hook", hook.endpoint, methods=["POST"])])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", lifespan="off", timeout_graceful_shutdown=1)
    receiver = QuietServer(config)
    task = asyncio.create_task(receiver.serve(sockets=[sock]))
    async with asyncio.timeout(10):
        while not receiver.started:
            assert not task.done(), "the webhook receiver did not start"
            await asyncio.sleep(0.01)
    hook.url = f"http://127.0.0.1:{sock.getsockname()[1]}/hook"
    try:
        yield hook
    finally:
        receiver.should_exit = True
        await task
        sock.close()


@pytest.fixture(scope="module")
async def hook_server(postgres_url: str) -> AsyncIterator[ServerProcess]:
    """A server that may call private addresses, on a database of its own (so that no other
    server, which may not, executes its runs)."""
    url = await create_database(postgres_url)
    try:
        async with await spawn_server(url, AP_WEBHOOK_ALLOW_PRIVATE="1") as process:
            yield process
    finally:
        await drop_database(postgres_url, url)


@pytest.fixture
async def hook_http(hook_server: ServerProcess) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=hook_server.base_url, timeout=30) as client:
        yield client


async def received(hook: Hook, http: httpx.AsyncClient, run_id: str) -> dict:
    """The one webhook call for run_id. A run's webhook is written to the outbox by its
    ending, and the server takes the outbox in order: so once a marker run, ended after it,
    has its call and the server has no delivery under way, any second call for run_id would
    have come."""

    async def check() -> list[dict]:
        return hook.of(run_id)

    await eventually(check, f"the webhook of run {run_id}")
    marker = await http.post(
        "/runs/wait", json={"agent_id": "echo", "input": "marker", "webhook": hook.url}
    )
    assert marker.status_code == 200, marker.text
    marker_id = marker.json()["run"]["run_id"]

    async def marked() -> list[dict]:
        return hook.of(marker_id)

    await eventually(marked, "the marker run's webhook")
    await until_metric(http, "ap_webhook_deliveries_pending", 0, "no delivery under way")
    calls = hook.of(run_id)
    assert len(calls) == 1, f"the webhook of run {run_id} was called {len(calls)} times"
    return calls[0]


async def test_webhook_fires_for_a_cancelled_running_run(hook, hook_http):
    thread_id = await new_thread(hook_http)
    run_id = (await start_run(hook_http, thread_id, webhook=hook.url))["run_id"]
    await until_value(hook_http, thread_id)
    assert (await cancel(hook_http, run_id, wait=True)).status_code == 204

    body = await received(hook, hook_http, run_id)
    assert body["status"] == "interrupted"
    assert body["stop_reason"] == "user"
    assert body["thread_id"] == thread_id
    assert body["values"]["step"] >= 1


async def test_webhook_fires_for_a_cancelled_pending_run(hook, hook_http):
    thread_id = await new_thread(hook_http)
    first = (await start_run(hook_http, thread_id))["run_id"]
    await until_value(hook_http, thread_id)
    queued = await start_run(hook_http, thread_id, multitask_strategy="enqueue", webhook=hook.url)
    try:
        assert (await cancel(hook_http, queued["run_id"])).status_code == 204
        body = await received(hook, hook_http, queued["run_id"])
        assert body["status"] == "interrupted" and body["stop_reason"] == "user"
    finally:
        await stop_quietly(hook_http, first)


async def test_webhook_fires_for_a_rolled_back_run(hook, hook_http):
    thread_id = await new_thread(hook_http)
    run_id = (await start_run(hook_http, thread_id, webhook=hook.url))["run_id"]
    await until_value(hook_http, thread_id)
    response = await cancel(hook_http, run_id, action="rollback", wait=True)
    assert response.status_code == 204
    body = await received(hook, hook_http, run_id)
    assert body["status"] == "interrupted" and body["stop_reason"] == "user"


# --- bulk stop: POST /runs/cancel ---------------------------------------------------------


async def test_bulk_cancel_by_thread_and_status(http, db):
    thread_id, other_thread = await new_thread(http), await new_thread(http)
    running = (await start_run(http, thread_id))["run_id"]
    await until_value(http, thread_id)
    queued = [
        (await start_run(http, thread_id, multitask_strategy="enqueue"))["run_id"] for _ in range(2)
    ]
    elsewhere = (await start_run(http, other_thread))["run_id"]
    await until_value(http, other_thread)
    try:
        response = await http.post(
            "/runs/cancel", json={"thread_id": thread_id, "status": "pending"}
        )
        assert response.status_code == 200, response.text
        stopped = response.json()
        assert sorted(r["run_id"] for r in stopped) == sorted(queued)
        for run in stopped:
            assert run["status"] == "interrupted" and run["stop_reason"] == "user"
            assert run["started_at"] is None
        assert (await read_run(http, running))["status"] == "running"
        assert (await read_thread(http, thread_id))["status"] == "busy"

        response = await http.post("/runs/cancel", json={"thread_id": thread_id})
        assert response.status_code == 200, response.text
        assert [r["run_id"] for r in response.json()] == [running]
        assert response.json()[0]["status"] in ("running", "interrupted")
        run = await until_status(http, running, TERMINAL, timeout=5)
        assert run["status"] == "interrupted" and run["stop_reason"] == "user"
        assert (await read_thread(http, thread_id))["status"] == "idle"

        assert (await read_run(http, elsewhere))["status"] == "running", "other threads untouched"
        for run_id in (running, *queued):
            ends = [n for n, _ in await stored_events(db, run_id)].count("end")
            assert ends == 1, run_id

        # Nothing left to stop on the thread: an empty answer, the ended runs unchanged.
        before = [await read_run(http, run_id) for run_id in (running, *queued)]
        response = await http.post("/runs/cancel", json={"thread_id": thread_id})
        assert response.status_code == 200 and response.json() == [], response.text
        assert [await read_run(http, run_id) for run_id in (running, *queued)] == before
    finally:
        await stop_quietly(http, elsewhere)


async def test_bulk_cancel_running_only_and_by_run_ids(http):
    thread_id, other_thread = await new_thread(http), await new_thread(http)
    running = (await start_run(http, thread_id))["run_id"]
    await until_value(http, thread_id)
    queued = (await start_run(http, thread_id, multitask_strategy="enqueue"))["run_id"]
    elsewhere = (await start_run(http, other_thread))["run_id"]
    try:
        response = await http.post(
            "/runs/cancel", json={"thread_id": thread_id, "status": "running"}
        )
        assert response.status_code == 200, response.text
        assert [r["run_id"] for r in response.json()] == [running]
        run = await until_status(http, running, TERMINAL, timeout=5)
        assert run["status"] == "interrupted" and run["stop_reason"] == "user"
        # The queued run was not matched: it now runs.
        assert (await until_status(http, queued, {"running"}, timeout=5)).get("stop_reason") is None

        # By ids, across threads.
        response = await http.post("/runs/cancel", json={"run_ids": [queued, elsewhere]})
        assert response.status_code == 200, response.text
        assert sorted(r["run_id"] for r in response.json()) == sorted([queued, elsewhere])
        for run_id in (queued, elsewhere):
            run = await until_status(http, run_id, TERMINAL, timeout=5)
            assert run["status"] == "interrupted" and run["stop_reason"] == "user"

        # thread_id and run_ids together: only runs that match both.
        third = (await start_run(http, thread_id))["run_id"]
        response = await http.post(
            "/runs/cancel", json={"thread_id": other_thread, "run_ids": [third]}
        )
        assert response.status_code == 200 and response.json() == [], response.text
        assert (await read_run(http, third))["status"] in ("pending", "running")
        await stop_quietly(http, third)
    finally:
        await stop_quietly(http, running, queued, elsewhere)


async def test_bulk_cancel_with_rollback(http, db):
    thread_id = await new_thread(http, values={"base": True})
    before = (await read_thread(http, thread_id))["values"]
    run_id = (await start_run(http, thread_id))["run_id"]
    await until_value(http, thread_id, at_least=2)

    response = await http.post("/runs/cancel", json={"run_ids": [run_id], "action": "rollback"})
    assert response.status_code == 200, response.text

    async def erased() -> bool:
        return (await http.get(f"/runs/{run_id}")).status_code == 404

    await eventually(erased, f"run {run_id} to be erased", timeout=5)
    thread = await eventually(
        lambda: _idle(http, thread_id), f"thread {thread_id} to be idle", timeout=5
    )
    assert thread["values"] == before
    assert await checkpoints_of(db, run_id) == 0


async def _idle(http: httpx.AsyncClient, thread_id: str) -> dict | None:
    thread = await read_thread(http, thread_id)
    return thread if thread["status"] == "idle" else None


async def test_bulk_cancel_validation(http):
    thread_id = await new_thread(http)
    for body in (
        {"thread_id": "not-a-uuid"},
        {"run_ids": ["nope"]},
        {"run_ids": "nope"},
        {"thread_id": thread_id, "status": "finished"},
        {"thread_id": thread_id, "status": "success"},
        {"thread_id": thread_id, "action": "explode"},
        {"run_ids": [str(uuid.uuid4()) for _ in range(1001)]},
    ):
        response = await http.post("/runs/cancel", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["code"] == "validation_error", body
    for content in (b"", b"not json", b"[]"):
        response = await http.post(
            "/runs/cancel", content=content, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 422, (content, response.text)
    unknown = await http.post("/runs/cancel", json={"thread_id": str(uuid.uuid4())})
    assert unknown.status_code == 200 and unknown.json() == [], unknown.text
    none = await http.post("/runs/cancel", json={"run_ids": []})
    assert none.status_code in (200, 422), none.text
    if none.status_code == 200:
        assert none.json() == [], "an empty list of ids matches nothing (not everything)"


async def test_bulk_cancel_of_every_run_of_the_server(agents_http):
    """Without thread_id and run_ids the filters match every active run (on a server and
    database of its own here, since this stops everything)."""
    http = agents_http
    first, second = await new_thread(http), await new_thread(http)
    running = [(await start_run(http, t))["run_id"] for t in (first, second)]
    await until_value(http, first)
    await until_value(http, second)
    queued = (await start_run(http, first, multitask_strategy="enqueue"))["run_id"]

    response = await http.post("/runs/cancel", json={"status": "pending"})
    assert response.status_code == 200, response.text
    assert [r["run_id"] for r in response.json()] == [queued]
    assert [(await read_run(http, r))["status"] for r in running] == ["running", "running"]

    response = await http.post("/runs/cancel", json={})
    assert response.status_code == 200, response.text
    assert sorted(r["run_id"] for r in response.json()) == sorted(running)
    for run_id in running:
        run = await until_status(http, run_id, TERMINAL, timeout=5)
        assert run["status"] == "interrupted" and run["stop_reason"] == "user"
    for thread_id in (first, second):
        assert (await read_thread(http, thread_id))["status"] == "idle"
    again = await http.post("/runs/cancel", json={})
    assert again.status_code == 200 and again.json() == [], again.text
