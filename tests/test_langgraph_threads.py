"""LangGraph threads beyond the basics (count, prune, ids, sort, select, extract, ttl,
supersteps, string `before`, LangChain messages), `GET /info` and CORS, through the real
`langgraph-sdk` and plain HTTP."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from langgraph_sdk.errors import NotFoundError, UnprocessableEntityError

from .conftest import ServerProcess, create_database, drop_database, spawn_server
from .lg_fixtures import client_fixture, lg_server_on  # noqa: F401

AGENTS = "tests.langgraph_graphs:chat_graph,tests.langgraph_graphs:hitl_graph"


lg_server = lg_server_on(AGENTS)


@pytest.fixture
async def http(lg_server: ServerProcess) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=lg_server.base_url, timeout=30) as h:
        yield h


async def test_count_ids_sort_select_and_extract(client):
    tag = uuid.uuid4().hex
    made = [
        (await client.threads.create(metadata={"tag": tag, "n": n}))["thread_id"] for n in range(3)
    ]
    await client.threads.update_state(made[0], {"messages": [{"type": "human", "content": "a"}]})
    assert await client.threads.count(metadata={"tag": tag}) == 3
    assert await client.threads.count(metadata={"tag": tag}, status="busy") == 0

    picked = await client.threads.search(ids=[made[1]])
    assert [t["thread_id"] for t in picked] == [made[1]]
    newest = await client.threads.search(metadata={"tag": tag})
    assert [t["thread_id"] for t in newest] == made[::-1]
    oldest = await client.threads.search(
        metadata={"tag": tag}, sort_by="created_at", sort_order="asc"
    )
    assert [t["thread_id"] for t in oldest] == made
    by_update = await client.threads.search(metadata={"tag": tag}, sort_by="updated_at")
    assert by_update[0]["thread_id"] == made[0]  # its state changed last

    slim = await client.threads.search(metadata={"tag": tag}, select=["thread_id", "status"])
    assert all(set(t) == {"thread_id", "status"} for t in slim)
    extracted = await client.threads.search(
        ids=[made[0]],
        extract={"last": "values.messages[-1].content", "n": "metadata.n", "none": "values.x.y"},
    )
    assert extracted[0]["extracted"] == {"last": "a", "n": 0, "none": None}
    with pytest.raises(UnprocessableEntityError):
        await client.threads.search(extract={"bad": "nowhere.x"})
    with pytest.raises(UnprocessableEntityError):
        await client.threads.search(sort_by="no_such_field")


async def test_prune_deletes_or_keeps_the_latest_state(client):
    gone, kept = [(await client.threads.create())["thread_id"] for _ in range(2)]
    for n in range(3):
        await client.threads.update_state(kept, {"n": n})
    assert len(await client.threads.get_history(kept)) == 3
    result = await client.threads.prune([gone, str(uuid.uuid4())])
    assert result == {"pruned_count": 1}
    with pytest.raises(NotFoundError):
        await client.threads.get(gone)
    assert await client.threads.prune([kept], strategy="keep_latest") == {"pruned_count": 1}
    [only] = await client.threads.get_history(kept)
    assert only["values"] == {"n": 2} and only["parent_checkpoint"] is None
    assert (await client.threads.get_state(kept))["values"] == {"n": 2}


async def test_ttl_deletes_the_thread_when_it_expires(client):
    thread = await client.threads.create(ttl=0.01)  # minutes: 0.6 s
    thread_id = thread["thread_id"]
    deadline = time.monotonic() + 30  # the sweep runs every few seconds
    while time.monotonic() < deadline:
        try:
            await client.threads.get(thread_id)
        except NotFoundError:
            break
        await asyncio.sleep(0.2)
    else:
        raise AssertionError("the thread outlived its ttl")
    longer = await client.threads.create()
    await client.threads.update(longer["thread_id"], metadata={"x": 1}, ttl=60)
    assert (await client.threads.get(longer["thread_id"]))["metadata"] == {"x": 1}


async def test_supersteps_history_before_as_string_and_langchain_messages(client):
    thread = await client.threads.create(
        supersteps=[
            {"updates": [{"values": {"step": 1}, "as_node": "a"}]},
            {"updates": [{"values": {"step": 2}, "as_node": "b"}]},
        ]
    )
    thread_id = thread["thread_id"]
    assert (await client.threads.get(thread_id))["values"] == {"step": 2}
    history = await client.threads.get_history(thread_id)
    assert [h["values"]["step"] for h in history] == [2, 1]
    older = await client.threads.get_history(
        thread_id, before=history[0]["checkpoint"]["checkpoint_id"]
    )
    assert older == history[1:]

    chat = (await client.threads.create())["thread_id"]
    await client.threads.update_state(
        chat,
        {
            "messages": [
                {"type": "human", "content": "hi"},
                {"type": "ai", "content": "hello"},
                ["human", "how are you?"],
                "fine",
            ]
        },
        as_node="chat",
    )
    messages = (await client.threads.get_state(chat))["values"]["messages"]
    assert [(m["role"], m["content"]) for m in messages] == [
        ("user", "hi"),
        ("assistant", "hello"),
        ("user", "how are you?"),
        ("user", "fine"),
    ]
    answer = await client.runs.wait(
        chat, "chat_graph", input={"messages": [{"type": "human", "content": "x"}]}
    )
    assert answer["messages"][-1]["content"] == "you said: x"


async def test_runs_tag_their_threads_like_langgraph(client):
    thread_id = (await client.threads.create())["thread_id"]
    await client.runs.wait(thread_id, "hitl_graph", input={"question": "q"})
    assistant = await client.assistants.get("hitl_graph")
    found = await client.threads.search(metadata={"graph_id": "hitl_graph"})
    assert thread_id in [t["thread_id"] for t in found]
    meta = (await client.threads.get(thread_id))["metadata"]
    assert meta == {"graph_id": "hitl_graph", "assistant_id": assistant["assistant_id"]}


async def test_info_on_both_path_families(http):
    for path in ("/info", "/langgraph/info"):
        info = (await http.get(path)).json()
        assert info["flags"]["assistants"] is True and info["version"]
        assert info["capabilities"]["langgraph"] == "/langgraph"


@pytest.mark.parametrize(
    "origin", ["http://localhost:3000", "http://127.0.0.1:5173", "http://[::1]:8080"]
)
async def test_cors_lets_loopback_origins_in(http, origin):
    preflight = await http.options(
        "/langgraph/threads/search",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,x-api-key",
        },
    )
    assert preflight.status_code == 200, preflight.text
    assert preflight.headers["access-control-allow-origin"] == origin
    assert "POST" in preflight.headers["access-control-allow-methods"]
    searched = await http.post("/langgraph/threads/search", json={}, headers={"Origin": origin})
    assert searched.headers["access-control-allow-origin"] == origin
    exposed = searched.headers["access-control-expose-headers"]
    assert "Content-Location" in exposed and "Location" in exposed


@pytest.mark.parametrize("origin", ["https://evil.example", "http://localhost.evil.example"])
async def test_cors_keeps_other_origins_out_by_default(http, origin):
    preflight = await http.options(
        "/langgraph/threads/search",
        headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers
    plain = await http.post("/langgraph/threads/search", json={}, headers={"Origin": origin})
    assert "access-control-allow-origin" not in plain.headers


async def test_cors_origins_setting(postgres_url: str) -> None:
    url = await create_database(postgres_url)
    try:
        async with (
            await spawn_server(
                url,
                AP_CORS_ORIGINS="https://ui.example",
                AP_CORS_ORIGIN_REGEX=r"https://.*\.corp\.example",
            ) as server,
            httpx.AsyncClient(base_url=server.base_url) as http,
        ):
            for origin, allowed in (
                ("https://ui.example", True),
                ("https://a.corp.example", True),
                ("http://localhost:3000", False),  # the setting replaces the default
            ):
                got = await http.get("/info", headers={"Origin": origin})
                assert (got.headers.get("access-control-allow-origin") == origin) is allowed
    finally:
        await drop_database(postgres_url, url)
