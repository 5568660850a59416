"""Hostile HTTP clients, over raw sockets: oversized and too many headers (431), a head sent
too slowly (408), silent and idle keep-alive connections (closed), more connections than a
process takes (503 with Retry-After). Servers with small limits."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from .conftest import ServerProcess, server_on_new_database

HEADER_BYTES, HEADERS, MAX_CONNECTIONS = 4096, 20, 20
READ_TIMEOUT = 30.0  # bounds every read: a server that never answers fails the test


@pytest.fixture(scope="module")
async def tight(postgres_url: str, tmp_path_factory) -> AsyncIterator[ServerProcess]:
    """Small heads, and a second to send one or to say anything at all."""
    env = {
        "AP_MAX_HEADER_BYTES": str(HEADER_BYTES),
        "AP_MAX_HEADERS": str(HEADERS),
        "AP_HEADER_TIMEOUT": "1",
        "AP_KEEP_ALIVE_TIMEOUT": "1",
    }
    log_path = tmp_path_factory.mktemp("tight") / "server.log"
    async with server_on_new_database(postgres_url, log_path, **env) as server:
        yield server


@pytest.fixture(scope="module")
async def capped(postgres_url: str, tmp_path_factory) -> AsyncIterator[ServerProcess]:
    """Few connections, and time enough for a test to hold them open."""
    env = {"AP_MAX_CONNECTIONS": str(MAX_CONNECTIONS), "AP_HEADER_TIMEOUT": "60"}
    log_path = tmp_path_factory.mktemp("capped") / "server.log"
    async with server_on_new_database(postgres_url, log_path, **env) as server:
        yield server


def address(server: ServerProcess) -> tuple[str, int]:
    host, port = server.base_url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


@contextlib.asynccontextmanager
async def connection(server: ServerProcess):
    reader, writer = await asyncio.open_connection(*address(server))
    try:
        yield reader, writer
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def until_closed(reader: asyncio.StreamReader) -> bytes:
    """Everything the server sends until it closes the connection."""
    async with asyncio.timeout(READ_TIMEOUT):
        with contextlib.suppress(ConnectionResetError):
            return await reader.read()
    return b""


async def one_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    async with asyncio.timeout(READ_TIMEOUT):
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {
            k.strip().lower(): v.strip() for k, v in (x.split(":", 1) for x in lines[1:] if x)
        }
        body = await reader.readexactly(int(headers.get("content-length", 0)))
    return int(lines[0].split()[1]), headers, body


def parse(raw: bytes) -> tuple[int, dict]:
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


def request(path: str = "/ok", *headers: str) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: test", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def test_a_request_within_the_limits_is_served(tight) -> None:
    headers = [f"X-Field-{i}: {'v' * 100}" for i in range(HEADERS - 2)]
    async with connection(tight) as (reader, writer):
        writer.write(request("/ok", *headers))
        status, _, _ = await one_response(reader)
    assert status == 200


async def test_a_huge_header_is_431(tight) -> None:
    async with connection(tight) as (reader, writer):
        writer.write(request("/ok", "X-Big: " + "a" * 1024 * 1024))
        status, error = parse(await until_closed(reader))
    assert status == 431
    assert error["code"] == "headers_too_large"
    assert error["metadata"] == {"max_bytes": HEADER_BYTES, "max_headers": HEADERS}


async def test_too_many_headers_is_431(tight) -> None:
    async with connection(tight) as (reader, writer):
        writer.write(request("/ok", *(f"X-{i}: 1" for i in range(HEADERS + 1))))
        status, error = parse(await until_closed(reader))
    assert (status, error["code"]) == (431, "headers_too_large")


async def test_an_unfinished_header_is_refused_before_it_grows(tight) -> None:
    """A 10 MB header that never ends: refused once it passes the limit, and the process
    does not hold what was sent (20 such connections at once)."""
    rss_before = rss(tight)

    async def send_forever() -> bytes:
        async with connection(tight) as (reader, writer):
            writer.write(b"GET /ok HTTP/1.1\r\nHost: test\r\nX-Big: ")
            with contextlib.suppress(ConnectionError):
                for _ in range(160):  # up to 10 MB, 64 KB at a time
                    writer.write(b"a" * 65536)
                    await writer.drain()
            return await until_closed(reader)

    answers = await asyncio.gather(*(send_forever() for _ in range(20)))
    for raw in answers:
        if raw:  # the answer may be lost to a reset while the client still writes
            assert parse(raw)[0] == 431
    assert any(answers)
    assert rss(tight) - rss_before < 50 * 1024 * 1024


async def test_a_head_sent_too_slowly_is_408(tight) -> None:
    async with connection(tight) as (reader, writer):
        writer.write(b"GET /ok HTTP/1.1\r\nHost: te")  # and nothing more
        status, error = parse(await until_closed(reader))
    assert (status, error["code"]) == (408, "request_timeout")


async def test_a_silent_connection_is_closed(tight) -> None:
    async with connection(tight) as (reader, _):
        assert await until_closed(reader) == b""


async def test_an_idle_keep_alive_connection_is_closed(tight) -> None:
    async with connection(tight) as (reader, writer):
        writer.write(request())
        status, headers, _ = await one_response(reader)
        assert status == 200 and headers.get("connection") != "close"
        assert await until_closed(reader) == b""


async def test_connections_over_the_cap_are_503_with_retry_after(capped) -> None:
    async with contextlib.AsyncExitStack() as stack:
        held = [await stack.enter_async_context(connection(capped)) for _ in range(MAX_CONNECTIONS)]
        async with connection(capped) as (reader, writer):
            writer.write(request())
            status, headers, body = await one_response(reader)
            assert status == 503 and int(headers["retry-after"]) >= 1
            assert json.loads(body)["code"] == "unavailable"
            assert await until_closed(reader) == b""
        # The connections it holds are served.
        reader, writer = held[0]
        writer.write(request())
        assert (await one_response(reader))[0] == 200
    # Once they are gone (the server learns it a moment later), new ones are taken again.
    statuses = []
    for _ in range(100):
        async with connection(capped) as (reader, writer):
            writer.write(request())
            statuses.append((await one_response(reader))[0])
        if statuses[-1] == 200:
            break
    assert statuses[-1] == 200 and set(statuses) <= {200, 503}, statuses


def rss(server: ServerProcess) -> int:
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))
    return int(kb) * 1024
