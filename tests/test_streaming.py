"""The thread streaming protocol: commands (httpx), the SSE stream (httpx), the WebSocket
(the `websockets` client), across two server processes on one database and a restart."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
import websockets

TIMEOUT = 30


async def command(http: httpx.AsyncClient, thread_id: str, method: str, params=None, *, id=1):
    response = await http.post(
        f"/threads/{thread_id}/commands", json={"id": id, "method": method, "params": params or {}}
    )
    assert response.status_code == 200, response.text
    return response.json()


async def sse(http: httpx.AsyncClient, path: str, body: dict) -> AsyncIterator[dict]:
    """The `data` of each event of an SSE stream, with its `id` and `event` checked."""
    async with http.stream("POST", path, json=body, timeout=TIMEOUT) as response:
        assert response.status_code == 200, await response.aread()
        assert response.headers["content-type"].startswith("text/event-stream")
        fields: dict[str, str] = {}
        async for line in response.aiter_lines():
            if line.startswith(":"):
                continue
            if line:
                name, _, value = line.partition(": ")
                fields[name] = value
                continue
            if "data" in fields:
                event = json.loads(fields["data"])
                assert fields["id"] == event["event_id"] == str(event["seq"])
                assert fields["event"] == event["method"]
                yield event
            fields = {}


async def collect(stream: AsyncIterator[dict], until) -> list[dict]:
    """Events of `stream` up to and including the first for which `until(event)`."""
    out = []
    async with asyncio.timeout(TIMEOUT):
        async for event in stream:
            out.append(event)
            if until(event):
                break
    return out


def terminal(event: dict) -> bool:
    return event["method"] == "lifecycle" and event["params"]["data"]["event"] in (
        "completed",
        "failed",
        "interrupted",
    )


def new_id() -> str:
    return str(uuid.uuid4())


# -- commands and SSE --------------------------------------------------------------------


async def test_run_start_streams_lifecycle_values_updates_and_checkpoints(http):
    thread_id = new_id()
    stream = sse(
        http,
        f"/threads/{thread_id}/stream",
        {"channels": ["lifecycle", "values", "updates", "checkpoints"]},
    )
    first = asyncio.ensure_future(anext(stream))  # opened before the thread exists
    started = await command(
        http, thread_id, "run.start", {"assistant_id": "echo", "input": {"x": 1}}
    )
    assert started["type"] == "success", started
    assert started["meta"]["applied_through_seq"] == 0  # the thread had no event before it
    run_id = started["result"]["run_id"]
    events = [await asyncio.wait_for(first, TIMEOUT), *await collect(stream, terminal)]
    methods = [e["method"] for e in events]
    assert methods[0] == "lifecycle" and events[0]["params"]["data"]["event"] == "started"
    assert {"values", "updates", "checkpoints"} <= set(methods)
    assert events[-1]["params"]["data"] == {
        "event": "completed", "run_id": run_id, "graph_name": "echo"
    }  # fmt: skip
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    values = [e for e in events if e["method"] == "values"][-1]
    assert values["params"]["data"] == {"echo": {"x": 1}}
    assert values["params"]["namespace"] == []
    update = next(e for e in events if e["method"] == "updates")
    assert update["params"]["data"] == {"node": "echo", "values": {"echo": {"x": 1}}}
    await stream.aclose()

    # replay from the start, filtered by channel: the same events, the same numbers
    replay = sse(http, f"/threads/{thread_id}/stream", {"channels": ["values"], "since": 0})
    again = await collect(replay, lambda e: True)
    assert again[0]["seq"] == values["seq"] and again[0]["params"]["data"] == {"echo": {"x": 1}}
    await replay.aclose()

    # `follow: false`: what is stored after `since`, then the stream ends
    body = {"channels": ["lifecycle"], "since": events[0]["seq"], "follow": False}
    async with asyncio.timeout(TIMEOUT):
        stored = [e async for e in sse(http, f"/threads/{thread_id}/stream", body)]
    assert stored == [e for e in events if e["method"] == "lifecycle"][1:]


async def test_interrupt_then_input_respond_and_its_errors(http):
    thread_id = new_id()
    started = await command(
        http, thread_id, "run.start", {"assistant_id": "hitl", "input": {"question": "Ship?"}}
    )
    assert started["type"] == "success", started
    stream = sse(
        http, f"/threads/{thread_id}/stream", {"channels": ["lifecycle", "input"], "since": 0}
    )
    events = await collect(stream, terminal)
    await stream.aclose()
    asked = [e for e in events if e["method"] == "input.requested"]
    assert len(asked) == 1 and asked[0]["params"]["data"]["payload"] == {"question": "Ship?"}
    assert events[-1]["params"]["data"]["event"] == "interrupted"
    assert events[-1]["params"]["data"]["stop_reason"] is None
    interrupt_id = asked[0]["params"]["data"]["interrupt_id"]

    wrong = await command(
        http, thread_id, "input.respond", {"namespace": [], "interrupt_id": "nope", "response": 1}
    )
    assert wrong["type"] == "error" and wrong["error"] == "no_such_interrupt", wrong
    busy = await command(http, thread_id, "run.start", {"assistant_id": "echo", "input": 1})
    assert busy["error"] == "thread_interrupted", busy

    answered = await command(
        http, thread_id, "input.respond",
        {"namespace": [], "interrupt_id": interrupt_id, "response": "yes"},
    )  # fmt: skip
    assert answered["type"] == "success", answered
    since = events[-1]["seq"]
    stream = sse(
        http, f"/threads/{thread_id}/stream", {"channels": ["lifecycle", "values"], "since": since}
    )
    after = await collect(stream, terminal)
    await stream.aclose()
    assert after[-1]["params"]["data"]["event"] == "completed"
    assert [e for e in after if e["method"] == "values"][-1]["params"]["data"] == {"answer": "yes"}

    again = await command(
        http,
        thread_id,
        "input.respond",
        {"namespace": [], "interrupt_id": interrupt_id, "response": "again"},
    )
    assert again["type"] == "error" and again["error"] == "thread_not_interrupted", again


async def test_state_commands_and_fork(http):
    thread_id = new_id()
    await command(http, thread_id, "run.start", {"assistant_id": "echo", "input": "one"})
    stream = sse(http, f"/threads/{thread_id}/stream", {"channels": ["lifecycle"], "since": 0})
    await collect(stream, terminal)
    await stream.aclose()
    first = (await command(http, thread_id, "state.get", {"namespace": []}))["result"]
    assert first["values"] == {"echo": "one"}
    second = await command(
        http, thread_id, "run.start",
        {"assistant_id": "echo", "input": "two", "multitask_strategy": "enqueue"},
    )  # fmt: skip
    stream = sse(http, f"/threads/{thread_id}/stream", {"channels": ["lifecycle"], "since": 0})
    lifecycle = await collect(
        stream,
        lambda e: terminal(e) and e["params"]["data"]["run_id"] == second["result"]["run_id"],
    )
    await stream.aclose()
    listed = (await command(http, thread_id, "state.listCheckpoints", {"limit": 5}))["result"]
    ids = [c["id"] for c in listed["checkpoints"]]
    assert first["checkpoint"]["id"] in ids
    only = await command(http, thread_id, "state.get", {"namespace": [], "keys": ["nothing"]})
    assert only["result"]["values"] == {}
    bad_ns = await command(http, thread_id, "state.get", {"namespace": ["sub"]})
    assert bad_ns["error"] == "no_such_namespace"
    assert [e["params"]["data"]["event"] for e in lifecycle].count("completed") == 2
    forked = await command(
        http,
        thread_id,
        "state.fork",
        {"checkpoint_id": first["checkpoint"]["id"], "input": "three"},
    )
    assert forked["type"] == "success", forked
    assert forked["result"]["thread_id"] == thread_id


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"id": 1, "method": "run.nothing", "params": {}}, "unknown_command"),
        ({"id": 2, "method": "run.start", "params": {}}, "invalid_argument"),
        (
            {
                "id": 3,
                "method": "run.start",
                "params": {"assistant_id": "echo", "stream_mode": "x"},
            },
            "invalid_argument",
        ),
        ({"id": 4, "method": "run.start", "params": {"assistant_id": "nobody"}}, "not_found"),
        (
            {"id": 5, "method": "state.fork", "params": {"checkpoint_id": "not-a-uuid"}},
            "invalid_argument",
        ),
        (
            {"id": 6, "method": "subscription.subscribe", "params": {"channels": ["values"]}},
            "not_supported",
        ),
        (
            {"id": 7, "method": "input.inject", "params": {"message": {"role": "robot"}}},
            "invalid_argument",
        ),
        ({"id": 8, "method": "state.listCheckpoints", "params": {"limit": 0}}, "invalid_argument"),
    ],
)
async def test_bad_commands_are_protocol_errors(http, payload, code):
    thread_id = new_id()
    response = await http.post(f"/threads/{thread_id}/commands", json=payload)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["type"] == "error" and body["error"] == code and body["id"] == payload["id"], body
    assert body["message"]


async def test_malformed_requests_are_422(http):
    thread_id = new_id()
    for bad in (
        {"method": "run.start"},
        {"id": -1, "method": "x"},
        {"id": 1, "method": "x", "extra": 1},
    ):
        response = await http.post(f"/threads/{thread_id}/commands", json=bad)
        assert response.status_code == 422, response.text
        assert response.json()["code"] == "validation_error"
    for bad in (
        {"channels": []},
        {"channels": ["nope"]},
        {"channels": ["values"], "since": -1},
        {"channels": ["values"], "since": 2**63},  # past a Postgres bigint
        {"channels": ["values"], "follow": "no"},
    ):
        response = await http.post(f"/threads/{thread_id}/stream", json=bad)
        assert response.status_code == 422, response.text
    plain = await http.get(f"/threads/{thread_id}/stream")
    assert plain.status_code == 426 and plain.json()["code"] == "upgrade_required"


async def test_input_inject_queues_a_run_with_the_message(http):
    thread_id = new_id()
    await command(http, thread_id, "run.start", {"assistant_id": "echo", "input": "first"})
    injected = await command(
        http, thread_id, "input.inject",
        {"namespace": [], "message": {"role": "user", "content": "hello"}},
    )  # fmt: skip
    assert injected["type"] == "success", injected
    stream = sse(
        http, f"/threads/{thread_id}/stream", {"channels": ["messages", "lifecycle"], "since": 0}
    )
    events = await collect(
        stream,
        lambda e: terminal(e) and e["params"]["data"]["run_id"] == injected["result"]["run_id"],
    )
    await stream.aclose()
    messages = [e["params"]["data"] for e in events if e["method"] == "messages"]
    assert [m["event"] for m in messages] == [
        "message-start", "content-block-start", "content-block-delta",
        "content-block-finish", "message-finish",
    ]  # fmt: skip
    assert messages[0]["role"] == "ai"
    assert messages[2]["delta"] == {"type": "text-delta", "text": "hello"}


async def test_langgraph_paths_reach_the_same_log(http):
    thread_id = new_id()
    response = await http.post(
        f"/langgraph/threads/{thread_id}/commands",
        json={
            "id": 9,
            "method": "run.start",
            "params": {"assistant_id": "echo", "input": {"n": 1}},
        },
    )
    assert response.json()["type"] == "success", response.text
    stream = sse(http, f"/threads/{thread_id}/stream", {"channels": ["lifecycle"], "since": 0})
    native = await collect(stream, terminal)
    await stream.aclose()
    stream = sse(
        http,
        f"/langgraph/threads/{thread_id}/stream/events",
        {"channels": ["lifecycle"], "since": 0},
    )
    langgraph = await collect(stream, terminal)
    await stream.aclose()
    assert native == langgraph


# -- the WebSocket -----------------------------------------------------------------------


def ws_url(base_url: str, thread_id: str, path: str = "/threads/{}/stream") -> str:
    return base_url.replace("http://", "ws://") + path.format(thread_id)


class Socket:
    """A protocol WebSocket: commands answered by id; events that arrive meanwhile are
    kept, in order, for `events`."""

    def __init__(self, socket) -> None:
        self.socket = socket
        self.pending: list[dict] = []

    async def call(self, message: dict | str) -> dict:
        await self.socket.send(message if isinstance(message, str) else json.dumps(message))
        wanted = None if isinstance(message, str) else message["id"]
        async with asyncio.timeout(TIMEOUT):
            while True:
                reply = json.loads(await self.socket.recv())
                if reply["type"] == "event":
                    self.pending.append(reply)
                elif reply["id"] == wanted:
                    return reply

    async def events(self, until) -> list[dict]:
        out = []
        async with asyncio.timeout(TIMEOUT):
            while True:
                if self.pending:
                    message = self.pending.pop(0)
                else:
                    message = json.loads(await self.socket.recv())
                if message["type"] == "event":
                    out.append(message)
                    if until(message):
                        return out


async def test_websocket_subscribe_run_and_reconnect(base_url):
    thread_id = new_id()
    async with websockets.connect(ws_url(base_url, thread_id)) as raw:
        socket = Socket(raw)
        sub = await socket.call(
            {
                "id": 1,
                "method": "subscription.subscribe",
                "params": {"channels": ["lifecycle", "values"]},
            },
        )
        assert sub["type"] == "success" and sub["result"]["replayed_events"] == 0, sub
        started = await socket.call(
            {"id": 2, "method": "run.start", "params": {"assistant_id": "echo", "input": "ws"}},
        )
        assert started["type"] == "success", started
        events = await socket.events(terminal)
        assert [e["params"]["data"] for e in events if e["method"] == "values"] == [{"echo": "ws"}]
        assert all(e["method"] in ("lifecycle", "values") for e in events)
        unknown = await socket.call({"id": 3, "method": "nope", "params": {}})
        assert unknown["error"] == "unknown_command"
        gone = await socket.call(
            {"id": 4, "method": "subscription.unsubscribe", "params": {"subscription_id": "x"}},
        )
        assert gone["error"] == "no_such_subscription"
        assert (await socket.call("not json"))["error"] == "invalid_argument"
    # a new socket: subscribe, then reconnect from the first event: the rest is replayed
    path = "/langgraph/threads/{}/stream/events"
    async with websockets.connect(ws_url(base_url, thread_id, path)) as raw:
        socket = Socket(raw)
        await socket.call(
            {"id": 1, "method": "subscription.subscribe", "params": {"channels": ["values"]}},
        )
        reconnect = await socket.call(
            {
                "id": 2,
                "method": "subscription.reconnect",
                "params": {
                    "run_id": started["result"]["run_id"],
                    "last_event_id": events[0]["event_id"],
                },
            },
        )
        assert reconnect["result"] == {
            "restored": True,
            "missed_events": 1,
            "current_namespaces": [{"namespace": [], "status": "completed"}],
        }, reconnect
        replayed = await socket.events(lambda e: True)
        assert replayed[0]["params"]["data"] == {"echo": "ws"}


async def test_websocket_refusals_close_with_4000_plus_status(base_url, http):
    thread = (await http.post("/threads", json={})).json()
    async with websockets.connect(ws_url(base_url, "not-a-uuid")) as socket:
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await socket.recv()
    assert closed.value.rcvd.code == 4422
    async with websockets.connect(ws_url(base_url, thread["thread_id"])) as raw:
        reply = await Socket(raw).call(
            {"id": 1, "method": "state.get", "params": {"namespace": []}}
        )
        assert reply["type"] == "success" and reply["result"]["values"] == {}


# -- processes and restarts --------------------------------------------------------------


async def test_seq_across_processes_and_a_restart(empty_database_url, start_server):
    one = await start_server(empty_database_url)
    two = await start_server(empty_database_url)
    thread_id = new_id()
    async with (
        httpx.AsyncClient(base_url=one.base_url, timeout=TIMEOUT) as a,
        httpx.AsyncClient(base_url=two.base_url, timeout=TIMEOUT) as b,
    ):
        # a stream on process two sees a run started through process one, live
        stream = sse(b, f"/threads/{thread_id}/stream", {"channels": ["lifecycle", "values"]})
        first = asyncio.ensure_future(anext(stream))
        await command(
            a,
            thread_id,
            "run.start",
            {"assistant_id": "slow", "input": {"steps": 2, "delay": 0.05}},
        )
        live = [await asyncio.wait_for(first, TIMEOUT), *await collect(stream, terminal)]
        await stream.aclose()
        assert live[-1]["params"]["data"]["event"] == "completed"
        assert [e["params"]["data"] for e in live if e["method"] == "values"] == [
            {"step": 1},
            {"step": 2},
        ]
    await one.stop()
    await two.stop()
    three = await start_server(empty_database_url)
    async with httpx.AsyncClient(base_url=three.base_url, timeout=TIMEOUT) as c:
        stream = sse(
            c,
            f"/threads/{thread_id}/stream",
            {"channels": ["lifecycle", "values"], "since": live[1]["seq"] - 1},
        )
        replayed = await collect(stream, terminal)
        await stream.aclose()
        assert replayed == live[1:]
        # numbering goes on after the restart
        started = await command(c, thread_id, "run.start", {"assistant_id": "echo", "input": 0})
        assert started["meta"]["applied_through_seq"] >= live[-1]["seq"]
        body = {"channels": ["lifecycle"], "since": live[-1]["seq"], "follow": False}
        async with asyncio.timeout(TIMEOUT):
            after = [e async for e in sse(c, f"/threads/{thread_id}/stream", body)]
        assert after[0]["params"]["data"]["event"] == "started"
        assert after[0]["params"]["data"]["run_id"] == started["result"]["run_id"]
        assert after[0]["seq"] > started["meta"]["applied_through_seq"]


async def test_drain_closes_sockets_with_1012_and_ends_streams(empty_database_url, start_server):
    server = await start_server(empty_database_url)
    thread_id = new_id()
    async with httpx.AsyncClient(base_url=server.base_url, timeout=TIMEOUT) as http:
        await command(http, thread_id, "run.start", {"assistant_id": "echo", "input": 1})
        stream = sse(http, f"/threads/{thread_id}/stream", {"channels": ["lifecycle"]})
        seen = await collect(stream, terminal)  # the stream is open, and following
        async with websockets.connect(ws_url(server.base_url, thread_id)) as raw:
            socket = Socket(raw)
            reply = await socket.call({"id": 1, "method": "state.get", "params": {"namespace": []}})
            assert reply["type"] == "success"
            stopping = asyncio.ensure_future(server.stop())
            with pytest.raises(websockets.ConnectionClosed) as closed:
                async with asyncio.timeout(TIMEOUT):
                    await raw.recv()
            assert closed.value.rcvd.code == 1012
            async with asyncio.timeout(TIMEOUT):
                rest = [event async for event in stream]  # ends without more events
            assert rest == [] and seen
            assert await stopping == 0
    # uvicorn's sans-I/O websockets implementation: no deprecation warning in the log
    assert "deprecated" not in server.log(), server.log()
