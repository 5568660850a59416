"""The thread streaming protocol through LangGraph's own clients: the Python SDK's
`client.threads.stream` and the JS SDK's (`@langchain/langgraph-sdk`, run by node from
tests/js, installed there with `npm ci`), over SSE and WebSocket, against /langgraph."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from langgraph_sdk import get_client

from .conftest import ServerProcess, server_on_new_database
from .test_streaming import collect, command, sse, terminal

pytestmark = pytest.mark.slow  # a server of its own, node processes

JS = Path(__file__).parent / "js"
GRAPHS = "tests.langgraph_graphs"


@pytest.fixture(scope="module")
async def graph_server(postgres_url, tmp_path_factory) -> AsyncIterator[ServerProcess]:
    """A server with the example agents and two LangGraph graphs."""
    agents = f"{GRAPHS}:hitl_graph,{GRAPHS}:chat_graph"
    log_path = tmp_path_factory.mktemp("graphs") / "server.log"
    async with server_on_new_database(postgres_url, log_path, AP_AGENTS=agents) as server:
        yield server


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """`npm ci` in tests/js (from its lockfile), once per session."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is not installed (CI installs node and npm in .ci/run)")
    if not (JS / "node_modules" / "@langchain" / "langgraph-sdk").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=JS, check=True)
    return JS / "node_modules"


@pytest.mark.parametrize("agent", ["hitl", "hitl_graph"])
@pytest.mark.parametrize("transport", ["sse", "websocket"])
async def test_python_sdk_thread_stream(graph_server, transport, agent):
    client = get_client(url=f"{graph_server.base_url}/langgraph")
    async with client.threads.stream(assistant_id=agent, transport=transport) as thread:
        started = await thread.run.start(input={"question": "Ship it?"})
        assert started["run_id"]
        async with asyncio.timeout(30):
            async for _ in thread.values:  # ends when the run stops to ask
                pass
        assert thread.interrupted
        assert [i["value"] for i in thread.interrupts] in (
            [{"question": "Ship it?"}],
            ["Ship it?"],  # the graph asks with the question itself
        )
        await thread.run.respond("yes")
        async with asyncio.timeout(30):
            values = await thread.output
        assert values["answer"] == "yes"


@pytest.mark.parametrize("agent", ["hitl", "hitl_graph"])
@pytest.mark.parametrize("transport", ["sse", "websocket"])
async def test_js_sdk_thread_stream(graph_server, node_modules, transport, agent):
    seen = await node_json(
        JS / "thread_stream.mjs", f"{graph_server.base_url}/langgraph", transport, agent
    )
    assert seen["interrupts"] in ([{"question": "Ship it?"}], ["Ship it?"])
    assert ["input.requested", None] in seen["seen"]
    assert ["lifecycle", "interrupted"] in seen["seen"]
    assert seen["state"]["values"].get("answer") in (None, "yes")


async def node_json(script: Path, *args: str) -> Any:
    """Run a node script of tests/js; the JSON of its last line (it exits 0)."""
    process = await asyncio.create_subprocess_exec(
        "node", str(script), *args,
        cwd=JS, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    async with asyncio.timeout(60):
        out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    return json.loads(out.decode().strip().splitlines()[-1])


async def test_a_graphs_chat_model_tokens_are_one_message(graph_server):
    thread_id = str(uuid.uuid4())
    async with httpx.AsyncClient(base_url=graph_server.base_url, timeout=30) as http:
        started = await command(
            http, thread_id, "run.start",
            {"assistant_id": "chat_graph", "input": {"messages": [{"type": "human", "content": "hi there"}]}},
        )  # fmt: skip
        assert started["type"] == "success", started
        body = {"channels": ["messages", "lifecycle"], "since": 0}
        events = await collect(sse(http, f"/threads/{thread_id}/stream", body), terminal)
    messages = [e["params"]["data"] for e in events if e["method"] == "messages"]
    kinds = [m["event"] for m in messages]
    assert kinds[:2] == ["message-start", "content-block-start"]
    assert kinds[-2:] == ["content-block-finish", "message-finish"]
    assert set(kinds[2:-2]) == {"content-block-delta"} and len(kinds) > 5  # token by token
    text = "".join(m["delta"]["text"] for m in messages if m["event"] == "content-block-delta")
    assert text == messages[-2]["content"]["text"] == "you said: hi there"
    assert messages[0]["role"] == "ai"
