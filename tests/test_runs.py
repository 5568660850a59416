"""The run engine: background, wait and stream runs, the state machines, multitask
strategies, disconnects, timeouts, webhooks, replay, several processes, and recovery
from a killed process. Real server processes on real Postgres throughout."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import signal
import socket
import uuid

import httpx
import pytest
import uvicorn
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agent_protocol_client.api.background_runs import (
    create_run,
    delete_run,
    get_run,
    search_runs,
    wait_run,
)
from agent_protocol_client.api.runs import create_and_wait_run
from agent_protocol_client.models import (
    Run,
    RunCreate,
    RunSearchRequest,
    RunStatus,
    RunStream,
    RunWaitResponse,
    StreamMode,
)
from agent_protocol_client.sse import create_and_stream_run, stream_run
from tests.helpers import eventually, new_thread, run_until, until_value

TERMINAL = {"success", "error", "timeout", "interrupted"}


async def sse(client: httpx.AsyncClient, method: str, url: str, **kwargs) -> list[dict]:
    """All events of a stream as dicts (event, id, data)."""
    events, current = [], {}
    async with client.stream(method, url, **kwargs) as response:
        assert response.status_code == 200, await response.aread()
        assert response.headers["content-type"].startswith("text/event-stream")
        async for line in response.aiter_lines():
            if not line:
                if current:
                    events.append(current)
                current = {}
            elif line.startswith(":"):
                continue
            else:
                field, _, value = line.partition(": ")
                current[field] = json.loads(value) if field == "data" else value
    return events


# -- operations ------------------------------------------------------------------------


async def test_background_run_with_the_generated_client(api, http):
    thread_id = uuid.UUID(await new_thread(http))
    run = await create_run.asyncio(
        client=api, body=RunStream(agent_id="echo", thread_id=thread_id, input_="hello")
    )
    assert isinstance(run, Run) and run.status in (RunStatus.PENDING, RunStatus.RUNNING)
    assert run.thread_id == thread_id and run.agent_id == "echo"

    joined = await wait_run.asyncio(client=api, run_id=run.run_id)
    assert isinstance(joined, RunWaitResponse)
    assert joined.run.status == RunStatus.SUCCESS
    assert joined.values.to_dict() == {"echo": "hello"}
    again = await wait_run.asyncio(client=api, run_id=run.run_id)
    assert again.values.to_dict() == {"echo": "hello"}, "a finished run's output, at once"

    fetched = await get_run.asyncio(client=api, run_id=run.run_id)
    assert fetched.started_at and fetched.ended_at and fetched.ended_at >= fetched.started_at
    found = await search_runs.asyncio(client=api, body=RunSearchRequest(thread_id=thread_id))
    assert [r.run_id for r in found] == [run.run_id]

    assert (await delete_run.asyncio_detailed(client=api, run_id=run.run_id)).status_code == 204
    assert (await get_run.asyncio_detailed(client=api, run_id=run.run_id)).status_code == 404


async def test_wait_with_messages_answers_the_last_one(api, http):
    body = RunCreate.from_dict(
        {"agent_id": "echo", "messages": [{"role": "user", "content": "ping"}], "input": 1}
    )
    result = await create_and_wait_run.asyncio(client=api, body=body)
    assert result.run.status == RunStatus.SUCCESS
    assert [m.content for m in result.messages] == ["ping", "ping"]
    assert [m.role for m in result.messages] == ["user", "assistant"]
    assert result.values.to_dict() == {"echo": 1}


async def test_stream_events_in_order_with_ids(api):
    body = RunStream.from_dict(
        {
            "agent_id": "slow",
            "input": {"steps": 3, "delay": 0.01},
            "stream_mode": [StreamMode.VALUES, StreamMode.UPDATES],
        }
    )
    async with create_and_stream_run(api, body) as stream:
        events = [event async for event in stream]
    names = [e.event for e in events]
    assert names[0] == "metadata" and names[-1] == "end"
    assert names[1:-1] == ["updates", "values"] * 3
    assert [int(e.id) for e in events] == list(range(1, len(events) + 1))
    run_id = events[0].json()["run_id"]
    assert [e.json() for e in events if e.event == "values"] == [
        {"step": 1},
        {"step": 2},
        {"step": 3},
    ]
    assert events[-1].json() == {"status": "success", "stop_reason": None}
    assert uuid.UUID(run_id)


async def test_messages_and_custom_stream_modes(http):
    events = await sse(
        http,
        "POST",
        "/runs/stream",
        json={
            "agent_id": "echo",
            "messages": [{"role": "user", "content": "hi"}],
            "stream_mode": "messages",
        },
    )
    assert [e["event"] for e in events] == ["metadata", "messages", "end"]
    assert events[1]["data"]["content"] == "hi"


async def test_errors_end_the_stream_with_an_error_event(http):
    events = await sse(
        http, "POST", "/runs/stream", json={"agent_id": "fail", "input": {"message": "boom"}}
    )
    assert [e["event"] for e in events] == ["metadata", "error", "end"]
    assert events[1]["data"] == {"type": "RuntimeError", "message": "boom"}
    run = (await http.get(f"/runs/{events[0]['data']['run_id']}")).json()
    assert run["status"] == "error" and run["error"]["message"] == "boom"
    thread = (await http.get(f"/threads/{run['thread_id']}")).json()
    assert thread["status"] == "error"


async def test_stateless_runs_use_a_temporary_thread(start_server, empty_database_url):
    # A database of its own: every process on a database executes its runs.
    server = await start_server(
        empty_database_url, AP_TEMPORARY_THREAD_TTL="0", AP_LEASE_SECONDS="1"
    )
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as other:
        removed = (await other.post("/runs/wait", json={"agent_id": "echo", "input": 1})).json()
        kept = (
            await other.post(
                "/runs/wait", json={"agent_id": "echo", "input": 2, "on_completion": "keep"}
            )
        ).json()
        assert removed["values"] == {"echo": 1}

        async def removed_thread() -> bool:
            found = await other.get(f"/threads/{removed['run']['thread_id']}")
            return found.status_code == 404

        await eventually(removed_thread, "the temporary thread to be removed")
        assert (await other.get(f"/threads/{kept['run']['thread_id']}")).json()["values"] == {
            "echo": 2
        }


async def test_if_not_exists(http):
    missing = str(uuid.uuid4())
    rejected = await http.post("/runs", json={"agent_id": "echo", "thread_id": missing})
    assert rejected.status_code == 404 and rejected.json()["code"] == "not_found"
    created = await http.post(
        "/runs/wait",
        json={"agent_id": "echo", "thread_id": missing, "if_not_exists": "create", "input": 3},
    )
    assert created.status_code == 200 and created.json()["values"] == {"echo": 3}
    assert (await http.get(f"/threads/{missing}")).json()["values"] == {"echo": 3}


NO_RUN = "8f0c3e1a-4b6d-4e2f-9a7c-5d1e0b2c4a69"  # no run has it (parameters must be stable: xdist)


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("POST", "/runs", {"agent_id": "nobody"}),
        ("POST", "/runs/wait", {"agent_id": "nobody"}),
        ("POST", "/runs/stream", {"agent_id": "nobody"}),
        ("GET", f"/runs/{NO_RUN}", None),
        ("GET", f"/runs/{NO_RUN}/wait", None),
        ("GET", f"/runs/{NO_RUN}/stream", None),
        ("DELETE", f"/runs/{NO_RUN}", None),
        ("POST", f"/runs/{NO_RUN}/cancel", None),
    ],
)
async def test_missing_agent_or_run_is_404(http, method, path, body):
    response = await http.request(method, path, json=body)
    assert response.status_code == 404 and response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("POST", "/runs", {"thread_id": "x"}),
        ("POST", "/runs", {"stream_mode": "everything"}),
        ("POST", "/runs", {"multitask_strategy": "share"}),
        ("POST", "/runs", {"config": {"timeout": -1}}),
        ("POST", "/runs", {"webhook": "ftp://example.com/x"}),
        ("POST", "/runs/wait", {"on_disconnect": "explode"}),
        ("POST", "/runs/search", {"limit": 0}),
        ("GET", "/runs/not-a-uuid", None),
    ],
)
async def test_bad_run_input_is_422(http, method, path, body):
    response = await http.request(method, path, json=body)
    assert response.status_code == 422, response.text
    assert response.json()["code"] in ("validation_error", "webhook_refused")


# -- state machines and checkpoints ----------------------------------------------------


async def test_thread_is_busy_while_a_run_is_active_and_checkpoints_per_step(http):
    thread_id = await new_thread(http)
    run = (
        await http.post(
            "/runs",
            json={"agent_id": "slow", "thread_id": thread_id, "input": {"steps": 3, "delay": 0.2}},
        )
    ).json()
    await run_until(http, run["run_id"], {"running"})
    assert (await http.get(f"/threads/{thread_id}")).json()["status"] == "busy"
    deleting = await http.delete(f"/threads/{thread_id}")
    assert deleting.status_code == 409 and deleting.json()["code"] == "thread_busy"
    active = await http.delete(f"/runs/{run['run_id']}")
    assert active.status_code == 409 and active.json()["code"] == "run_active"

    done = (await http.get(f"/runs/{run['run_id']}/wait")).json()
    assert done["run"]["status"] == "success" and done["values"] == {"step": 3}
    assert (await http.get(f"/threads/{thread_id}")).json()["status"] == "idle"
    history = (await http.get(f"/threads/{thread_id}/history")).json()
    assert [h["values"] for h in history] == [{"step": 3}, {"step": 2}, {"step": 1}]
    assert {h["metadata"]["run_id"] for h in history} == {run["run_id"]}
    assert (await http.delete(f"/threads/{thread_id}")).status_code == 204


# -- multitask strategies, under real concurrency --------------------------------------


async def test_reject_under_50_concurrent_creates(http):
    thread_id = await new_thread(http)
    # The run outlives the creates however slow the machine (it waits until stopped).
    body = {"agent_id": "slow", "thread_id": thread_id, "input": {"steps": 1, "delay": 300}}
    responses = await asyncio.gather(*(http.post("/runs", json=body) for _ in range(50)))
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [409] * 49
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"thread_busy"}
    runs = (await http.post("/runs/search", json={"thread_id": thread_id, "limit": 100})).json()
    assert len(runs) == 1
    await http.post(f"/runs/{runs[0]['run_id']}/cancel", params={"wait": "true"})


async def test_enqueue_runs_all_one_at_a_time_in_order(http, db):
    thread_id = await new_thread(http)
    body = {
        "agent_id": "slow",
        "thread_id": thread_id,
        "input": {"steps": 1, "delay": 0.05},
        "multitask_strategy": "enqueue",
    }
    responses = await asyncio.gather(*(http.post("/runs", json=body) for _ in range(12)))
    assert all(r.status_code == 200 for r in responses)
    run_ids = [r.json()["run_id"] for r in responses]
    for run_id in run_ids:
        assert (await http.get(f"/runs/{run_id}/wait")).json()["run"]["status"] == "success"
    async with db.engine.connect() as conn:
        rows = (
            await conn.execute(
                text("SELECT started_at, ended_at FROM runs WHERE thread_id = :t ORDER BY seq"),
                {"t": uuid.UUID(thread_id)},
            )
        ).all()
    assert len(rows) == 12
    for (_, ended), (started, _) in itertools.pairwise(rows):
        assert started >= ended, "two runs of one thread overlapped, or ran out of order"
    assert (await http.get(f"/threads/{thread_id}")).json()["status"] == "idle"


async def test_interrupt_strategy_stops_the_current_run_and_keeps_its_work(http):
    thread_id = await new_thread(http)
    first = (
        await http.post(
            "/runs",
            json={"agent_id": "slow", "thread_id": thread_id, "input": {"steps": 50, "delay": 0.1}},
        )
    ).json()
    await until_value(http, thread_id, "step", 1)
    second = await http.post(
        "/runs/wait",
        json={
            "agent_id": "echo",
            "thread_id": thread_id,
            "input": "next",
            "multitask_strategy": "interrupt",
        },
    )
    assert second.status_code == 200 and second.json()["run"]["status"] == "success"
    stopped = (await http.get(f"/runs/{first['run_id']}")).json()
    assert stopped["status"] == "interrupted" and stopped["stop_reason"] == "superseded"
    values = second.json()["values"]
    assert values["echo"] == "next" and values["step"] >= 1, "the first run's work is kept"


async def test_rollback_strategy_erases_the_current_run(http):
    thread_id = await new_thread(http)
    await http.patch(f"/threads/{thread_id}", json={"values": {"before": True}})
    first = (
        await http.post(
            "/runs",
            json={"agent_id": "slow", "thread_id": thread_id, "input": {"steps": 50, "delay": 0.1}},
        )
    ).json()
    await until_value(http, thread_id, "step", 1)
    second = await http.post(
        "/runs/wait",
        json={
            "agent_id": "echo",
            "thread_id": thread_id,
            "input": "next",
            "multitask_strategy": "rollback",
        },
    )
    assert second.status_code == 200
    assert second.json()["values"] == {"before": True, "echo": "next"}
    assert (await http.get(f"/runs/{first['run_id']}")).status_code == 404
    history = (await http.get(f"/threads/{thread_id}/history")).json()
    assert all(h["metadata"].get("run_id") != first["run_id"] for h in history)


# -- disconnects and timeouts ----------------------------------------------------------


@pytest.mark.parametrize(
    "on_disconnect, expected", [("cancel", "interrupted"), ("continue", "success")]
)
async def test_wait_client_going_away(base_url, http, on_disconnect, expected):
    thread_id = await new_thread(http)
    body = {
        "agent_id": "slow",
        "thread_id": thread_id,
        "input": {"steps": 4, "delay": 0.25},
        "on_disconnect": on_disconnect,
    }
    async with httpx.AsyncClient(base_url=base_url, timeout=0.5) as impatient:
        with pytest.raises(httpx.ReadTimeout):
            await impatient.post("/runs/wait", json=body)
    runs = (await http.post("/runs/search", json={"thread_id": thread_id})).json()
    run = await run_until(http, runs[0]["run_id"], TERMINAL)
    assert run["status"] == expected
    if on_disconnect == "cancel":
        assert run["stop_reason"] == "disconnect"
        assert (await http.get(f"/threads/{thread_id}")).json()["status"] == "idle"


async def test_stream_client_going_away_cancels_the_run(base_url, http):
    thread_id = await new_thread(http)
    body = {"agent_id": "slow", "thread_id": thread_id, "input": {"steps": 40, "delay": 0.1}}
    async with (
        httpx.AsyncClient(base_url=base_url, timeout=10) as client,
        client.stream("POST", "/runs/stream", json=body) as response,
    ):
        async for line in response.aiter_lines():
            if line.startswith("data:"):
                run_id = json.loads(line[5:])["run_id"]
                break
    run = await run_until(http, run_id, TERMINAL)
    assert run["status"] == "interrupted" and run["stop_reason"] == "disconnect"


async def test_run_timeout(http):
    result = (
        await http.post(
            "/runs/wait",
            json={
                "agent_id": "slow",
                "input": {"steps": 100, "delay": 0.05},
                "config": {"timeout": 0.3},
            },
        )
    ).json()
    assert result["run"]["status"] == "timeout" and result["run"]["stop_reason"] == "timeout"
    assert 1 <= result["values"]["step"] < 100


# -- webhooks --------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def receiver():
    received: list[dict] = []

    async def hook(request: Request) -> Response:
        received.append(await request.json())
        return Response(status_code=204)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            Starlette(routes=[Route("/hook", hook, methods=["POST"])]),
            port=port,
            log_level="warning",
        )
    )
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}/hook", received
    finally:
        server.should_exit = True
        await task


async def test_webhook_receives_the_run_and_its_values(start_server, empty_database_url):
    server = await start_server(empty_database_url, AP_WEBHOOK_ALLOW_PRIVATE="1")
    async with (
        receiver() as (url, received),
        httpx.AsyncClient(base_url=server.base_url, timeout=30) as other,
    ):
        result = (
            await other.post("/runs/wait", json={"agent_id": "echo", "input": "x", "webhook": url})
        ).json()

        async def delivered() -> bool:
            return bool(received)

        await eventually(delivered, "the webhook")
    assert len(received) == 1
    assert received[0]["run_id"] == result["run"]["run_id"]
    assert received[0]["status"] == "success" and received[0]["values"] == {"echo": "x"}


async def test_loopback_webhooks_are_refused_by_default(http):
    response = await http.post(
        "/runs", json={"agent_id": "echo", "webhook": "http://127.0.0.1:9/hook"}
    )
    assert response.status_code == 422 and response.json()["code"] == "webhook_refused"


# -- joining streams, replay, several processes ----------------------------------------


async def test_join_stream_with_last_event_id_replays_then_follows(http, api):
    thread_id = await new_thread(http)
    run = (
        await http.post(
            "/runs",
            json={
                "agent_id": "slow",
                "thread_id": thread_id,
                "input": {"steps": 6, "delay": 0.1},
                "stream_mode": ["values"],
            },
        )
    ).json()
    seen = []
    async with stream_run(api, run["run_id"]) as stream:
        async for event in stream:
            seen.append(event)
            if event.event == "values":
                break  # drop the connection after the first state
    last = seen[-1].id
    async with stream_run(api, run["run_id"], last_event_id=last) as stream:
        rest = [event async for event in stream]
    steps = [e.json()["step"] for e in seen + rest if e.event == "values"]
    assert steps == list(range(steps[0], 7)), "no event lost, none repeated"
    assert rest[-1].event == "end" and int(rest[0].id) == int(last) + 1

    replay = await sse(http, "GET", f"/runs/{run['run_id']}/stream", headers={"Last-Event-ID": "0"})
    assert [e["event"] for e in replay] == ["metadata"] + ["values"] * 6 + ["end"]
    ended = await sse(http, "GET", f"/runs/{run['run_id']}/stream")
    assert ended[0]["event"] == "metadata" and ended[-1]["event"] == "end"
    bad = await http.get(f"/runs/{run['run_id']}/stream", headers={"Last-Event-ID": "abc"})
    assert bad.status_code == 422


async def test_two_processes_one_database(http, start_server, database_url):
    other = await start_server(database_url)
    async with httpx.AsyncClient(base_url=other.base_url, timeout=30) as second:
        thread_id = await new_thread(http)
        run = (
            await http.post(
                "/runs",
                json={
                    "agent_id": "slow",
                    "thread_id": thread_id,
                    "input": {"steps": 4, "delay": 0.1},
                    "stream_mode": "values",
                },
            )
        ).json()
        streamed, waited = await asyncio.gather(
            sse(second, "GET", f"/runs/{run['run_id']}/stream", headers={"Last-Event-ID": "0"}),
            second.get(f"/runs/{run['run_id']}/wait"),
        )
        assert [e["event"] for e in streamed] == ["metadata"] + ["values"] * 4 + ["end"]
        assert waited.json()["values"] == {"step": 4}


async def test_a_killed_process_run_is_recovered_within_the_lease(start_server, empty_database_url):
    env = {"AP_LEASE_SECONDS": "1", "AP_MAX_ATTEMPTS": "2"}
    doomed = await start_server(empty_database_url, **env)
    async with httpx.AsyncClient(base_url=doomed.base_url, timeout=30) as client:
        thread_id = await new_thread(client)
        run = (
            await client.post(
                "/runs",
                json={
                    "agent_id": "slow",
                    "thread_id": thread_id,
                    "input": {"steps": 4, "delay": 0.3},
                },
            )
        ).json()
        await until_value(client, thread_id, "step", 1)
    doomed.process.send_signal(signal.SIGKILL)
    doomed.process.wait()

    survivor = await start_server(empty_database_url, **env)
    async with httpx.AsyncClient(base_url=survivor.base_url, timeout=30) as client:
        done = (await client.get(f"/runs/{run['run_id']}/wait")).json()
        assert done["run"]["status"] == "success", "retried on the surviving process"
        assert done["values"]["step"] == 4
        assert (await client.get(f"/threads/{thread_id}")).json()["status"] == "idle"
        after = (
            await client.post(
                "/runs/wait", json={"agent_id": "echo", "thread_id": thread_id, "input": 1}
            )
        ).json()
        assert after["run"]["status"] == "success", "the thread is usable again"


async def test_a_killed_process_run_out_of_attempts_ends_in_error(start_server, empty_database_url):
    env = {"AP_LEASE_SECONDS": "1", "AP_MAX_ATTEMPTS": "1"}
    doomed = await start_server(empty_database_url, **env)
    async with httpx.AsyncClient(base_url=doomed.base_url, timeout=30) as client:
        thread_id = await new_thread(client)
        run = (
            await client.post(
                "/runs",
                json={
                    "agent_id": "slow",
                    "thread_id": thread_id,
                    "input": {"steps": 20, "delay": 0.3},
                },
            )
        ).json()
        await run_until(client, run["run_id"], {"running"})
    doomed.process.send_signal(signal.SIGKILL)
    doomed.process.wait()
    survivor = await start_server(empty_database_url, **env)
    async with httpx.AsyncClient(base_url=survivor.base_url, timeout=30) as client:
        done = (await client.get(f"/runs/{run['run_id']}/wait")).json()
        assert done["run"]["status"] == "error" and done["run"]["error"]["type"] == "WorkerLost"
        assert (await client.get(f"/threads/{thread_id}")).json()["status"] == "error"
