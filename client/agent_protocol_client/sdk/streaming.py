"""Streams of a run as typed events, rejoined after a dropped connection.

`runs.stream(...)`, `runs.resume_stream(...)` and `runs.join_stream(...)` return a
`RunStream` (sync) or `AsyncRunStream`: iterate it for `Event`s, `metadata` first and
`end` last. When the connection breaks before `end` (a reset, a proxy timeout, a server
restart), the stream reconnects to the run's stream URL (`Content-Location` when the
server sent one, else `/runs/{run_id}/stream` with the run id of the `metadata` event)
with `Last-Event-ID` set to the last event received: the server replays what was missed,
and any event whose id is not after it is dropped, so nothing is lost or repeated.

A stream the SDK creates is sent with `on_disconnect: continue` (unless you set it), so
the run survives the dropped connection; leaving the loop early (`break`, `close()`, an
exception) cancels the run, as the server's default `on_disconnect: cancel` would.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from dataclasses import dataclass
from typing import Any, Literal, cast
from urllib.parse import urljoin
from uuid import UUID

import httpx

from ..api.background_runs import cancel_run, stream_run
from ..api.runs import create_and_stream_run, resume_and_stream_run
from ..event_stream import ServerSentEvent, aiter_sse, iter_sse
from ..types import UNSET
from ._transport import Body, Settings, backoff
from .exceptions import APIConnectionError, error_for

EventName = Literal["metadata", "values", "updates", "messages", "custom", "interrupt", "error", "end"]


@dataclass(frozen=True)
class Event:
    """One event of a run's stream: `event` its name, `data` its JSON payload (parsed),
    `id` its id in the run's stream (for `Last-Event-ID`)."""

    event: EventName | str
    data: Any
    id: str | None = None

    @property
    def run_id(self) -> str | None:
        """The run's id, on the `metadata` event."""
        return self.data.get("run_id") if self.event == "metadata" and isinstance(self.data, dict) else None

    @classmethod
    def from_sse(cls, sse: ServerSentEvent) -> Event:
        try:
            data = json.loads(sse.data)
        except ValueError:
            data = sse.data
        return cls(sse.event, data, sse.id)


class _Rejoin:
    """Where the stream is, and how to reconnect to it."""

    def __init__(self, settings: Settings, kind: str, payload: dict[str, Any]) -> None:
        self.settings = settings
        self.kind = kind
        self.payload = dict(payload)
        self.created = kind in ("create", "resume")
        self.cancel_on_close = self.created and "on_disconnect" not in self.payload
        if self.cancel_on_close:
            self.payload["on_disconnect"] = "continue"
        self.run_id: str | None = payload.get("run_id")
        self.location: str | None = None
        self.last_id: str | None = payload.get("last_event_id")
        self.ended = False
        self.failures = 0

    def request(self) -> dict[str, Any]:
        """The request to send now: the first one, or a rejoin."""
        if self.kind == "create":
            kwargs = create_and_stream_run._get_kwargs(body=cast(Any, Body(self.payload)))
        elif self.kind == "resume":
            kwargs = resume_and_stream_run._get_kwargs(body=cast(Any, Body(self.payload)))
        elif self.location:
            kwargs = {"method": "get", "url": self.location}
            if self.last_id:
                kwargs["headers"] = {"Last-Event-ID": self.last_id}
        else:
            kwargs = stream_run._get_kwargs(UUID(str(self.run_id)), last_event_id=self.last_id or UNSET)
        headers = dict(kwargs.get("headers") or {})
        headers["Accept"] = "text/event-stream"
        return {**kwargs, "headers": headers, "timeout": self.settings.wait_timeout()}

    def opened(self, response: httpx.Response) -> None:
        if response.status_code != 200:
            raise error_for(response)
        if location := response.headers.get("content-location"):
            self.location = urljoin(str(response.url), location)

    def accept(self, sse: ServerSentEvent) -> Event | None:
        """The event to yield, or None for one already yielded (a replay overlapping)."""
        if sse.id and self.last_id and sse.id.isdigit() and self.last_id.isdigit():
            if int(sse.id) <= int(self.last_id):
                return None
        event = Event.from_sse(sse)
        if event.run_id and self.run_id is None:
            self.run_id = event.run_id
        if sse.id:
            self.last_id = sse.id
        self.failures = 0
        self.ended = event.event == "end"
        return event

    def dropped(self, exc: Exception | None) -> float:
        """The connection ended before `end`: switch to rejoining and return the delay before
        it, or raise when it cannot be rejoined."""
        self.failures += 1
        if self.run_id is None and self.location is None:
            raise APIConnectionError(f"the stream broke before its run was known: {exc}") from exc
        if self.failures > max(self.settings.max_retries, 1) + 2:
            raise APIConnectionError(f"could not rejoin the stream of run {self.run_id}: {exc}") from exc
        self.kind = "join"
        return backoff(self.failures)

    def cancel_request(self) -> dict[str, Any] | None:
        if self.cancel_on_close and not self.ended and self.run_id:
            return cancel_run._get_kwargs(UUID(self.run_id))
        return None


class RunStream:
    """The events of a run (sync); iterate it, or use it as a context manager."""

    def __init__(self, http: httpx.Client, settings: Settings, kind: str, payload: dict[str, Any]) -> None:
        self._http = http
        self._state = _Rejoin(settings, kind, payload)
        self._events = self._run()

    def __iter__(self) -> Iterator[Event]:
        return self._events

    def __next__(self) -> Event:
        return next(self._events)

    def __enter__(self) -> RunStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def run_id(self) -> str | None:
        return self._state.run_id

    def close(self) -> None:
        self._events.close()

    def _run(self) -> Generator[Event, None, None]:
        state = self._state
        try:
            while not state.ended:
                error: Exception | None = None
                try:
                    with self._http.stream(**state.request()) as response:
                        if response.status_code != 200:
                            response.read()
                        state.opened(response)
                        for sse in iter_sse(response):
                            if (event := state.accept(sse)) is not None:
                                yield event
                                if state.ended:
                                    return
                except httpx.TransportError as exc:
                    error = exc
                time.sleep(state.dropped(error))
        finally:
            if (cancel := state.cancel_request()) is not None:
                with contextlib.suppress(httpx.HTTPError):
                    self._http.request(**cancel)


class AsyncRunStream:
    """The events of a run (async); `async for` over it, or `async with` it."""

    def __init__(self, http: httpx.AsyncClient, settings: Settings, kind: str, payload: dict[str, Any]) -> None:
        self._http = http
        self._state = _Rejoin(settings, kind, payload)
        self._events = self._run()

    def __aiter__(self) -> AsyncIterator[Event]:
        return self._events

    async def __anext__(self) -> Event:
        return await self._events.__anext__()

    async def __aenter__(self) -> AsyncRunStream:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    @property
    def run_id(self) -> str | None:
        return self._state.run_id

    async def aclose(self) -> None:
        await self._events.aclose()

    async def _run(self) -> AsyncGenerator[Event, None]:
        state = self._state
        try:
            while not state.ended:
                error: Exception | None = None
                try:
                    async with self._http.stream(**state.request()) as response:
                        if response.status_code != 200:
                            await response.aread()
                        state.opened(response)
                        async for sse in aiter_sse(response):
                            if (event := state.accept(sse)) is not None:
                                yield event
                                if state.ended:
                                    return
                except httpx.TransportError as exc:
                    error = exc
                await asyncio.sleep(state.dropped(error))
        finally:
            if (cancel := state.cancel_request()) is not None:
                with contextlib.suppress(httpx.HTTPError):
                    await self._http.request(**cancel)
