"""The hand-written SDK (`AgentProtocol`, `AsyncAgentProtocol`) against a real server:
keyword arguments in, generated models out, errors as exceptions with the server's code,
streams as typed events that rejoin a connection killed mid-stream (through a TCP proxy
the test cuts) without losing or repeating an event, cancel with wait, 503 retries."""

from __future__ import annotations

import asyncio
import contextlib
import re
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import uvicorn

from agent_protocol_client import (
    AgentProtocol,
    APITimeoutError,
    AsyncAgentProtocol,
    ConflictError,
    NotFoundError,
    ServiceUnavailableError,
    UnprocessableEntityError,
)
from agent_protocol_client.models import Item, Run, RunWaitResponse, Thread

from .test_conformance_kit import free_port

ROOT = Path(__file__).resolve().parent.parent


class Proxy:
    """A TCP proxy to the server whose live connections the test can cut (both sides
    closed at once, as a reset network would)."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.connections = 0
        self._writers: list[asyncio.StreamWriter] = []
        self._server: asyncio.Server | None = None

    async def start(self) -> str:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        self._writers += [writer, up_writer]

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError, OSError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            with contextlib.suppress(Exception):
                dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def cut(self) -> None:
        for writer in self._writers:
            with contextlib.suppress(Exception):
                writer.transport.abort()
        self._writers.clear()

    async def close(self) -> None:
        self.cut()
        if self._server is not None:
            self._server.close()


@pytest.fixture
async def proxy(base_url: str) -> AsyncIterator[Proxy]:
    port = int(base_url.rsplit(":", 1)[1])
    proxy = Proxy(port)
    proxy.url = await proxy.start()  # type: ignore[attr-defined]
    yield proxy
    await proxy.close()


@pytest.fixture
async def client(base_url: str) -> AsyncIterator[AsyncAgentProtocol]:
    async with AsyncAgentProtocol(base_url, timeout=30) as c:
        yield c


def ids(events) -> list[int]:
    return [int(e.id) for e in events]


async def test_threads_runs_store_agents_return_generated_models(client):
    user = str(uuid.uuid4())
    thread = await client.threads.create(metadata={"user": user})
    assert isinstance(thread, Thread) and thread.metadata["user"] == user
    result = await client.runs.wait("echo", thread_id=thread.thread_id, input={"n": 1})
    assert isinstance(result, RunWaitResponse)
    assert result.run.status == "success" and result.values["echo"] == {"n": 1}
    assert result.values["echo"]["n"] == 1 and type(result.values["echo"]["n"]) is int
    [found] = await client.threads.search(metadata={"user": user})
    assert found.thread_id == thread.thread_id
    history = await client.threads.history(thread.thread_id, limit=5)
    assert history and history[0].values["echo"] == {"n": 1}
    stateless = await client.runs.wait("echo", input="plain")
    assert stateless.values.to_dict() == {"echo": "plain"}

    assert "echo" in {a.agent_id for a in await client.agents.search(limit=100)}
    assert (await client.agents.get("echo")).agent_id == "echo"

    await client.store.put(["sdk", user], "units", {"temp": "C"})
    item = await client.store.get(["sdk", user], "units")
    assert isinstance(item, Item) and item.value["temp"] == "C"
    searched = await client.store.search(["sdk", user], filter={"temp": "C"})
    assert [i.key for i in searched.items] == ["units"]
    await client.store.delete(["sdk", user], "units")
    with pytest.raises(NotFoundError) as missing:
        await client.store.get(["sdk", user], "units")
    assert missing.value.code == "not_found" and missing.value.status_code == 404

    await client.threads.delete(thread.thread_id)
    with pytest.raises(NotFoundError):
        await client.threads.get(thread.thread_id)


async def test_errors_carry_the_servers_code(client):
    thread = await client.threads.create()
    with pytest.raises(ConflictError) as exists:
        await client.threads.create(thread_id=thread.thread_id)
    assert exists.value.code == "thread_exists"
    with pytest.raises(ConflictError) as idle:
        await client.runs.resume(thread.thread_id, input="yes")
    assert idle.value.code == "thread_not_interrupted"
    assert idle.value.metadata["thread_status"] == "idle"
    with pytest.raises(UnprocessableEntityError) as bad:
        await client.runs.wait("echo", input=1, multitask_strategy="sometimes")
    assert bad.value.code == "validation_error" and "multitask_strategy" in bad.value.message


async def test_interrupt_then_resume_wait_and_stream(client):
    thread = await client.threads.create()
    asked = await client.runs.wait("hitl", thread_id=thread.thread_id, input={"question": "ok?"})
    assert asked.run.status == "interrupted"
    assert [i.value for i in asked.interrupts] == [{"question": "ok?"}]
    done = await client.runs.resume_wait(thread.thread_id, input="yes")
    assert done.values.to_dict() == {"answer": "yes"}

    await client.runs.wait("hitl", thread_id=thread.thread_id, input={"question": "again?"})
    events = [e async for e in client.runs.resume_stream(thread.thread_id, input="no")]
    assert events[0].event == "metadata" and events[0].run_id
    assert events[-1].event == "end" and events[-1].data["status"] == "success"
    assert ids(events) == list(range(ids(events)[0], ids(events)[0] + len(events)))


async def test_background_run_join_and_cancel_with_wait(client):
    thread = await client.threads.create()
    run = await client.runs.create(
        "slow", thread_id=thread.thread_id, input={"steps": 200, "delay": 0.05}
    )
    assert isinstance(run, Run) and run.status in ("pending", "running")
    with pytest.raises(ConflictError) as busy:
        await client.runs.wait("echo", thread_id=thread.thread_id, input=1)
    assert busy.value.code == "thread_busy"
    await client.runs.cancel(run.run_id, wait=True)
    assert (await client.runs.get(run.run_id)).status == "interrupted"  # stopped, not pending
    joined = await client.runs.join(run.run_id)
    assert joined.run.status == "interrupted"


async def test_stream_rejoins_a_killed_connection_without_loss_or_repetition(proxy):
    async with AsyncAgentProtocol(proxy.url, timeout=30) as client:
        stream = client.runs.stream(
            "slow", input={"steps": 6, "delay": 0.1}, stream_mode=["updates", "values"]
        )
        events = []
        async for event in stream:
            events.append(event)
            if len(events) == 3:
                proxy.cut()  # mid-stream: the run goes on, the SDK reconnects
        assert proxy.connections >= 2, "the stream reconnected"
        assert events[0].event == "metadata" and events[-1].event == "end"
        assert ids(events) == list(range(1, len(events) + 1)), "no event lost or repeated"
        assert events[-1].data["status"] == "success"
        steps = [e.data["step"] for e in events if e.event == "values"]
        assert steps == [1, 2, 3, 4, 5, 6]
        assert (await client.runs.get(stream.run_id)).status == "success"


async def test_sync_stream_rejoins_and_breaking_out_cancels(proxy, client):
    url = proxy.url
    loop = asyncio.get_running_loop()

    def scenario() -> tuple[list, str | None]:
        with AgentProtocol(url, timeout=30) as sync_client:
            events = []
            for event in sync_client.runs.stream("slow", input={"steps": 5, "delay": 0.1}):
                events.append(event)
                if len(events) == 2:
                    loop.call_soon_threadsafe(proxy.cut)
            left = sync_client.runs.stream("slow", input={"steps": 500, "delay": 0.05})
            with left:
                for event in left:
                    if event.event == "values":
                        break  # leaving early cancels the run
            return events, left.run_id

    events, left_run = await asyncio.to_thread(scenario)
    assert events[-1].event == "end" and events[-1].data["status"] == "success"
    assert ids(events) == list(range(1, len(events) + 1))
    assert proxy.connections >= 3  # the first stream twice, the second once
    for _ in range(200):  # bounded poll: the cancel reaches the worker
        if (await client.runs.get(left_run)).status == "interrupted":
            break
        await asyncio.sleep(0.05)
    assert (await client.runs.get(left_run)).status == "interrupted"


async def test_a_rolling_restart_loses_no_wait_and_no_stream_event(
    start_server, empty_database_url
):
    """Two processes on one database behind a proxy: the proxy's new connections go to B,
    then A stops. A's open wait (503 shutting_down) becomes a join answered by B, and A's
    open stream (closed without `end`) is rejoined on B with Last-Event-ID."""
    env = {"AP_SHUTDOWN_GRACE": "0.2"}
    a = await start_server(empty_database_url, **env)
    b = await start_server(empty_database_url, **env)
    proxy = Proxy(int(a.base_url.rsplit(":", 1)[1]))
    url = await proxy.start()
    slow = {"steps": 30, "delay": 0.1}
    try:
        async with AsyncAgentProtocol(url, timeout=30, max_retries=6) as client:
            waiting = asyncio.ensure_future(client.runs.wait("slow", input=slow))
            stream = client.runs.stream("slow", input=slow, stream_mode="values")
            events = [await anext(stream), await anext(stream)]  # metadata, the first values
            async with AsyncAgentProtocol(a.base_url) as direct:

                async def both_running() -> bool:
                    runs = await direct.runs.search(status="running", limit=10)
                    return len(runs) == 2

                for _ in range(200):  # bounded poll
                    if await both_running():
                        break
                    await asyncio.sleep(0.05)
                assert await both_running()
            proxy.target_port = int(b.base_url.rsplit(":", 1)[1])
            assert await a.stop(timeout=30) == 0
            events += [event async for event in stream]
            result = await waiting
    finally:
        await proxy.close()
    assert result.run.status == "success" and result.values["step"] == 30
    assert events[-1].event == "end" and events[-1].data["status"] == "success"
    assert ids(events) == list(range(1, len(events) + 1)), "no event lost or repeated"
    assert [e.data["step"] for e in events if e.event == "values"][-1] == 30


async def test_leaving_an_async_stream_early_cancels_its_run(client):
    async with client.runs.stream("slow", input={"steps": 500, "delay": 0.05}) as events:
        async for event in events:
            if event.event == "values":
                break
    run_id = events.run_id
    for _ in range(200):  # bounded poll: the cancel reaches the worker
        if (await client.runs.get(run_id)).status == "interrupted":
            break
        await asyncio.sleep(0.05)
    run = await client.runs.get(run_id)
    assert run.status == "interrupted" and run.stop_reason == "user"


async def test_503_is_retried_for_idempotent_calls_only():
    """A server answering 503 twice then 200: GET succeeds after retries; POST /runs is not
    repeated (it would create a second run)."""
    hits: dict[str, int] = {}

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        key = f"{scope['method']} {scope['path']}"
        hits[key] = hits.get(key, 0) + 1
        if hits[key] <= 2:
            status, body = 503, b'{"code": "unavailable", "message": "db down"}'
            headers = [(b"content-type", b"application/json"), (b"retry-after", b"0")]
        else:
            status = 200
            body = b'{"agent_id": "echo", "name": "echo", "capabilities": {}}'
            headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    try:
        async with AsyncAgentProtocol(f"http://127.0.0.1:{port}", max_retries=2) as client:
            agent = await client.agents.get("echo")
            assert agent.agent_id == "echo" and hits["GET /agents/echo"] == 3
            with pytest.raises(ServiceUnavailableError) as down:
                await client.runs.create("echo", input=1)
            assert down.value.code == "unavailable" and hits["POST /runs"] == 1
    finally:
        server.should_exit = True
        await task


async def test_a_request_over_its_timeout_raises_api_timeout_error():
    """A server that accepts the connection and never answers: the client's `timeout`
    ends the request (not retried), as an APITimeoutError."""
    accepted: list[asyncio.StreamWriter] = []

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(writer)

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with AsyncAgentProtocol(f"http://127.0.0.1:{port}", timeout=0.3) as client:
            with pytest.raises(APITimeoutError) as timed_out:
                await client.threads.get(uuid.uuid4())
        assert timed_out.value.request is not None
        assert timed_out.value.request.url.path.startswith("/threads/")
        assert len(accepted) == 1, "a timeout is not retried"
    finally:
        for writer in accepted:
            writer.close()
        server.close()


def test_the_readme_python_sdk_example_runs_as_written(base_url, tmp_path):
    """The root README's "Python SDK" example, pointed at the test server."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Python SDK", 1)[1]
    [code] = re.findall(r"```python\n(.*?)```", section, re.S)[:1]
    assert "http://127.0.0.1:2024" in code
    script = tmp_path / "example.py"
    script.write_text(code.replace("http://127.0.0.1:2024", base_url))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "success" in out.stdout


def test_the_client_readme_examples_run_as_written(base_url, tmp_path):
    """client/README.md's Python blocks, in order, as one script against the test server."""
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "client" / "README.md").read_text(), re.S)
    assert len(blocks) >= 7
    script = tmp_path / "client_readme.py"
    script.write_text("\n".join(blocks).replace("http://127.0.0.1:2024", base_url))
    out = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert "nothing to resume: idle" in out.stdout
