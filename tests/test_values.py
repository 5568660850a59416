"""Value fidelity: every JSON value a client sends comes back exactly as sent, through every
path that stores or echoes one (native and /langgraph): ints stay ints (of any size jsonb
keeps), floats stay floats, strings and nesting are unchanged (key order as JSON allows:
objects are unordered). A property test (hypothesis) generates the values."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .conftest import server_on_new_database

AGENTS = "tests.langgraph_graphs:kept_graph,tests.langgraph_graphs:hitl_graph"

# What JSON carries and Postgres stores: no NUL and no lone surrogates in text (those are a
# 422), ints within what Python's json reads (4300 digits), finite floats.
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
# Values that changed on the way in before: an int read as a float, a big int rounded,
# integral floats read as ints (5.0), floats jsonb printed without a fraction (1e16, 1e300).
EDGES = [7, 12345678901234567890, -(10**40), 5.0, 1e16, 1.5e20, 1e300, -2.5e-300, 5e-324, 0.1]
CHECK = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def with_edges(test):
    for value in EDGES:
        test = example(value=value)(test)
    return test


def same(sent: Any, got: Any) -> bool:
    """Equal as JSON values, and of the same JSON type at every depth (1 is not 1.0)."""
    if type(sent) is not type(got):
        return False
    if isinstance(sent, dict):
        return sent.keys() == got.keys() and all(same(sent[k], got[k]) for k in sent)
    if isinstance(sent, list):
        return len(sent) == len(got) and all(map(same, sent, got))
    return sent == got


def assert_same(sent: Any, got: Any, where: str) -> None:
    assert same(sent, got), f"{where}: sent {sent!r}, got {got!r}"


@pytest.fixture(scope="module")
async def http(postgres_url: str, tmp_path_factory) -> AsyncIterator[httpx.AsyncClient]:
    log_path = tmp_path_factory.mktemp("values") / "server.log"
    async with (
        server_on_new_database(postgres_url, log_path, AP_AGENTS=AGENTS) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=30) as client,
    ):
        yield client


async def call(http: httpx.AsyncClient, method: str, path: str, body: Any = None) -> Any:
    """Send `body` as JSON text written by the stdlib (big ints exact, floats by repr) and
    read the answer with the stdlib's json (ints of any size)."""
    content = None if body is None else json.dumps(body)
    headers = {"content-type": "application/json"} if content is not None else {}
    response = await http.request(method, path, content=content, headers=headers)
    assert response.status_code < 300, f"{method} {path}: {response.status_code} {response.text}"
    return json.loads(response.text) if response.content else None


async def new_thread(http: httpx.AsyncClient, prefix: str = "", **body: Any) -> str:
    return (await call(http, "POST", f"{prefix}/threads", body))["thread_id"]


# -- native paths -------------------------------------------------------------------------


@CHECK
@with_edges
@given(value=VALUES)
async def test_thread_metadata(http, value) -> None:
    created = await call(http, "POST", "/threads", {"metadata": {"v": value}})
    assert_same(value, created["metadata"]["v"], "POST /threads")
    read = await call(http, "GET", f"/threads/{created['thread_id']}")
    assert_same(value, read["metadata"]["v"], "GET /threads/{id}")
    patched = await call(
        http, "PATCH", f"/threads/{created['thread_id']}", {"metadata": {"w": value}}
    )
    assert_same(value, patched["metadata"]["w"], "PATCH /threads/{id} metadata")


@CHECK
@with_edges
@given(value=VALUES)
async def test_thread_values(http, value) -> None:
    thread_id = await new_thread(http)
    patched = await call(http, "PATCH", f"/threads/{thread_id}", {"values": {"v": value}})
    assert_same(value, patched["values"]["v"], "PATCH /threads/{id} values")
    history = await call(http, "GET", f"/threads/{thread_id}/history")
    assert_same(value, history[0]["values"]["v"], "GET /threads/{id}/history")


@CHECK
@with_edges
@given(value=VALUES)
async def test_run_input_metadata_and_config(http, value) -> None:
    thread_id = await new_thread(http)
    body = {
        "agent_id": "echo",
        "thread_id": thread_id,
        "input": value,
        "metadata": {"v": value},
        "config": {"configurable": {"v": value}, "extra": value},
    }
    result = await call(http, "POST", "/runs/wait", body)
    assert_same(value, result["values"]["echo"], "POST /runs/wait input")
    run = await call(http, "GET", f"/runs/{result['run']['run_id']}")
    assert_same(value, run["metadata"]["v"], "run metadata")
    assert_same(value, run["config"]["configurable"]["v"], "run config.configurable")
    assert_same(value, run["config"]["extra"], "run config (a key passed on)")
    thread = await call(http, "GET", f"/threads/{thread_id}")
    assert_same(value, thread["values"]["echo"], "thread values after the run")


@CHECK
@with_edges
@given(value=VALUES)
async def test_run_stream(http, value) -> None:
    body = {"agent_id": "echo", "input": value, "stream_mode": ["values", "updates"]}
    headers = {"content-type": "application/json"}
    async with http.stream("POST", "/runs/stream", content=json.dumps(body), headers=headers) as r:
        assert r.status_code == 200
        events = [json.loads(line[5:]) async for line in r.aiter_lines() if line[:5] == "data:"]
    values = [e for e in events if isinstance(e, dict) and set(e) == {"echo"}]
    updates = [
        step["echo"]
        for e in events
        if isinstance(e, dict)
        for step in e.values()
        if isinstance(step, dict) and set(step) == {"echo"}
    ]
    assert values and updates, events
    assert_same(value, values[-1]["echo"], "stream: values event")
    assert_same(value, updates[-1], "stream: updates event")


@CHECK
@with_edges
@given(value=VALUES)
async def test_resume_answer(http, value) -> None:
    thread_id = await new_thread(http)
    asked = await call(
        http, "POST", "/runs/wait", {"agent_id": "hitl", "thread_id": thread_id, "input": {}}
    )
    assert asked["run"]["status"] == "interrupted", asked
    done = await call(http, "PATCH", "/runs/resume/wait", {"thread_id": thread_id, "input": value})
    assert_same(value, done["values"]["answer"], "PATCH /runs/resume/wait")


@CHECK
@with_edges
@given(value=VALUES)
async def test_store_value(http, value) -> None:
    namespace, key = ["values", uuid.uuid4().hex], "k"
    await call(
        http, "PUT", "/store/items", {"namespace": namespace, "key": key, "value": {"v": value}}
    )
    item = (await http.get("/store/items", params={"namespace": namespace, "key": key})).json()
    assert_same(value, item["value"]["v"], "GET /store/items")
    found = await call(http, "POST", "/store/items/search", {"namespace_prefix": namespace})
    assert_same(value, found["items"][0]["value"]["v"], "POST /store/items/search")


# -- /langgraph paths ---------------------------------------------------------------------


@CHECK
@with_edges
@given(value=VALUES)
async def test_langgraph_thread_metadata_and_state(http, value) -> None:
    thread_id = await new_thread(http, "/langgraph", metadata={"v": value})
    read = await call(http, "GET", f"/langgraph/threads/{thread_id}")
    assert_same(value, read["metadata"]["v"], "GET /langgraph/threads/{id}")
    await call(http, "POST", f"/langgraph/threads/{thread_id}/state", {"values": {"v": value}})
    state = await call(http, "GET", f"/langgraph/threads/{thread_id}/state")
    assert_same(value, state["values"]["v"], "GET /langgraph/threads/{id}/state")


@pytest.mark.parametrize("value", [None, {}, {"0123456789abcdef0123456789abcdef": 1}, [], ""])
async def test_langgraph_resume_with_values_langgraph_could_misread(http, value) -> None:
    """None and a dict of interrupt-id-like keys mean something else to LangGraph as a plain
    `Command.resume` (no resume; answers by id): the graph still gets them as the answer."""
    thread_id = await new_thread(http, "/langgraph")
    runs = f"/langgraph/threads/{thread_id}/runs/wait"
    asked = await call(http, "POST", runs, {"assistant_id": "hitl_graph", "input": {}})
    assert "__interrupt__" in asked, asked
    done = await call(
        http, "POST", runs, {"assistant_id": "hitl_graph", "command": {"resume": value}}
    )
    assert "__interrupt__" not in done, done
    assert_same(value, done["answer"], "a graph's resume (command.resume)")


@CHECK
@with_edges
@given(value=VALUES)
async def test_langgraph_graph_run_and_resume(http, value) -> None:
    thread_id = await new_thread(http, "/langgraph")
    runs = f"/langgraph/threads/{thread_id}/runs/wait"
    kept = await call(http, "POST", runs, {"assistant_id": "kept_graph", "input": {"value": value}})
    assert "kept" in kept, kept
    assert_same(value, kept["kept"], "a graph's run")
    asked = await call(http, "POST", runs, {"assistant_id": "hitl_graph", "input": {}})
    assert "__interrupt__" in asked, asked
    done = await call(
        http, "POST", runs, {"assistant_id": "hitl_graph", "command": {"resume": value}}
    )
    assert_same(value, done["answer"], "a graph's resume (command.resume)")


@CHECK
@with_edges
@given(value=VALUES)
async def test_langgraph_native_run(http, value) -> None:
    body = {"assistant_id": "echo", "input": {"v": value}, "metadata": {"v": value}}
    result = await call(http, "POST", "/langgraph/runs/wait", body)
    assert_same(value, result["echo"]["v"], "POST /langgraph/runs/wait")


@CHECK
@with_edges
@given(value=VALUES)
async def test_langgraph_store_value(http, value) -> None:
    namespace, key = ["values", uuid.uuid4().hex], "k"
    body = {"namespace": namespace, "key": key, "value": {"v": value}}
    await call(http, "PUT", "/langgraph/store/items", body)
    params = {"namespace": ".".join(namespace), "key": key}
    item = json.loads((await http.get("/langgraph/store/items", params=params)).text)
    assert_same(value, item["value"]["v"], "GET /langgraph/store/items")


async def test_an_integral_float_is_an_integer_where_the_spec_asks_for_one(http) -> None:
    # JSON Schema counts 2.0 an integer: `limit` takes it; a fraction is still a 422.
    assert (await http.post("/threads/search", json={"limit": 2.0})).status_code == 200
    refused = await http.post("/threads/search", json={"limit": 2.5})
    assert refused.status_code == 422 and refused.json()["code"] == "validation_error"
