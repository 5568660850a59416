"""Agents: search, get and schemas; custom agents by module:attribute."""

from __future__ import annotations

from agent_protocol_client.api.agents import get_agent, get_agent_schemas, search_agents
from agent_protocol_client.models import Agent, AgentSchema, AgentSearchRequest
from ap_server.agents.registry import AgentRegistry, load

EXAMPLES = {"echo", "hitl", "hitl2", "slow", "fail"}


async def test_the_example_agents_are_registered(api):
    found = await search_agents.asyncio(client=api, body=AgentSearchRequest(limit=100))
    assert {a.agent_id for a in found} >= EXAMPLES
    assert all(isinstance(a, Agent) and a.capabilities is not None for a in found)


async def test_search_by_name_and_paging(http):
    by_name = (await http.post("/agents/search", json={"name": "slow"})).json()
    assert [a["agent_id"] for a in by_name] == ["slow"]
    none = (await http.post("/agents/search", json={"metadata": {"no": "such"}})).json()
    assert none == []
    first = (await http.post("/agents/search", json={"limit": 2})).json()
    second = (await http.post("/agents/search", json={"limit": 2, "offset": 2})).json()
    assert len(first) == 2 and {a["agent_id"] for a in first}.isdisjoint(
        a["agent_id"] for a in second
    )


async def test_get_and_schemas(api, http):
    echo = await get_agent.asyncio(client=api, agent_id="echo")
    assert isinstance(echo, Agent) and echo.name == "echo"
    assert echo.capabilities.ap_io_messages is True
    schemas = await get_agent_schemas.asyncio(client=api, agent_id="slow")
    assert isinstance(schemas, AgentSchema)
    assert schemas.input_schema.to_dict()["properties"]["steps"]["type"] == "integer"

    for path in ("/agents/nobody", "/agents/nobody/schemas"):
        response = await http.get(path)
        assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_custom_agents_by_module_attribute():
    registry = AgentRegistry.from_settings(False, ["ap_server.agents.examples:echo"])
    assert [a.agent_id for a in registry.search(name=None, metadata=None, limit=10, offset=0)] == [
        "echo"
    ]
    wrapped = load("tests.agents_for_tests:plain_function")
    assert wrapped.agent_id == "plain_function"
