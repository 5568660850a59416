"""Webhook targets and delivery, against a real HTTP server (uvicorn on 127.0.0.1)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import ipaddress
import json
import logging
import socket
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ap_generated.operations import OPERATIONS
from ap_server import webhooks
from ap_server.errors import Invalid
from ap_server.webhooks import WebhookSender, check_target, check_target_resolved

from .helpers import eventually

BACKOFF = 0.01


@dataclass
class Received:
    at: float
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)


@dataclass
class Hook:
    """What the test server's POST /hook answers (a script of steps), and what it received.

    A step is a status code, or (seconds to wait first, status code). Once the script is
    spent, it answers 200."""

    url: str = ""
    script: list[int | tuple[float, int]] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)

    def answer(self, *steps: int | tuple[float, int]) -> None:
        self.script = list(steps)

    async def endpoint(self, request: Request) -> Response:
        body = await request.body()
        self.received.append(Received(time.monotonic(), dict(request.headers), body))
        step = self.script.pop(0) if self.script else 200
        delay, status = step if isinstance(step, tuple) else (0.0, step)
        if delay:
            await asyncio.sleep(delay)
        return Response(status_code=status)


class QuietServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # leave Ctrl-C to pytest
        yield


@pytest.fixture(scope="module")
async def hook_server() -> AsyncIterator[Hook]:
    hook = Hook()
    app = Starlette(routes=[Route("/hook", hook.endpoint, methods=["POST"])])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", timeout_graceful_shutdown=1)
    server = QuietServer(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    async with asyncio.timeout(10):
        while not server.started:
            assert not task.done(), "the test webhook server did not start"
            await asyncio.sleep(0.01)
    hook.url = f"http://127.0.0.1:{port}/hook"
    try:
        yield hook
    finally:
        server.should_exit = True
        await task
        sock.close()


@pytest.fixture
def hook(hook_server: Hook) -> Hook:
    hook_server.script = []
    hook_server.received = []
    return hook_server


def sender(**kwargs) -> WebhookSender:
    kwargs.setdefault("allow_private", True)
    kwargs.setdefault("backoff", BACKOFF)
    kwargs.setdefault("timeout", 2.0)
    return WebhookSender(**kwargs)


# --- delivery ---


async def test_delivers_the_payload(hook: Hook) -> None:
    run_id = uuid.uuid4()
    payload = {
        "run_id": run_id,
        "status": "success",
        "values": {"messages": [{"role": "ai", "content": "héllo"}]},
        "created_at": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
    }
    async with sender() as s:
        assert await s.deliver(hook.url, payload) is True
    [request] = hook.received
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == "ap-server-webhook"
    assert request.json() == {
        "run_id": str(run_id),
        "status": "success",
        "values": {"messages": [{"role": "ai", "content": "héllo"}]},
        "created_at": "2024-01-02T03:04:05Z",
    }


async def test_retries_5xx_with_backoff_then_succeeds(hook: Hook) -> None:
    hook.answer(500, 503, 200)
    async with sender(backoff=0.05) as s:
        assert await s.deliver(hook.url, {"n": 1}) is True
    assert len(hook.received) == 3
    assert all(r.json() == {"n": 1} for r in hook.received)
    first, second, third = (r.at for r in hook.received)
    assert second - first >= 0.05
    assert third - second >= 0.1  # doubled


async def test_retries_429(hook: Hook) -> None:
    hook.answer(429, 200)
    async with sender() as s:
        assert await s.deliver(hook.url, {}) is True
    assert len(hook.received) == 2


async def test_retries_a_timeout_then_succeeds(hook: Hook) -> None:
    hook.answer((1.0, 200), 200)
    started = time.monotonic()
    async with sender(timeout=0.2) as s:
        assert await s.deliver(hook.url, {"slow": True}) is True
    assert len(hook.received) == 2
    assert time.monotonic() - started < 1.0  # did not wait for the slow answer


async def test_gives_up_at_once_on_404(hook: Hook, caplog: pytest.LogCaptureFixture) -> None:
    hook.answer(404, 200)
    caplog.set_level(logging.INFO, logger="ap_server.webhooks")
    async with sender() as s:
        assert await s.deliver(hook.url, {}) is False
    assert len(hook.received) == 1
    assert any(
        r.name == "ap_server.webhooks" and "HTTP 404" in r.getMessage() for r in caplog.records
    )


async def test_does_not_follow_redirects(hook: Hook) -> None:
    hook.answer(307)
    async with sender() as s:
        assert await s.deliver(hook.url, {}) is False
    assert len(hook.received) == 1


async def test_gives_up_after_attempts(hook: Hook) -> None:
    hook.answer(*[500] * 10)
    async with sender(attempts=3) as s:
        assert await s.deliver(hook.url, {}) is False
    assert len(hook.received) == 3


async def test_connection_errors_are_retried_then_given_up() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with sender(attempts=2) as s:
        assert await s.deliver(f"http://127.0.0.1:{port}/hook", {}) is False


async def test_refuses_a_private_target_without_sending(hook: Hook) -> None:
    localhost_url = hook.url.replace("127.0.0.1", "localhost")
    async with sender(allow_private=False) as s:
        assert await s.deliver(hook.url, {}) is False
        assert await s.deliver(localhost_url, {}) is False
    assert hook.received == []


async def test_refuses_a_name_that_resolves_to_a_private_address(
    hook: Hook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: a name that passed at run creation resolves to loopback at delivery."""
    port = int(hook.url.rsplit(":", 1)[1].split("/")[0])
    url = f"http://rebind.example:{port}/hook"
    check_target(url, allow_private=False)  # no DNS at creation: passes
    loop = asyncio.get_running_loop()
    monkeypatch.setattr(loop, "getaddrinfo", fake_resolver({"rebind.example": ["127.0.0.1"]}))
    with pytest.raises(Invalid) as error:
        await check_target_resolved(url, allow_private=False)
    assert error.value.code == "webhook_refused"
    async with sender(allow_private=False) as s:
        assert await s.deliver(url, {}) is False
    assert hook.received == []


async def test_connects_to_the_checked_address(hook: Hook, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name is resolved and checked once per attempt, and the request goes to that address
    (with the name in the Host header), not to whatever the name resolves to next."""
    port = int(hook.url.rsplit(":", 1)[1].split("/")[0])
    loop = asyncio.get_running_loop()
    resolver = fake_resolver({"hook.example": ["127.0.0.1"]})
    monkeypatch.setattr(loop, "getaddrinfo", resolver)
    # Let the test server's loopback address count as public, for this test only.
    monkeypatch.setattr(webhooks, "is_public_address", lambda address: True)
    async with sender(allow_private=False) as s:
        assert await s.deliver(f"http://hook.example:{port}/hook", {"pinned": 1}) is True
    [request] = hook.received
    assert request.headers["host"] == f"hook.example:{port}"
    assert request.json() == {"pinned": 1}
    assert resolver.calls == ["hook.example"]  # the client did not resolve the name again


async def test_an_unresolvable_name_is_retried_then_given_up(
    hook: Hook, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    async def no_such_name(host, port, **kwargs):
        calls.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", no_such_name)
    async with sender(allow_private=False, attempts=3) as s:
        assert await s.deliver("https://nowhere.example/hook", {}) is False
    assert calls == ["nowhere.example"] * 3
    with pytest.raises(Invalid) as error:
        await check_target_resolved("https://nowhere.example/hook", allow_private=False)
    assert error.value.code == "webhook_refused"


def fake_resolver(names: dict[str, list[str]]):
    """A stand-in for `loop.getaddrinfo` that knows `names`; it records the names asked."""

    async def getaddrinfo(host, port, *, family=0, type=0, proto=0, flags=0):
        getaddrinfo.calls.append(host)
        if host not in names:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        infos = []
        for address in names[host]:
            if ipaddress.ip_address(address).version == 4:
                infos.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)))
            else:
                infos.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0)))
        return infos

    getaddrinfo.calls = []
    return getaddrinfo


# --- send / aclose ---


async def test_send_delivers_in_the_background(hook: Hook) -> None:
    s = sender()
    s.send(hook.url, {"background": True})
    assert s.pending == 1
    await s.aclose()
    assert s.pending == 0
    [request] = hook.received
    assert request.json() == {"background": True}
    s.send(hook.url, {"after": "close"})  # dropped, not raised
    assert s.pending == 0


async def test_aclose_cancels_deliveries_still_running(hook: Hook) -> None:
    hook.answer((600.0, 200))  # answered long after any test would give up
    s = sender(timeout=900.0)
    s.send(hook.url, {})

    async def in_flight() -> list[Received]:
        return hook.received

    await eventually(in_flight, "the delivery's request at the hook")
    # aclose cancels the delivery instead of waiting for its answer: were it to wait, the
    # bound below (a hang guard, ten times shorter than the answer) would fail the test.
    await asyncio.wait_for(s.aclose(timeout=0.1), timeout=60)
    assert s.pending == 0


# --- targets ---


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/x",
        "http://127.0.0.1:8080/x",
        "http://localhost/x",
        "http://LOCALHOST./x",
        "http://api.localhost/x",
        "http://10.0.0.1/x",
        "http://172.16.0.1/x",
        "http://192.168.1.1/x",
        "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1/x",
        "http://224.0.0.1/x",
        "http://[::1]/x",
        "http://[fe80::1]/x",
        "http://[fc00::1]/x",
        "http://[::ffff:127.0.0.1]/x",
        "http://[::ffff:10.0.0.1]/x",
        "http://[::]/x",
        "http://0.0.0.0/x",
        "http://127.1/x",
        "http://2130706433/x",
        "http://0x7f.0.0.1/x",
        "ftp://example.com/x",
        "file:///etc/passwd",
        "example.com/x",
        "http:///x",
        "http://",
    ],
)
async def test_check_target_refuses(url: str) -> None:
    with pytest.raises(Invalid) as error:
        check_target(url, allow_private=False)
    assert error.value.code == "webhook_refused"
    assert error.value.status == 422
    with pytest.raises(Invalid):
        await check_target_resolved(url, allow_private=False)


@pytest.mark.parametrize(
    "url", ["http://[zz]/x", "http://example.com:99999/x", "http://a b/x", "http://a..b/x", 42]
)
def test_check_target_refuses_malformed_urls(url) -> None:
    with pytest.raises(Invalid) as error:
        check_target(url, allow_private=True)
    assert error.value.code == "validation_error"


def test_check_target_accepts_public_targets_without_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args, **kwargs):
        raise AssertionError("check_target must not resolve names")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    check_target("http://93.184.216.34/x", allow_private=False)
    check_target("https://example.com/x", allow_private=False)
    check_target("https://example.com:8443/x?token=1", allow_private=False)
    check_target("http://[2606:2800:220:1::1]/x", allow_private=False)


def test_check_target_allows_private_targets_when_told() -> None:
    check_target("http://127.0.0.1:8000/x", allow_private=True)
    check_target("http://localhost/x", allow_private=True)
    check_target("http://[::1]/x", allow_private=True)
    with pytest.raises(Invalid):
        check_target("ftp://127.0.0.1/x", allow_private=True)


async def test_check_target_resolved_accepts_a_public_literal() -> None:
    await check_target_resolved("http://93.184.216.34/x", allow_private=False)
    await check_target_resolved("http://127.0.0.1/x", allow_private=True)


def test_refusals_do_not_echo_secrets() -> None:
    with pytest.raises(Invalid) as error:
        check_target("http://user:secret@10.0.0.1/x?token=secret", allow_private=False)
    assert "secret" not in json.dumps(error.value.body())


# --- the guard on every operation that takes a webhook ---

WEBHOOK_OPERATIONS = [
    op for op in OPERATIONS if op.body is not None and "webhook" in op.body.model_fields
]
PRIVATE_TARGETS = [
    "http://127.0.0.1:9/hook",  # loopback
    "http://[::1]:9/hook",
    "http://169.254.169.254/latest/meta-data",  # link-local (cloud metadata)
    "http://[fe80::1]/hook",
    "http://10.1.2.3/hook",  # private
    "http://172.20.0.1/hook",
    "http://192.168.0.10/hook",
    "http://[fd00::1]/hook",
    "http://100.64.0.1/hook",  # shared address space (carrier-grade NAT)
    "http://localhost:9/hook",
]


def test_the_webhook_operations_are_known() -> None:
    assert {op.operation_id for op in WEBHOOK_OPERATIONS} == {
        "create_run",
        "create_and_wait_run",
        "create_and_stream_run",
        "resume_run",
        "resume_and_wait_run",
        "resume_and_stream_run",
        "lg_create_run",
        "lg_stream_run",
        "lg_wait_run",
        "lg_create_stateless_run",
        "lg_stream_stateless_run",
        "lg_wait_stateless_run",
        "lg_create_cron",
        "lg_create_thread_cron",
        "lg_update_cron",
    }


@pytest.mark.parametrize("url", PRIVATE_TARGETS)
@pytest.mark.parametrize("op", WEBHOOK_OPERATIONS, ids=lambda op: op.operation_id)
async def test_every_operation_refuses_private_webhooks(http, op, url) -> None:
    thread_id = (await http.post("/threads", json={})).json()["thread_id"]
    yearly = "0 0 1 1 *"
    if op.operation_id == "lg_update_cron":  # a cron's new webhook
        made = await http.post(
            "/langgraph/runs/crons", json={"assistant_id": "echo", "schedule": yearly}
        )
        assert made.status_code == 200, made.text
        body = {"webhook": url}
        path = op.path.format(cron_id=made.json()["cron_id"])
    elif op.operation_id.startswith("lg_"):  # the LangGraph paths: the thread in the path
        body = {"assistant_id": "echo", "webhook": url}
        if "cron" in op.operation_id:  # a cron's runs would post to it
            body["schedule"] = yearly
        path = op.path.format(thread_id=thread_id)
    else:
        body = {"agent_id": "echo", "thread_id": thread_id, "webhook": url}
        path = op.path
    if op.operation_id.startswith("resume"):
        body["input"] = "yes"
    response = await http.request(op.method, path, json=body)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "webhook_refused"
    assert (await http.get(f"/threads/{thread_id}")).json()["status"] == "idle"
