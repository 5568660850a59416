"""The kit's LangGraph profile (`ap-server conformance --api langgraph`) against our
server's `/langgraph` paths serving the kit's graphs, and against a fake server whose
answers are wrong (each failure names the request, the answer and the rule); the HTML
report opened in headless chromium. Against LangGraph's own server: `nox -s
conformance-langgraph`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ap_server.conformance.lg_context import GRAPHS
from ap_server.conformance.lg_scenarios import LANGGRAPH_SCENARIOS
from tests.browser import browser_fixture, page_fixture  # noqa: F401

from .conftest import ServerProcess, server_on_new_database
from .test_conformance_kit import kit, serve

ALL = len(LANGGRAPH_SCENARIOS)
KIT_GRAPHS = ",".join(f"ap_server.conformance.graphs:{graph}" for graph in GRAPHS)


@pytest.fixture(scope="module")
async def lg_server(
    postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ServerProcess]:
    log_path = tmp_path_factory.mktemp("lg-kit") / "server.log"
    async with server_on_new_database(postgres_url, log_path, AP_AGENTS=KIT_GRAPHS) as server:
        yield server


def every_check_names_its_rule() -> None:
    assert all(s.rule for s in LANGGRAPH_SCENARIOS)
    assert len({s.name for s in LANGGRAPH_SCENARIOS}) == ALL


async def test_the_profile_passes_on_our_langgraph_paths(lg_server, tmp_path, capsys):
    every_check_names_its_rule()
    paths = {k: tmp_path / f"report.{k}" for k in ("json", "xml", "html")}
    status = await kit(
        "--api", "langgraph", "--base-url", f"{lg_server.base_url}/langgraph",
        "--report-json", paths["json"], "--report-junit", paths["xml"],
        "--report-html", paths["html"],
    )  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith(f"LangGraph Platform API conformance of {lg_server.base_url}/langgraph")
    assert f"graphs of the contract: {', '.join(sorted(GRAPHS))}" in out

    report = json.loads(paths["json"].read_text())
    assert report["api"] == "langgraph"
    checks = {c["name"]: c for c in report["checks"]}
    assert list(checks) == [s.name for s in LANGGRAPH_SCENARIOS]
    assert all(c["status"] == "pass" for c in checks.values()), [
        (c["name"], c["message"]) for c in checks.values() if c["status"] != "pass"
    ]
    assert status == 0
    assert all(c["rule"] for c in report["checks"])

    suite = ET.parse(paths["xml"]).getroot().find("testsuite")
    assert suite.get("tests") == str(ALL)
    assert suite.get("failures") == str(report["summary"]["failed"])
    assert "(langgraph)" in suite.get("name")
    html = paths["html"].read_text()
    assert "<script src" not in html and "<link" not in html, "self-contained"


async def wrong(request: Request) -> JSONResponse:
    return JSONResponse({"unexpected": True})


async def search_assistants(request: Request) -> JSONResponse:
    return JSONResponse([{"assistant_id": g, "graph_id": g} for g in GRAPHS])


async def test_failures_name_the_request_the_answer_and_the_rule(tmp_path, capsys, page):
    """A server that lists the graphs and answers everything else with a wrong body."""
    app = Starlette(
        routes=[
            Route("/assistants/search", search_assistants, methods=["POST"]),
            Route("/{path:path}", wrong, methods=["GET", "POST", "PATCH", "PUT", "DELETE"]),
        ]
    )
    json_path, html_path = tmp_path / "r.json", tmp_path / "r.html"
    async with serve(app) as url:
        status = await kit(
            "--api", "langgraph", "--base-url", url, "--timeout", "5",
            "--only", "threads: *", "--only", "store: *",
            "--report-json", json_path, "--report-html", html_path,
        )  # fmt: skip
    out = capsys.readouterr().out
    assert status == 1, out
    checks = {c["name"]: c for c in json.loads(json_path.read_text())["checks"]}
    crud = checks["threads: create, get, update, search, delete"]
    assert crud["status"] == "fail"
    assert crud["message"] == "POST /threads: no thread_id in the answer"
    assert crud["rule"].startswith("client.threads.create / get / update / search / delete")
    exchange = crud["exchange"]
    assert (exchange["method"], exchange["url"], exchange["status"]) == (
        "POST",
        f"{url}/threads",
        200,
    )
    assert json.loads(exchange["response_body"]) == {"unexpected": True}
    assert json.loads(exchange["request_body"])["metadata"]["kit"]
    store = checks["store: put, get, search, namespaces, delete"]
    assert store["status"] == "fail" and store["exchange"]["url"].startswith(f"{url}/store/items")
    # the terminal report shows the rule with the request and the answer
    assert "rule:     client.threads.create" in out and f"request:  POST {url}/threads" in out

    # The HTML page, in a browser, with every request off the file refused: self-contained.
    outside: list[str] = []

    async def refuse(route) -> None:
        outside.append(route.request.url)
        await route.abort()

    await page.route("http*://**", refuse)
    await page.goto(Path(html_path).as_uri())
    assert outside == [] and page.problems == []
    assert await page.title() == "LangGraph Platform API conformance: failed"
    counts = await page.locator(".count.fail b").inner_text()
    assert counts == str(sum(c["status"] == "fail" for c in checks.values()))
    row = page.locator(f'tr[id="{crud["name"]}"]')
    text = await row.inner_text()
    assert "POST /threads: no thread_id in the answer" in text
    assert f"POST {url}/threads" in text and '{"unexpected":true}' in text
    assert crud["rule"] in text
