"""What a check works with: the generated client, recording every exchange, and helpers.

Each check gets its own `CheckContext`: a `Client` of the generated SDK whose httpx hooks
record every request and response (an `Exchange`), so that a failure names the request
that went wrong. `call` runs one generated operation and judges its status:

- the expected status: the parsed body is returned (a `Reply`);
- 405 or 501, or a 404 whose body is not an `ErrorResponse` (a framework's "Not Found"):
  the server does not implement the route, and the check is skipped (`Skipped`);
- anything else, or a body that does not parse as the spec says: the check fails
  (`CheckFailed`, with the exchange).

A 404 with an `ErrorResponse` body is the absence of the resource, a failure when the
check has just created it.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import itertools
import json
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

import httpx

from agent_protocol_client import Client
from agent_protocol_client.api.background_runs import cancel_run, create_run, get_run, wait_run
from agent_protocol_client.api.runs import create_and_wait_run
from agent_protocol_client.api.threads import create_thread, delete_thread, get_thread
from agent_protocol_client.models import (
    ErrorResponse,
    Run,
    RunCreate,
    RunStream,
    RunWaitResponse,
    Thread,
    ThreadCreate,
)
from agent_protocol_client.sse import EventStream, ServerSentEvent, StreamError
from agent_protocol_client.types import UNSET

T = TypeVar("T")

EXCERPT = 400  # characters of a body shown in a failure
ROUTE_MISSING = (405, 501)
TERMINAL = ("success", "error", "timeout", "interrupted")
ACTIVE = ("pending", "running")
SHOWN_HEADERS = ("last-event-id",)  # request headers a failure shows
CLEANUP_SECONDS = 5.0
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_PARAM_OF = {"threads": "{thread_id}", "runs": "{run_id}", "agents": "{agent_id}"}

# The exchanges started by the current `call` (each asyncio task has its own context, so
# concurrent calls of one check never mix theirs up).
_CALL: contextvars.ContextVar[list[Exchange] | None] = contextvars.ContextVar("_CALL", default=None)


class Skipped(Exception):
    """The check cannot run against this server (an agent or a route is missing)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CheckFailed(Exception):
    """The server did not behave as the spec says; `exchange` is the request that showed it."""

    def __init__(self, message: str, exchange: Exchange | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.exchange = exchange


@dataclass(eq=False)
class Exchange:
    """One request and, once it came, its response (or the transport error instead)."""

    request: httpx.Request
    response: httpx.Response | None = None
    events: list[ServerSentEvent] | None = None  # a stream's events, as far as they were read
    error: str | None = None

    @property
    def method(self) -> str:
        return self.request.method

    @property
    def url(self) -> str:
        return str(self.request.url)

    @property
    def status(self) -> int | None:
        return None if self.response is None else self.response.status_code

    @property
    def route(self) -> str:
        """`PATCH /runs/resume`, `GET /runs/{run_id}/stream`: the method and path template."""
        segments = urlsplit(self.url).path.split("/")
        for i, segment in enumerate(segments):
            if i and _UUID.match(segment):
                segments[i] = _PARAM_OF.get(segments[i - 1], "{id}")
        return f"{self.method} {'/'.join(segments)}"

    def request_body(self) -> str:
        try:
            return excerpt(self.request.content)
        except httpx.RequestNotRead:
            return "(streamed)"

    def response_body(self) -> str:
        if self.response is None:
            return self.error or "(no response)"
        if self.events is not None:
            return _events_excerpt(self.events)
        try:
            return excerpt(self.response.content)
        except httpx.ResponseNotRead:
            return "(not read)"

    def body_json(self) -> Any:
        try:
            return json.loads(self.response.content) if self.response is not None else None
        except (ValueError, httpx.ResponseNotRead):
            return None

    def to_dict(self) -> dict[str, Any]:
        headers = {k: v for k, v in self.request.headers.items() if k.lower() in SHOWN_HEADERS}
        return {
            "method": self.method,
            "url": self.url,
            "request_headers": headers,
            "request_body": self.request_body(),
            "status": self.status,
            "response_body": self.response_body(),
        }


@dataclass
class Reply(Generic[T]):
    """A judged answer: its status, its parsed body and the exchange it came from."""

    status: int
    parsed: T
    exchange: Exchange


def excerpt(content: bytes | str, limit: int = EXCERPT) -> str:
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _events_excerpt(events: list[ServerSentEvent], head: int = 3, tail: int = 5) -> str:
    def line(e: ServerSentEvent) -> str:
        return f"[{e.id}] {e.event}: {excerpt(e.data, 120)}"

    if not events:
        return "(no events)"
    if len(events) <= head + tail:
        return "\n".join(map(line, events))
    skipped = f"... {len(events) - head - tail} more events ..."
    return "\n".join([*map(line, events[:head]), skipped, *map(line, events[-tail:])])


def _is_error_body(exchange: Exchange) -> bool:
    body = exchange.body_json()
    return isinstance(body, dict) and isinstance(body.get("code"), str)


def plain(value: Any) -> Any:
    """A generated model (or enum, or UNSET) as plain JSON-like data."""
    if value is UNSET:
        return None
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "value") and not isinstance(value, dict):
        return value.value
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def values_of(model: Any) -> dict[str, Any]:
    """The `values` of a Thread, ThreadState or RunWaitResponse ({} when absent)."""
    values = plain(getattr(model, "values", UNSET))
    return values if isinstance(values, dict) else {}


def contains(actual: Any, expected: Any) -> bool:
    """JSON containment: every key of `expected` is in `actual` with a contained value."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and contains(actual[k], v) for k, v in expected.items()
        )
    return actual == expected


def new_client(
    base_url: str, timeout: float, api_key: str | None, httpx_args: dict | None = None
) -> Client:
    """The generated client for the server checked, sending its API key (if any) as
    `Authorization: Bearer`."""
    return Client(
        base_url=base_url,
        timeout=httpx.Timeout(timeout),
        raise_on_unexpected_status=False,
        headers={"Authorization": f"Bearer {api_key}"} if api_key else {},
        httpx_args=httpx_args or {},
    )


class Recorder:
    """Records every exchange of its httpx client (pass `hooks()` as its `event_hooks`), so
    that a failure names the request that showed it; and the assertions of a check."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.exchanges: list[Exchange] = []

    def hooks(self) -> dict[str, list[Any]]:
        return {"request": [self._on_request], "response": [self._on_response]}

    async def _on_request(self, request: httpx.Request) -> None:
        exchange = Exchange(request)
        self.exchanges.append(exchange)
        if (current := _CALL.get()) is not None:
            current.append(exchange)

    async def _on_response(self, response: httpx.Response) -> None:
        for exchange in reversed(self.exchanges):
            if exchange.request is response.request:
                exchange.response = response
                return

    def last_exchange(self) -> Exchange | None:
        """The newest exchange still waiting for its response, else the newest one."""
        for exchange in reversed(self.exchanges):
            if exchange.response is None and exchange.error is None:
                return exchange
        return self.exchanges[-1] if self.exchanges else None

    async def until(
        self, probe: Callable[[], Awaitable[tuple[bool, Any]]], what: str, within: float = 10.0
    ) -> Any:
        """Poll `probe` until it returns (True, value); returns value. Fails after `within` s."""
        deadline = time.monotonic() + min(within, self.timeout)
        while True:
            done, value = await probe()
            if done:
                return value
            if time.monotonic() > deadline:
                raise CheckFailed(f"{what}: not seen within {within:g} s", self.last_exchange())
            await asyncio.sleep(0.05)

    # -- assertions -----------------------------------------------------------------------

    def check(
        self, condition: object, message: str, about: Reply[Any] | Exchange | None = None
    ) -> None:
        if not condition:
            exchange = about.exchange if isinstance(about, Reply) else about
            raise CheckFailed(message, exchange if exchange is not None else self.last_exchange())

    def equal(
        self, actual: Any, expected: Any, what: str, about: Reply[Any] | Exchange | None = None
    ) -> None:
        actual, expected = plain(actual), plain(expected)
        self.check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}", about)


class CheckContext(Recorder):
    """The client and the helpers of one check; created and closed by the runner."""

    def __init__(self, base_url: str, timeout: float, api_key: str | None = None) -> None:
        super().__init__(timeout)
        self.thread_ids: list[uuid.UUID] = []
        self.run_ids: list[uuid.UUID] = []
        self.client = new_client(base_url, timeout, api_key, {"event_hooks": self.hooks()})

    async def __aenter__(self) -> CheckContext:
        await self.client.__aenter__()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.client.__aexit__(*exc_info)

    # -- calling operations ---------------------------------------------------------------

    async def call(
        self, op: ModuleType, *args: Any, expect: int | Iterable[int] = 200, **kwargs: Any
    ) -> Reply[Any]:
        """Run the generated operation `op` (a module of agent_protocol_client.api) and
        judge its status against `expect`; see the module docstring."""
        expected = (expect,) if isinstance(expect, int) else tuple(expect)
        mine: list[Exchange] = []
        token = _CALL.set(mine)
        try:
            response = await op.asyncio_detailed(*args, client=self.client, **kwargs)
        except httpx.HTTPError as exc:
            exchange = mine[-1] if mine else None
            if exchange is not None:
                exchange.error = f"{type(exc).__name__}: {exc}"
            route = exchange.route if exchange else op.__name__.rsplit(".", 1)[-1]
            raise CheckFailed(f"{route}: {type(exc).__name__}: {exc}", exchange) from exc
        except Exception as exc:  # the body does not parse as the spec's schema
            exchange = mine[-1] if mine else None
            if exchange is None or exchange.response is None:
                raise
            self._judge(exchange, expected)
            raise CheckFailed(
                f"{exchange.route}: the {exchange.status} response does not match the spec "
                f"({type(exc).__name__}: {exc})",
                exchange,
            ) from exc
        finally:
            _CALL.reset(token)
        exchange = next(
            (e for e in mine if e.response is not None and e.response.headers is response.headers),
            mine[-1],
        )
        self._judge(exchange, expected)
        if response.status_code >= 400 and not isinstance(response.parsed, ErrorResponse):
            raise CheckFailed(
                f"{exchange.route}: the {response.status_code} body is not an ErrorResponse",
                exchange,
            )
        return Reply(response.status_code, response.parsed, exchange)

    def _judge(self, exchange: Exchange, expected: tuple[int, ...]) -> None:
        status = exchange.status
        missing = status in ROUTE_MISSING or (status == 404 and not _is_error_body(exchange))
        if missing and (status not in expected or status == 404):
            raise Skipped(f"server does not implement {exchange.route} ({status})")
        if status not in expected:
            wanted = " or ".join(map(str, expected))
            code = ""
            if isinstance(body := exchange.body_json(), dict) and isinstance(body.get("code"), str):
                code = f" ({body['code']})"
            raise CheckFailed(f"{exchange.route}: expected {wanted}, got {status}{code}", exchange)

    async def error(
        self, op: ModuleType, *args: Any, status: int, code: str | None = None, **kwargs: Any
    ) -> ErrorResponse:
        """Call `op` expecting an ErrorResponse with `status` (and `code`, if given)."""
        reply = await self.call(op, *args, expect=status, **kwargs)
        error: ErrorResponse = reply.parsed
        if code is not None:
            self.equal(error.code, code, f"{reply.exchange.route}: the {status} error code", reply)
        return error

    async def stream(
        self,
        open_stream: Callable[[], Any],
        *,
        stop: Callable[[ServerSentEvent], bool] | None = None,
    ) -> Reply[list[ServerSentEvent]]:
        """Open a stream (a context manager of agent_protocol_client.sse) and read it to its
        end, or until `stop(event)` is true (then the connection is dropped)."""
        mine: list[Exchange] = []
        token = _CALL.set(mine)
        events: list[ServerSentEvent] = []
        try:
            async with open_stream() as stream:
                exchange = self._exchange_of(mine, stream)
                exchange.events = events
                content_type = stream.response.headers.get("content-type", "")
                if not content_type.startswith("text/event-stream"):
                    await stream.response.aread()
                    exchange.events = None
                    raise CheckFailed(
                        f"{exchange.route}: content-type {content_type!r}, "
                        "expected text/event-stream",
                        exchange,
                    )
                async for event in stream:
                    events.append(event)
                    if stop is not None and stop(event):
                        break
        except StreamError as exc:
            exchange = mine[-1]
            self._judge(exchange, (200,))
            raise CheckFailed(f"{exchange.route}: {exc}", exchange) from exc
        except httpx.HTTPError as exc:
            exchange = mine[-1] if mine else None
            if exchange is not None:
                exchange.error = f"{type(exc).__name__}: {exc}"
            raise CheckFailed(f"stream: {type(exc).__name__}: {exc}", exchange) from exc
        finally:
            _CALL.reset(token)
        return Reply(200, events, exchange)

    async def stream_error(
        self, open_stream: Callable[[], Any], *, status: int, code: str | None = None
    ) -> ErrorResponse | None:
        """Open a stream expecting it to be refused with `status` (and `code`)."""
        mine: list[Exchange] = []
        token = _CALL.set(mine)
        try:
            async with open_stream() as stream:
                exchange = self._exchange_of(mine, stream)
                await stream.response.aread()
        except StreamError as exc:
            exchange = mine[-1]
            self._judge(exchange, (status,))
            if exc.error is None:
                raise CheckFailed(
                    f"{exchange.route}: the {status} body is not an ErrorResponse", exchange
                ) from exc
            if code is not None:
                self.equal(
                    exc.error.code, code, f"{exchange.route}: the {status} error code", exchange
                )
            return exc.error
        except httpx.HTTPError as exc:
            exchange = mine[-1] if mine else None
            raise CheckFailed(f"stream: {type(exc).__name__}: {exc}", exchange) from exc
        finally:
            _CALL.reset(token)
        raise CheckFailed(f"{exchange.route}: expected {status}, got 200 (a stream)", exchange)

    @staticmethod
    def _exchange_of(mine: list[Exchange], stream: EventStream) -> Exchange:
        for exchange in mine:
            if exchange.request is stream.response.request:
                return exchange
        return mine[-1]

    def is_a(self, reply: Reply[Any], model: type[T]) -> T:
        self.check(
            isinstance(reply.parsed, model),
            f"{reply.exchange.route}: expected a {model.__name__}, got {type(reply.parsed).__name__}",
            reply,
        )
        return reply.parsed

    def event_data(self, event: ServerSentEvent, reply: Reply[Any]) -> Any:
        try:
            return event.json()
        except ValueError:
            raise CheckFailed(
                f"the data of event {event.event!r} (id {event.id}) is not JSON: {excerpt(event.data, 80)}",
                reply.exchange,
            ) from None

    def stream_shape(self, reply: Reply[list[ServerSentEvent]], status: str) -> str:
        """The spec's frame of every stream: `metadata` first (with the run id), ids that
        increase, `end` last with the run's status. Returns the run id."""
        events = reply.parsed
        route = reply.exchange.route
        self.check(events, f"{route}: the stream had no events", reply)
        self.equal(events[0].event, "metadata", f"{route}: the first event", reply)
        run_id = self.event_data(events[0], reply)
        run_id = run_id.get("run_id") if isinstance(run_id, dict) else None
        self.check(
            isinstance(run_id, str) and _UUID.match(run_id),
            f"{route}: the metadata event has no run_id: {events[0].data}",
            reply,
        )
        self.check_ids(reply)
        self.equal(events[-1].event, "end", f"{route}: the last event", reply)
        end = self.event_data(events[-1], reply)
        self.equal(
            end.get("status") if isinstance(end, dict) else end,
            status,
            f"{route}: the status of the end event",
            reply,
        )
        self.track_run(run_id)
        return run_id

    def check_ids(self, reply: Reply[list[ServerSentEvent]]) -> list[int]:
        ids: list[int] = []
        for event in reply.parsed:
            self.check(
                event.id is not None and event.id.isdigit(),
                f"{reply.exchange.route}: event {event.event!r} has no numeric id ({event.id!r})",
                reply,
            )
            ids.append(int(event.id))
        self.check(
            all(a < b for a, b in itertools.pairwise(ids)),
            f"{reply.exchange.route}: event ids do not increase: {ids}",
            reply,
        )
        return ids

    # -- common steps ---------------------------------------------------------------------

    def track_thread(self, thread_id: uuid.UUID | str) -> None:
        self.thread_ids.append(uuid.UUID(str(thread_id)))

    def track_run(self, run_id: uuid.UUID | str) -> None:
        if (run := uuid.UUID(str(run_id))) not in self.run_ids:
            self.run_ids.append(run)

    async def new_thread(self, metadata: dict[str, Any] | None = None, **extra: Any) -> Thread:
        body = ThreadCreate.from_dict({"metadata": metadata or {}, **extra})
        thread = self.is_a(await self.call(create_thread, body=body), Thread)
        self.track_thread(thread.thread_id)
        return thread

    async def thread(self, thread_id: uuid.UUID) -> Thread:
        return self.is_a(await self.call(get_thread, thread_id), Thread)

    async def start_run(self, agent: str, input_: Any, thread_id: Any = None, **extra: Any) -> Run:
        """POST /runs: a background run."""
        body = {"agent_id": agent, "input": input_, **extra}
        if thread_id is not None:
            body["thread_id"] = str(thread_id)
        run = self.is_a(await self.call(create_run, body=RunStream.from_dict(body)), Run)
        self.track_run(run.run_id)
        return run

    async def run_wait(
        self, agent: str, input_: Any, thread_id: Any = None, **extra: Any
    ) -> RunWaitResponse:
        """POST /runs/wait: a run and its final output."""
        body = {"agent_id": agent, "input": input_, **extra}
        if thread_id is not None:
            body["thread_id"] = str(thread_id)
        reply = await self.call(create_and_wait_run, body=RunCreate.from_dict(body))
        result = self.is_a(reply, RunWaitResponse)
        self.check(
            isinstance(result.run, Run), f"{reply.exchange.route}: no run in the output", reply
        )
        self.track_run(result.run.run_id)
        return result

    async def join(self, run_id: uuid.UUID) -> Reply[RunWaitResponse]:
        """GET /runs/{run_id}/wait."""
        reply = await self.call(wait_run, run_id)
        result = self.is_a(reply, RunWaitResponse)
        self.check(
            isinstance(result.run, Run), f"{reply.exchange.route}: no run in the output", reply
        )
        return reply

    async def until_step(self, thread_id: uuid.UUID, at_least: int = 1) -> Thread:
        """Wait until the thread's values hold `step` >= at_least (the slow agent's progress)."""

        async def probe() -> tuple[bool, Thread]:
            thread = await self.thread(thread_id)
            step = values_of(thread).get("step")
            return isinstance(step, int) and step >= at_least, thread

        return await self.until(probe, f"step {at_least} of the slow agent on thread {thread_id}")

    async def run_status(self, run_id: uuid.UUID) -> str:
        run = self.is_a(await self.call(get_run, run_id), Run)
        return plain(run.status)

    async def cleanup(self) -> None:
        """Best effort: stop the check's runs and delete its threads (not judged)."""
        client = self.client
        with contextlib.suppress(Exception):
            async with asyncio.timeout(CLEANUP_SECONDS):
                for run_id in self.run_ids:
                    with contextlib.suppress(Exception):
                        await cancel_run.asyncio_detailed(run_id, client=client, wait=True)
                for thread_id in self.thread_ids:
                    with contextlib.suppress(Exception):
                        await delete_thread.asyncio_detailed(thread_id, client=client)
