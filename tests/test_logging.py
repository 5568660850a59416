"""The log of a real server process: access lines with request ids, run lifecycle lines,
an agent's traceback (kept out of the run's error), JSON and text formats."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from collections.abc import Callable

import httpx

from .conftest import ServerProcess
from .test_runs import new_thread, run_until


def json_lines(server: ServerProcess) -> list[dict]:
    return [json.loads(line) for line in server.log().splitlines() if line.startswith("{")]


async def wait_for_line(
    server: ServerProcess, match: Callable[[dict], bool], timeout: float = 20.0
) -> dict:
    """The first JSON log line that matches (a bounded poll of the log file)."""
    deadline = time.monotonic() + timeout
    while True:
        for line in json_lines(server):
            if match(line):
                return line
        assert time.monotonic() < deadline, f"no such log line in:\n{server.log()}"
        await asyncio.sleep(0.05)


async def test_json_log_of_requests_and_runs(start_server, empty_database_url):
    server = await start_server(empty_database_url, AP_LOG_FORMAT="json")
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        response = await http.post(
            "/runs/wait",
            json={"agent_id": "echo", "input": 1},
            headers={"X-Request-ID": "req-42"},
        )
        assert response.headers["x-request-id"] == "req-42"
        run_id = response.json()["run"]["run_id"]

        access = await wait_for_line(server, lambda r: r.get("request_id") == "req-42"
                                     and r["logger"] == "ap_server.access")  # fmt: skip
        assert access["message"].startswith("POST /runs/wait 200 ")
        assert access["status"] == 200 and access["operation"] == "create_and_wait_run"
        assert access["level"] == "INFO" and access["time"].endswith("+00:00")

        def run_line(message: str) -> Callable[[dict], bool]:
            return lambda r: r.get("run_id") == run_id and r["message"] == message

        created = await wait_for_line(server, run_line("run created"))
        assert created["request_id"] == "req-42"  # logged while serving that request
        assert created["agent_id"] == "echo" and created["thread_id"]
        await wait_for_line(server, run_line("run started"))
        ended = await wait_for_line(server, run_line("run ended"))
        assert ended["status"] == "success" and "stop_reason" not in ended

        # A cancelled run ends with its stop reason.
        thread_id = await new_thread(http)
        body = {"agent_id": "slow", "thread_id": thread_id, "input": {"steps": 50, "delay": 0.2}}
        slow = (await http.post("/runs", json=body)).json()["run_id"]
        await run_until(http, slow, {"running"})
        assert (await http.post(f"/runs/{slow}/cancel?wait=true")).status_code == 204
        ended = await wait_for_line(
            server, lambda r: r.get("run_id") == slow and r["message"] == "run ended"
        )
        assert ended["status"] == "interrupted" and ended["stop_reason"] == "user"

        # An id that is not sane is replaced, not echoed.
        response = await http.get("/ok", headers={"X-Request-ID": "two words\tand a tab"})
        assert response.headers["x-request-id"] != "two words\tand a tab"
        assert len(response.headers["x-request-id"]) == 32


async def test_an_agents_traceback_goes_to_the_log_not_to_the_run(start_server, empty_database_url):
    server = await start_server(empty_database_url, AP_LOG_FORMAT="json")
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        body = {"agent_id": "fail", "input": {"message": "kaboom"}}
        run = (await http.post("/runs/wait", json=body)).json()["run"]
    assert run["status"] == "error"
    assert run["error"] == {"type": "RuntimeError", "message": "kaboom"}  # nothing internal
    line = await wait_for_line(
        server, lambda r: r.get("run_id") == run["run_id"] and r["level"] == "ERROR"
    )
    assert line["message"] == "agent fail raised RuntimeError"
    assert line["exception"].startswith("Traceback (most recent call last):")
    assert 'examples.py", line' in line["exception"] and "RuntimeError: kaboom" in line["exception"]
    ended = await wait_for_line(
        server, lambda r: r.get("run_id") == run["run_id"] and r["message"] == "run ended"
    )
    assert ended["status"] == "error" and ended["error"] == "RuntimeError"


async def test_retried_and_recovered_runs_are_logged(start_server, empty_database_url):
    """A process dies (SIGKILL) running a run: another one recovers it when the lease
    expires, and retries it."""
    env = {"AP_LEASE_SECONDS": "1", "AP_LOG_FORMAT": "json"}
    doomed = await start_server(empty_database_url, **env)
    async with httpx.AsyncClient(base_url=doomed.base_url, timeout=30) as http:
        body = {"agent_id": "slow", "input": {"steps": 4, "delay": 0.25}}
        run_id = (await http.post("/runs", json=body)).json()["run_id"]
        await run_until(http, run_id, {"running"})
    os.kill(doomed.process.pid, signal.SIGKILL)
    doomed.process.wait()
    rescuer = await start_server(empty_database_url, **env)
    recovered = await wait_for_line(rescuer, lambda r: r["message"].startswith("recovered "))
    assert recovered["level"] == "WARNING"
    retried = await wait_for_line(
        rescuer, lambda r: r.get("run_id") == run_id and r["message"].startswith("run retried")
    )
    assert retried["attempt"] == 2
    ended = await wait_for_line(
        rescuer, lambda r: r.get("run_id") == run_id and r["message"] == "run ended", 30
    )
    assert ended["status"] == "success"


async def test_text_log_lines(start_server, empty_database_url):
    server = await start_server(empty_database_url)  # AP_LOG_FORMAT=text, the default
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        await http.get("/ok", headers={"X-Request-ID": "text-1"})
    deadline = time.monotonic() + 20
    while "request_id=text-1" not in server.log():
        assert time.monotonic() < deadline, server.log()
        await asyncio.sleep(0.05)
    line = next(line for line in server.log().splitlines() if "request_id=text-1" in line)
    assert " INFO ap_server.access: GET /ok 200 " in line
    assert "serving agents: echo, hitl, hitl2, slow, fail" in server.log()
    assert "Traceback" not in server.log()
