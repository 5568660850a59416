"""LangGraph assistants through the real `langgraph-sdk`: stored and versioned in Postgres,
a default one per graph under LangGraph's own ids, merged into the runs made through them."""

from __future__ import annotations

import uuid

import httpx
import pytest
from langgraph_sdk import get_client
from langgraph_sdk.errors import ConflictError, NotFoundError, UnprocessableEntityError

from .conftest import create_database, drop_database, spawn_server
from .lg_fixtures import client_fixture, lg_server_on  # noqa: F401

GRAPHS = "tests.langgraph_graphs"
AGENTS = ",".join(f"{GRAPHS}:{name}" for name in ("hitl_graph", "greeter", "nested"))
NAMESPACE_GRAPH = uuid.UUID("6ba7b821-9dad-11d1-80b4-00c04fd430c8")  # langgraph-api's


def default_id(graph_id: str) -> str:
    return str(uuid.uuid5(NAMESPACE_GRAPH, graph_id))


lg_server = lg_server_on(AGENTS)


async def test_every_agent_has_a_default_assistant_under_langgraphs_ids(client):
    found = {a["graph_id"]: a for a in await client.assistants.search(limit=100)}
    assert {"hitl_graph", "greeter", "nested", "echo", "hitl"} <= set(found)
    for graph_id, assistant in found.items():
        assert assistant["assistant_id"] == default_id(graph_id)
        assert assistant["metadata"] == {"created_by": "system"}
        assert assistant["version"] == 1 and assistant["name"] == graph_id
    by_graph_id = await client.assistants.get("greeter")
    assert by_graph_id == await client.assistants.get(default_id("greeter"))
    assert await client.assistants.count(graph_id="greeter") == 1
    with pytest.raises(NotFoundError):
        await client.assistants.get("no-such-graph")
    with pytest.raises(NotFoundError):
        await client.assistants.get(str(uuid.uuid4()))


async def test_create_update_versions_set_latest_delete(client):
    metadata = {"team": uuid.uuid4().hex}
    created = await client.assistants.create(
        "greeter",
        config={"tags": ["a"]},
        context={"greeting": "hi"},
        metadata=metadata,
        name="Greeter for Ann",
        description="says hi",
    )
    aid = created["assistant_id"]
    assert created["version"] == 1 and created["graph_id"] == "greeter"
    assert created["context"] == {"greeting": "hi"} and created["config"] == {"tags": ["a"]}
    assert await client.assistants.get(aid) == created
    with pytest.raises(ConflictError):
        await client.assistants.create("greeter", assistant_id=aid)
    same = await client.assistants.create("greeter", assistant_id=aid, if_exists="do_nothing")
    assert same == created

    updated = await client.assistants.update(
        aid, context={"greeting": "hey"}, metadata={"stage": "two"}
    )
    assert updated["version"] == 2
    assert updated["context"] == {"greeting": "hey"}
    assert updated["config"] == {"tags": ["a"]}  # not given: kept
    assert updated["metadata"] == {**metadata, "stage": "two"}  # merged
    assert updated["name"] == "Greeter for Ann"

    versions = await client.assistants.get_versions(aid)
    assert [v["version"] for v in versions] == [2, 1]
    assert versions[1]["context"] == {"greeting": "hi"}
    assert [v["version"] for v in await client.assistants.get_versions(aid, limit=1)] == [2]
    staged = await client.assistants.get_versions(aid, metadata={"stage": "two"})
    assert [v["version"] for v in staged] == [2]

    back = await client.assistants.set_latest(aid, 1)
    assert back["version"] == 1 and back["context"] == {"greeting": "hi"}
    assert (await client.assistants.get(aid))["context"] == {"greeting": "hi"}
    with pytest.raises(NotFoundError):
        await client.assistants.set_latest(aid, 9)
    again = await client.assistants.update(aid, name="renamed")
    assert again["version"] == 3 and again["context"] == {"greeting": "hi"}

    with pytest.raises(NotFoundError):  # a graph this server does not serve
        await client.assistants.create("no-such-graph")
    await client.assistants.delete(aid)
    with pytest.raises(NotFoundError):
        await client.assistants.get(aid)
    with pytest.raises(NotFoundError):
        await client.assistants.get_versions(aid)


async def test_search_filters_sorts_pages_and_selects(client):
    team = uuid.uuid4().hex
    made = [
        await client.assistants.create("hitl_graph", metadata={"team": team}, name=name)
        for name in ("bravo", "alpha", "charlie")
    ]
    by_team = await client.assistants.search(metadata={"team": team}, limit=10)
    assert [a["name"] for a in by_team] == ["charlie", "alpha", "bravo"]  # newest first
    assert await client.assistants.count(metadata={"team": team}) == 3
    ordered = await client.assistants.search(
        metadata={"team": team}, sort_by="name", sort_order="asc"
    )
    assert [a["name"] for a in ordered] == ["alpha", "bravo", "charlie"]
    page = await client.assistants.search(
        metadata={"team": team}, sort_by="name", sort_order="asc", limit=1, offset=1
    )
    assert [a["name"] for a in page] == ["bravo"]
    assert [a["name"] for a in await client.assistants.search(name="HARL")] == ["charlie"]
    assert await client.assistants.count(graph_id="hitl_graph", metadata={"team": team}) == 3
    assert await client.assistants.search(graph_id="greeter", metadata={"team": team}) == []
    selected = await client.assistants.search(
        metadata={"team": team}, select=["assistant_id", "name"]
    )
    assert all(set(a) == {"assistant_id", "name"} for a in selected)
    paged = await client.assistants.search(
        metadata={"team": team}, limit=2, response_format="object"
    )
    assert len(paged["assistants"]) == 2 and paged["next"] == "2"
    rest = await client.assistants.search(
        metadata={"team": team}, limit=2, offset=2, response_format="object"
    )
    assert len(rest["assistants"]) == 1 and rest["next"] is None
    with pytest.raises(UnprocessableEntityError):
        await client.assistants.search(sort_by="no_such_field")
    for a in made:
        await client.assistants.delete(a["assistant_id"])


async def test_graph_subgraphs_and_schemas(client):
    drawn = await client.assistants.get_graph("nested")
    ids = {n["id"] for n in drawn["nodes"]}
    assert {"__start__", "inner", "finish", "__end__"} <= ids
    assert {"source": "inner", "target": "finish"} in [
        {"source": e["source"], "target": e["target"]} for e in drawn["edges"]
    ]
    xray = await client.assistants.get_graph("nested", xray=True)
    assert {"inner:ask", "inner:finish"} <= {n["id"] for n in xray["nodes"]}
    native = await client.assistants.get_graph("echo")
    assert [n["id"] for n in native["nodes"]] == ["__start__", "echo", "__end__"]

    subgraphs = await client.assistants.get_subgraphs("nested")
    assert list(subgraphs) == ["inner"]
    assert "question" in subgraphs["inner"]["input_schema"]["properties"]
    assert await client.assistants.get_subgraphs("nested", namespace="inner") == subgraphs
    assert await client.assistants.get_subgraphs("echo") == {}

    schemas = await client.assistants.get_schemas("greeter")
    assert schemas["graph_id"] == "greeter"
    assert schemas["context_schema"]["properties"]["greeting"]["default"] == "hello"
    assert "question" in schemas["input_schema"]["properties"]
    assert "answer" in schemas["state_schema"]["properties"]


async def test_runs_merge_the_assistants_config_and_context_under_their_own(client):
    thread_id = (await client.threads.create())["thread_id"]
    defaults = await client.runs.wait(thread_id, "greeter", input={"question": "Ann"})
    assert defaults["answer"] == "hello Ann!"  # the context schema's defaults

    assistant = await client.assistants.create("greeter", context={"greeting": "hi"})
    aid = assistant["assistant_id"]
    merged = await client.runs.wait(
        thread_id, aid, input={"question": "Bo"}, context={"punctuation": "?"}
    )
    assert merged["answer"] == "hi Bo?"  # the assistant's greeting, the run's punctuation
    overridden = await client.runs.wait(
        thread_id, aid, input={"question": "Cy"}, context={"greeting": "yo"}
    )
    assert overridden["answer"] == "yo Cy!"

    runs = await client.runs.list(thread_id)
    assert [r["assistant_id"] for r in runs] == [aid, aid, default_id("greeter")]
    thread = await client.threads.get(thread_id)
    assert thread["metadata"] == {"graph_id": "greeter", "assistant_id": aid}
    found = await client.threads.search(metadata={"graph_id": "greeter", "assistant_id": aid})
    assert [t["thread_id"] for t in found] == [thread_id]

    await client.assistants.update(aid, context={"greeting": "howdy"})
    assert (await client.runs.wait(thread_id, aid, input={"question": "Di"}))[
        "answer"
    ] == "howdy Di!"  # the latest version
    await client.assistants.delete(aid)
    with pytest.raises(NotFoundError):
        await client.runs.create(thread_id, aid, input={})


async def test_a_deleted_default_assistant_comes_back_when_a_server_starts(
    postgres_url: str,
) -> None:
    url = await create_database(postgres_url)
    try:
        async with await spawn_server(url, AP_AGENTS=f"{GRAPHS}:greeter") as server:
            client = get_client(url=f"{server.base_url}/langgraph", timeout=30)
            await client.assistants.delete("greeter")
            with pytest.raises(NotFoundError):
                await client.assistants.get("greeter")
            with pytest.raises(httpx.HTTPStatusError):
                await client.runs.wait(None, "greeter", input={})
        async with await spawn_server(url, AP_AGENTS=f"{GRAPHS}:greeter") as server:
            client = get_client(url=f"{server.base_url}/langgraph", timeout=30)
            assert (await client.assistants.get("greeter"))["version"] == 1
    finally:
        await drop_database(postgres_url, url)
