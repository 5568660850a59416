"""LangGraph runs beyond the basics: create_batch, no silent drops (422 `not_supported`
naming the field), the graph's own stream modes, `__interrupt__` where LangGraph puts it,
`Last-Event-ID` as LangGraph clients send it, join_stream's `stream_mode`."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from langgraph_sdk import get_client
from langgraph_sdk.errors import UnprocessableEntityError

from .conftest import ServerProcess, create_database, drop_database, spawn_server
from .lg_fixtures import client_fixture, lg_server_on  # noqa: F401

GRAPHS = "tests.langgraph_graphs"
AGENTS = ",".join(
    f"{GRAPHS}:{n}"
    for n in ("hitl_graph", "slow_graph", "outer_graph", "tool_graph", "chat_graph", "nested")
)


lg_server = lg_server_on(AGENTS)


@pytest.fixture
async def http(lg_server: ServerProcess) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"{lg_server.base_url}/langgraph", timeout=30) as h:
        yield h


async def test_create_batch(client):
    runs = await client.runs.create_batch(
        [
            {"assistant_id": "echo", "input": {"n": 1}},
            {"assistant_id": "slow_graph", "input": {"limit": 2}},
        ]
    )
    assert [r["assistant_id"] for r in runs] == [
        (await client.assistants.get(a))["assistant_id"] for a in ("echo", "slow_graph")
    ]
    assert await client.runs.join(runs[0]["thread_id"], runs[0]["run_id"]) == {"echo": {"n": 1}}
    assert (await client.runs.join(runs[1]["thread_id"], runs[1]["run_id"]))["ticks"] == 2
    with pytest.raises(UnprocessableEntityError):
        await client.runs.create_batch([])


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"durability": "exit"}, "durability"),
        ({"strict_resume": False}, "strict_resume"),
    ],
)
async def test_fields_not_honoured_are_refused_by_name(http, fields, named):
    refused = await http.post("/runs", json={"assistant_id": "hitl_graph", "input": {}, **fields})
    assert refused.status_code == 422, refused.text
    body = refused.json()
    assert body["code"] == "not_supported" and named in body["message"]


async def test_honoured_values_and_unknown_fields(http):
    ok = await http.post(
        "/runs/wait",
        json={
            "assistant_id": "echo",
            "input": {"x": 1},
            "stream_subgraphs": False,
            "stream_resumable": True,
            "durability": "sync",
            "checkpoint_during": True,
        },
    )
    assert ok.status_code == 200 and ok.json() == {"echo": {"x": 1}}
    unknown = await http.post("/runs", json={"assistant_id": "echo", "surprise": 1})
    assert unknown.status_code == 422 and "surprise" in unknown.text
    native = await http.post("/runs", json={"assistant_id": "echo", "stream_mode": ["debug"]})
    assert native.status_code == 422 and "stream_mode.debug" in native.json()["message"]
    events = await http.post("/runs", json={"assistant_id": "echo", "stream_mode": ["events"]})
    assert events.status_code == 422 and events.json()["code"] == "not_supported"
    assert "stream_mode.events" in events.json()["message"]
    flat = await http.post("/runs/wait", json={"assistant_id": "echo", "stream_subgraphs": True})
    assert flat.status_code == 200  # a native agent has no subgraph: nothing more to stream
    state = await http.post("/threads", json={})
    thread_id = state.json()["thread_id"]
    sub = await http.get(f"/threads/{thread_id}/state", params={"select": "values"})
    assert sub.status_code == 422 and sub.json()["code"] == "not_supported"
    history = await http.post(f"/threads/{thread_id}/history", json={"select": ["values"]})
    assert history.status_code == 422 and "select" in history.json()["message"]


async def test_a_graphs_own_stream_modes(client):
    parts = [
        p
        async for p in client.runs.stream(
            None,
            "slow_graph",
            input={"limit": 2},
            stream_mode=["debug", "tasks", "checkpoints", "values"],
        )
    ]
    events = [p.event for p in parts]
    assert {"debug", "tasks", "checkpoints", "values"} <= set(events)
    debug = [p.data for p in parts if p.event == "debug"]
    assert {d["type"] for d in debug} >= {"checkpoint", "task", "task_result"}
    tasks = [p.data for p in parts if p.event == "tasks"]
    assert any(t.get("name") == "tick" for t in tasks)
    checkpoints = [p.data for p in parts if p.event == "checkpoints"]
    assert checkpoints[-1]["values"]["ticks"] == 2


async def streamed(client, *args, **kwargs) -> list:
    """The parts of `client.runs.stream(*args, **kwargs)`."""
    return [p async for p in client.runs.stream(*args, **kwargs)]


def subgraph_of(event: str) -> tuple[str, list[str]]:
    """An event's mode and namespace, as LangGraph names a subgraph's: `mode|node:task|...`."""
    mode, *namespace = event.split("|")
    return mode, namespace


async def test_stream_subgraphs(client):
    thread_id = (await client.threads.create())["thread_id"]
    parts = await streamed(
        client,
        thread_id,
        "outer_graph",
        input={"question": "q"},
        stream_mode=["updates", "values", "custom"],
        stream_subgraphs=True,
    )
    named = [(subgraph_of(p.event), p.data) for p in parts if p.event not in ("metadata", "end")]
    inner = {ns[0] for (mode, ns), _ in named if ns}
    assert len(inner) == 1 and next(iter(inner)).startswith("inner:")  # `node:task id`
    (ns,) = inner
    assert [data for (mode, n), data in named if mode == "updates" and n == [ns]] == [
        {"note": {"steps": ["note"]}},
        {"finish": {"steps": ["finish"]}},
    ]
    assert [data for (mode, n), data in named if mode == "custom"] == [{"noted": "q"}]
    assert [mode for (mode, n), _ in named if mode == "custom" and n == [ns]] == ["custom"]
    inner_values = [data for (mode, n), data in named if mode == "values" and n == [ns]]
    assert inner_values[-1] == {"question": "q", "steps": ["note", "finish"]}
    root_updates = [data for (mode, n), data in named if mode == "updates" and not n]
    assert [list(u) for u in root_updates] == [["inner"], ["done"]]
    values = [data for (mode, n), data in named if mode == "values" and not n]
    assert values[-1]["steps"] == ["note", "finish", "finish"]

    # join_stream replays them, its `stream_mode` filtering by the mode of the name
    run = (await client.runs.list(thread_id))[0]
    joined = [
        p.event
        async for p in client.runs.join_stream(
            thread_id, run["run_id"], stream_mode=["updates"], last_event_id="-1"
        )
    ]
    assert f"updates|{ns}" in joined and "updates" in joined
    assert not [e for e in joined if e.split("|")[0] in ("values", "custom")]

    # without stream_subgraphs: only the graph's own events, as before
    flat = await streamed(
        client, None, "outer_graph", input={"question": "q"}, stream_mode=["updates", "custom"]
    )
    assert not [p for p in flat if "|" in p.event]


async def test_a_subgraphs_interrupt_with_stream_subgraphs(client):
    thread_id = (await client.threads.create())["thread_id"]
    parts = await streamed(
        client,
        thread_id,
        "nested",  # the hitl graph as its node `inner`
        input={"question": "ok?"},
        stream_mode=["updates"],
        stream_subgraphs=True,
    )
    asked = {p.event.split(":")[0]: p.data for p in parts if "__interrupt__" in p.data}
    assert set(asked) == {"updates", "updates|inner"}  # the subgraph's, and the graph's
    assert [i["value"] for i in asked["updates"]["__interrupt__"]] == [{"question": "ok?"}]
    assert (await client.threads.get(thread_id))["status"] == "interrupted"

    # the resume goes on inside the subgraph, its events in the same namespace's form
    resumed = await streamed(
        client,
        thread_id,
        "nested",
        command={"resume": "yes"},
        stream_mode=["updates"],
        stream_subgraphs=True,
    )
    named = [(p.event.split(":")[0], p.data) for p in resumed if p.event.startswith("updates")]
    assert named == [
        ("updates|inner", {"ask": {"answer": "yes", "steps": ["ask"]}}),
        ("updates|inner", {"finish": {"steps": ["finish"]}}),
        ("updates", {"inner": {"question": "ok?", "answer": "yes", "steps": ["ask", "finish"]}}),
        ("updates", {"finish": {"steps": ["finish"]}}),
    ]


async def test_events_stream_mode(client):
    thread_id = (await client.threads.create())["thread_id"]
    parts = await streamed(
        client,
        thread_id,
        "chat_graph",
        input={"messages": [{"type": "human", "content": "hi"}]},
        stream_mode=["events", "values"],
    )
    events = [p.data for p in parts if p.event == "events"]
    kinds = {e["event"] for e in events}
    assert {"on_chain_start", "on_chain_end", "on_chat_model_start", "on_chat_model_end"} <= kinds
    assert "on_chat_model_stream" in kinds  # the fake model streams its tokens
    tokens = "".join(
        e["data"]["chunk"]["content"] for e in events if e["event"] == "on_chat_model_stream"
    )
    assert tokens == "you said: hi"
    assert all(e.get("run_id") and "name" in e for e in events)
    # the run's own chunks are its modes' events (values here), not `events`
    values = [p.data for p in parts if p.event == "values"]
    assert values[-1]["messages"][-1]["content"] == "you said: hi"
    assert not [e for e in events if e["event"] == "on_chain_stream" and not e["parent_ids"]]
    assert (await client.threads.get_state(thread_id))["values"] == values[-1]


async def test_events_with_subgraphs_and_a_tool_node(client):
    parts = await streamed(
        client,
        None,
        "tool_graph",
        input={"messages": [{"type": "human", "content": "Paris"}]},
        stream_mode=["events", "updates"],
        stream_subgraphs=True,
    )
    events = [p.data for p in parts if p.event == "events"]
    tool = [e for e in events if e["event"] in ("on_tool_start", "on_tool_end")]
    assert [(e["event"], e["name"]) for e in tool] == [
        ("on_tool_start", "lookup"),
        ("on_tool_end", "lookup"),
    ]
    updates = [p.data for p in parts if p.event == "updates"]
    assert [list(u) for u in updates] == [["plan"], ["tools"], ["plan"]]
    assert updates[-1]["plan"]["messages"][-1]["content"] == "it is sunny in Paris"


async def test_a_run_streaming_events_is_cancelled(client):
    thread_id = (await client.threads.create())["thread_id"]
    run = await client.runs.create(
        thread_id,
        "slow_graph",
        input={"limit": 500},
        config={"recursion_limit": 1000},
        stream_mode=["events"],
        stream_subgraphs=True,
    )
    async for part in client.runs.join_stream(thread_id, run["run_id"], last_event_id="-1"):
        if part.event == "events" and part.data["event"] == "on_chain_end":
            break  # a node has run: the graph is streaming its events
    await client.runs.cancel(thread_id, run["run_id"], wait=True)
    assert (await client.runs.get(thread_id, run["run_id"]))["status"] == "interrupted"
    assert (await client.threads.get(thread_id))["status"] == "idle"


async def test_tools_stream_mode(client, http):
    parts = await streamed(
        client,
        None,
        "tool_graph",
        input={"messages": [{"type": "human", "content": "Oslo"}]},
        stream_mode=["tools"],
    )
    tools = [p.data for p in parts if p.event == "tools"]
    assert [(t["event"], t["tool_call_id"]) for t in tools] == [
        ("tool-started", "call-1"),
        ("tool-finished", "call-1"),
    ]
    assert tools[0]["tool_name"] == "lookup" and tools[0]["input"] == {"city": "Oslo"}
    assert tools[1]["output"]["content"] == "sunny in Oslo"
    assert {p.event for p in parts} == {"metadata", "tools", "end"}
    native = await http.post("/runs", json={"assistant_id": "echo", "stream_mode": "tools"})
    assert native.status_code == 422 and "stream_mode.tools" in native.json()["message"]


async def test_an_interrupt_in_values_only_mode(client):
    thread_id = (await client.threads.create())["thread_id"]
    parts = [
        p
        async for p in client.runs.stream(
            thread_id, "hitl_graph", input={"question": "q?"}, stream_mode=["values"]
        )
    ]
    assert {p.event for p in parts} == {"metadata", "values", "end"}
    last = [p.data for p in parts if p.event == "values"][-1]
    assert last["__interrupt__"][0]["value"] == {"question": "q?"}
    assert all(p.data for p in parts if p.event == "values")  # no empty values event


async def test_last_event_id_as_langgraph_clients_send_it(client, http):
    run = await client.runs.create(
        None, "slow_graph", input={"limit": 2}, stream_mode=["values", "updates"]
    )
    await client.runs.join(run["thread_id"], run["run_id"])
    path = f"/threads/{run['thread_id']}/runs/{run['run_id']}/stream"
    every = [
        p async for p in client.runs.join_stream(run["thread_id"], run["run_id"], last_event_id="0")
    ]
    for header, expected in (("2", every[2:]), ("2-0", every[2:]), ("abc", every)):
        async with http.stream("GET", path, headers={"Last-Event-ID": header}) as response:
            assert response.status_code == 200
            text = (await response.aread()).decode()
        ids = [line[4:] for line in text.splitlines() if line.startswith("id: ")]
        assert ids == [p.id for p in expected], header
    only = [
        p.event
        async for p in client.runs.join_stream(
            run["thread_id"], run["run_id"], last_event_id="0", stream_mode=["updates"]
        )
    ]
    assert set(only) == {"metadata", "updates", "end"}


@pytest.fixture(scope="module")
async def factory_server(postgres_url: str) -> AsyncIterator[ServerProcess]:
    url = await create_database(postgres_url)
    agents = f"{GRAPHS}:made_for,{GRAPHS}:made_async"
    try:
        async with await spawn_server(url, AP_AGENTS=agents, AP_EXAMPLE_AGENTS="0") as server:
            yield server
    finally:
        await drop_database(postgres_url, url)


async def test_graph_factories_make_a_graph_per_run(factory_server):
    client = get_client(url=f"{factory_server.base_url}/langgraph", timeout=30)
    thread_id = (await client.threads.create())["thread_id"]
    ann = await client.runs.wait(
        thread_id, "made_for", input={}, config={"configurable": {"who": "Ann"}}
    )
    assert ann["answer"] == "made for Ann"
    bo = await client.runs.wait(
        thread_id, "made_for", input={}, config={"configurable": {"who": "Bo"}}
    )
    assert bo["answer"] == "made for Bo"  # a new graph for this run's config
    assert (await client.runs.wait(None, "made_async", input={}))["steps"] == ["finish"]
    drawn = await client.assistants.get_graph("made_for")
    assert "answer" in {n["id"] for n in drawn["nodes"]}
    assert (
        "question"
        in (await client.assistants.get_schemas("made_async"))["input_schema"]["properties"]
    )


@pytest.fixture(scope="module")
async def quick_heartbeat(postgres_url: str) -> AsyncIterator[ServerProcess]:
    url = await create_database(postgres_url)
    try:
        async with await spawn_server(url, AP_AGENTS=AGENTS, AP_SSE_HEARTBEAT="0.2") as server:
            yield server
    finally:
        await drop_database(postgres_url, url)


async def test_long_waits_and_joins_send_keepalive_newlines(quick_heartbeat):
    base = f"{quick_heartbeat.base_url}/langgraph"
    long_run = {"assistant_id": "slow_graph", "input": {"limit": 8}}  # ~0.8 s: heartbeats
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        waited = await http.post("/runs/wait", json=long_run)
        assert waited.status_code == 200
        assert waited.content.startswith(b"\n") and waited.json()["ticks"] == 8
        quick = await http.post("/runs/wait", json={"assistant_id": "echo", "input": {"q": 1}})
        assert quick.content.startswith(b"{") and quick.json() == {"echo": {"q": 1}}
        run = (await http.post("/runs", json=long_run)).json()
        joined = await http.get(f"/threads/{run['thread_id']}/runs/{run['run_id']}/join")
        assert joined.content.startswith(b"\n") and joined.json()["ticks"] == 8
    client = get_client(url=base, timeout=30)
    assert (await client.runs.wait(None, "slow_graph", input={"limit": 8}))["ticks"] == 8
