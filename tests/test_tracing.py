"""OpenTelemetry: a server run under `opentelemetry-instrument` (opentelemetry-distro),
configured by the standard OTEL_* variables, exports a span per request (continuing the
client's trace) and per run; here with the SDK's console exporter."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .conftest import LISTENING, ServerProcess

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
TRACEPARENT = f"00-{TRACE_ID}-b7ad6b7169203331-01"


def spans(text: str) -> list[dict]:
    """The console exporter's spans: indented JSON objects, one after another."""
    found, decoder, at = [], json.JSONDecoder(), 0
    while (start := text.find('{\n    "name"', at)) != -1:
        span, at = decoder.raw_decode(text, start)
        found.append(span)
    return found


async def test_spans_of_requests_and_runs(empty_database_url: str, tmp_path: Path) -> None:
    instrument = Path(sys.executable).parent / "opentelemetry-instrument"
    command = [str(instrument), sys.executable, "-m", "ap_server.cli", "serve", "--port", "0"]
    env = {
        **os.environ,
        "DATABASE_URL": empty_database_url,
        "PYTHONUNBUFFERED": "1",
        "OTEL_SERVICE_NAME": "ap-server-test",
        "OTEL_TRACES_EXPORTER": "console",
        "OTEL_METRICS_EXPORTER": "none",
        "OTEL_LOGS_EXPORTER": "none",
        "OTEL_BSP_SCHEDULE_DELAY": "50",  # ms between exports
    }
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    server = ServerProcess(process, log_path)
    try:
        deadline = time.monotonic() + 60
        while not (match := LISTENING.search(server.log())):
            assert process.poll() is None and time.monotonic() < deadline, server.log()
            await asyncio.sleep(0.05)
        async with httpx.AsyncClient(base_url=match.group(1), timeout=30) as http:
            response = await http.post(
                "/runs/wait",
                json={"agent_id": "echo", "input": 1},
                headers={"traceparent": TRACEPARENT, "X-Request-ID": "traced-1"},
            )
            run_id = response.json()["run"]["run_id"]
        found: list[dict] = []
        while not {"POST /runs/wait", "run echo"} <= {s["name"] for s in found}:
            assert time.monotonic() < deadline, server.log()
            await asyncio.sleep(0.05)
            found = spans(server.log())
    finally:
        process.send_signal(signal.SIGTERM)
        await server.stop()
    request = next(s for s in found if s["name"] == "POST /runs/wait")
    assert request["kind"] == "SpanKind.SERVER"
    assert request["context"]["trace_id"] == f"0x{TRACE_ID}"  # the client's trace goes on
    assert request["attributes"]["http.route"] == "/runs/wait"
    assert request["attributes"]["http.response.status_code"] == 200
    assert request["attributes"]["ap.request_id"] == "traced-1"
    assert request["resource"]["attributes"]["service.name"] == "ap-server-test"
    run = next(s for s in found if s["name"] == "run echo")
    assert run["attributes"]["ap.run_id"] == run_id
    assert run["attributes"]["ap.status"] == "success"
    assert re.fullmatch(r"0x[0-9a-f]{32}", run["context"]["trace_id"])
