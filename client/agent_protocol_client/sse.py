"""Server-sent events for the streaming operations (hand-written; survives regeneration).

The generated modules for `text/event-stream` responses read the whole body before
parsing it, which never finishes for a live run. This module reads the body as it
arrives instead:

    from agent_protocol_client import Client
    from agent_protocol_client.models import RunStream
    from agent_protocol_client.sse import create_and_stream_run

    async with Client(base_url="http://localhost:8000") as client:
        async with create_and_stream_run(client, RunStream(...)) as events:
            async for event in events:
                print(event.event, event.json())

`stream_run`, `create_and_stream_run` and `resume_and_stream_run` are async context
managers; the `*_sync` twins are their blocking versions. Each builds its request with the
generated `_get_kwargs` of the operation, so paths and methods live only in the spec. A
non-200 answer raises `StreamError`. `aiter_sse` / `iter_sse` parse any httpx response,
and `SSEDecoder` is the parser itself (the HTML "event stream" rules, incrementally).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, AbstractContextManager, asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import httpx

from .api.background_runs import stream_run as _stream_run_op
from .api.runs import create_and_stream_run as _create_and_stream_run_op
from .api.runs import resume_and_stream_run as _resume_and_stream_run_op
from .client import AuthenticatedClient, Client
from .models.error_response import ErrorResponse
from .models.run_resume_stream import RunResumeStream
from .models.run_stream import RunStream
from .types import UNSET

__all__ = [
    "EventStream",
    "SSEDecoder",
    "ServerSentEvent",
    "StreamError",
    "aiter_sse",
    "create_and_stream_run",
    "create_and_stream_run_sync",
    "iter_sse",
    "resume_and_stream_run",
    "resume_and_stream_run_sync",
    "stream_run",
    "stream_run_sync",
]

_EOL = re.compile(r"\r\n?|\n")


@dataclass(frozen=True)
class ServerSentEvent:
    """One dispatched event.

    `id` is the stream's last event ID when the event was dispatched (it carries over from
    earlier events, as in the spec), or None if no non-empty `id` was seen. `retry` is the
    reconnection time in milliseconds given in this event's own block, if any.
    """

    event: str
    data: str
    id: str | None = None
    retry: int | None = None

    def json(self) -> Any:
        return json.loads(self.data)


class SSEDecoder:
    """Incremental parser of an event stream (HTML Living Standard, "Parsing an event stream").

    Feed it bytes (or text) in chunks of any size; each call returns the events completed by
    that chunk. UTF-8 is decoded with replacement, a leading BOM is dropped, lines end with
    CRLF, LF or CR (a CRLF split across chunks counts once), and an event still incomplete
    at the end of the stream is discarded (just stop feeding).
    """

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
        self._line: list[str] = []  # the start of the current line, split over chunks
        self._skip_lf = False  # the last chunk ended with CR: a leading LF ends nothing
        self._event = ""
        self._data: list[str] = []
        self._retry: int | None = None
        self.last_event_id = ""  # persists across events, as the spec's "last event ID buffer"
        self.retry: int | None = None  # the latest reconnection time seen, in milliseconds

    def feed_bytes(self, chunk: bytes) -> list[ServerSentEvent]:
        return self.feed(self._decoder.decode(chunk))

    def feed(self, text: str) -> list[ServerSentEvent]:
        if not text:
            return []
        if self._skip_lf and text[0] == "\n":
            text = text[1:]
        self._skip_lf = text.endswith("\r")
        events: list[ServerSentEvent] = []
        start = 0
        for match in _EOL.finditer(text):
            self._line.append(text[start : match.start()])
            line = "".join(self._line)
            self._line.clear()
            start = match.end()
            event = self._process_line(line)
            if event is not None:
                events.append(event)
        if start < len(text):
            self._line.append(text[start:])
        return events

    def _process_line(self, line: str) -> ServerSentEvent | None:
        if not line:
            return self._dispatch()
        if line[0] == ":":
            return None
        field, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if field == "event":
            self._event = value
        elif field == "data":
            self._data.append(value)
        elif field == "id":
            if "\0" not in value:
                self.last_event_id = value
        elif field == "retry":
            if value.isascii() and value.isdigit():
                self._retry = self.retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        event = None
        if self._data:
            event = ServerSentEvent(
                event=self._event or "message",
                data="\n".join(self._data),
                id=self.last_event_id or None,
                retry=self._retry,
            )
        self._event, self._data, self._retry = "", [], None
        return event


async def aiter_sse(response: httpx.Response) -> AsyncIterator[ServerSentEvent]:
    """Yield the events of a streamed response (`client.stream(...)`) as they arrive."""
    decoder = SSEDecoder()
    async for chunk in response.aiter_bytes():
        for event in decoder.feed_bytes(chunk):
            yield event


def iter_sse(response: httpx.Response) -> Iterator[ServerSentEvent]:
    """Yield the events of a streamed response (`client.stream(...)`) as they arrive."""
    decoder = SSEDecoder()
    for chunk in response.iter_bytes():
        yield from decoder.feed_bytes(chunk)


class StreamError(Exception):
    """A streaming operation answered with a status other than 200."""

    def __init__(self, status_code: int, error: ErrorResponse | None, content: bytes) -> None:
        self.status_code = status_code
        self.error = error  # the parsed body, when it was an ErrorResponse in JSON
        self.content = content
        detail = f"{error.code}: {error.message}" if error else content[:200].decode("utf-8", "replace")
        super().__init__(f"HTTP {status_code}: {detail}")

    @classmethod
    def from_response(cls, response: httpx.Response) -> StreamError:
        try:
            error: ErrorResponse | None = ErrorResponse.from_dict(response.json())
        except (ValueError, KeyError, TypeError, AttributeError):
            error = None
        return cls(response.status_code, error, response.content)


class EventStream:
    """The events of one open streaming response: iterate it (`async for` with an async client).

    `response` is the httpx response (status, headers). `last_event_id` is the id of the
    latest event yielded, for rejoining with `stream_run(..., last_event_id=...)`.
    """

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.last_event_id: str | None = None

    async def __aiter__(self) -> AsyncIterator[ServerSentEvent]:
        async for event in aiter_sse(self.response):
            self.last_event_id = event.id
            yield event

    def __iter__(self) -> Iterator[ServerSentEvent]:
        for event in iter_sse(self.response):
            self.last_event_id = event.id
            yield event


def _with_accept(kwargs: dict[str, Any]) -> dict[str, Any]:
    headers = dict(kwargs.get("headers") or {})
    headers.setdefault("Accept", "text/event-stream")
    return {**kwargs, "headers": headers}


@asynccontextmanager
async def _astream(client: Client | AuthenticatedClient, kwargs: dict[str, Any]) -> AsyncIterator[EventStream]:
    async with client.get_async_httpx_client().stream(**_with_accept(kwargs)) as response:
        if response.status_code != 200:
            await response.aread()
            raise StreamError.from_response(response)
        yield EventStream(response)


@contextmanager
def _stream(client: Client | AuthenticatedClient, kwargs: dict[str, Any]) -> Iterator[EventStream]:
    with client.get_httpx_client().stream(**_with_accept(kwargs)) as response:
        if response.status_code != 200:
            response.read()
            raise StreamError.from_response(response)
        yield EventStream(response)


def _stream_run_kwargs(run_id: UUID | str, last_event_id: str | None) -> dict[str, Any]:
    return _stream_run_op._get_kwargs(run_id, last_event_id=UNSET if last_event_id is None else last_event_id)


def stream_run(
    client: Client | AuthenticatedClient, run_id: UUID | str, *, last_event_id: str | None = None
) -> AbstractAsyncContextManager[EventStream]:
    """Join the stream of an existing run (GET /runs/{run_id}/stream), after `last_event_id` if given."""
    return _astream(client, _stream_run_kwargs(run_id, last_event_id))


def create_and_stream_run(
    client: Client | AuthenticatedClient, body: RunStream
) -> AbstractAsyncContextManager[EventStream]:
    """Create a run and stream its output (POST /runs/stream)."""
    return _astream(client, _create_and_stream_run_op._get_kwargs(body=body))


def resume_and_stream_run(
    client: Client | AuthenticatedClient, body: RunResumeStream
) -> AbstractAsyncContextManager[EventStream]:
    """Resume an interrupted thread and stream the new run (PATCH /runs/resume/stream)."""
    return _astream(client, _resume_and_stream_run_op._get_kwargs(body=body))


def stream_run_sync(
    client: Client | AuthenticatedClient, run_id: UUID | str, *, last_event_id: str | None = None
) -> AbstractContextManager[EventStream]:
    """Blocking `stream_run`."""
    return _stream(client, _stream_run_kwargs(run_id, last_event_id))


def create_and_stream_run_sync(
    client: Client | AuthenticatedClient, body: RunStream
) -> AbstractContextManager[EventStream]:
    """Blocking `create_and_stream_run`."""
    return _stream(client, _create_and_stream_run_op._get_kwargs(body=body))


def resume_and_stream_run_sync(
    client: Client | AuthenticatedClient, body: RunResumeStream
) -> AbstractContextManager[EventStream]:
    """Blocking `resume_and_stream_run`."""
    return _stream(client, _resume_and_stream_run_op._get_kwargs(body=body))
