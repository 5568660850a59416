"""The conformance kit (`ap_server.conformance`), run in-process: against our server (every
check passes), against a server with only `echo` (the others are skipped, with reasons),
and against fake servers (wrong bodies, routes answering 501, a request that hangs)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import time
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ap_server.conformance import SCENARIOS, main
from ap_server.conformance.runner import select

ALL = len(SCENARIOS)
CONTRACT = ("echo", "hitl", "slow", "fail")
EXAMPLE_AGENTS = [{"agent_id": a, "name": a, "capabilities": {}} for a in CONTRACT]


async def kit(*args: str | Path) -> int:
    """`main([...])` in a thread: it runs its own event loop, next to the test's."""
    return await asyncio.to_thread(main, [str(a) for a in args])


def reports(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "report.json", tmp_path / "junit.xml"


def read_junit(path: Path) -> ET.Element:
    suites = ET.parse(path).getroot()
    assert suites.tag == "testsuites"
    [suite] = suites.findall("testsuite")
    return suite


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.asynccontextmanager
async def serve(app: Starlette) -> AsyncIterator[str]:
    """Serve `app` with uvicorn on a free port of 127.0.0.1; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(app, port=port, log_level="warning", timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), "the fake server did not start"
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def search_agents(request: Request) -> JSONResponse:
    return JSONResponse(EXAMPLE_AGENTS)


# -- our server ---------------------------------------------------------------------------


async def test_every_check_passes_against_our_server(base_url, tmp_path, capsys):
    json_path, junit_path = reports(tmp_path)
    started = time.monotonic()
    status = await kit(
        "--base-url", base_url, "--report-json", json_path, "--report-junit", junit_path
    )
    elapsed = time.monotonic() - started
    out = capsys.readouterr().out
    assert status == 0, out
    assert elapsed < 30, f"the kit took {elapsed:.1f} s"

    report = json.loads(json_path.read_text())
    assert report["summary"] == {"total": ALL, "passed": ALL, "failed": 0, "skipped": 0}, out
    assert [c["name"] for c in report["checks"]] == [s.name for s in SCENARIOS]
    assert all(c["status"] == "pass" and c["exchange"] is None for c in report["checks"])
    assert report["base_url"] == base_url
    assert set(CONTRACT) <= set(report["agents"])

    suite = read_junit(junit_path)
    assert suite.get("tests") == str(ALL)
    assert (suite.get("failures"), suite.get("skipped"), suite.get("errors")) == ("0", "0", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [s.name for s in SCENARIOS]
    assert all(c.find("failure") is None and c.find("skipped") is None for c in cases)
    rules = [c.find("properties/property[@name='rule']") for c in cases]
    assert all(r is not None and r.get("value") for r in rules), "each check names its rule"
    assert cases[0].get("classname") == "conformance.threads"
    assert float(cases[0].get("time")) > 0

    # stdout is no terminal here: one plain progress line per check, then the table.
    assert f"[1/{ALL}] threads: create and get ... pass (" in out
    assert f"[{ALL}/{ALL}] {SCENARIOS[-1].name} ... pass (" in out
    assert "\r" not in out and "\x1b[" not in out
    assert f"{ALL} checks: {ALL} passed, 0 failed, 0 skipped in " in out


async def test_checks_needing_missing_agents_are_skipped(
    start_server, empty_database_url, tmp_path
):
    config = tmp_path / "ap.toml"
    config.write_text('example_agents = false\nagents = ["ap_server.agents.examples:echo"]\n')
    server = await start_server(empty_database_url, "--config", str(config))
    json_path, junit_path = reports(tmp_path)
    status = await kit(
        "--base-url", server.base_url, "--report-json", json_path, "--report-junit", junit_path
    )
    report = json.loads(json_path.read_text())
    assert status == 0, report
    assert report["agents"] == ["echo"]

    checks = {c["name"]: c for c in report["checks"]}
    skipped = 0
    for scenario in SCENARIOS:
        check = checks[scenario.name]
        missing = [a for a in scenario.agents if a != "echo"]
        if missing:
            skipped += 1
            assert check["status"] == "skip", check
            assert check["message"] == f"agent {missing[0]} not available", check
        else:
            assert check["status"] == "pass", check
    assert skipped >= 10
    assert checks["resume: of concurrent resumes exactly one wins"]["message"] == (
        "agent hitl not available"
    )
    assert checks["cancel: rollback"]["message"] == "agent slow not available"
    assert checks["runs: a failing agent ends in error"]["message"] == "agent fail not available"
    # slow and echo: the missing one is named.
    assert checks["multitask: reject on a busy thread"]["message"] == "agent slow not available"
    assert report["summary"]["skipped"] == skipped
    assert report["summary"]["passed"] == ALL - skipped

    suite = read_junit(junit_path)
    assert suite.get("skipped") == str(skipped) and suite.get("failures") == "0"
    reasons = {c.get("name"): c.find("skipped") for c in suite.findall("testcase")}
    assert reasons["cancel: rollback"].get("message") == "agent slow not available"
    assert reasons["threads: copy"] is None


# -- servers that do not conform ----------------------------------------------------------


async def test_a_failing_check_exits_non_zero_with_the_failing_request(tmp_path, capsys):
    """Agents are listed, the resume routes answer 501, everything else a wrong body."""

    async def wrong(request: Request) -> JSONResponse:
        return JSONResponse({"unexpected": True})

    async def not_implemented(request: Request) -> JSONResponse:
        return JSONResponse({"code": "not_implemented", "message": "no resume"}, status_code=501)

    methods = ["GET", "POST", "PATCH", "PUT", "DELETE"]
    app = Starlette(
        routes=[
            Route("/agents/search", search_agents, methods=["POST"]),
            Route("/runs/resume", not_implemented, methods=["PATCH"]),
            Route("/runs/resume/wait", not_implemented, methods=["PATCH"]),
            Route("/runs/resume/stream", not_implemented, methods=["PATCH"]),
            Route("/{path:path}", wrong, methods=methods),
        ]
    )
    json_path, junit_path = reports(tmp_path)
    async with serve(app) as url:
        status = await kit(
            "--base-url", url, "--timeout", "5",
            "--report-json", json_path, "--report-junit", junit_path,
        )  # fmt: skip
    out = capsys.readouterr().out
    assert status == 1, out

    report = json.loads(json_path.read_text())
    checks = {c["name"]: c for c in report["checks"]}
    create = checks["threads: create and get"]
    assert create["status"] == "fail"
    assert "POST /threads: the 200 response does not match the spec" in create["message"]
    exchange = create["exchange"]
    assert exchange["method"] == "POST" and exchange["url"] == f"{url}/threads"
    assert exchange["status"] == 200
    assert json.loads(exchange["response_body"]) == {"unexpected": True}
    assert json.loads(exchange["request_body"])["metadata"] == {"kit": "conformance", "n": 1}

    missing = checks["resume: a missing thread is 404"]
    assert missing == {**missing, "status": "skip", "exchange": None}
    assert missing["message"] == "server does not implement PATCH /runs/resume (501)"
    assert checks["resume: a thread that is not interrupted is 409"]["status"] == "fail", (
        "it creates a thread first, and that fails"
    )
    assert report["summary"]["failed"] >= ALL - 2
    assert report["summary"]["passed"] == 0

    suite = read_junit(junit_path)
    assert int(suite.get("failures")) == report["summary"]["failed"]
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    failure = cases["threads: create and get"].find("failure")
    assert failure is not None and "does not match the spec" in failure.get("message")
    assert f"request:  POST {url}/threads" in failure.text
    assert "response: 200" in failure.text and '"unexpected"' in failure.text
    assert cases["resume: a missing thread is 404"].find("skipped") is not None

    assert "Failures:" in out
    assert f"request:  POST {url}/threads" in out
    assert "FAIL" in out and "server does not implement PATCH /runs/resume (501)" in out


async def test_a_check_that_hangs_times_out_naming_the_request(tmp_path):
    release = asyncio.Event()

    async def hang(request: Request) -> JSONResponse:
        await release.wait()
        return JSONResponse({}, status_code=500)

    app = Starlette(
        routes=[
            Route("/agents/search", search_agents, methods=["POST"]),
            Route("/threads", hang, methods=["POST"]),
        ]
    )
    json_path, _ = reports(tmp_path)
    async with serve(app) as url:
        started = time.monotonic()
        status = await kit(
            "--base-url", url, "--only", "threads: create and get", "--timeout", "1",
            "--report-json", json_path,
        )  # fmt: skip
        elapsed = time.monotonic() - started
        release.set()
    assert status == 1
    assert elapsed < 10
    [check] = json.loads(json_path.read_text())["checks"]
    assert check["status"] == "fail"
    assert check["message"] == "timed out after 1 s, waiting for POST /threads"
    assert check["exchange"]["url"] == f"{url}/threads"
    assert check["exchange"]["status"] is None


# -- the command line ---------------------------------------------------------------------


def test_usage_errors_and_an_unreachable_server_exit_2(capsys):
    assert main([]) == 2, "--base-url is required"
    assert main(["--base-url", "http://127.0.0.1:1", "--only", "no such check"]) == 2
    assert main(["--base-url", "http://127.0.0.1:1", "--timeout", "0"]) == 2
    assert main(["--base-url", f"http://127.0.0.1:{free_port()}", "--timeout", "2"]) == 2
    assert "cannot reach the server" in capsys.readouterr().err
    assert main(["--help"]) == 0


def test_only_takes_globs_and_substrings():
    assert [s.name for s in select(["threads: c*"])] == ["threads: create and get", "threads: copy"]
    assert {s.group for s in select(["CANCEL"])} == {"cancel"}
    both = select(["resume: a missing*", "multitask"])
    assert [s.name for s in both] == [
        "resume: a missing thread is 404",
        "multitask: reject on a busy thread",
    ]
    assert select([]) == SCENARIOS
