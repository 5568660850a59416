"""The thread streaming protocol through LangGraph's own clients: the Python SDK's
`client.threads.stream` and the JS SDK's (`@langchain/langgraph-sdk`, run by node from
tests/js, installed there with `npm ci`), over SSE and WebSocket, against /langgraph."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from langgraph_sdk import get_client

JS = Path(__file__).parent / "js"


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """`npm ci` in tests/js (from its lockfile), once per session."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is not installed (CI installs node and npm in .ci/run)")
    if not (JS / "node_modules" / "@langchain" / "langgraph-sdk").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=JS, check=True)
    return JS / "node_modules"


@pytest.mark.parametrize("transport", ["sse", "websocket"])
async def test_python_sdk_thread_stream(base_url, transport):
    client = get_client(url=f"{base_url}/langgraph")
    async with client.threads.stream(assistant_id="hitl", transport=transport) as thread:
        started = await thread.run.start(input={"question": "Ship it?"})
        assert started["run_id"]
        async with asyncio.timeout(30):
            async for _ in thread.values:  # ends when the run stops to ask
                pass
        assert thread.interrupted
        assert [i["value"] for i in thread.interrupts] == [{"question": "Ship it?"}]
        await thread.run.respond("yes")
        async with asyncio.timeout(30):
            values = await thread.output
        assert values == {"answer": "yes"}


@pytest.mark.parametrize("transport", ["sse", "websocket"])
async def test_js_sdk_thread_stream(base_url, node_modules, transport):
    process = await asyncio.create_subprocess_exec(
        "node", str(JS / "thread_stream.mjs"), f"{base_url}/langgraph", transport,
        cwd=JS, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    async with asyncio.timeout(60):
        out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    seen = json.loads(out.decode().strip().splitlines()[-1])
    assert seen["interrupts"] == [{"question": "Ship it?"}]
    assert ["input.requested", None] in seen["seen"]
    assert ["lifecycle", "interrupted"] in seen["seen"]
    assert seen["state"]["values"] in ({}, {"answer": "yes"})
