"""The generated SDK (client/) against a real server: every streaming operation parses a
200 into the list of its events instead of crashing (the template in spec/client-templates/),
both async and sync; and every generated operation module imports."""

from __future__ import annotations

import importlib
import json
import pkgutil
import uuid

import httpx

import agent_protocol_client.api as api_package
from agent_protocol_client import Client
from agent_protocol_client.api.background_runs import stream_run
from agent_protocol_client.api.lang_graph import (
    lg_create_run,
    lg_create_thread,
    lg_join_stream,
    lg_stream_run,
    lg_stream_stateless_run,
)
from agent_protocol_client.api.runs import (
    create_and_stream_run,
    create_and_wait_run,
    resume_and_stream_run,
)
from agent_protocol_client.api.streaming import (
    open_thread_sse_stream,
    send_thread_streaming_command,
)
from agent_protocol_client.api.threads import create_thread
from agent_protocol_client.models import (
    ErrorResponse,
    EventStreamRequest,
    LgRunCreate,
    LgThreadCreate,
    RunCreate,
    RunResumeStream,
    RunStream,
    StreamEvent,
    StreamEventName,
    StreamingCommand,
    StreamingErrorResponse,
    StreamingSseEvent,
    StreamingSuccessResponse,
    Thread,
    ThreadCreate,
)

from .helpers import eventually

STREAM_OPERATIONS = {
    "stream_run",
    "create_and_stream_run",
    "resume_and_stream_run",
    "lg_stream_run",
    "lg_stream_stateless_run",
    "lg_join_stream",
    "open_thread_sse_stream",
    "lg_open_thread_sse_stream",
}


def events_of(parsed: object) -> list[StreamEvent]:
    assert isinstance(parsed, list), parsed
    assert all(isinstance(e, StreamEvent) for e in parsed)
    names = [e.event for e in parsed]
    assert names[0] == StreamEventName.METADATA and names[-1] == StreamEventName.END, names
    assert all(e.id for e in parsed), "every event has an id"
    return parsed


def test_every_stream_operation_is_covered_here():
    """The eight operations answering text/event-stream are the ones this file calls."""
    found = set()
    for module in pkgutil.walk_packages(api_package.__path__, api_package.__name__ + "."):
        loaded = importlib.import_module(module.name)
        if "parse_event_stream" in vars(loaded):
            found.add(module.name.rsplit(".", 1)[-1])
    assert found == STREAM_OPERATIONS


async def test_native_stream_operations_parse_their_events(base_url):
    async with Client(base_url=base_url, timeout=httpx.Timeout(30)) as client:
        body = RunStream.from_dict(
            {"agent_id": "echo", "input": {"n": 1}, "stream_mode": ["values"]}
        )
        events = events_of(await create_and_stream_run.asyncio(client=client, body=body))
        run_id = uuid.UUID(json.loads(events[0].data)["run_id"])
        assert any(e.event == StreamEventName.VALUES for e in events)

        replay = events_of(await stream_run.asyncio(run_id, client=client))
        assert [e.id for e in replay] == [e.id for e in events]
        after = await stream_run.asyncio(run_id, client=client, last_event_id=events[0].id)
        assert [e.id for e in after] == [e.id for e in events[1:]]

        thread = await create_thread.asyncio(client=client, body=ThreadCreate.from_dict({}))
        assert isinstance(thread, Thread)
        asked = await create_and_wait_run.asyncio(
            client=client,
            body=RunCreate.from_dict(
                {"agent_id": "hitl", "thread_id": str(thread.thread_id), "input": {"question": "?"}}
            ),
        )
        assert asked.run.status == "interrupted"
        resumed = events_of(
            await resume_and_stream_run.asyncio(
                client=client,
                body=RunResumeStream.from_dict(
                    {"thread_id": str(thread.thread_id), "input": "yes"}
                ),
            )
        )
        assert '"success"' in resumed[-1].data


def test_native_stream_operations_sync(base_url):
    with Client(base_url=base_url, timeout=httpx.Timeout(30)) as client:
        body = RunStream.from_dict({"agent_id": "echo", "input": "sync"})
        events = events_of(create_and_stream_run.sync(client=client, body=body))
        detailed = create_and_stream_run.sync_detailed(client=client, body=body)
        assert detailed.status_code == 200
        events_of(detailed.parsed)
        assert len(events) >= 2


async def test_langgraph_stream_operations_parse_their_events(base_url):
    async with Client(base_url=base_url, timeout=httpx.Timeout(30)) as client:
        stateless = await lg_stream_stateless_run.asyncio(
            client=client,
            body=LgRunCreate.from_dict({"assistant_id": "echo", "input": {"n": 1}}),
        )
        events_of(stateless)

        thread = await lg_create_thread.asyncio(client=client, body=LgThreadCreate.from_dict({}))
        thread_id = thread.thread_id
        on_thread = await lg_stream_run.asyncio(
            thread_id,
            client=client,
            body=LgRunCreate.from_dict({"assistant_id": "echo", "input": {"n": 2}}),
        )
        events_of(on_thread)

        run = await lg_create_run.asyncio(
            thread_id,
            client=client,
            body=LgRunCreate.from_dict(
                {"assistant_id": "slow", "input": {"steps": 2, "delay": 0.01}}
            ),
        )
        joined = await lg_join_stream.asyncio(thread_id, run.run_id, client=client)
        assert isinstance(joined, list) and all(isinstance(e, StreamEvent) for e in joined)
        assert joined and joined[-1].event == StreamEventName.END


async def test_a_refused_stream_is_an_error_response_not_a_crash(base_url):
    async with Client(base_url=base_url, timeout=httpx.Timeout(30)) as client:
        missing = await stream_run.asyncio(uuid.uuid4(), client=client)
        assert isinstance(missing, ErrorResponse) and missing.code == "not_found"


async def test_thread_stream_operations_parse_their_events(base_url):
    """A thread's log read to its end (`follow: false`) by the generated client, on both
    path families; a command's two answers parse as their models."""
    from agent_protocol_client.api.lang_graph import lg_open_thread_sse_stream

    thread_id = uuid.uuid4()
    async with Client(base_url=base_url, timeout=httpx.Timeout(30)) as client:
        started = await send_thread_streaming_command.asyncio(
            thread_id,
            client=client,
            body=StreamingCommand.from_dict(
                {"id": 1, "method": "run.start", "params": {"assistant_id": "echo", "input": 1}}
            ),
        )
        assert isinstance(started, StreamingSuccessResponse), started
        refused = await send_thread_streaming_command.asyncio(
            thread_id,
            client=client,
            body=StreamingCommand.from_dict({"id": 2, "method": "nope"}),
        )
        assert isinstance(refused, StreamingErrorResponse) and refused.error == "unknown_command"
        body = EventStreamRequest.from_dict({"channels": ["lifecycle"], "follow": False})
        for operation in (open_thread_sse_stream, lg_open_thread_sse_stream):

            async def ended(operation=operation) -> list[StreamingSseEvent] | None:
                events = await operation.asyncio(thread_id, client=client, body=body)
                assert isinstance(events, list)
                done = any('"completed"' in e.data for e in events)
                return events if done else None

            events = await eventually(ended, "the run's end in the thread's log")
            assert all(isinstance(e, StreamingSseEvent) and e.id for e in events)
            assert json.loads(events[0].data)["params"]["data"]["event"] == "started"
