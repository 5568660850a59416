"""A database outage: every request that cannot reach Postgres answers 503 `unavailable`
with `Retry-After`, promptly (a bounded wait for a connection), never a 500 or a hang; the
server recovers by itself when Postgres is back. The outage is a TCP proxy between the
server and the real Postgres that drops every connection and refuses new ones (Postgres
restarts and connection exhaustion are in the chaos suite, `nox -s chaos`)."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from langgraph_sdk import get_client
from sqlalchemy.engine import make_url

from .conftest import create_database, drop_database, spawn_server
from .helpers import eventually

GRAPH = "tests.langgraph_graphs:hitl_graph"  # its checkpoints go through the graphs' pool


class Proxy:
    """Forwards TCP connections to `upstream`; `cut()` drops them all and refuses new ones
    until `mend()`."""

    def __init__(self, host: str, port: int, socket_dir: str | None = None) -> None:
        # The embedded Postgres listens on a Unix socket only: forward to it there.
        self.socket = f"{socket_dir}/.s.PGSQL.{port}" if socket_dir else None
        self.upstream = (host, port)
        self.down = False
        self.port = 0
        self._writers: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        self.cut()
        if self._server:
            self._server.close()

    def cut(self) -> None:
        self.down = True
        for writer in list(self._writers):
            writer.transport.abort()  # a reset, as when Postgres goes away
        self._writers.clear()

    def mend(self) -> None:
        self.down = False

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.down:
            writer.transport.abort()
            return
        try:
            if self.socket:
                up_reader, up_writer = await asyncio.open_unix_connection(self.socket)
            else:
                up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, up_writer}
        await asyncio.gather(
            self._pipe(reader, up_writer), self._pipe(up_reader, writer), return_exceptions=True
        )
        self._writers -= {writer, up_writer}

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        finally:
            with contextlib.suppress(Exception):
                writer.close()


@pytest.fixture(scope="module")
async def outage(postgres_url: str, tmp_path_factory) -> AsyncIterator[tuple[Proxy, str]]:
    """A server whose database is behind a proxy: (the proxy, the server's URL)."""
    url = await create_database(postgres_url)
    parsed = make_url(url)
    socket_dir = parsed.query.get("host")
    assert socket_dir is None or isinstance(socket_dir, str)
    proxy = Proxy(parsed.host or "127.0.0.1", parsed.port or 5432, socket_dir)
    await proxy.start()
    proxied = parsed.set(host="127.0.0.1", port=proxy.port).difference_update_query(["host"])
    proxied_url = proxied.render_as_string(hide_password=False)
    log_path = tmp_path_factory.mktemp("outage") / "server.log"
    try:
        async with await spawn_server(
            proxied_url, log_path=log_path, AP_POOL_TIMEOUT="2", AP_AGENTS=GRAPH
        ) as server:
            yield proxy, server.base_url
    finally:
        await proxy.stop()
        await drop_database(postgres_url, url)


async def until_ok(http: httpx.AsyncClient, timeout: float = 30.0) -> None:
    """A bounded poll of GET /ok until the server answers 200 again."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.TransportError):
            if (await http.get("/ok")).status_code == 200:
                return
        await asyncio.sleep(0.1)
    raise AssertionError("the server did not recover")


@contextlib.asynccontextmanager
async def down(proxy: Proxy, http: httpx.AsyncClient) -> AsyncIterator[None]:
    """Postgres unreachable for the block; then a bounded wait for the server's recovery."""
    proxy.cut()
    try:
        yield
    finally:
        proxy.mend()
    await until_ok(http)


async def test_requests_during_an_outage_are_503_and_the_server_recovers(outage) -> None:
    proxy, base_url = outage
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        thread_id = (await http.post("/threads", json={})).json()["thread_id"]
        async with down(proxy, http):
            attempts = [
                http.get("/ok"),
                http.get(f"/threads/{thread_id}"),
                http.post("/threads", json={}),
                http.post("/threads/search", json={}),
                http.post("/runs/wait", json={"agent_id": "echo", "input": 1}),
                http.post("/runs", json={"agent_id": "echo", "thread_id": thread_id}),
                http.put("/store/items", json={"namespace": ["a"], "key": "k", "value": {}}),
            ]
            for response in await asyncio.gather(*attempts):
                assert response.status_code == 503, (response.request.url, response.text)
                assert int(response.headers["retry-after"]) >= 1
                error = response.json()
                assert error["code"] == "unavailable", error
                assert "asyncpg" not in error["message"] and "sqlalchemy" not in error["message"]
        # Recovered by itself: requests, the worker and LISTEN/NOTIFY all work again.
        done = await http.post(
            "/runs/wait", json={"agent_id": "echo", "thread_id": thread_id, "input": 7}
        )
        assert done.status_code == 200, done.text
        assert done.json()["values"]["echo"] == 7


async def test_a_graph_waiting_on_a_question_goes_on_after_an_outage(outage) -> None:
    """A graph's checkpoints go through the graphs' own pool (server/langgraph/graph.py):
    an outage drops its connections too; during it a graph run is a 503, and after it the
    question the graph asked before is answered and the graph ends from its checkpoint."""
    proxy, base_url = outage
    client = get_client(url=f"{base_url}/langgraph", timeout=30)
    thread_id = (await client.threads.create())["thread_id"]
    asked = await client.runs.wait(thread_id, "hitl_graph", input={"question": "ship it?"})
    assert asked["__interrupt__"][0]["value"] == {"question": "ship it?"}, asked
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http, down(proxy, http):
        refused = await http.post(
            f"/langgraph/threads/{thread_id}/runs/wait",
            json={"assistant_id": "hitl_graph", "command": {"resume": "no"}},
        )
        assert refused.status_code == 503, refused.text
        assert refused.json()["code"] == "unavailable"
    done = await client.runs.wait(thread_id, "hitl_graph", command={"resume": "yes"})
    assert done["answer"] == "yes" and done["steps"] == ["ask", "finish"], done
    state = await client.threads.get_state(thread_id)
    assert state["next"] == [] and state["values"]["answer"] == "yes"


async def test_a_busy_run_path_pool_answers_503_after_the_pool_timeout(
    start_server, empty_database_url
) -> None:
    """The run path's own pool (storage/hot.py) holds AP_POOL_SIZE connections: a request
    that finds them all busy waits AP_POOL_TIMEOUT for one, then answers 503, as a request
    waiting on the other pool does; once a connection is free, it is served again."""
    server = await start_server(empty_database_url, AP_POOL_SIZE="1", AP_POOL_TIMEOUT="0.5")
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        created = await http.post(
            "/runs", json={"agent_id": "slow", "input": {"steps": 1000, "delay": 0.02}}
        )
        assert created.status_code == 200, created.text
        run = created.json()
        conn = await asyncpg.connect(empty_database_url)
        try:
            async with conn.transaction():
                # The run's next step write waits for this lock, holding the pool's connection.
                await conn.execute(
                    "SELECT 1 FROM threads WHERE thread_id = $1 FOR UPDATE",
                    uuid.UUID(run["thread_id"]),
                )

                async def write_waits() -> bool:
                    return bool(
                        await conn.fetchval(
                            "SELECT count(*) FROM pg_stat_activity WHERE datname ="
                            " current_database() AND wait_event_type = 'Lock'"
                        )
                    )

                await eventually(write_waits, "the run's step write to wait for the lock")
                refused = await http.post("/runs/wait", json={"agent_id": "echo", "input": 1})
                assert refused.status_code == 503, refused.text
                assert refused.json()["code"] == "unavailable"
                assert int(refused.headers["retry-after"]) >= 1
            served = await http.post("/runs/wait", json={"agent_id": "echo", "input": 2})
            assert served.status_code == 200, served.text
            assert served.json()["values"] == {"echo": 2}
            stopped = await http.post(f"/runs/{run['run_id']}/cancel?wait=true")
            assert stopped.status_code in (200, 202, 204), stopped.text
        finally:
            await conn.close()
