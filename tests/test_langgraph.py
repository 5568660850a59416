"""Drop-in for LangGraph users: the real `langgraph-sdk` client, pointed at `<server>/langgraph`,
drives threads, runs (background, wait, stream), join, cancel, human-in-the-loop resume and
the store, against LangGraph graphs (tests/langgraph_graphs.py) and native agents, on one
engine shared with the Agent Protocol paths."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from langgraph_sdk import get_client
from langgraph_sdk.errors import ConflictError, NotFoundError, UnprocessableEntityError

from tests.helpers import run_until, until, until_metric, within

from .conftest import ServerProcess, create_database, drop_database, spawn_server

GRAPHS = "tests.langgraph_graphs"
AGENTS = ",".join(
    f"{GRAPHS}:{name}"
    for name in ("hitl_graph", "slow_graph", "failing_graph", "chat_graph", "two_questions")
)

# (agent, input that asks a question, the answer's key in the final values, long-run input)
HITL = {
    "graph": ("hitl_graph", {"question": "ship it?"}),
    "native": ("hitl", {"question": "ship it?"}),
}
LONG = {
    "graph": ("slow_graph", {"limit": 200}, {"recursion_limit": 1000}),
    "native": ("slow", {"steps": 200, "delay": 0.1}, None),
}
FAILING = {"graph": ("failing_graph", {}), "native": ("fail", {"message": "as asked"})}
KINDS = ["graph", "native"]


@pytest.fixture(scope="module")
async def lg_server(postgres_url: str) -> AsyncIterator[ServerProcess]:
    url = await create_database(postgres_url)
    try:
        async with await spawn_server(url, AP_AGENTS=AGENTS, AP_STOP_TIMEOUT="2") as server:
            yield server
    finally:
        await drop_database(postgres_url, url)


@pytest.fixture
def client(lg_server: ServerProcess):
    return get_client(url=f"{lg_server.base_url}/langgraph", timeout=30)


@pytest.fixture
async def http(lg_server: ServerProcess) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=lg_server.base_url, timeout=30) as h:
        yield h


async def running(client, thread_id: str, run_id: str) -> bool:
    return (await client.runs.get(thread_id, run_id))["status"] == "running"


# -- assistants, threads, store ----------------------------------------------------------


async def test_assistants_are_the_agents_and_graphs(client):
    found = {a["graph_id"]: a for a in await client.assistants.search(limit=100)}
    assert {"hitl_graph", "slow_graph", "echo", "hitl"} <= set(found)
    only = await client.assistants.search(graph_id="slow_graph")
    assert [a["assistant_id"] for a in only] == [found["slow_graph"]["assistant_id"]]
    assert (await client.assistants.get("echo"))["name"] == "echo"
    schemas = await client.assistants.get_schemas("hitl_graph")
    assert "question" in schemas["input_schema"]["properties"]
    with pytest.raises(NotFoundError):
        await client.assistants.get("no-such-agent")


async def test_threads_create_get_update_search_copy_delete(client):
    thread = await client.threads.create(metadata={"owner": "lg-test"})
    thread_id = thread["thread_id"]
    assert (
        thread["status"] == "idle" and thread["values"] is None
    )  # no state yet, as LangGraph shows it
    assert (await client.threads.get(thread_id))["metadata"] == {"owner": "lg-test"}
    with pytest.raises(ConflictError):
        await client.threads.create(thread_id=thread_id)
    same = await client.threads.create(thread_id=thread_id, if_exists="do_nothing")
    assert same["thread_id"] == thread_id

    updated = await client.threads.update(thread_id, metadata={"tag": "x"})
    assert updated["metadata"] == {"owner": "lg-test", "tag": "x"}
    found = await client.threads.search(metadata={"tag": "x"})
    assert [t["thread_id"] for t in found] == [thread_id]

    await client.threads.update_state(thread_id, {"note": "hello"})
    state = await client.threads.get_state(thread_id)
    assert state["values"] == {"note": "hello"}
    assert state["checkpoint"]["thread_id"] == thread_id

    copy = await client.threads.copy(thread_id)
    assert copy["thread_id"] != thread_id and copy["values"] == {"note": "hello"}

    await client.threads.delete(thread_id)
    with pytest.raises(NotFoundError):
        await client.threads.get(thread_id)


async def test_store(client):
    await client.store.put_item(["lg", "users"], "u1", {"name": "Ada"})
    item = await client.store.get_item(["lg", "users"], "u1")
    assert item["value"] == {"name": "Ada"} and item["namespace"] == ["lg", "users"]
    found = await client.store.search_items(["lg"], filter={"name": "Ada"})
    assert [i["key"] for i in found["items"]] == ["u1"]
    assert ["lg", "users"] in (await client.store.list_namespaces(prefix=["lg"]))["namespaces"]
    await client.store.delete_item(["lg", "users"], "u1")
    with pytest.raises(NotFoundError):
        await client.store.get_item(["lg", "users"], "u1")


# -- runs --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
async def test_wait_interrupt_then_resume_with_command(client, kind):
    agent, question = HITL[kind]
    thread_id = (await client.threads.create())["thread_id"]
    with pytest.raises(httpx.HTTPStatusError) as refused:  # nothing to resume: the 409 rule
        await client.runs.wait(thread_id, agent, command={"resume": "early"})
    assert refused.value.response.status_code == 409
    with pytest.raises(ConflictError):
        await client.runs.create(thread_id, agent, command={"resume": "early"})

    asked = await client.runs.wait(thread_id, agent, input=question)
    [pending] = asked["__interrupt__"]
    assert pending["value"] == {"question": "ship it?"}
    thread = await client.threads.get(thread_id)
    assert thread["status"] == "interrupted"
    assert thread["interrupts"] == {pending["id"]: [pending]}
    state = await client.threads.get_state(thread_id)
    assert state["interrupts"] == [pending]
    assert state["next"] == (["ask"] if kind == "graph" else [])  # the node that asked
    [run] = await client.runs.list(thread_id)
    assert run["status"] == "success"  # LangGraph's status of a run that asked a question

    done = await client.runs.wait(thread_id, agent, command={"resume": {pending["id"]: "yes"}})
    assert done["answer"] == "yes" and "__interrupt__" not in done
    assert (await client.threads.get(thread_id))["status"] == "idle"
    assert len(await client.runs.list(thread_id, status="success")) == 2  # asked, answered
    assert await client.runs.list(thread_id, status="interrupted") == []  # none cancelled
    with pytest.raises(ConflictError):  # answered: the thread is not interrupted any more
        await client.runs.create(thread_id, agent, command={"resume": "again"})


async def test_graph_with_two_pending_interrupts_is_resumed_by_id(client):
    thread_id = (await client.threads.create())["thread_id"]
    asked = await client.runs.wait(thread_id, "two_questions", input={})
    pending = {i["value"]["question"]: i["id"] for i in asked["__interrupt__"]}
    assert set(pending) == {"first?", "second?"}
    with pytest.raises(UnprocessableEntityError) as unanswered:  # one value, two questions
        await client.runs.create(thread_id, "two_questions", command={"resume": "both?"})
    assert unanswered.value.response.json()["code"] == "interrupts_unanswered"
    answers = {pending["first?"]: "one", pending["second?"]: "two"}
    done = await client.runs.wait(thread_id, "two_questions", command={"resume": answers})
    assert sorted(done["answers"]) == ["one", "two"]
    assert (await client.threads.get(thread_id))["status"] == "idle"


async def test_graph_resume_reaches_the_graph_and_its_checkpoints(client):
    """The interrupt id is LangGraph's own; the graph runs on from its checkpoint."""
    thread_id = (await client.threads.create())["thread_id"]
    asked = await client.runs.wait(thread_id, "hitl_graph", input={"question": "q"})
    interrupt_id = asked["__interrupt__"][0]["id"]
    assert len(interrupt_id) == 32  # langgraph's xxh3 hex id, not one of ours
    done = await client.runs.wait(thread_id, "hitl_graph", command={"resume": "plain answer"})
    assert done["answer"] == "plain answer"
    assert done["steps"] == ["ask", "finish"]  # `ask` ran once to its end, then `finish`
    history = await client.threads.get_history(thread_id, limit=20)
    assert history[0]["values"]["steps"] == ["ask", "finish"]
    assert any(h["metadata"].get("source") == "interrupt" for h in history)
    older = history[-1]["checkpoint"]
    by_id = await client.threads.get_state(thread_id, checkpoint_id=older["checkpoint_id"])
    by_body = await client.threads.get_state(thread_id, checkpoint=older)
    assert by_id == by_body == history[-1]
    before = await client.threads.get_history(thread_id, before=history[0]["checkpoint"])
    assert before == history[1:11]


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_events_and_headers(client, kind):
    agent, question = HITL[kind]
    thread_id = (await client.threads.create())["thread_id"]
    created: list[Any] = []
    parts = [
        part
        async for part in client.runs.stream(
            thread_id,
            agent,
            input=question,
            stream_mode=["values", "updates"],
            on_run_created=created.append,
        )
    ]
    events = [p.event for p in parts]
    assert events[0] == "metadata" and events[-1] == "end"
    run_id = parts[0].data["run_id"]
    assert created and created[0]["run_id"] == run_id  # from Content-Location
    assert created[0]["thread_id"] == thread_id
    assert "values" in events or kind == "native"  # `hitl` asks before writing anything
    interrupt = next(p for p in parts if p.event == "updates" and "__interrupt__" in p.data)
    assert interrupt.data["__interrupt__"][0]["value"] == {"question": "ship it?"}
    assert parts[-1].data == {"run_id": run_id, "status": "success"}
    assert all(p.id for p in parts)  # every event can be rejoined from


async def test_stream_location_header_rejoins_the_run(client, http, lg_server):
    thread_id = (await client.threads.create())["thread_id"]
    body = {"assistant_id": "echo", "input": {"x": 1}}
    async with http.stream(
        "POST", f"/langgraph/threads/{thread_id}/runs/stream", json=body
    ) as response:
        assert response.status_code == 200
        location = response.headers["location"]
        run_url = response.headers["content-location"]
        await response.aread()
    assert location.startswith(lg_server.base_url + "/langgraph/threads/")
    assert location == f"{run_url}/stream"
    run = (await http.get(run_url)).json()
    assert run["thread_id"] == thread_id and run["status"] == "success"
    async with http.stream("GET", location, headers={"Last-Event-ID": "1"}) as rejoined:
        text = (await rejoined.aread()).decode()
    assert "event: metadata" not in text  # after event 1, which was the metadata
    assert "event: values" in text and "event: end" in text


@pytest.mark.parametrize("kind", KINDS)
async def test_background_run_join_and_join_stream(client, kind):
    agent, _, config = LONG[kind]
    short = {"limit": 3} if kind == "graph" else {"steps": 3, "delay": 0.05}
    thread_id = (await client.threads.create())["thread_id"]
    run = await client.runs.create(thread_id, agent, input=short, config=config)
    assert run["status"] in ("pending", "running")
    joined = await client.runs.join(thread_id, run["run_id"])
    assert joined.get("ticks", joined.get("step")) == 3
    assert (await client.runs.get(thread_id, run["run_id"]))["status"] == "success"

    replay = [p async for p in client.runs.join_stream(thread_id, run["run_id"], last_event_id="0")]
    assert replay[0].event == "metadata" and replay[-1].event == "end"
    values = [p.data for p in replay if p.event == "values"]
    assert values[-1].get("ticks", values[-1].get("step")) == 3
    later = [p async for p in client.runs.join_stream(thread_id, run["run_id"], last_event_id="2")]
    assert [p.id for p in later] == [p.id for p in replay[2:]]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("action", ["interrupt", "rollback"])
async def test_cancel_with_wait_and_action(client, http, kind, action):
    agent, long_input, config = LONG[kind]
    thread_id = (await client.threads.create())["thread_id"]
    run = await client.runs.create(thread_id, agent, input=long_input, config=config)
    run_id = run["run_id"]
    await until(lambda: running(client, thread_id, run_id))
    await until(lambda: _has_values(client, thread_id))

    await client.runs.cancel(thread_id, run_id, wait=True, action=action)

    thread = await client.threads.get(thread_id)
    assert thread["status"] == "idle"  # a cancel leaves nothing to resume
    if action == "interrupt":
        assert (await client.runs.get(thread_id, run_id))["status"] == "interrupted"
        listed = await client.runs.list(thread_id, status="interrupted")
        assert [r["run_id"] for r in listed] == [run_id]
        assert await client.runs.list(thread_id, status="success") == []
        assert thread["values"]  # what it wrote is kept
    else:
        with pytest.raises(NotFoundError):
            await client.runs.get(thread_id, run_id)
        assert thread["values"] is None  # and erased: no state at all
    # The work really stopped: nothing was written after the cancel answered, up to the
    # moment the server executes nothing (this module's runs are all stopped by now).
    before = (await client.threads.get(thread_id))["values"]
    await until_metric(http, "ap_runs_executing", 0, "the server to execute nothing")
    assert (await client.threads.get(thread_id))["values"] == before


async def _gone(client, thread_id: str, run_id: str) -> bool:
    try:
        await client.runs.get(thread_id, run_id)
    except NotFoundError:
        return True
    return False


async def _has_values(client, thread_id: str) -> bool:
    return bool((await client.threads.get(thread_id))["values"])


async def test_cancel_without_wait_is_202_and_bulk_cancel(client, http):
    agent, long_input, config = LONG["graph"]
    thread_id = (await client.threads.create())["thread_id"]
    run = await client.runs.create(thread_id, agent, input=long_input, config=config)
    response = await http.post(
        f"/langgraph/threads/{thread_id}/runs/{run['run_id']}/cancel", params={"wait": 0}
    )
    assert response.status_code == 202
    await client.runs.join(thread_id, run["run_id"])
    assert (await client.runs.get(thread_id, run["run_id"]))["status"] == "interrupted"

    other = (await client.threads.create())["thread_id"]
    first = await client.runs.create(other, agent, input=long_input, config=config)
    queued = await client.runs.create(
        other, agent, input=long_input, config=config, multitask_strategy="enqueue"
    )
    await client.runs.cancel_many(thread_id=other, status="all")
    for r in (first, queued):
        await client.runs.join(other, r["run_id"])
        assert (await client.runs.get(other, r["run_id"]))["status"] == "interrupted"

    third = (await client.threads.create())["thread_id"]
    erased = await client.runs.create(third, agent, input=long_input, config=config)
    await until(lambda: running(client, third, erased["run_id"]))
    await client.runs.cancel_many(run_ids=[erased["run_id"]], action="rollback")
    await until(lambda: _gone(client, third, erased["run_id"]))  # rolled back: erased
    assert (await client.threads.get(third))["values"] is None


@pytest.mark.parametrize("kind", KINDS)
async def test_wait_returns_error_and_sdk_raises(client, kind):
    agent, payload = FAILING[kind]
    result = await client.runs.wait(None, agent, input=payload, raise_error=False)
    assert set(result) == {"__error__"}
    assert result["__error__"]["error"] in ("ValueError", "RuntimeError")
    with pytest.raises(Exception, match="Error: "):
        await client.runs.wait(None, agent, input=payload)


async def test_stateless_runs(client):
    assert await client.runs.wait(None, "echo", input={"x": 2}) == {"echo": {"x": 2}}
    parts = [p async for p in client.runs.stream(None, "hitl_graph", input={"question": "s"})]
    assert parts[0].event == "metadata" and parts[-1].event == "end"
    run = await client.runs.create(None, "echo", input={"y": 3})
    assert await client.runs.join(run["thread_id"], run["run_id"]) == {"echo": {"y": 3}}


async def test_unsupported_fields_are_refused_not_dropped(client):
    thread_id = (await client.threads.create())["thread_id"]
    with pytest.raises(UnprocessableEntityError):
        await client.runs.create(thread_id, "echo", input={}, interrupt_before=["x"])
    with pytest.raises(UnprocessableEntityError) as refused:  # goto needs a graph
        await client.runs.create(thread_id, "echo", command={"goto": "x"})
    assert refused.value.response.json()["code"] == "command_not_supported"
    with pytest.raises(NotFoundError):
        await client.runs.create(thread_id, "no-such-agent", input={})


# -- one engine --------------------------------------------------------------------------


async def test_one_engine_across_both_path_families(client, http):
    # Started through the Agent Protocol, read and joined through the SDK.
    thread_id = (await client.threads.create())["thread_id"]
    created = await http.post(
        "/runs", json={"thread_id": thread_id, "agent_id": "hitl_graph", "input": {"question": "a"}}
    )
    assert created.status_code == 200, created.text
    run_id = created.json()["run_id"]
    joined = await client.runs.join(thread_id, run_id)
    [pending] = joined["__interrupt__"]
    # ... resumed through the Agent Protocol with the graph's interrupt id ...
    resumed = await http.patch(
        "/runs/resume/wait",
        json={"thread_id": thread_id, "input": {pending["id"]: "from AP"}},
    )
    assert resumed.status_code == 200, resumed.text
    assert resumed.json()["values"]["answer"] == "from AP"

    # Started through the SDK, read and stopped through the Agent Protocol.
    agent, long_input, config = LONG["graph"]
    run = await client.runs.create(thread_id, agent, input=long_input, config=config)
    await until(lambda: running(client, thread_id, run["run_id"]))
    ap_run = (await http.get(f"/runs/{run['run_id']}")).json()
    assert ap_run["agent_id"] == "slow_graph" and ap_run["status"] == "running"
    stopped = await http.post(f"/runs/{run['run_id']}/cancel", params={"wait": "true"})
    assert stopped.status_code in (200, 204), stopped.text
    assert (await client.runs.get(thread_id, run["run_id"]))["status"] == "interrupted"


async def test_rollback_is_a_rollback_for_the_graph_too(client):
    """The next run starts from the graph checkpoint of the state the rollback restored,
    not from the graph's latest checkpoint (written by the erased run)."""
    thread_id = (await client.threads.create())["thread_id"]
    config = {"recursion_limit": 1000}
    done = await client.runs.wait(thread_id, "slow_graph", input={"limit": 2}, config=config)
    assert done["ticks"] == 2
    state = await client.threads.get_state(thread_id)
    assert state["next"] == [] and state["metadata"]["langgraph_checkpoint_id"]

    run = await client.runs.create(thread_id, "slow_graph", input={"limit": 200}, config=config)
    await until(lambda: _ticks_above(client, thread_id, 4))
    await client.runs.cancel(thread_id, run["run_id"], wait=True, action="rollback")
    assert (await client.threads.get(thread_id))["values"]["ticks"] == 2

    again = await client.runs.wait(thread_id, "slow_graph", input={"limit": 4}, config=config)
    assert again["ticks"] == 4  # 2, then two more: the erased ticks are gone for the graph
    assert again["steps"] == ["tick"] * 4


async def _ticks_above(client, thread_id: str, n: int) -> bool:
    return (await client.threads.get(thread_id))["values"].get("ticks", 0) > n


async def test_update_state_reaches_the_graph_with_its_reducers(client):
    thread_id = (await client.threads.create())["thread_id"]
    config = {"recursion_limit": 1000}
    await client.runs.wait(thread_id, "slow_graph", input={"limit": 1}, config=config)
    await client.threads.update_state(thread_id, {"ticks": 10, "steps": ["edit"]})
    done = await client.runs.wait(thread_id, "slow_graph", input={"limit": 12}, config=config)
    assert done["ticks"] == 12  # the graph ran on from the edited 10
    assert done["steps"] == ["tick", "edit", "tick", "tick"]  # `steps` appends, as in LangGraph


async def test_chat_graph_messages_and_messages_tuple_stream(client):
    thread_id = (await client.threads.create())["thread_id"]
    user = {"role": "user", "content": "hi"}
    parts = [
        p
        async for p in client.runs.stream(
            thread_id, "chat_graph", input={"messages": [user]}, stream_mode="messages-tuple"
        )
    ]
    chunks = [p.data for p in parts if p.event == "messages"]
    assert chunks, [p.event for p in parts]
    assert all(isinstance(c, list) and len(c) == 2 for c in chunks)  # (message chunk, metadata)
    assert "".join(c[0]["content"] for c in chunks) == "you said: hi"
    assert chunks[0][1]["langgraph_node"] == "chat"

    messages = (await client.threads.get_state(thread_id))["values"]["messages"]
    assert [(m["type"], m["role"], m["content"]) for m in messages] == [
        ("human", "user", "hi"),
        ("ai", "assistant", "you said: hi"),
    ]
    again = await client.runs.wait(thread_id, "chat_graph", input={"messages": [user]})
    assert [m["content"] for m in again["messages"]][-1] == "you said: hi"
    assert len(again["messages"]) == 4


async def test_concurrent_resumes_through_the_sdk_one_wins(client):
    thread_id = (await client.threads.create())["thread_id"]
    await client.runs.wait(thread_id, "hitl_graph", input={"question": "race?"})
    results = await asyncio.gather(
        *(
            client.runs.create(thread_id, "hitl_graph", command={"resume": f"r{i}"})
            for i in range(4)
        ),
        return_exceptions=True,
    )
    won = [r for r in results if isinstance(r, dict)]
    lost = [r for r in results if isinstance(r, ConflictError)]
    assert len(won) == 1 and len(lost) == 3, results
    done = await client.runs.join(thread_id, won[0]["run_id"])
    # The winner's answer, recorded on its run as the answer to the graph's interrupt id.
    assert list(won[0]["kwargs"]["command"]["resume"].values()) == [done["answer"]]


# -- the SDK rejoins through Location when a connection drops ------------------------------


class _Cut(httpx.AsyncByteStream):
    """A response body that breaks (ReadError) after `events` complete SSE events."""

    def __init__(self, inner: httpx.AsyncByteStream, events: int) -> None:
        self.inner, self.events = inner, events

    async def __aiter__(self):
        sent = b""
        async for chunk in self.inner:
            whole = sent + chunk
            if whole.count(b"\n\n") >= self.events:
                cut = 0
                for _ in range(self.events):
                    cut = whole.index(b"\n\n", cut) + 2
                yield whole[len(sent) : cut]
                raise httpx.ReadError("connection dropped (test)")
            sent = whole
            yield chunk
        raise httpx.ReadError("connection dropped (test)")

    async def aclose(self) -> None:
        await self.inner.aclose()


class DropFirst(httpx.AsyncBaseTransport):
    """Passes requests through; the first response to a path ending in `suffix` breaks."""

    def __init__(self, suffix: str, events: int) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.suffix, self.events = suffix, events
        self.requests: list[tuple[str, str, str | None]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(
            (request.method, request.url.path, request.headers.get("last-event-id"))
        )
        response = await self.inner.handle_async_request(request)
        if len(self.requests) == 1 and request.url.path.endswith(self.suffix):
            response.stream = _Cut(response.stream, self.events)  # type: ignore[arg-type]
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def dropping_client(lg_server: ServerProcess, transport: DropFirst):
    from langgraph_sdk.client import LangGraphClient

    http_client = httpx.AsyncClient(
        base_url=f"{lg_server.base_url}/langgraph", transport=transport, timeout=30
    )
    return LangGraphClient(http_client)


async def test_sdk_stream_rejoins_with_location_and_last_event_id(client, lg_server):
    thread_id = (await client.threads.create())["thread_id"]
    transport = DropFirst("/runs/stream", events=2)
    async with dropping_client(lg_server, transport) as dropping:
        parts = [
            p
            async for p in dropping.runs.stream(
                thread_id,
                "slow_graph",
                input={"limit": 4},
                config={"recursion_limit": 100},
                stream_mode=["values"],
            )
        ]
    method, path, last_event_id = transport.requests[1]  # the reconnection
    assert (method, last_event_id) == ("GET", "2")
    assert path.endswith("/stream") and f"/threads/{thread_id}/runs/" in path
    ids = [int(p.id) for p in parts]
    assert ids == list(range(1, len(ids) + 1))  # nothing missed, nothing twice
    assert parts[-1].event == "end"
    assert [p.data["ticks"] for p in parts if p.event == "values" and "ticks" in p.data] == [
        1,
        2,
        3,
        4,
    ]


async def test_sdk_wait_rejoins_with_location(client, lg_server):
    thread_id = (await client.threads.create())["thread_id"]
    transport = DropFirst("/runs/wait", events=0)
    async with dropping_client(lg_server, transport) as dropping:
        with pytest.warns(UserWarning, match="reconnect to Location"):
            result = await dropping.runs.wait(
                thread_id, "slow_graph", input={"limit": 3}, config={"recursion_limit": 100}
            )
    assert result["ticks"] == 3
    method, path, _ = transport.requests[1]
    assert method == "GET" and path.endswith("/join")
    [run] = await client.runs.list(thread_id)  # one run: the SDK rejoined it, not a new one
    assert run["status"] == "success"


async def test_native_agent_gets_langgraph_chat_input_as_messages(client):
    thread_id = (await client.threads.create())["thread_id"]
    said = {"type": "human", "content": "hello"}  # a LangChain message, as dict
    result = await client.runs.wait(thread_id, "echo", input={"messages": [said]})
    assert [(m["role"], m["content"]) for m in result["messages"]] == [
        ("user", "hello"),
        ("assistant", "hello"),
    ]
    with pytest.raises(UnprocessableEntityError):
        await client.runs.create(thread_id, "echo", input={"messages": [{"content": 1}]})


async def test_servers_starting_together_on_a_new_database(start_server, empty_database_url):
    """They race to create the graph checkpointer's schema and tables: both come up, and a
    graph interrupted through one is resumed through the other."""
    one, two = await asyncio.gather(
        start_server(empty_database_url, AP_AGENTS=AGENTS),
        start_server(empty_database_url, AP_AGENTS=AGENTS),
    )
    first = get_client(url=f"{one.base_url}/langgraph", timeout=30)
    second = get_client(url=f"{two.base_url}/langgraph", timeout=30)
    thread_id = (await first.threads.create())["thread_id"]
    asked = await first.runs.wait(thread_id, "hitl_graph", input={"question": "both?"})
    assert asked["__interrupt__"]
    done = await second.runs.wait(thread_id, "hitl_graph", command={"resume": "yes"})
    assert done["answer"] == "yes" and done["steps"] == ["ask", "finish"]


@pytest.mark.parametrize(
    ("agent", "payload", "step"),
    [("echo", {"hi": 1}, "echo"), ("slow_graph", {"limit": 1}, "tick")],
)
async def test_stream_modes_are_the_ones_asked_for(client, agent, payload, step):
    thread_id = (await client.threads.create())["thread_id"]
    updates = [
        p
        async for p in client.runs.stream(thread_id, agent, input=payload, stream_mode=["updates"])
    ]
    assert {p.event for p in updates} == {"metadata", "updates", "end"}
    assert any(step in p.data for p in updates if p.event == "updates")
    values = [
        p.event
        async for p in client.runs.stream(
            thread_id, agent, input=payload, stream_mode="values", multitask_strategy="enqueue"
        )
    ]
    assert set(values) == {"metadata", "values", "end"}


async def test_a_graph_waiting_inside_a_node_is_cancelled_at_once(start_server, empty_database_url):
    """A graph never looks at `ctx.stopping`: a stop cancels it at once, inside its node, as
    LangGraph's own server does, not at the end of AP_STOP_TIMEOUT (60 s here; the 20 s
    bound tells the two apart). An explicit `timeout` still gives it that grace."""
    server = await start_server(
        empty_database_url, AP_AGENTS=f"{GRAPHS}:stuck_graph", AP_STOP_TIMEOUT="60"
    )
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        for params in ({"wait": "true"}, {"wait": "true", "action": "rollback"}):
            thread_id = (await http.post("/threads", json={})).json()["thread_id"]
            run = await http.post(
                "/runs", json={"agent_id": "stuck_graph", "thread_id": thread_id, "input": {}}
            )
            run_id = run.json()["run_id"]
            assert (await run_until(http, run_id, {"running"}))["status"] == "running"
            cancel = http.post(f"/runs/{run_id}/cancel", params=params)
            response = await within(20, cancel, "the cancel of a graph inside a node")
            assert response.status_code == 204, response.text
            thread = (await http.get(f"/threads/{thread_id}")).json()
            assert thread["status"] == "idle"
            if "action" not in params:
                ended = (await http.get(f"/runs/{run_id}")).json()
                assert ended["status"] == "interrupted" and ended["stop_reason"] == "user"
        assert "Traceback" not in server.log(), server.log()
