"""What a check of the LangGraph profile works with: plain httpx requests shaped as the
LangGraph SDK (`langgraph-sdk`) sends them, every exchange recorded for the report.

The LangGraph Platform API has no single error body (LangGraph's server answers
`{"detail": ...}`, ours an `ErrorResponse`), so errors are judged by status only. A route
the server lacks is 405 or 501, or a 404 on a URL naming no resource (`POST /assistants`)
or whose body says the path is unknown: the check is skipped, naming the route.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Callable, Iterable
from typing import Any

import httpx

from agent_protocol_client.event_stream import ServerSentEvent, aiter_sse

from .context import _UUID, CheckFailed, Exchange, Recorder, Reply, Skipped, contains, excerpt

ROUTE_MISSING = (405, 501)
TERMINAL = ("success", "error", "timeout", "interrupted")
CLEANUP_SECONDS = 5.0
# The graphs of the profile (ap_server/conformance/graphs.py documents what each does).
GRAPHS = ("kit_echo", "kit_hitl", "kit_slow", "kit_fail")


class LgContext(Recorder):
    """The HTTP client and helpers of one check of the LangGraph profile."""

    def __init__(self, base_url: str, timeout: float, api_key: str | None = None) -> None:
        super().__init__(timeout)
        self.thread_ids: list[str] = []
        self.runs: list[tuple[str, str]] = []  # (thread_id, run_id)
        self.assistant_ids: list[str] = []
        headers = {"x-api-key": api_key} if api_key else {}
        self.http = httpx.AsyncClient(
            base_url=base_url, timeout=timeout, headers=headers, event_hooks=self.hooks()
        )

    async def __aenter__(self) -> LgContext:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.http.aclose()

    def _exchange_of(self, response: httpx.Response) -> Exchange:
        for exchange in reversed(self.exchanges):
            if exchange.request is response.request:
                return exchange
        raise AssertionError("an unrecorded response")

    # -- requests ---------------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        expect: int | Iterable[int] = 200,
    ) -> Reply[Any]:
        """Send one request; judge its status against `expect` (see the module docstring);
        return its JSON body (None when empty)."""
        expected = (expect,) if isinstance(expect, int) else tuple(expect)
        try:
            response = await self.http.request(method, path, json=json, params=params)
        except httpx.HTTPError as exc:
            exchange = self.last_exchange()
            if exchange is not None:
                exchange.error = f"{type(exc).__name__}: {exc}"
            raise CheckFailed(f"{method} {path}: {type(exc).__name__}: {exc}", exchange) from exc
        exchange = self._exchange_of(response)
        self._judge(exchange, expected)
        body: Any = None
        if response.content:
            try:
                body = response.json()
            except ValueError:
                if response.status_code < 300:
                    raise CheckFailed(
                        f"{exchange.route}: the {response.status_code} body is not JSON", exchange
                    ) from None
        return Reply(response.status_code, body, exchange)

    def _judge(self, exchange: Exchange, expected: tuple[int, ...]) -> None:
        status = exchange.status
        if status not in expected and self._route_missing(exchange):
            raise Skipped(f"server does not implement {exchange.route} ({status})")
        if status not in expected:
            wanted = " or ".join(map(str, expected))
            raise CheckFailed(f"{exchange.route}: expected {wanted}, got {status}", exchange)

    @staticmethod
    def _route_missing(exchange: Exchange) -> bool:
        status = exchange.status
        if status in ROUTE_MISSING:
            return True
        if status != 404:
            return False
        names_resource = any(_UUID.match(part) for part in exchange.request.url.path.split("/"))
        body = exchange.body_json()
        says_path = isinstance(body, dict) and (
            "path_id" in (body.get("metadata") or {})
            or str(body.get("message", "")).startswith("path ")
        )
        return says_path or not names_resource

    async def stream(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        headers: dict[str, str] | None = None,
        stop: Callable[[ServerSentEvent], bool] | None = None,
    ) -> Reply[list[ServerSentEvent]]:
        """Open an SSE response and read it to its end, or until `stop(event)` (then the
        connection is dropped). The reply's exchange keeps the events read, for a report."""
        events: list[ServerSentEvent] = []
        request = self.http.build_request(method, path, json=json, headers=headers)
        request.headers["Accept"] = "text/event-stream"
        try:
            response = await self.http.send(request, stream=True)
        except httpx.HTTPError as exc:
            exchange = self.last_exchange()
            raise CheckFailed(f"{method} {path}: {type(exc).__name__}: {exc}", exchange) from exc
        exchange = self._exchange_of(response)
        try:
            if response.status_code != 200:
                await response.aread()
                self._judge(exchange, (200,))
            content_type = response.headers.get("content-type", "")
            if not content_type.startswith("text/event-stream"):
                await response.aread()
                raise CheckFailed(
                    f"{exchange.route}: content-type {content_type!r}, expected text/event-stream",
                    exchange,
                )
            exchange.events = events
            async for event in aiter_sse(response):
                events.append(event)
                if stop is not None and stop(event):
                    break
        except httpx.HTTPError as exc:
            exchange.error = f"{type(exc).__name__}: {exc}"
            raise CheckFailed(f"{exchange.route}: {type(exc).__name__}: {exc}", exchange) from exc
        finally:
            await response.aclose()
        return Reply(200, events, exchange)

    # -- assertions -----------------------------------------------------------------------

    def contains(
        self, actual: Any, expected: dict[str, Any], what: str, about: Reply[Any] | None = None
    ) -> None:
        self.check(
            contains(actual, expected),
            f"{what}: expected to contain {expected!r}, got {excerpt(repr(actual), 200)}",
            about,
        )

    def data(self, event: ServerSentEvent, reply: Reply[Any]) -> Any:
        try:
            return event.json()
        except ValueError:
            raise CheckFailed(
                f"the data of event {event.event!r} is not JSON: {excerpt(event.data, 80)}",
                reply.exchange,
            ) from None

    # -- common steps ---------------------------------------------------------------------

    async def new_thread(
        self, metadata: dict[str, Any] | None = None, **extra: Any
    ) -> dict[str, Any]:
        """POST /threads (client.threads.create)."""
        reply = await self.request("POST", "/threads", json={"metadata": metadata or {}, **extra})
        thread = reply.parsed
        self.check(
            isinstance(thread, dict) and isinstance(thread.get("thread_id"), str),
            "POST /threads: no thread_id in the answer",
            reply,
        )
        self.thread_ids.append(thread["thread_id"])
        return thread

    async def thread(self, thread_id: str) -> dict[str, Any]:
        return (await self.request("GET", f"/threads/{thread_id}")).parsed

    async def start(
        self, thread_id: str, graph: str, input_: Any = None, **extra: Any
    ) -> dict[str, Any]:
        """POST /threads/{thread_id}/runs (client.runs.create): a background run."""
        body = {"assistant_id": graph, "input": input_, **extra}
        reply = await self.request("POST", f"/threads/{thread_id}/runs", json=body)
        run = reply.parsed
        self.check(isinstance(run, dict) and "run_id" in run, "the run has no run_id", reply)
        self.runs.append((thread_id, run["run_id"]))
        self.check(
            run.get("status") in ("pending", "running", *TERMINAL),
            f"status of a new run: {run.get('status')!r}",
            reply,
        )
        return run

    async def wait(
        self, thread_id: str | None, graph: str, input_: Any = None, **extra: Any
    ) -> Reply[Any]:
        """POST /threads/{thread_id}/runs/wait, or /runs/wait (client.runs.wait)."""
        path = f"/threads/{thread_id}/runs/wait" if thread_id else "/runs/wait"
        body = {"assistant_id": graph, **extra}
        if input_ is not None:
            body["input"] = input_
        reply = await self.request("POST", path, json=body)
        self.check(
            isinstance(reply.parsed, dict),
            f"{reply.exchange.route}: the values are not an object",
            reply,
        )
        return reply

    async def run(
        self, thread_id: str, run_id: str, expect: int | Iterable[int] = 200
    ) -> Reply[Any]:
        return await self.request("GET", f"/threads/{thread_id}/runs/{run_id}", expect=expect)

    async def until_status(
        self, thread_id: str, run_id: str, statuses: Iterable[str], within: float = 15.0
    ) -> str:
        """Poll GET run until its status is one of `statuses`."""
        wanted = tuple(statuses)

        async def probe() -> tuple[bool, str]:
            reply = await self.run(thread_id, run_id)
            status = reply.parsed.get("status") if isinstance(reply.parsed, dict) else None
            return status in wanted, str(status)

        return str(await self.until(probe, f"run {run_id} reaching {' or '.join(wanted)}", within))

    async def cleanup(self) -> None:
        """Best effort: cancel the check's runs, delete its threads and assistants."""
        with contextlib.suppress(Exception):
            async with asyncio.timeout(CLEANUP_SECONDS):
                for thread_id, run_id in self.runs:
                    with contextlib.suppress(Exception):
                        await self.http.post(
                            f"/threads/{thread_id}/runs/{run_id}/cancel", params={"wait": "true"}
                        )
                for thread_id in self.thread_ids:
                    with contextlib.suppress(Exception):
                        await self.http.delete(f"/threads/{thread_id}")
                for assistant_id in self.assistant_ids:
                    with contextlib.suppress(Exception):
                        await self.http.delete(f"/assistants/{assistant_id}")


def new_uuid() -> str:
    return str(uuid.uuid4())
