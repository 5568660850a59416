"""The thread streaming protocol's channels for LangGraph graphs (httpx, SSE; LangGraph's
Python SDK over SSE and WebSocket): subgraphs' events in their namespaces, the `tools`
channel (a graph's tool node), the `tasks` channel; for a native agent those say nothing."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from langgraph_sdk import get_client

from .conftest import ServerProcess
from .helpers import eventually
from .lg_fixtures import lg_server_on
from .test_streaming import collect, command, new_id, sse, terminal
from .test_streaming_sdks import JS, node_json, node_modules  # noqa: F401  (the fixture `node_modules`)

GRAPHS = "tests.langgraph_graphs"
lg_server = lg_server_on(
    ",".join(f"{GRAPHS}:{n}" for n in ("outer_graph", "tool_graph", "nested", "chat_outer"))
)


@pytest.fixture
async def http(lg_server: ServerProcess) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=lg_server.base_url, timeout=30) as h:
        yield h


def root_terminal(event: dict) -> bool:
    """The run's end (a subgraph's `completed` is not)."""
    return terminal(event) and not event["params"]["namespace"]


async def run_and_collect(http, agent: str, run_input, channels: list[str], **stream) -> list:
    """Start a run with `run.start` and collect its events (from the thread's first), up to
    its end, on `channels` (lifecycle added to see the end)."""
    thread_id = new_id()
    started = await command(
        http, thread_id, "run.start", {"assistant_id": agent, "input": run_input}
    )
    assert started["type"] == "success", started
    body = {"channels": [*channels, "lifecycle"], "since": 0, **stream}
    events = await collect(sse(http, f"/threads/{thread_id}/stream", body), root_terminal)
    return [e for e in events if e["method"] in channels or e["method"] == "input.requested"]


async def test_subgraph_events_are_in_its_namespace(http):
    events = await run_and_collect(
        http, "outer_graph", {"question": "q"}, ["updates", "values", "custom", "tasks"]
    )
    namespaces = {tuple(e["params"]["namespace"]) for e in events}
    inner = [ns for ns in namespaces if ns]
    assert len(inner) == 1 and len(inner[0]) == 1 and inner[0][0].startswith("inner:")
    (ns,) = inner
    of = [
        (e["method"], e["params"]["data"]) for e in events if tuple(e["params"]["namespace"]) == ns
    ]
    assert [d for m, d in of if m == "updates"] == [
        {"node": "note", "values": {"steps": ["note"]}},
        {"node": "finish", "values": {"steps": ["finish"]}},
    ]
    assert [d for m, d in of if m == "custom"] == [{"payload": {"noted": "q"}}]
    assert [d for m, d in of if m == "values"][-1] == {"question": "q", "steps": ["note", "finish"]}
    assert [d["name"] for m, d in of if m == "tasks" and "result" in d] == ["note", "finish"]
    root = [(e["method"], e["params"]["data"]) for e in events if not e["params"]["namespace"]]
    assert [d["node"] for m, d in root if m == "updates"] == ["inner", "done"]
    # the producing node on the envelope too (`params.node`), as LangGraph's server has it
    updates = [e for e in events if e["method"] == "updates"]
    assert all(e["params"]["node"] == e["params"]["data"]["node"] for e in updates)
    started = [d for m, d in root if m == "tasks" and "input" in d]
    assert [d["name"] for d in started] == ["inner", "done"]
    assert ns[0] == f"inner:{started[0]['id']}"  # LangGraph's `node:task id`
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(set(seqs))

    # `depth: 0` keeps the root's; a namespace prefix keeps the subgraph's
    root_only = await run_and_collect(http, "outer_graph", {"question": "q"}, ["updates"], depth=0)
    assert [e["params"]["data"]["node"] for e in root_only] == ["inner", "done"]


async def test_a_subgraphs_lifecycle(http):
    events = await run_and_collect(http, "outer_graph", {"question": "q"}, ["lifecycle", "tasks"])
    inner = [e for e in events if e["params"]["namespace"]]
    lifecycle = [e["params"]["data"] for e in inner if e["method"] == "lifecycle"]
    (ns,) = {tuple(e["params"]["namespace"]) for e in inner}
    task_id = ns[0].removeprefix("inner:")
    run_id = lifecycle[0]["run_id"]
    assert lifecycle == [
        {"event": "started", "graph_name": "inner", "trigger_call_id": task_id, "run_id": run_id},
        {"event": "completed", "graph_name": "inner", "run_id": run_id},
    ]
    methods = [(e["method"], bool(e["params"]["namespace"])) for e in events]
    assert methods.index(("lifecycle", True)) < methods.index(("tasks", True))  # it starts first
    root = [
        e["params"]["data"]["event"]
        for e in events
        if e["method"] == "lifecycle" and not e["params"]["namespace"]
    ]
    assert root == ["started", "running", "completed"]

    asked = await run_and_collect(http, "nested", {"question": "ok?"}, ["lifecycle"])
    assert [
        (e["params"]["data"]["event"], bool(e["params"]["namespace"])) for e in asked
    ] == [
        ("started", False), ("running", False), ("started", True), ("interrupted", True),
        ("interrupted", False),
    ]  # fmt: skip


async def test_namespace_filter_selects_a_subgraph(http):
    thread_id = new_id()
    started = await command(
        http, thread_id, "run.start", {"assistant_id": "outer_graph", "input": {"question": "x"}}
    )
    assert started["type"] == "success", started
    everything = await collect(
        sse(
            http, f"/threads/{thread_id}/stream", {"channels": ["updates", "lifecycle"], "since": 0}
        ),
        terminal,
    )
    (ns,) = {tuple(e["params"]["namespace"]) for e in everything if e["params"]["namespace"]}
    body = {"channels": ["updates"], "since": 0, "namespaces": [list(ns)], "follow": False}
    only = [e async for e in sse(http, f"/threads/{thread_id}/stream", body)]
    assert [e["params"]["data"]["node"] for e in only] == ["note", "finish"]
    # the node's name alone (no task id) selects it too, as on LangGraph's server
    named = [part.split(":", 1)[0] for part in ns]
    body = {**body, "namespaces": [named]}
    by_name = [e async for e in sse(http, f"/threads/{thread_id}/stream", body)]
    assert by_name == only
    body = {**body, "namespaces": [[named[0] + "x"]]}
    assert [e async for e in sse(http, f"/threads/{thread_id}/stream", body)] == []


async def test_a_subgraphs_chat_model_streams_in_its_namespace(http):
    events = await run_and_collect(
        http, "chat_outer", {"messages": [{"role": "user", "content": "hi"}]}, ["messages"]
    )
    kinds = [e["params"]["data"]["event"] for e in events]
    assert kinds[:2] == ["message-start", "content-block-start"]
    assert kinds[-2:] == ["content-block-finish", "message-finish"]
    assert set(kinds[2:-2]) == {"content-block-delta"} and len(kinds) > 5  # token by token
    text = "".join(e["params"]["data"]["delta"]["text"] for e in events[2:-2])
    assert text == events[-2]["params"]["data"]["content"]["text"] == "you said: hi"
    (namespace,) = {tuple(e["params"]["namespace"]) for e in events}
    assert len(namespace) == 1 and namespace[0].startswith("inner:")
    seqs = [e["seq"] for e in events]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))


async def test_tools_channel_of_a_tool_node(http):
    events = await run_and_collect(
        http, "tool_graph", {"messages": [{"role": "user", "content": "Paris"}]}, ["tools"]
    )
    data = [e["params"]["data"] for e in events]
    assert [d["event"] for d in data] == ["tool-started", "tool-finished"]
    assert data[0] == {
        "event": "tool-started",
        "tool_call_id": "call-1",
        "tool_name": "lookup",
        "input": {"city": "Paris"},
    }
    assert data[1]["tool_call_id"] == "call-1"
    assert data[1]["output"]["content"] == "sunny in Paris"
    assert data[1]["output"]["tool_call_id"] == "call-1"
    assert all(e["params"]["namespace"] == [] for e in events)


async def test_tasks_channel(http):
    events = await run_and_collect(
        http, "tool_graph", {"messages": [{"role": "user", "content": "Rome"}]}, ["tasks"]
    )
    data = [e["params"]["data"] for e in events]
    assert [(d["name"], "result" in d) for d in data] == [
        ("plan", False), ("plan", True), ("tools", False), ("tools", True),
        ("plan", False), ("plan", True),
    ]  # fmt: skip
    assert data[0]["id"] == data[1]["id"] and data[1]["error"] is None
    assert data[-1]["result"]["messages"][-1]["content"] == "it is sunny in Rome"


async def test_a_subgraphs_question_is_asked_once(http):
    events = await run_and_collect(
        http, "nested", {"question": "ship?"}, ["updates", "values", "input"]
    )
    asked = [e for e in events if e["method"] == "input.requested"]
    assert len(asked) == 1 and asked[0]["params"]["data"]["value"] == {"question": "ship?"}
    assert all("__interrupt__" not in (e["params"]["data"].get("values") or {}) for e in events)
    assert all(
        "__interrupt__" not in e["params"]["data"] for e in events if e["method"] == "values"
    )


async def tree_after(http, agent: str, run_input) -> dict[str, Any]:
    """`agent.getTree` of a new thread once a run of `agent` stopped."""
    thread_id = new_id()
    started = await command(
        http, thread_id, "run.start", {"assistant_id": agent, "input": run_input}
    )
    assert started["type"] == "success", started
    body = {"channels": ["lifecycle"], "since": 0}
    await collect(sse(http, f"/threads/{thread_id}/stream", body), root_terminal)
    answer = await command(http, thread_id, "agent.getTree", {})
    assert answer["type"] == "success", answer
    return answer["result"]["tree"]


async def test_agent_tree_has_the_subgraphs_a_run_went_through(http):
    tree = await tree_after(http, "outer_graph", {"question": "q"})
    (child,) = tree.pop("children")
    assert tree == {"namespace": [], "status": "completed", "graph_name": "outer_graph"}
    (segment,) = child["namespace"]
    assert segment.startswith("inner:") and len(segment) > len("inner:")
    assert child == {"namespace": [segment], "status": "completed", "graph_name": "inner"}
    # a subgraph that asked: it and the root are interrupted
    tree = await tree_after(http, "nested", {"question": "ship?"})
    (child,) = tree.pop("children")
    assert tree == {"namespace": [], "status": "interrupted", "graph_name": "nested"}
    assert child["status"] == "interrupted" and child["graph_name"] == "inner"
    assert "children" not in child
    # a native agent: the root alone
    tree = await tree_after(http, "echo", {"x": 1})
    assert tree == {"namespace": [], "status": "completed", "graph_name": "echo"}


async def test_native_agents_say_nothing_on_tools_and_tasks(http):
    events = await run_and_collect(http, "echo", {"x": 1}, ["tools", "tasks", "values"])
    assert [e["method"] for e in events] == ["values"]
    assert events[0]["params"]["namespace"] == []


# -- LangGraph's Python SDK (`client.threads.stream`) reads them ---------------------------


async def handles_of(projection: Any, done: Callable[[Any], bool]) -> list[Any]:
    """Iterate an SDK projection (`thread.tool_calls`, `thread.subgraphs`: it feeds its
    handles only while iterated) until it gave a handle and `done(handle)` for each."""
    handles: list[Any] = []

    async def iterate() -> None:
        async for handle in projection:
            handles.append(handle)

    async def finished() -> bool:
        return bool(handles) and all(done(h) for h in handles)

    iterating = asyncio.ensure_future(iterate())
    try:
        await eventually(finished, "the handles' ends")
    finally:
        iterating.cancel()
    return handles


@pytest.mark.parametrize("transport", ["sse", "websocket"])
async def test_python_sdk_tool_calls(lg_server, transport):
    client = get_client(url=f"{lg_server.base_url}/langgraph")
    async with client.threads.stream(assistant_id="tool_graph", transport=transport) as thread:
        await thread.run.start(input={"messages": [{"type": "human", "content": "Lima"}]})
        (call,) = await handles_of(thread.tool_calls, lambda call: call.done)
        async with asyncio.timeout(30):
            await thread.output
    assert (call.name, call.input, call.tool_call_id) == ("lookup", {"city": "Lima"}, "call-1")
    assert call.output.result()["content"] == "sunny in Lima"


@pytest.mark.parametrize("transport", ["sse", "websocket"])
async def test_python_sdk_subgraphs(lg_server, transport):
    client = get_client(url=f"{lg_server.base_url}/langgraph")
    async with client.threads.stream(assistant_id="outer_graph", transport=transport) as thread:
        await thread.run.start(input={"question": "q"})
        # a subgraph's end comes with its parent's task result
        (sub,) = await handles_of(thread.subgraphs, lambda sub: sub.status != "started")
        async with asyncio.timeout(30):
            values = await thread.output
    assert sub.graph_name == "inner" and sub.namespace[0].startswith("inner:")
    assert sub.status == "completed"
    assert values["steps"] == ["note", "finish", "finish"]


# -- and LangGraph's JS SDK (`@langchain/langgraph-sdk`, node, tests/js) -------------------


@pytest.mark.usefixtures("node_modules")
@pytest.mark.parametrize("transport", ["sse", "websocket"])
async def test_js_sdk_tool_calls(lg_server, transport):
    seen = await node_json(
        JS / "thread_graph.mjs", f"{lg_server.base_url}/langgraph", transport, "tools", "Kyiv"
    )
    call = seen["seen"]
    assert (call["name"], call["callId"], call["input"]) == ("lookup", "call-1", {"city": "Kyiv"})
    assert "sunny in Kyiv" in json.dumps(call["output"])
    assert "it is sunny in Kyiv" in json.dumps(seen["output"])  # LangChain objects in JS


@pytest.mark.usefixtures("node_modules")
@pytest.mark.parametrize("transport", ["sse", "websocket"])
async def test_js_sdk_subgraphs(lg_server, transport):
    seen = await node_json(
        JS / "thread_graph.mjs", f"{lg_server.base_url}/langgraph", transport, "subgraphs"
    )
    sub = seen["seen"]
    assert (sub["name"], sub["graphName"]) == ("inner", "inner")
    assert len(sub["namespace"]) == 1 and sub["namespace"][0].startswith("inner:")
    assert seen["output"]["steps"] == ["note", "finish", "finish"]
