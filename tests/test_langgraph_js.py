"""The JS LangGraph SDK (`@langchain/langgraph-sdk`, through node) against /langgraph, and a
chat page on another origin using it in headless chromium, through CORS.

tests/js/package.json and its lockfile pin the SDK; the `js` fixture installs them with
`npm ci` (and bundles the page with esbuild) when node_modules is missing or older than
the lockfile.
"""

from __future__ import annotations

import asyncio
import functools
import http.server
import json
import shutil
import subprocess
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.browser import browser_fixture, page_fixture  # noqa: F401

from .conftest import ServerProcess, create_database, drop_database, spawn_server

JS = Path(__file__).resolve().parent / "js"
GRAPHS = "tests.langgraph_graphs"
AGENTS = ",".join(f"{GRAPHS}:{n}" for n in ("hitl_graph", "slow_graph", "chat_graph", "nested"))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def js() -> Path:
    """tests/js with its packages installed (`npm ci`) and the page bundled."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("no npm: install Node.js 20 (as .ci/run does)")
    installed = JS / "node_modules" / ".package-lock.json"
    lock = JS / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=JS, check=True)
    subprocess.run(
        [
            str(JS / "node_modules" / ".bin" / "esbuild"),
            "chat.mjs",
            "--bundle",
            "--format=esm",
            "--platform=browser",
            "--outfile=dist/chat.js",
            "--log-level=warning",
        ],
        cwd=JS,
        check=True,
    )
    return JS


@pytest.fixture(scope="module")
async def lg_server(postgres_url: str) -> AsyncIterator[ServerProcess]:
    url = await create_database(postgres_url)
    try:
        async with await spawn_server(url, AP_AGENTS=AGENTS) as server:
            yield server
    finally:
        await drop_database(postgres_url, url)


async def test_the_js_sdk_through_every_area(js: Path, lg_server: ServerProcess) -> None:
    node = await asyncio.create_subprocess_exec(
        "node",
        "scenario.mjs",
        f"{lg_server.base_url}/langgraph",
        cwd=js,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(node.communicate(), timeout=120)
    assert node.returncode == 0, err.decode()
    seen = json.loads(out)
    assert seen["assistant"] == {
        "version": 2,
        "metadata": {"from": "js", "v": 2},
        "versions": [2, 1],
        "latest": 1,
        "found": 1,
        "count": 2,  # the default one and the one made
        "graphNodes": ["__start__", "ask", "finish", "__end__"],
        "schemaKeys": [
            "config_schema",
            "context_schema",
            "graph_id",
            "input_schema",
            "output_schema",
            "state_schema",
        ],
    }
    run = seen["run"]
    assert run["interruptValue"] == {"question": "from js?"}
    assert {"metadata", "values", "updates", "end"} <= set(run["events"])
    assert run["answer"] == "yes from js"
    assert run["historyLength"] == 3
    assert run["tagged"]["from"] == "js" and run["tagged"]["graph_id"] == "hitl_graph"
    assert run["threadCount"] == 1
    assert run["listed"] == ["success", "success"]
    assert seen["cancelled"] == "interrupted"
    assert seen["joined"]["echo"] == {"n": 1}
    assert seen["cron"]["found"] == [seen["cron"]["made"]] and seen["cron"]["after"] == 0
    assert seen["store"] == {"likes": "tea"}
    assert seen["graph"] == {
        "stopped": 1,
        "next": ["tick"],
        "goneOn": 2,
        "branched": 2,
        "branchParentIsTheCheckpoint": True,
        "subgraphNext": ["ask"],
        "subgraphValues": {"question": "js?", "steps": []},
    }


@pytest.fixture(scope="module")
def page_origin(js: Path) -> Iterator[str]:
    """tests/js served at http://localhost:<port>: another origin than the API server's
    http://127.0.0.1:<port> (a loopback one, which CORS lets in by default)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(js))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


async def test_a_chat_page_on_another_origin_through_cors(
    page, page_origin: str, lg_server: ServerProcess
) -> None:
    await page.goto(f"{page_origin}/chat.html?api={lg_server.base_url}/langgraph")
    result = page.locator("#result")
    await result.filter(has_text="{").wait_for(timeout=60_000)
    outcome = json.loads(await result.text_content())
    assert "error" not in outcome, (outcome, page.problems)
    assert outcome["reply"] == "you said: hello browser"
    assert outcome["threadId"] in outcome["history"]  # the UI's history sidebar finds it
    assert outcome["version"]
